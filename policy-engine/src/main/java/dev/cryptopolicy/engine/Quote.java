package dev.cryptopolicy.engine;

import java.util.Locale;

/**
 * Makes text from a policy, a file name or a command line safe to put in a message: every control,
 * format and invisible character is written as an escape ({@code \u202E}), so that nothing a
 * policy contains can move a terminal's cursor, reorder the line it is shown on or hide text; and
 * a value is quoted only as a short excerpt, so that a message never carries a whole file.
 *
 * <p>Escaped are: C0 and C1 controls and DEL (CR, LF, ESC, NUL, ...), format characters (the bidi
 * embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, U+200B-U+200F, U+2060-U+2064,
 * U+FEFF, U+00AD, tag characters), line and paragraph separators, every space other than U+0020
 * (U+00A0 NO-BREAK SPACE, ...), lone surrogates, private-use and unassigned code points. A code
 * point above U+FFFF is written {@code \U0001XXXX}. A backslash is left as it is, so escaping is
 * idempotent: text already escaped comes back unchanged.
 *
 * <p>Every message of the engine and of the command line goes through {@link #escape}, directly or
 * through {@link #excerpt} and {@link #quoted}.
 */
public final class Quote {

    /** The most code points of a value that a message quotes. */
    public static final int EXCERPT = 40;

    private Quote() {}

    /**
     * {@code text} with every character that could change how a terminal or a viewer shows the
     * line written as an escape; the same string when there is none.
     */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                // Printable ASCII, nearly every character of a policy: never escaped.
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            if (needsEscape(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            appendEscaped(sb, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * At most the first {@value #EXCERPT} code points of {@code value}, escaped, followed by
     * {@code ... (N more characters)} when there are more.
     */
    public static String excerpt(String value) {
        return excerpt(value, EXCERPT);
    }

    /** {@link #excerpt(String)} in single quotes, the form messages use for a value: {@code 'SHA-256'}. */
    public static String quoted(String value) {
        return "'" + excerpt(value) + "'";
    }

    /** At most {@code max} code points of {@code text}, escaped, and how many more there were. */
    static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return escape(text);
        }
        int end = text.offsetByCodePoints(0, Math.min(max, text.codePointCount(0, text.length())));
        if (end == text.length()) {
            return escape(text);
        }
        int more = text.codePointCount(end, text.length());
        return escape(text.substring(0, end)) + "... (" + more + " more characters)";
    }

    /** Whether {@code cp} is written as an escape by {@link #escape}. */
    static boolean needsEscape(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return false;
        }
        if (cp == 0x7F || cp < 0x20) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return true;
            default:
                // Invisible although not format characters: Hangul fillers, the Mongolian vowel
                // separator, the combining grapheme joiner and the variation selectors.
                return cp == 0x115F
                        || cp == 0x1160
                        || cp == 0x3164
                        || cp == 0xFFA0
                        || cp == 0x180E
                        || cp == 0x034F
                        || (cp >= 0xFE00 && cp <= 0xFE0F)
                        || (cp >= 0xE0100 && cp <= 0xE01EF);
        }
    }

    private static void appendEscaped(StringBuilder sb, int cp) {
        if (!needsEscape(cp)) {
            sb.appendCodePoint(cp);
        } else if (cp <= 0xFFFF) {
            sb.append("\\u").append(String.format(Locale.ROOT, "%04X", cp));
        } else {
            sb.append("\\U").append(String.format(Locale.ROOT, "%08X", cp));
        }
    }
}
