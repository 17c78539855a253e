package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
            int[] named = Index.of(universe).named(pattern);
            if (named != null) {
                return Set.of(universe.get(named[0]));
            }
        }
        return matchBroad(pattern, universe);
    }

    /**
     * What a deny rule or a {@code -X} edit reaches: everything the pattern names as a name, family,
     * glob or component, so that {@code -SHA1} removes {@code SHA1withRSA} and {@code HmacSHA1}.
     * A name is looked up in the universe's {@link Index}, in time independent of the universe's
     * size; only a glob is matched against every entry.
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
        Index index = Index.of(universe);
        if (pattern.length() > index.longest) {
            // Longer than every name, family and component (upper case never shortens a text).
            return out;
        }
        String digest = AlgorithmCatalog.canonicalDigest(pattern);
        int[] hits = union(
                index.named(pattern),
                index.part(Names.upper(pattern)),
                digest == null ? null : index.part(Names.upper(digest)));
        for (int i : hits) {
            out.add(universe.get(i));
        }
        return out;
    }

    /**
     * What {@link #matchBroad} reaches without its index, by testing every entry: the definition
     * the index must agree with ({@code PatternsIndexTest}).
     */
    static <T extends Entry> Set<T> matchBroadByScan(String pattern, List<T> universe) {
        if (pattern.indexOf('*') >= 0) {
            return matchBroad(pattern, universe);
        }
        Set<T> out = new LinkedHashSet<>();
        String upper = Names.upper(pattern);
        String digest = AlgorithmCatalog.canonicalDigest(pattern);
        String digestUpper = digest == null ? null : Names.upper(digest);
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
        return Index.of(universe).named(text) != null;
    }

    /** The positions in any of the sorted arrays (null for none), ascending and each once. */
    private static int[] union(int[] a, int[] b, int[] c) {
        int n = (a == null ? 0 : a.length) + (b == null ? 0 : b.length) + (c == null ? 0 : c.length);
        int[] all = new int[n];
        int k = 0;
        for (int[] part : new int[][] {a, b, c}) {
            if (part != null) {
                System.arraycopy(part, 0, all, k, part.length);
                k += part.length;
            }
        }
        java.util.Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (unique == 0 || all[unique - 1] != all[i]) {
                all[unique++] = all[i];
            }
        }
        return java.util.Arrays.copyOf(all, unique);
    }

    /**
     * A universe (one of the catalog's immutable lists) indexed by name and by part: the positions
     * of the entries each name or alias (case-folded as {@link Names#equalsIgnoreCase} compares)
     * and each family or component (upper case, as stored) belongs to, ascending. Built once per
     * universe and kept: the catalog's lists live as long as the catalog.
     */
    static final class Index {
        /** The most universes kept; the standard catalog has about 20. */
        private static final int MAX_KEPT = 64;

        private static volatile Map<List<?>, Index> kept = new IdentityHashMap<>();

        private final Map<String, int[]> byName = new HashMap<>();
        private final Map<String, int[]> byPart = new HashMap<>();
        /** The length of the longest name, alias, family or component: no longer text can match one. */
        private int longest;

        private Index(List<? extends Entry> universe) {
            for (int i = 0; i < universe.size(); i++) {
                Entry entry = universe.get(i);
                add(byName, fold(entry.name()), i);
                for (String alias : entry.aliases()) {
                    add(byName, fold(alias), i);
                }
                for (String family : entry.families()) {
                    add(byPart, family, i);
                }
                for (String component : entry.components()) {
                    add(byPart, component, i);
                }
            }
        }

        /** The index of a universe, built on first use. */
        static Index of(List<? extends Entry> universe) {
            Index index = kept.get(universe);
            if (index == null) {
                index = new Index(universe);
                synchronized (Index.class) {
                    Map<List<?>, Index> next =
                            kept.size() >= MAX_KEPT ? new IdentityHashMap<>() : new IdentityHashMap<>(kept);
                    next.put(universe, index);
                    kept = next;
                }
            }
            return index;
        }

        /** The positions of the entries with this name or alias (any case), or null. */
        int[] named(String text) {
            return text.length() > longest ? null : byName.get(fold(text));
        }

        /** The positions of the entries with this upper-case family or component, or null. */
        int[] part(String upper) {
            return byPart.get(upper);
        }

        private void add(Map<String, int[]> map, String key, int position) {
            longest = Math.max(longest, key.length());
            int[] old = map.get(key);
            if (old == null) {
                map.put(key, new int[] {position});
            } else if (old[old.length - 1] != position) {
                int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = position;
                map.put(key, grown);
            }
        }

        /**
         * The text with its ASCII letters in lower case, so that two texts are equal ignoring case
         * as {@link Names#equalsIgnoreCase} compares them exactly when their folds are equal.
         */
        static String fold(String text) {
            char[] out = new char[text.length()];
            for (int i = 0; i < out.length; i++) {
                char c = text.charAt(i);
                // ASCII letters only (Names): a character that is not ASCII stays itself, so that
                // no look-alike (U+017F LONG S, U+212A KELVIN SIGN) folds onto a catalog name.
                out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return new String(out);
        }
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
        // What every match needs, checked first: the text starts with the glob's literal part before
        // its first * and ends with the part after its last * (most catalog names fail here).
        int first = glob.indexOf('*');
        if (first >= 0) {
            int last = glob.lastIndexOf('*');
            int suffix = glob.length() - last - 1;
            if (text.length() < first + suffix
                    || !sameRegion(glob, 0, text, 0, first)
                    || !sameRegion(glob, last + 1, text, text.length() - suffix, suffix)) {
                return false;
            }
        }
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

    /** Whether {@code length} characters of {@code a} from {@code i} and of {@code b} from {@code j} are {@link #sameIgnoringCase}. */
    private static boolean sameRegion(String a, int i, String b, int j, int length) {
        for (int k = 0; k < length; k++) {
            if (!sameIgnoringCase(a.charAt(i + k), b.charAt(j + k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Equal ignoring the case of ASCII letters only: no other character stands in for one of them.
     * Two characters that differ only in bit 0x20 are the two cases of one letter exactly when that
     * bit set gives {@code a} to {@code z} (a non-ASCII character never pairs with an ASCII one).
     */
    private static boolean sameIgnoringCase(char a, char b) {
        if (a == b) {
            return true;
        }
        int lower = a | 0x20;
        return lower == (b | 0x20) && lower >= 'a' && lower <= 'z';
    }
}
