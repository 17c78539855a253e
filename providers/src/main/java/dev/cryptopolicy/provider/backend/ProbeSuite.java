package dev.cryptopolicy.provider.backend;

import java.security.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The known-answer tests a backend must pass before it is trusted with a feature: PEP 644's
 * configure-time check, where a backend's claim to register an algorithm is not evidence and a
 * known answer is.
 *
 * <p>Every probe calls {@code getInstance(algorithm, provider)} on exactly the probed backend's
 * {@link Provider} object, so nothing falls through to another provider. Generated key pairs are
 * cached for the duration of one {@code run}/{@code probeAll} call, or of one {@link ProbeSession},
 * never in statics. A suite is immutable and may be shared; a call runs on the calling thread.
 *
 * <p>Locking rule: probes call into the JCA, which holds JDK locks of its own while it calls back
 * into providers (see {@link ProbeSession}), so nothing here holds a monitor or lock, or waits for
 * another thread, while a probe runs.
 */
public final class ProbeSuite {

    /** The probes by service type, each group built at its first use (see {@link Group}). */
    private final List<Group> groups;

    private ProbeSuite(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * The probes of some service types, built when a probe of one of them is first asked for, so
     * that a JVM that never uses a KEM, say, never builds (or loads) the KEM probes. Building is
     * pure: two threads that build a group at once build equal maps, and one is kept.
     */
    private static final class Group {
        private final Set<String> serviceTypes;
        private final Source source;
        private volatile Map<Feature, Probe> probes;

        Group(Set<String> serviceTypes, Source source) {
            this.serviceTypes = serviceTypes;
            this.source = source;
        }

        Map<Feature, Probe> probes() {
            Map<Feature, Probe> built = probes;
            if (built == null) {
                Map<Feature, Probe> byFeature = new LinkedHashMap<>();
                for (Probe probe : source.all()) {
                    if (!serviceTypes.contains(probe.feature().serviceType())) {
                        throw new IllegalStateException("Probe " + probe + " is not of " + serviceTypes);
                    }
                    Probe previous = byFeature.putIfAbsent(probe.feature(), probe);
                    if (previous != null) {
                        throw new IllegalStateException(
                                "Two probes for feature [" + probe.feature() + "]: " + previous + " and " + probe);
                    }
                }
                built = Collections.unmodifiableMap(byFeature);
                probes = built;
            }
            return built;
        }
    }

    /**
     * Returns the standard suite: digests, HMACs, ciphers, signatures, key agreements, KEMs, key
     * generators and factories, PBKDF2 and SecureRandom (see {@link #knownFeatures()}).
     *
     * @return the standard suite
     */
    public static ProbeSuite standard() {
        return new ProbeSuite(List.of(
                new Group(Set.of("MessageDigest"), Source.DIGESTS),
                new Group(Set.of("Mac"), Source.MACS),
                new Group(Set.of("Cipher"), Source.CIPHERS),
                new Group(Set.of("Signature"), Source.SIGNATURES),
                new Group(Set.of("KeyAgreement", "KEM"), Source.AGREEMENTS),
                new Group(Set.of("KeyPairGenerator", "KeyFactory", "KeyGenerator", "SecretKeyFactory"), Source.KEYS),
                new Group(Set.of("SecureRandom"), Source.RANDOMS)));
    }

    /**
     * Where a group's probes come from. A switch rather than method references, which would each
     * spin a class at start-up; each probe class is still loaded only when its group is first used.
     */
    private enum Source {
        DIGESTS,
        MACS,
        CIPHERS,
        SIGNATURES,
        AGREEMENTS,
        KEYS,
        RANDOMS;

        List<Probe> all() {
            switch (this) {
                case DIGESTS:
                    return DigestProbes.all();
                case MACS:
                    return MacProbes.all();
                case CIPHERS:
                    return CipherProbes.all();
                case SIGNATURES:
                    return SignatureProbes.all();
                case AGREEMENTS:
                    return AgreementProbes.all();
                case KEYS:
                    return KeyProbes.all();
                case RANDOMS:
                    return RandomProbes.all();
                default:
                    throw new AssertionError(this);
            }
        }
    }

    /** @return every feature this suite can check, in suite order, with JDK spellings of the names */
    public Set<Feature> knownFeatures() {
        Set<Feature> all = new LinkedHashSet<>();
        for (Group group : groups) {
            all.addAll(group.probes().keySet());
        }
        return Collections.unmodifiableSet(all);
    }

    /** The probe for exactly {@code feature}, or null; builds only the group of its service type. */
    private Probe probeFor(Feature feature) {
        for (Group group : groups) {
            if (group.serviceTypes.contains(feature.serviceType())) {
                return group.probes().get(feature);
            }
        }
        return null;
    }

    /**
     * Returns the probe for a feature.
     *
     * @param feature the feature (algorithm case-insensitive)
     * @return the probe, or empty if the suite cannot check the feature
     * @throws NullPointerException if {@code feature} is null
     */
    Optional<Probe> probe(Feature feature) {
        return Optional.ofNullable(probeFor(Objects.requireNonNull(feature, "feature")));
    }

    /**
     * Starts a session whose probes share generated key pairs; use it to probe many features
     * one at a time (see {@link ProbeSession}).
     *
     * @return a new session of this suite
     */
    public ProbeSession session() {
        return new ProbeSession(this);
    }

    /**
     * Probes one feature of one backend, with key pairs generated for this call only (to probe
     * many features one by one, use a {@link #session()}).
     *
     * @param backend the backend
     * @param serviceType the JCA service type, e.g. {@code "MessageDigest"}
     * @param algorithm the algorithm or transformation, e.g. {@code "SHA-256"}; an alias the
     *     backend registers (such as {@code "SHA256"}) is resolved through the backend
     * @return the result; never throws because of what the backend does
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code serviceType} or {@code algorithm} is blank
     */
    public ProbeResult run(Backend backend, String serviceType, String algorithm) {
        return run(backend, Feature.of(serviceType, algorithm));
    }

    /**
     * Probes one feature of one backend; see {@link #run(Backend, String, String)}.
     *
     * @param backend the backend
     * @param feature the feature
     * @return the result; never throws because of what the backend does
     * @throws NullPointerException if either argument is null
     */
    public ProbeResult run(Backend backend, Feature feature) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(feature, "feature");
        return probe(backend, feature, new KeyPairCache());
    }

    /**
     * Probes every known feature of every backend.
     *
     * @param backends the backends, e.g. {@link BackendDiscovery#installed()}
     * @return one result per backend and known feature ({@code UNSUPPORTED} where not registered)
     * @throws NullPointerException if {@code backends} or an element is null
     */
    public ProbeReport probeAll(List<Backend> backends) {
        return probeAll(backends, knownFeatures());
    }

    /**
     * Probes the given features of every backend, e.g. only those a policy requires.
     *
     * @param backends the backends; duplicates are probed once
     * @param features the features; duplicates are probed once, unknown ones give {@code NO_PROBE}
     * @return one result per backend and feature
     * @throws NullPointerException if an argument or an element is null
     */
    public ProbeReport probeAll(List<Backend> backends, Collection<Feature> features) {
        List<Backend> distinctBackends = List.copyOf(new LinkedHashSet<>(backends));
        Set<Feature> distinctFeatures = new LinkedHashSet<>(features);
        distinctFeatures.forEach(feature -> Objects.requireNonNull(feature, "feature"));
        long start = System.nanoTime();
        // One cache for the whole run: keys are per generating provider, so a backend that lacks
        // a generator (SunJCE for RSA) reuses the pair its fallback (SunRsaSign) already made.
        KeyPairCache keys = new KeyPairCache();
        List<ProbeResult> results = new ArrayList<>();
        for (Backend backend : distinctBackends) {
            for (Feature feature : distinctFeatures) {
                results.add(probe(backend, feature, keys));
            }
        }
        return ProbeReport.of(distinctBackends, results, Duration.ofNanos(System.nanoTime() - start));
    }

    ProbeResult probe(Backend backend, Feature feature, KeyPairCache keys) {
        Optional<Probe> probe;
        boolean registered;
        try {
            probe = resolve(backend, feature);
            registered = backend.registers(feature);
        } catch (RuntimeException e) {
            // Provider.getService can be overridden; a provider that cannot even answer is broken.
            return ProbeResult.of(
                    backend,
                    feature,
                    ProbeResult.Status.FAILED,
                    "looking up " + feature + " in " + backend.name() + " threw " + Messages.describe(e),
                    Duration.ZERO);
        }
        if (probe.isEmpty()) {
            return ProbeResult.of(
                    backend,
                    feature,
                    ProbeResult.Status.NO_PROBE,
                    "no probe for " + feature
                            + (registered
                                    ? "; " + backend.name() + " registers it, but the claim is unverified"
                                    : ", and " + backend.name() + " does not register it"),
                    Duration.ZERO);
        }
        if (!registered) {
            return ProbeResult.of(
                    backend,
                    feature,
                    ProbeResult.Status.UNSUPPORTED,
                    backend.name() + " does not register " + feature,
                    Duration.ZERO);
        }
        Optional<ServiceLookup.Match> match =
                ServiceLookup.match(backend.provider(), feature.serviceType(), feature.algorithm());
        if (match.isPresent() && !match.get().confirmed()) {
            long start = System.nanoTime();
            Optional<String> refusal = ServiceLookup.refusal(backend.provider(), feature.algorithm());
            if (refusal.isPresent()) {
                return ProbeResult.of(
                        backend,
                        feature,
                        ProbeResult.Status.UNSUPPORTED,
                        backend.name()
                                + " registers Cipher " + match.get().service().getAlgorithm()
                                + " without declaring its modes and paddings, and refuses " + feature.algorithm() + ": "
                                + refusal.get(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return probe.get().run(backend, feature, keys);
    }

    /**
     * The probe for a feature, also under an alias the backend registers for a known name
     * (SUN's {@code SHA256} for {@code SHA-256}). A cipher transformation is only resolved as a
     * whole: that {@code AES/GCM/NoPadding} is served by a service named {@code AES} says nothing
     * about which probe applies.
     */
    private Optional<Probe> resolve(Backend backend, Feature feature) {
        Probe direct = probeFor(feature);
        if (direct != null) {
            return Optional.of(direct);
        }
        Provider.Service service = backend.provider().getService(feature.serviceType(), feature.algorithm());
        if (service == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(probeFor(Feature.of(feature.serviceType(), service.getAlgorithm())));
    }
}
