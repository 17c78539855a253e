package dev.cryptopolicy.provider.certpath;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Scope;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathParameters;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds every PKIX {@link CertPathValidator} and {@link CertPathBuilder} of a backend (SUN, BCFIPS)
 * to a policy: the validator or builder an application, or the JDK's own TLS trust manager, gets
 * runs a policy checker on every certificate of the path (signature algorithm and public key, in
 * scope {@code certpath}) and checks the trust anchor's key, whatever
 * {@code jdk.certpath.disabledAlgorithms} says.
 *
 * <pre>{@code
 * CertPathEnforcement paths = CertPathEnforcement.of(policy, keys);       // once per installation
 * if (CertPathEnforcement.governs(service)) wrapper.putService(paths.service(wrapper, service, aliases, attributes));
 * }</pre>
 *
 * <p>The checker is added to a copy of the caller's {@link PKIXParameters} (as the first checker,
 * so that a refusal names the policy's rule), never to the caller's object. Parameters of another
 * kind (Bouncy Castle's own) are passed as they are, and the path validated or built is checked
 * afterwards.
 */
public final class CertPathEnforcement {
    private final CompiledPolicy policy;
    private final KeyRule keys;
    /**
     * The policy's constraints in scope {@code certpath}, built at the first validation or build:
     * they decide every catalogued name up front, which an installation (before {@code main}, for
     * the agent) need not pay for when nothing validates a path. One instance for every checker,
     * which {@link PolicyCertPathChecker#sameRulesAs} compares by identity.
     */
    private final AtomicReference<PolicyConstraints> constraints = new AtomicReference<>();
    /** Audit-mode refusals already logged, shared by every checker of this installation. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    private CertPathEnforcement(CompiledPolicy policy, KeyRule keys) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The certificate path enforcement of {@code policy}, judging keys with {@code keys}. */
    public static CertPathEnforcement of(CompiledPolicy policy, KeyRule keys) {
        return new CertPathEnforcement(policy, keys);
    }

    /** Whether {@link #constraints} were built already; for tests. */
    boolean constraintsBuilt() {
        return constraints.get() != null;
    }

    /** The constraints, built once; racing first uses build one each and all keep the first stored. */
    PolicyConstraints constraints() {
        PolicyConstraints built = constraints.get();
        if (built == null) {
            constraints.compareAndSet(null, PolicyConstraints.of(policy, Scope.CERTPATH, keys));
            built = constraints.get();
        }
        return built;
    }

    /** Whether {@code service} is a PKIX validator or builder, which a wrapper must hold to the policy. */
    public static boolean governs(Provider.Service service) {
        return (service.getType().equals("CertPathValidator")
                        || service.getType().equals("CertPathBuilder"))
                && service.getAlgorithm().equalsIgnoreCase("PKIX");
    }

    /**
     * A service of {@code owner} standing in for {@code original} (a {@link #governs governed}
     * service of a backend) whose instances enforce the policy.
     */
    public Provider.Service service(
            Provider owner, Provider.Service original, List<String> aliases, Map<String, String> attributes) {
        if (!governs(original)) {
            throw new IllegalArgumentException("service [" + original.getType() + " " + original.getAlgorithm()
                    + "] is not a PKIX validator or builder");
        }
        return new Service(owner, original, aliases, attributes, this);
    }

    /** A checker of this policy, for one validation or build. */
    PolicyCertPathChecker checker() {
        return new PolicyCertPathChecker(constraints(), logged);
    }

    /**
     * A copy of {@code parameters} with {@code checker} first among its checkers, or null when they
     * are not {@link PKIXParameters} (the caller then checks the result). The JDK's own
     * {@code PKIXExtendedParameters}, made afresh by its TLS trust manager for each validation,
     * share their state with their copies.
     */
    static CertPathParameters withChecker(CertPathParameters parameters, PolicyCertPathChecker checker) {
        if (!(parameters instanceof PKIXParameters pkix)) {
            return null;
        }
        PKIXParameters copy = (PKIXParameters) pkix.clone();
        List<PKIXCertPathChecker> checkers = new ArrayList<>(copy.getCertPathCheckers());
        for (PKIXCertPathChecker existing : checkers) {
            if (existing instanceof PolicyCertPathChecker held && held.sameRulesAs(checker)) {
                return copy;
            }
        }
        checkers.add(0, checker);
        copy.setCertPathCheckers(checkers);
        return copy;
    }

    /** A governed service: hands out the backend's validator or builder held to the policy. */
    private static final class Service extends Provider.Service {
        private final Provider.Service original;
        private final CertPathEnforcement enforcement;

        Service(
                Provider owner,
                Provider.Service original,
                List<String> aliases,
                Map<String, String> attributes,
                CertPathEnforcement enforcement) {
            super(owner, original.getType(), original.getAlgorithm(), original.getClassName(), aliases, attributes);
            this.original = original;
            this.enforcement = enforcement;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            if (getType().equals("CertPathValidator")) {
                return new PolicyCertPathValidatorSpi(
                        CertPathValidator.getInstance(getAlgorithm(), original.getProvider()), enforcement);
            }
            return new PolicyCertPathBuilderSpi(
                    CertPathBuilder.getInstance(getAlgorithm(), original.getProvider()), enforcement);
        }

        @Override
        public boolean supportsParameter(Object parameter) {
            return original.supportsParameter(parameter);
        }
    }
}
