package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves what a policy entry names: an exact name, alias or OID; a family; a glob with
 * {@code *}; or a component (a rule on {@code SHA1} reaches {@code SHA1withRSA}).
 */
final class Patterns {

    private Patterns() {}

    /**
     * What a feature-set entry adds: an exact name, alias or OID means that entry alone; otherwise
     * the family, glob or component it names (see {@link #matchBroad}).
     */
    static <T extends Entry> Set<T> match(String pattern, List<T> universe) {
        if (pattern.indexOf('*') < 0) {
            for (T entry : universe) {
                if (entry.isNamed(pattern)) {
                    return Set.of(entry);
                }
            }
        }
        return matchBroad(pattern, universe);
    }

    /**
     * What a deny rule or a {@code -X} edit reaches: everything the pattern names as a name, family,
     * glob or component, so that {@code -SHA1} removes {@code SHA1withRSA} and {@code HmacSHA1}.
     */
    static <T extends Entry> Set<T> matchBroad(String pattern, List<T> universe) {
        Set<T> out = new LinkedHashSet<>();
        if (pattern.indexOf('*') >= 0) {
            String glob = collapseStars(pattern);
            for (T entry : universe) {
                if (globMatches(glob, entry.name()) || anyAlias(glob, entry)) {
                    out.add(entry);
                }
            }
            return out;
        }
        String upper = pattern.toUpperCase(Locale.ROOT);
        String digest = AlgorithmCatalog.canonicalDigest(pattern);
        String digestUpper = digest == null ? null : digest.toUpperCase(Locale.ROOT);
        for (T entry : universe) {
            if (entry.isNamed(pattern)
                    || entry.families().contains(upper)
                    || entry.components().contains(upper)
                    || (digestUpper != null && entry.components().contains(digestUpper))) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Whether the text is exactly a name or alias of some entry (not a family, glob or component). */
    static <T extends Entry> boolean isExactName(String text, List<T> universe) {
        for (T entry : universe) {
            if (entry.isNamed(text)) {
                return true;
            }
        }
        return false;
    }

    /** Names, aliases and families of a universe, as candidates for "did you mean". */
    static List<String> vocabulary(List<? extends Entry> universe) {
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : universe) {
            names.add(entry.name());
            for (String alias : entry.aliases()) {
                if (!Character.isDigit(alias.charAt(0))) {
                    names.add(alias);
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean anyAlias(String glob, Entry entry) {
        for (String alias : entry.aliases()) {
            if (globMatches(glob, alias)) {
                return true;
            }
        }
        return false;
    }

    /** The glob with each run of {@code *} written once: the same matches, less work. */
    private static String collapseStars(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '*' || out.length() == 0 || out.charAt(out.length() - 1) != '*') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code text} matches {@code glob} ({@code *} stands for any run of characters),
     * ignoring case. Greedy, with a single point to return to: at most about
     * {@code glob.length() * text.length()} steps whatever the glob, where a regular expression
     * built from {@code *a*a*a...} backtracks exponentially.
     */
    static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (g < glob.length() && sameIgnoringCase(glob.charAt(g), text.charAt(t))) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** Equal ignoring the case of ASCII letters only: no other character stands in for one of them. */
    private static boolean sameIgnoringCase(char a, char b) {
        return a == b || (a < 128 && b < 128 && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
