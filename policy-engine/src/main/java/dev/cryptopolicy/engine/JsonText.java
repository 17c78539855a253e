package dev.cryptopolicy.engine;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain values as indented JSON, byte for byte as Jackson's {@code JsonGenerator}
 * with its default pretty printer writes it: objects one entry a line, indented by two spaces a
 * level, {@code "key" : value}; arrays on one line, {@code [ a, b ]}; empty ones {@code { }} and
 * {@code [ ]}; strings with {@code "}, {@code \} and U+0000 to U+001F escaped ({@code \b \t \n \f
 * \r} by name, the others as {@code \}{@code u00XX} with upper-case digits) and every other char,
 * non-ASCII, U+2028 and lone surrogates included, written as it is.
 *
 * <p>It exists so that the digest every installation logs (the SHA-256 of this form) loads no JSON
 * library: Jackson's first use in a JVM loads some sixty classes. The digests of existing
 * installations are those of Jackson's output, so the two must not differ; {@code JsonTextTest}
 * compares them for every shipped policy, the test data's policies and hostile strings.
 */
final class JsonText {

    /** Jackson's {@code DefaultIndenter.SYSTEM_LINEFEED_INSTANCE} ends lines with the platform's separator. */
    private static final String NEWLINE = System.lineSeparator();

    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private JsonText() {}

    /**
     * The tree as indented JSON, without a final line break.
     *
     * @param tree maps with string keys, lists, strings, integers, longs and booleans
     * @throws IllegalStateException when the tree holds anything else, {@code null} included
     */
    static String write(Object tree) {
        StringBuilder out = new StringBuilder(4096);
        value(out, tree, 0);
        return out.toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            if (map.isEmpty()) {
                out.append(" }");
                return;
            }
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                indent(out, depth + 1);
                string(out, String.valueOf(entry.getKey()));
                out.append(" : ");
                value(out, entry.getValue(), depth + 1);
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof List<?> list) {
            // Arrays are inline: they do not add a level of indentation to the objects they hold.
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? " " : ", ");
                first = false;
                value(out, item, depth);
            }
            out.append(" ]");
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer i) {
            out.append(i.intValue());
        } else if (value instanceof Long l) {
            out.append(l.longValue());
        } else if (value instanceof String text) {
            string(out, text);
        } else {
            throw new IllegalStateException("policy tree value of unexpected type "
                    + (value == null ? "null" : value.getClass().getName()) + ": " + value);
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(NEWLINE);
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c);
                continue;
            }
            out.append('\\');
            switch (c) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append('"');
    }
}
