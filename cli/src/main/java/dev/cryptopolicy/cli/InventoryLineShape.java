package dev.cryptopolicy.cli;

/**
 * The shape the inventory writer gives every use line, {@code {"v":1,"policy":"P","pid":N,
 * ...the use...,"count":N}}, read without parsing: {@code report} decides each distinct use once,
 * and most lines of a fleet's inventories repeat a use already seen (the same use in another JVM,
 * or in a later write of the same one). {@link #use} is the text between the process id and the
 * count, which identifies the use; a line whose use text was parsed and checked before needs only
 * its count read. Lines of another shape (an overflow line, fields in another order, escapes in
 * the policy's name) are parsed in full.
 */
final class InventoryLineShape {

    private static final String PREFIX = "{\"v\":1,\"policy\":\"";
    private static final String PID = ",\"pid\":";
    private static final String SERVICE = ",\"service\":\"";
    private static final String COUNT = ",\"count\":";

    private InventoryLineShape() {}

    /**
     * The use text of {@code line}: from {@code ,"service":} up to {@code ,"count":}, or null when
     * the line is not of the writer's shape (then it must be parsed in full). The text before the
     * use is checked here: format 1, a policy name without escapes or control characters, a
     * process id of digits.
     */
    static String use(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        int i = PREFIX.length();
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) {
                return null;
            }
            i++;
        }
        if (i >= n || !line.startsWith(PID, i + 1)) {
            return null;
        }
        int digits = i + 1 + PID.length();
        int end = digits;
        while (end < n && end - digits < 18 && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
            end++;
        }
        if (end == digits || !line.startsWith(SERVICE, end)) {
            return null;
        }
        int count = line.lastIndexOf(COUNT);
        if (count <= end || count(line, count) < 1) {
            return null;
        }
        return line.substring(end, count);
    }

    /**
     * The count of a line of the writer's shape ({@link #use} not null): the digits after the
     * last {@code ,"count":}, up to the closing brace.
     */
    static long count(String line) {
        return count(line, line.lastIndexOf(COUNT));
    }

    /** The count at {@code at} (the index of {@code ,"count":}), or -1 when it is not digits then the line's end. */
    private static long count(String line, int at) {
        int start = at + COUNT.length();
        int n = line.length();
        if (start >= n - 1 || line.charAt(n - 1) != '}' || n - 1 - start > 18) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < n - 1; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
