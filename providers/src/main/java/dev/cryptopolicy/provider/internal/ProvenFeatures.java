package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.ProbeResult;
import dev.cryptopolicy.provider.backend.ProbeSession;
import java.security.Provider;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The known-answer test results of one installation, by backend and feature, so that a policy
 * replaced in a running JVM does not prove its backends again: the same backend gives the same
 * answer for the same feature whatever the policy. Bounded by the installation's backends and the
 * catalogue's features; a provider seen beyond {@link #PROVIDERS} is probed without being kept.
 *
 * <p>Locking rule as {@link ProbeSession}'s: no lock is held while a probe runs; the map of
 * backends is locked only around its own get and put.
 */
final class ProvenFeatures {
    private static final int PROVIDERS = 64;

    private final ProbeSession session;
    private final Map<Provider, Map<String, ProbeResult>> results = new IdentityHashMap<>();
    /** The backend's service for each catalogue algorithm, as found by name or alias; {@link #NONE} for none. */
    private final Map<Provider, Map<String, Provider.Service>> services = new IdentityHashMap<>();

    private static final Provider.Service NONE = new Provider.Service(
            new Provider("none", "0", "no service") {
                private static final long serialVersionUID = 1L;
            },
            "none",
            "none",
            "none",
            null,
            null);

    /** How a backend's service for a catalogue algorithm is found. */
    interface Lookup {
        Provider.Service find(Backend backend, ServiceType type, Algorithm algorithm);
    }

    /**
     * The backend's service for {@code algorithm}, found once per installation: which service a
     * backend registers for a catalogue name does not depend on the policy.
     */
    Provider.Service lookup(Backend backend, ServiceType type, Algorithm algorithm, Lookup find) {
        Map<String, Provider.Service> byName;
        synchronized (services) {
            byName = services.get(backend.provider());
            if (byName == null && services.size() < PROVIDERS) {
                byName = new ConcurrentHashMap<>();
                services.put(backend.provider(), byName);
            }
        }
        if (byName == null) {
            return find.find(backend, type, algorithm);
        }
        String key = type.jcaName() + "." + algorithm.name();
        Provider.Service known = byName.get(key);
        if (known == null) {
            Provider.Service found = find.find(backend, type, algorithm);
            known = found == null ? NONE : found;
            byName.putIfAbsent(key, known);
        }
        return known == NONE ? null : known;
    }

    ProvenFeatures(ProbeSession session) {
        this.session = session;
    }

    /** The result of {@code backend}'s known-answer test for the feature: kept from earlier, or run now. */
    ProbeResult run(Backend backend, String type, String algorithm) {
        Map<String, ProbeResult> byFeature;
        synchronized (results) {
            byFeature = results.get(backend.provider());
            if (byFeature == null && results.size() < PROVIDERS) {
                byFeature = new ConcurrentHashMap<>();
                results.put(backend.provider(), byFeature);
            }
        }
        String key = type + "." + algorithm;
        ProbeResult known = byFeature == null ? null : byFeature.get(key);
        if (known != null) {
            return known;
        }
        ProbeResult result = session.run(backend, type, algorithm);
        if (byFeature != null) {
            byFeature.putIfAbsent(key, result);
        }
        return result;
    }
}
