package dev.cryptopolicy.provider;

import java.security.Security;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system and security properties an installation sets, with the value each had before the
 * first installation touched it, so that {@link #restore()} puts back exactly what was there.
 *
 * <p>A system property that was unset is cleared again. A security property cannot be: the JDK
 * keeps them in a private {@code Properties} object of {@link Security}, whose only writer,
 * {@link Security#setProperty}, rejects a null value, and offers no way to remove a key. A security
 * property that was unset is therefore restored to the empty string, which is what the JDK's
 * readers of the properties an installation sets ({@code jdk.*.disabledAlgorithms},
 * {@code jdk.disabled.namedCurves}, {@code jdk.tls.legacyAlgorithms}) take an unset one to be:
 * they treat null and empty alike, as "no entries".
 *
 * <p>Not thread-safe: filled while installing, then read under the lock that publishes. Plain
 * loops rather than lambdas: this runs at every JVM start under the agent, where each lambda spins
 * a class.
 */
final class JdkProperties {
    private final Map<String, String> systemBefore = new LinkedHashMap<>();
    private final Map<String, String> securityBefore = new LinkedHashMap<>();
    private final Set<String> systemSet = new HashSet<>();
    private final Set<String> securitySet = new HashSet<>();
    /** The values this record set, by key: what {@link #undo()} takes back only while they are still there. */
    private final Map<String, String> systemValues = new HashMap<>();
    /** The JVM's own entries {@link #securityKeeping} kept (or, when {@link #replacing}, dropped), by key. */
    private final Map<String, List<String>> kept = new LinkedHashMap<>();
    /** Whether the policy asked to replace the JVM's own restrictions ({@code host_restrictions: replace}). */
    private boolean replacing;

    JdkProperties() {}

    /** Carries on from {@code earlier} (which may be null): what it found stays what is restored. */
    JdkProperties(JdkProperties earlier) {
        if (earlier != null) {
            systemBefore.putAll(earlier.systemBefore);
            securityBefore.putAll(earlier.securityBefore);
        }
    }

    /** Sets a system property, remembering its first value. */
    void system(String key, String value) {
        if (!systemBefore.containsKey(key)) {
            systemBefore.put(key, System.getProperty(key));
        }
        systemSet.add(key);
        systemValues.put(key, value);
        System.setProperty(key, value);
    }

    /** Sets a system property unless it was set before cryptopolicy touched it (a user's {@code -D} stays). */
    void systemUnlessGiven(String key, String value) {
        String original = systemBefore.containsKey(key) ? systemBefore.get(key) : System.getProperty(key);
        if (original == null) {
            system(key, value);
        }
    }

    /** Sets a security property, remembering its first value. */
    void security(String key, String value) {
        if (!securityBefore.containsKey(key)) {
            securityBefore.put(key, Security.getProperty(key));
        }
        securitySet.add(key);
        Security.setProperty(key, value);
    }

    /**
     * Sets a security property that only restricts to {@code value} plus every entry of its value
     * before the first installation that {@code value} lacks, where that value is the host's rather
     * than the JDK's default (see {@link KeptRestrictions}); the entries kept are recorded for
     * {@link #keptLine()}. With {@code replace} (the policy's {@code host_restrictions: replace})
     * the property is set to {@code value} alone and the entries are recorded as dropped.
     */
    void securityKeeping(String key, String value, boolean replace) {
        String original = securityBefore.containsKey(key) ? securityBefore.get(key) : Security.getProperty(key);
        List<String> missing = KeptRestrictions.kept(key, value, original);
        if (!missing.isEmpty()) {
            kept.put(key, missing);
        }
        replacing = replace;
        security(key, replace ? value : KeptRestrictions.union(value, missing));
    }

    /** The one line listing what {@link #securityKeeping} kept from the JVM (or dropped), or null when nothing. */
    String keptLine() {
        return kept.isEmpty() ? null : KeptRestrictions.line(kept, replacing);
    }

    /**
     * The start-up line's part about the JVM's own restrictions, e.g. {@code kept 2 of the JVM's
     * restrictions (listed at DEBUG)}, or null when none were kept or dropped.
     *
     * @param listedAtDebug whether {@link #keptLine()} is logged at DEBUG; otherwise it is written
     *     on the line after (the agent's start-up line on stderr)
     */
    String keptSummary(boolean listedAtDebug) {
        int count = keptCount();
        if (count == 0) {
            return null;
        }
        return (replacing ? "replaced " : "kept ") + count + " of the JVM's restrictions"
                + (replacing ? " as host_restrictions: replace asks" : "")
                + (listedAtDebug ? " (listed at DEBUG)" : " (listed on the next line)");
    }

    /** How many entries {@link #securityKeeping} kept from the JVM (or dropped). */
    private int keptCount() {
        int count = 0;
        for (List<String> entries : kept.values()) {
            count += entries.size();
        }
        return count;
    }

    /** Takes over what {@code other}, a record of the same installation made while assembling, set. */
    void absorb(JdkProperties other) {
        putAbsent(systemBefore, other.systemBefore);
        putAbsent(securityBefore, other.securityBefore);
        systemSet.addAll(other.systemSet);
        securitySet.addAll(other.securitySet);
    }

    /**
     * Keeps the system properties {@code earlier} set as this record's own: a policy replaced in a
     * running JVM changes no system property (the JDK reads them once per process), so
     * {@link #settle()} must not take them back.
     */
    void keepSystem(JdkProperties earlier) {
        if (earlier != null) {
            putAbsent(systemBefore, earlier.systemBefore);
            systemSet.addAll(earlier.systemSet);
            systemValues.putAll(earlier.systemValues);
        }
    }

    /**
     * Restores what an earlier installation set and this one did not (an audit-mode policy after an
     * enforcing one sets no security property): only this installation's own values remain.
     */
    void settle() {
        for (Iterator<Map.Entry<String, String>> it = systemBefore.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (!systemSet.contains(e.getKey())) {
                restoreSystem(e.getKey(), e.getValue());
                it.remove();
            }
        }
        for (Iterator<Map.Entry<String, String>> it = securityBefore.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (!securitySet.contains(e.getKey())) {
                restoreSecurity(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    /** Copies each entry of {@code from} whose key {@code to} lacks. */
    private static void putAbsent(Map<String, String> to, Map<String, String> from) {
        for (Map.Entry<String, String> e : from.entrySet()) {
            to.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /**
     * Takes back what this record set while assembling an installation that then failed: each
     * system property goes back to its earlier value unless it has changed since, or
     * {@code published} (the installation in place, or null) holds it. Called under the lock that
     * publishes.
     */
    void undo(JdkProperties published) {
        for (Map.Entry<String, String> e : systemValues.entrySet()) {
            String key = e.getKey();
            if (e.getValue().equals(System.getProperty(key))
                    && (published == null || !published.systemSet.contains(key))) {
                restoreSystem(key, systemBefore.get(key));
            }
        }
    }

    /** Puts back every property recorded, as it was before the first installation. */
    void restore() {
        for (Map.Entry<String, String> e : systemBefore.entrySet()) {
            restoreSystem(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : securityBefore.entrySet()) {
            restoreSecurity(e.getKey(), e.getValue());
        }
    }

    private static void restoreSystem(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static void restoreSecurity(String key, String value) {
        // No API removes a security property: an unset one reads as empty, which the JDK reads as unset.
        Security.setProperty(key, value == null ? "" : value);
    }
}
