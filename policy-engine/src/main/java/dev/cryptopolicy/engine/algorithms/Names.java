package dev.cryptopolicy.engine.algorithms;

import java.util.Locale;

/**
 * The one rule for comparing algorithm, curve, TLS and provider names: a name is ASCII, and its
 * case is ASCII case. {@link String#equalsIgnoreCase} and {@link String#toUpperCase} fold more than
 * that ({@code U+017F} LONG S upper-cases to {@code S}, {@code U+212A} KELVIN SIGN lower-cases to
 * {@code k}, {@code U+0131} DOTLESS I upper-cases to {@code I}), so with them a look-alike such as
 * {@code SHA1withRSA} spelt with a LONG S would name {@code SHA1withRSA}. Every name the catalog knows is ASCII;
 * here a name with any other character equals no ASCII name in any case, so it names nothing: a
 * policy that writes one is refused ({@code ascii-name}) and a request that spells one is unknown.
 */
public final class Names {
    private Names() {}

    /** Whether every character of {@code name} is ASCII (true for the empty name, false for null). */
    public static boolean isAscii(String name) {
        return name != null && firstNonAscii(name) < 0;
    }

    /** The index of the first character of {@code name} that is not ASCII, or -1 when there is none. */
    public static int firstNonAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 128) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code a} and {@code b} are equal ignoring the case of ASCII letters only: any other
     * character matches only itself, so no look-alike stands in for an ASCII letter.
     */
    public static boolean equalsIgnoreCase(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (upper(a.charAt(i)) != upper(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} starts with {@code prefix}, compared as {@link #equalsIgnoreCase} compares. */
    public static boolean startsWithIgnoreCase(String text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (upper(text.charAt(i)) != upper(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code name} with its ASCII letters upper-cased and every other character unchanged, so that
     * a name with a character that is not ASCII never becomes an ASCII name.
     */
    public static String upper(String name) {
        int i = 0;
        while (i < name.length() && upper(name.charAt(i)) == name.charAt(i)) {
            i++;
        }
        if (i == name.length()) {
            return name;
        }
        char[] out = name.toCharArray();
        for (; i < out.length; i++) {
            out[i] = upper(out[i]);
        }
        return new String(out);
    }

    /**
     * {@code name} with every character that is not printable ASCII escaped as messages escape
     * them (a backslash, {@code u} and four hex digits, or {@code U} and eight beyond the BMP): how
     * a name that is not ASCII is shown, so a look-alike is seen for what it is.
     */
    public static String escaped(String name) {
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp >= 0x20 && cp < 0x7F) {
                out.append((char) cp);
            } else if (Character.isBmpCodePoint(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.append(String.format(Locale.ROOT, "\\U%08X", cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
