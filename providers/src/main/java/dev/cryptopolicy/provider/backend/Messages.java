package dev.cryptopolicy.provider.backend;

import java.util.Arrays;
import java.util.HexFormat;

/** Text helpers shared by discovery and probes, so every reason reads the same way. */
final class Messages {

    private static final HexFormat HEX = HexFormat.of();

    private Messages() {}

    /**
     * "Type: message" for the throwable and, when it adds something, its root cause: JCA
     * exceptions often wrap the useful part (a {@code ClassNotFoundException}, a self-test
     * failure) in a generic one.
     */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(oneLine(t));
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            text.append(" (caused by ").append(oneLine(root)).append(')');
        }
        return text.toString();
    }

    /**
     * True if {@code t} or a cause is Bouncy Castle FIPS refusing a non-approved operation in
     * approved-only mode. Matched by class name because BC is optional at run time.
     */
    static boolean isApprovedOnlyRefusal(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().equals("org.bouncycastle.crypto.fips.FipsUnapprovedOperationError")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** {@code 0x}-prefixed lower-case hex, the form used in every known-answer mismatch. */
    static String hex(byte[] bytes) {
        return bytes == null ? "null" : "0x" + HEX.formatHex(bytes);
    }

    /** {@code length} copies of one byte, as several standard vectors use for keys and messages. */
    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** Parses a hex vector; white space is allowed so long vectors can be laid out as published. */
    static byte[] unhex(String hex) {
        // A loop, not a regular expression: every probe's vectors pass here at a JVM's first lookups.
        StringBuilder digits = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c)) {
                digits.append(c);
            }
        }
        return HEX.parseHex(digits);
    }
}
