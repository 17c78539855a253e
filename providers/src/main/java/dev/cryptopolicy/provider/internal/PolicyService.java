package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.ProbeResult;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * One service of a policy provider. It either hands out the backend's own SPI object (engines
 * that take no keys) or an enforcing SPI around the backend's engine ({@link EnforcingSpis}).
 * Before its first use it proves the backend with a known-answer test; a backend that fails is
 * never used for this feature, and the reason is kept.
 */
final class PolicyService extends Provider.Service {

    /** How a service treats a request. */
    enum Access {
        /** The policy allows it. */
        ALLOWED,
        /** The policy denies it, but audit mode records the use instead of refusing. */
        AUDITED,
        /** The policy denies it to applications; allowlisted call sites of the JDK may still use it ({@link JdkCaller}). */
        JDK_ONLY,
        /** Not governed by the policy (internal TLS key generators, algorithm parameters, ...). */
        UNGOVERNED,
        /** An SSLContext: handed out as the policy-held context of {@link TlsEnforcement}. */
        TLS
    }

    private final Provider backendProvider;
    private final Backend backend;
    private final Provider.Service original;
    private final ServiceType type;
    private final Access access;
    private final Decision decision;
    private final Enforcer enforcer;
    private final ProvenFeatures probes;
    /**
     * Allowed, and handed out as the backend's own engine, which checks nothing after it is made
     * (a digest, a random generator): only a shadow policy or an inventory records its look-ups,
     * and the provider is noted for {@link Audit} only when one is recorded with its caller.
     */
    private final boolean plain;

    private volatile ProbeResult probe;
    /** The shadow policy's decision of this service and the inventory's sampler of its allowed look-ups. */
    private final Audit.LookupSlot lookupSlot = new Audit.LookupSlot();

    private String refusal;
    private TlsEnforcement tls;
    private JdkCaller jdkCallers = new JdkCaller(List.of(), null);

    PolicyService(
            Provider owner,
            Provider.Service original,
            Backend backend,
            String algorithm,
            List<String> aliases,
            Map<String, String> attributes,
            ServiceType type,
            Access access,
            Decision decision,
            Enforcer enforcer,
            ProvenFeatures probes) {
        super(owner, original.getType(), algorithm, className(original, access), aliases, attributes);
        this.original = original;
        this.backend = backend;
        this.backendProvider = backend.provider();
        this.type = type;
        this.access = access;
        this.decision = decision;
        this.enforcer = enforcer;
        this.probes = probes;
        this.plain = access == Access.ALLOWED && (type == null || !EnforcingSpis.enforces(type));
    }

    /**
     * The JCA caches, per class name, whether a Signature service is a bare SPI; a JDK-only service
     * answers differently depending on its caller, so it gets a name of its own.
     */
    private static String className(Provider.Service original, Access access) {
        if (access == Access.AUDITED && original.getType().equals("Signature")) {
            return original.getClassName() + "$AuditedUnderCryptoPolicy";
        }
        return access == Access.JDK_ONLY
                ? original.getClassName() + "$JdkOnlyUnderCryptoPolicy"
                : original.getClassName();
    }

    @Override
    public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
        if (plain) {
            // Nothing about this engine is decided after it is made: the provider is noted for
            // Audit only when this look-up is recorded with its caller.
            Audit audit = enforcer.audit();
            if (audit.recordsLookups()) {
                audit.lookup(type, getAlgorithm(), backendProvider, lookupSlot, getProvider());
            }
            requireProbe();
            return original.newInstance(constructorParameter);
        }
        // Before (a refusal here is this provider's) and after (the backend's engine may have
        // looked up engines of its own meanwhile): see Audit.
        Audit.instantiating(getProvider());
        Object instance = create(constructorParameter);
        Audit.instantiating(getProvider());
        return instance;
    }

    private Object create(Object constructorParameter) throws NoSuchAlgorithmException {
        switch (access) {
            case JDK_ONLY:
                return jdkOnly(constructorParameter);
            case UNGOVERNED:
                if (original.getType().equals("AlgorithmParameterGenerator")) {
                    return new ListedParameterGenerator(
                            java.security.AlgorithmParameterGenerator.getInstance(getAlgorithm(), backendProvider));
                }
                return original.newInstance(constructorParameter);
            case TLS:
                enforcer.audit().sslContext(getAlgorithm(), enforcer.policy());
                // The backend's own provider object: a lookup by name would come back to us.
                return tls.sslContextSpi(getAlgorithm(), backendProvider);
            case AUDITED:
                enforcer.audit()
                        .lookupRefusal(
                                type,
                                getAlgorithm(),
                                decision,
                                decision.explain(type.jcaName() + " " + getAlgorithm()),
                                false);
                if (type == ServiceType.SIGNATURE) {
                    // As for a JDK-only service: instantiated at getInstance, so that a would-be
                    // refusal is recorded where enforce mode refuses, without init.
                    requireProbe();
                    return new ExemptSignature(getAlgorithm(), (EnforcingSpis.SignatureSpiImpl)
                            EnforcingSpis.create(type, getAlgorithm(), backendProvider, enforcer));
                }
                break;
            case ALLOWED:
                enforcer.audit().lookup(type, getAlgorithm(), backendProvider, lookupSlot, null);
                break;
            default:
                break;
        }
        requireProbe();
        if (type != null && EnforcingSpis.enforces(type)) {
            return EnforcingSpis.create(type, getAlgorithm(), backendProvider, enforcer);
        }
        return original.newInstance(constructorParameter);
    }

    /**
     * A service the policy refuses to applications: only an allowlisted JDK call site
     * ({@link JdkCaller}) gets it, and then as an engine whose keys are still checked. Never the
     * backend's raw engine: a {@link java.security.Signature} of the backend would name the
     * backend as its provider.
     */
    private Object jdkOnly(Object constructorParameter) throws NoSuchAlgorithmException {
        if (jdkCallers.exempting(type, getAlgorithm()) == null) {
            String message = refusal != null ? refusal : decision.explain(type.jcaName() + " " + getAlgorithm());
            enforcer.audit().lookupRefusal(type, getAlgorithm(), decision, message, true);
            throw new NoSuchAlgorithmException(message);
        }
        if (type == ServiceType.SIGNATURE) {
            // A Signature rather than a bare SPI: Signature.getInstance then creates the instance
            // at getInstance (not lazily at init), so application callers are refused there, as
            // with a missing algorithm (see ProviderAssembly.access).
            return new ExemptSignature(getAlgorithm(), (EnforcingSpis.SignatureSpiImpl)
                    EnforcingSpis.create(type, getAlgorithm(), backendProvider, enforcer));
        }
        if (EnforcingSpis.enforces(type)) {
            return EnforcingSpis.create(type, getAlgorithm(), backendProvider, enforcer);
        }
        return original.newInstance(constructorParameter);
    }

    @Override
    public boolean supportsParameter(Object parameter) {
        return original.supportsParameter(parameter);
    }

    /** Makes this an SSLContext service whose contexts follow the policy's TLS settings. */
    PolicyService tls(TlsEnforcement enforcement) {
        this.tls = enforcement;
        return this;
    }

    /** Sets the JDK call sites that may still get this JDK-only service (default: none). */
    PolicyService jdkCallers(JdkCaller callers) {
        this.jdkCallers = callers;
        return this;
    }

    /** Sets the message applications get when this JDK-only service refuses them (default: the decision's). */
    PolicyService refusal(String message) {
        this.refusal = message;
        return this;
    }

    /** The backend that serves this service. */
    Backend backend() {
        return backend;
    }

    /** The probe result, or null before first use (or when the suite has no probe for it). */
    ProbeResult probeResult() {
        return probe;
    }

    /** Runs the known-answer test now (at most once), throwing when the backend fails it. */
    void requireProbe() throws NoSuchAlgorithmException {
        ProbeResult result = probe;
        if (result == null) {
            // No lock: a probe calls into the JCA, which may hold a JDK lock (JCAUtil.class while it
            // builds the default SecureRandom) and come back here on another thread; see
            // ProbeSession. Two threads racing here both probe and get the same answer.
            result = probes.run(backend, original.getType(), getAlgorithm());
            probe = result;
        }
        if (result.status() == ProbeResult.Status.FAILED) {
            throw new NoSuchAlgorithmException(backend.name() + " failed the known-answer test for "
                    + original.getType() + " " + getAlgorithm() + ": " + result.reason()
                    + "; cryptopolicy does not use a backend that fails its probe");
        }
        if (result.status() == ProbeResult.Status.UNSUPPORTED) {
            // Registered, but the backend refuses it when asked (a mode its SPI rejects, or an
            // operation Bouncy Castle FIPS does not approve): no use serving it from here.
            throw new NoSuchAlgorithmException(backend.name() + " registers " + original.getType() + " "
                    + getAlgorithm() + " but refuses it: " + result.reason());
        }
    }
}
