package dev.cryptopolicy.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the nearest known name to a misspelt one, for "did you mean" hints of the engine and the
 * command line, in bounded time and memory whatever the input.
 *
 * <p>Names longer than {@value #MAX_LENGTH} characters get no suggestion (no real name is that
 * long). The distance is the optimal string alignment distance (Levenshtein plus adjacent
 * transpositions), ignoring case, computed only up to a threshold ({@code max(2, length / 3)}, and
 * never beyond the best distance found so far) with three rows as long as the shorter name, and
 * abandoned as soon as a row exceeds it. A load asks for a suggestion only for the problems it
 * reports ({@code Problems}, at most {@code Limits.MAX_PROBLEMS} of each severity): that one bound
 * is what keeps a policy of thousands of unknown names as fast to answer as one with a few.
 *
 * <p>Characters that look like ASCII ones (dashes and hyphens, Cyrillic and Greek letters that
 * look Latin, fullwidth forms, non-breaking spaces) are flagged, {@code contains U+2010 HYPHEN;
 * did you mean '-'?}, and read as the ASCII character when searching for the nearest name.
 */
public final class Suggest {

    /** Names longer than this get no suggestion. */
    public static final int MAX_LENGTH = 64;

    /** Look-alike characters and the ASCII character each is mistaken for (fullwidth forms apart). */
    private static final Map<Integer, Character> LOOK_ALIKES = Map.ofEntries(
            // Hyphens, dashes and minus signs.
            Map.entry(0x2010, '-'),
            Map.entry(0x2011, '-'),
            Map.entry(0x2012, '-'),
            Map.entry(0x2013, '-'),
            Map.entry(0x2014, '-'),
            Map.entry(0x2015, '-'),
            Map.entry(0x2212, '-'),
            Map.entry(0xFE58, '-'),
            Map.entry(0xFE63, '-'),
            Map.entry(0x00AD, '-'),
            // Spaces that do not break, and slashes.
            Map.entry(0x00A0, ' '),
            Map.entry(0x2007, ' '),
            Map.entry(0x202F, ' '),
            Map.entry(0x2044, '/'),
            Map.entry(0x2215, '/'),
            // Cyrillic letters that look Latin.
            Map.entry(0x0410, 'A'),
            Map.entry(0x0412, 'B'),
            Map.entry(0x0415, 'E'),
            Map.entry(0x041A, 'K'),
            Map.entry(0x041C, 'M'),
            Map.entry(0x041D, 'H'),
            Map.entry(0x041E, 'O'),
            Map.entry(0x0420, 'P'),
            Map.entry(0x0421, 'C'),
            Map.entry(0x0422, 'T'),
            Map.entry(0x0425, 'X'),
            Map.entry(0x0405, 'S'),
            Map.entry(0x0406, 'I'),
            Map.entry(0x0408, 'J'),
            Map.entry(0x0430, 'a'),
            Map.entry(0x0435, 'e'),
            Map.entry(0x043E, 'o'),
            Map.entry(0x0440, 'p'),
            Map.entry(0x0441, 'c'),
            Map.entry(0x0443, 'y'),
            Map.entry(0x0445, 'x'),
            Map.entry(0x0455, 's'),
            Map.entry(0x0456, 'i'),
            Map.entry(0x0458, 'j'),
            // Greek letters that look Latin.
            Map.entry(0x0391, 'A'),
            Map.entry(0x0392, 'B'),
            Map.entry(0x0395, 'E'),
            Map.entry(0x0396, 'Z'),
            Map.entry(0x0397, 'H'),
            Map.entry(0x0399, 'I'),
            Map.entry(0x039A, 'K'),
            Map.entry(0x039C, 'M'),
            Map.entry(0x039D, 'N'),
            Map.entry(0x039F, 'O'),
            Map.entry(0x03A1, 'P'),
            Map.entry(0x03A4, 'T'),
            Map.entry(0x03A5, 'Y'),
            Map.entry(0x03A7, 'X'),
            Map.entry(0x03BF, 'o'),
            Map.entry(0x03BD, 'v'));

    private Suggest() {}

    /**
     * {@code did you mean 'X'?} for the candidate nearest to {@code text}, a note on a look-alike
     * character {@code text} contains, both, or an empty string when there is nothing to say.
     */
    public static String didYouMean(String text, Collection<String> candidates) {
        String lookAlike = firstLookAlike(text);
        Optional<String> best = nearest(text, candidates);
        if (lookAlike.isEmpty()) {
            return best.map(b -> "did you mean '" + b + "'?").orElse("");
        }
        int cp = lookAlike.codePointAt(0);
        String ascii = String.valueOf(asciiFor(cp));
        String name = "contains " + describe(cp);
        return best.map(b -> name + ", which looks like '" + ascii + "'; did you mean '" + b + "'?")
                .orElse(name + "; did you mean '" + ascii + "'?");
    }

    /**
     * A note on the first look-alike character of {@code text}, {@code contains U+2010 HYPHEN;
     * did you mean '-'?}, or an empty string when it has none.
     */
    public static String lookAlike(String text) {
        String first = firstLookAlike(text);
        if (first.isEmpty()) {
            return "";
        }
        int cp = first.codePointAt(0);
        return "contains " + describe(cp) + "; did you mean '" + asciiFor(cp) + "'?";
    }

    /**
     * The candidate nearest to {@code text} ignoring case, when it is close enough to be a
     * plausible typo; the first of equally near ones. Empty for names longer than
     * {@value #MAX_LENGTH}.
     */
    public static Optional<String> nearest(String text, Collection<String> candidates) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String folded = fold(text);
        int limit = Math.max(2, folded.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            int d = distance(folded, candidate, bestDistance - 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
                if (d == 0) {
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b} ignoring case when it is at
     * most {@code threshold}, else {@code threshold + 1}. Work is bounded by the shorter length
     * times {@code 2 * threshold + 1}; memory by three rows of the shorter length.
     */
    static int distance(String a, String b, int threshold) {
        if (threshold < 0) {
            return 0;
        }
        if (a.length() < b.length()) {
            String t = a;
            a = b;
            b = t;
        }
        int n = a.length();
        int m = b.length();
        int over = threshold + 1;
        if (n - m > threshold) {
            return over;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= threshold ? j : over;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - threshold);
            int to = Math.min(m, i + threshold);
            current[0] = i <= threshold ? i : over;
            if (from > 1) {
                current[from - 1] = over;
            }
            int rowMin = current[0];
            char ca = Character.toLowerCase(a.charAt(i - 1));
            for (int j = from; j <= to; j++) {
                char cb = Character.toLowerCase(b.charAt(j - 1));
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1
                        && j > 1
                        && ca == Character.toLowerCase(b.charAt(j - 2))
                        && Character.toLowerCase(a.charAt(i - 2)) == cb) {
                    v = Math.min(v, before[j - 2] + 1);
                }
                current[j] = Math.min(v, over);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < m) {
                current[to + 1] = over;
            }
            if (rowMin > threshold) {
                return over;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], over);
    }

    /** {@code text} with each look-alike character replaced by the ASCII one it looks like. */
    static String fold(String text) {
        if (firstLookAlike(text).isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isLookAlike(cp)) {
                sb.append(asciiFor(cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static String firstLookAlike(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isLookAlike(cp)) {
                return new String(Character.toChars(cp));
            }
            i += Character.charCount(cp);
        }
        return "";
    }

    private static boolean isLookAlike(int cp) {
        return cp >= 0xA0 && ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000 || LOOK_ALIKES.containsKey(cp));
    }

    private static char asciiFor(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return (char) (cp - 0xFEE0);
        }
        if (cp == 0x3000) {
            return ' ';
        }
        return LOOK_ALIKES.get(cp);
    }

    private static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format(java.util.Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }
}
