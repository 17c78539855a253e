package dev.cryptopolicy.provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The union an installation sets for a JDK security property that only ever restricts
 * ({@code jdk.*.disabledAlgorithms}, {@code jdk.disabled.namedCurves},
 * {@code jdk.tls.legacyAlgorithms}): the policy's entries, then every entry of the JVM's own value
 * that the policy's do not already hold, so that a policy never allows what the host forbids.
 *
 * <p>The JVM's value counts as the host's only where it differs from the JDK's own default, the
 * value of the JDK's shipped {@code conf/security/java.security}: an override file
 * ({@code -Djava.security.properties}), Red Hat's system file, or a {@code Security.setProperty}
 * before the first installation. A value equal to the JDK's default is replaced, so that a policy
 * gives the same TLS and certificate-path behaviour on every JDK (JDK 25's defaults disable
 * {@code TLS_RSA_*} suites that JDK 17's allow). When the shipped file cannot be read, every value
 * counts as the host's.
 *
 * <p>Entries are comma-separated and compared trimmed, ignoring case; constraint entries
 * ({@code RSA keySize < 3072}, {@code include jdk.disabled.namedCurves}) are kept as written. A
 * {@code jdk.tls.legacyAlgorithms} entry never enables anything (it is "only as a last resort"),
 * so the same union applies to it.
 *
 * <p>A policy replaces the JVM's values instead only when it says so explicitly,
 * {@code host_restrictions: replace} ({@link dev.cryptopolicy.engine.CompiledPolicy#replacesHostRestrictions()}),
 * which {@code lint} warns about; what it drops is then listed the same way.
 */
final class KeptRestrictions {
    /** The properties merged rather than replaced. */
    static final Set<String> KEYS = Set.of(
            "jdk.tls.disabledAlgorithms",
            "jdk.certpath.disabledAlgorithms",
            "jdk.jar.disabledAlgorithms",
            "jdk.tls.legacyAlgorithms",
            "jdk.disabled.namedCurves");

    private KeptRestrictions() {}

    /** The JDK's shipped {@code java.security}, read once; empty when it cannot be read. */
    private static final class Shipped {
        static final Properties VALUES = read();

        private Shipped() {}

        private static Properties read() {
            Properties values = new Properties();
            // java.io, as the JDK read it already: NIO's channels would load some 40 classes more.
            java.io.File file = new java.io.File(
                    System.getProperty("java.home"),
                    "conf" + java.io.File.separator + "security" + java.io.File.separator + "java.security");
            try (java.io.InputStream in = new java.io.BufferedInputStream(new java.io.FileInputStream(file))) {
                // Properties.load of a stream reads ISO 8859-1, as the JDK reads this file.
                values.load(in);
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                values.clear();
            }
            return values;
        }
    }

    /** The entries of the JVM's {@code jvm} value of {@code key} to keep beside {@code policy}. */
    static List<String> kept(String key, String policy, String jvm) {
        return missing(policy, jvm, Shipped.VALUES.getProperty(key));
    }

    /**
     * The entries of {@code jvm} (may be null) that {@code policy} lacks, in the JVM's order; none
     * when {@code jvm} holds the same entries as the JDK's default {@code shipped} (null: the JDK
     * has none, or its file could not be read, in which case only an unset value counts as the
     * default).
     */
    static List<String> missing(String policy, String jvm, String shipped) {
        if (normalised(jvm).equals(normalised(shipped))) {
            return List.of();
        }
        Set<String> present = normalised(policy);
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

    /**
     * The one line listing what was kept, by property ({@code kept} holds no empty list), or, when
     * the policy replaces the JVM's restrictions ({@code host_restrictions: replace}), what was dropped.
     */
    static String line(Map<String, List<String>> kept, boolean replaced) {
        StringBuilder line = new StringBuilder(
                replaced
                        ? "cryptopolicy: dropped the JVM's own restrictions, as the policy's host_restrictions: replace asks:"
                        : "cryptopolicy: kept the JVM's own restrictions beside the policy's:");
        String separator = " ";
        for (Map.Entry<String, List<String>> e : kept.entrySet()) {
            line.append(separator)
                    .append(e.getKey())
                    .append(replaced ? " -= " : " += ")
                    .append(String.join(", ", e.getValue()));
            separator = "; ";
        }
        return line.toString();
    }

    private static Set<String> normalised(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : entries(value)) {
            out.add(entry.toLowerCase(Locale.ROOT));
        }
        return out;
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
