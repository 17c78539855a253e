package dev.cryptopolicy.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the nearest known word to a misspelt one, for "did you mean" hints on the command line. */
final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * {@code ; did you mean 'X'?} for the candidate nearest to {@code text}, or an empty string when
     * nothing is close enough to be a plausible typo. Meant to be appended to a message.
     */
    static String hint(String text, Collection<String> candidates) {
        return nearest(text, candidates).map(best -> "; did you mean '" + best + "'?").orElse("");
    }

    /** The candidate nearest to {@code text} (case-insensitive edit distance), if plausibly a typo. */
    static Optional<String> nearest(String text, Collection<String> candidates) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int limit = Math.max(2, text.length() / 3);
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
