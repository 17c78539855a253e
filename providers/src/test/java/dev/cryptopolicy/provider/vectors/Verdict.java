package dev.cryptopolicy.provider.vectors;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one route answered for one vector: an output, an accepted or rejected verification, or
 * an exception. Two verdicts are equal when they agree on the kind and the output bytes or the
 * exception class; exception messages may differ between a backend and the policy layer.
 */
final class Verdict {

    /** The kinds of answer. */
    enum Kind {
        /** The operation produced bytes (a digest, a tag, a plaintext, a shared secret). */
        OUTPUT,
        /** A verification returned true. */
        ACCEPTED,
        /** A verification returned false. */
        REJECTED,
        /** The operation (or getting the engine, or decoding the key) threw. */
        FAILED
    }

    private final Kind kind;
    private final byte[] output;
    private final Exception failure;

    private Verdict(Kind kind, byte[] output, Exception failure) {
        this.kind = kind;
        this.output = output;
        this.failure = failure;
    }

    static Verdict output(byte[] bytes) {
        return new Verdict(Kind.OUTPUT, bytes.clone(), null);
    }

    static Verdict verified(boolean accepted) {
        return new Verdict(accepted ? Kind.ACCEPTED : Kind.REJECTED, null, null);
    }

    static Verdict failed(Exception e) {
        return new Verdict(Kind.FAILED, null, e);
    }

    Kind kind() {
        return kind;
    }

    /** The exception of a {@link Kind#FAILED} verdict, else null. */
    Exception failure() {
        return failure;
    }

    boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    /** Rejected or failed: anything a verifier may answer to an invalid input. */
    boolean refused() {
        return kind == Kind.REJECTED || kind == Kind.FAILED;
    }

    boolean outputs(byte[] expected) {
        return kind == Kind.OUTPUT && Arrays.equals(output, expected);
    }

    /** For truncated tags: the output starts with {@code expected}. */
    boolean outputStartsWith(byte[] expected) {
        return kind == Kind.OUTPUT
                && output.length >= expected.length
                && Arrays.equals(output, 0, expected.length, expected, 0, expected.length);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Verdict v) || v.kind != kind) {
            return false;
        }
        return switch (kind) {
            case OUTPUT -> Arrays.equals(output, v.output);
            case FAILED -> failure.getClass() == v.failure.getClass();
            default -> true;
        };
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kind,
                kind == Kind.OUTPUT ? Arrays.hashCode(output) : 0,
                kind == Kind.FAILED ? failure.getClass() : null);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OUTPUT -> "output " + Vectors.hex(output);
            case FAILED -> "failed: " + failure;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
