package dev.cryptopolicy.provider.backend;

import java.util.Arrays;

/**
 * A probe's finding that the backend gave a wrong answer; its message is the reason shown to the
 * user. Checked so that every probe body declares it can fail that way. Public because
 * {@link KemAccess} throws it; made only in this package.
 */
public final class ProbeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean refusedByMode;

    ProbeFailure(String reason) {
        this(reason, false);
    }

    private ProbeFailure(String reason, boolean refusedByMode) {
        super(reason, null, false, false);
        this.refusedByMode = refusedByMode;
    }

    /**
     * Not a wrong answer: the backend refused an operation its own mode forbids (BCFIPS in
     * approved-only mode), which makes the feature unsupported there rather than broken.
     */
    static ProbeFailure refusedByMode(String reason) {
        return new ProbeFailure(reason, true);
    }

    boolean isRefusedByMode() {
        return refusedByMode;
    }

    /** Fails unless the bytes match, with "what was 0x..., expected 0x..." as the reason. */
    static void check(String what, byte[] actual, byte[] expected) throws ProbeFailure {
        if (!Arrays.equals(actual, expected)) {
            throw new ProbeFailure(what + " was " + Messages.hex(actual) + ", expected " + Messages.hex(expected));
        }
    }

    /** Fails with {@code reason} unless the condition holds. */
    static void require(boolean condition, String reason) throws ProbeFailure {
        if (!condition) {
            throw new ProbeFailure(reason);
        }
    }
}
