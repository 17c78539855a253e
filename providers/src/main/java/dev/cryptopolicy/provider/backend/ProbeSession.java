package dev.cryptopolicy.provider.backend;

import java.util.Objects;

/**
 * A run of probes that share the key pairs they generate, for a caller that probes features one
 * at a time (lazily, at first use) rather than all at once with {@link ProbeSuite#probeAll}.
 *
 * <p>Without a session every {@link ProbeSuite#run} generates its own key pairs, so probing five
 * RSA signature algorithms one by one generates five RSA-2048 key pairs; within a session it is
 * one. The key pairs live as long as the session does (they are throw-away test keys), so hold a
 * session for a batch of related probes, such as one installation, and then drop it.
 *
 * <p>Thread-safe, and holds no lock. Locking rule: a probe calls into the JCA, and the JCA takes
 * JDK locks of its own and calls back into providers: {@code JCAUtil.getDefSecureRandom} builds
 * the default {@code SecureRandom} under {@code JCAUtil.class}, and a policy service asked for that
 * random first runs its own probe. A session that serialised its probes with a lock would let a
 * thread in a probe wait for {@code JCAUtil.class} while the thread holding it waits for the
 * session's lock. So probes of one session run concurrently, on their callers' threads, and no
 * thread ever waits for another's probe; sharing key pairs is best effort ({@link KeyPairCache}).
 * The price: threads that use one feature for the first time at the same moment each run its
 * probe (and may each generate its key pairs), once per installation.
 */
public final class ProbeSession {

    private final ProbeSuite suite;
    private final KeyPairCache keys = new KeyPairCache();

    ProbeSession(ProbeSuite suite) {
        this.suite = Objects.requireNonNull(suite, "suite");
    }

    /**
     * Probes one feature of one backend; see {@link ProbeSuite#run(Backend, String, String)}.
     *
     * @param backend the backend
     * @param serviceType the JCA service type, e.g. {@code "Signature"}
     * @param algorithm the algorithm or transformation, e.g. {@code "SHA256withRSA"}
     * @return the result; never throws because of what the backend does
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code serviceType} or {@code algorithm} is blank
     */
    public ProbeResult run(Backend backend, String serviceType, String algorithm) {
        return run(backend, Feature.of(serviceType, algorithm));
    }

    /**
     * Probes one feature of one backend; see {@link ProbeSuite#run(Backend, Feature)}.
     *
     * @param backend the backend
     * @param feature the feature
     * @return the result; never throws because of what the backend does
     * @throws NullPointerException if either argument is null
     */
    public ProbeResult run(Backend backend, Feature feature) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(feature, "feature");
        return suite.probe(backend, feature, keys);
    }
}
