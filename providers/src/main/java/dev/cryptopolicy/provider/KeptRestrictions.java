package dev.cryptopolicy.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The union an installation sets for a JDK security property that only ever restricts
 * ({@code jdk.*.disabledAlgorithms}, {@code jdk.disabled.namedCurves},
 * {@code jdk.tls.legacyAlgorithms}): the policy's entries, then every entry of the JVM's own value
 * (from {@code java.security}, an override file or the host's system file) that the policy's do
 * not already hold, so that a policy never allows what the JVM forbids.
 *
 * <p>Entries are comma-separated and compared trimmed, ignoring case; constraint entries
 * ({@code RSA keySize < 3072}, {@code include jdk.disabled.namedCurves}) are kept as written. A
 * {@code jdk.tls.legacyAlgorithms} entry never enables anything (it is "only as a last resort"),
 * so the same union applies to it.
 */
final class KeptRestrictions {
    /** The properties merged rather than replaced. */
    static final Set<String> KEYS = Set.of("jdk.tls.disabledAlgorithms", "jdk.certpath.disabledAlgorithms",
            "jdk.jar.disabledAlgorithms", "jdk.tls.legacyAlgorithms", "jdk.disabled.namedCurves");

    private KeptRestrictions() {
    }

    /** The JVM's entries of {@code jvm} (may be null) that {@code policy} lacks, in the JVM's order. */
    static List<String> missing(String policy, String jvm) {
        Set<String> present = new LinkedHashSet<>();
        for (String entry : entries(policy)) {
            present.add(entry.toLowerCase(Locale.ROOT));
        }
        List<String> kept = new ArrayList<>();
        for (String entry : entries(jvm)) {
            if (present.add(entry.toLowerCase(Locale.ROOT))) {
                kept.add(entry);
            }
        }
        return kept;
    }

    /** {@code policy} with {@code kept} appended. */
    static String union(String policy, List<String> kept) {
        List<String> all = new ArrayList<>(entries(policy));
        all.addAll(kept);
        return String.join(", ", all);
    }

    /** The one line listing what was kept, by property ({@code kept} holds no empty list). */
    static String line(Map<String, List<String>> kept) {
        StringBuilder line = new StringBuilder("cryptopolicy: kept the JVM's own restrictions beside the policy's:");
        String separator = " ";
        for (Map.Entry<String, List<String>> e : kept.entrySet()) {
            line.append(separator).append(e.getKey()).append(" += ").append(String.join(", ", e.getValue()));
            separator = "; ";
        }
        return line.toString();
    }

    private static List<String> entries(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String entry = part.trim();
                if (!entry.isEmpty()) {
                    out.add(entry);
                }
            }
        }
        return out;
    }
}
