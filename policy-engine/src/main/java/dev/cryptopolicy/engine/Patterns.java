package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves what a policy entry names: an exact name, alias or OID; a family; a glob with
 * {@code *}; or a component (a rule on {@code SHA1} reaches {@code SHA1withRSA}).
 */
final class Patterns {

    private Patterns() {
    }

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
            Pattern glob = glob(pattern);
            for (T entry : universe) {
                if (glob.matcher(entry.name()).matches() || anyAlias(glob, entry)) {
                    out.add(entry);
                }
            }
            return out;
        }
        String upper = pattern.toUpperCase(Locale.ROOT);
        String digest = AlgorithmCatalog.canonicalDigest(pattern);
        String digestUpper = digest == null ? null : digest.toUpperCase(Locale.ROOT);
        for (T entry : universe) {
            if (entry.isNamed(pattern) || entry.families().contains(upper) || entry.components().contains(upper)
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

    private static boolean anyAlias(Pattern glob, Entry entry) {
        for (String alias : entry.aliases()) {
            if (glob.matcher(alias).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
