package dev.cryptopolicy.provider.certpath;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import dev.cryptopolicy.provider.logging.Logging;
import java.lang.System.Logger.Level;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy as {@link AlgorithmConstraints}, the question SunJSSE, BCJSSE and the JDK's PKIX
 * {@code AlgorithmChecker} ask of every protocol, cipher suite, named group, signature scheme,
 * signature algorithm and key they meet. Answers come from the compiled policy in one scope
 * ({@code tls} or {@code certpath}), never from the JDK's {@code jdk.*.disabledAlgorithms}
 * properties, so resetting those changes nothing here.
 *
 * <p>Names understood (any case): TLS protocols ({@code TLSv1.2}), cipher suites
 * ({@code TLS_AES_128_GCM_SHA256}, SunJSSE's {@code SSL_} spelling), named groups
 * ({@code x25519}, {@code secp256r1}), signature schemes ({@code rsa_pss_rsae_sha256}), JCA
 * signature algorithms ({@code SHA256withRSA}, {@code RSASSA-PSS} with its parameters decided by
 * their digests, {@code SHA256withRSAandMGF1}, OIDs) and key algorithms ({@code RSA}, {@code EC},
 * {@code XDH}, {@code DiffieHellman}, ...). A name the policy does not know is refused. Keys are
 * judged by the installation's {@link KeyRule}. The cryptographic primitives asked about are not
 * distinguished: the policy decides names, not uses.
 *
 * <p>Every answer for a known name is computed when the constraints are built; asking is one map
 * lookup by the exact spelling (a bounded memory of spellings seen) or by its upper-case form.
 * Under an audit-mode policy every answer is "permitted", and what would have been refused is
 * logged once through {@link System.Logger} {@code dev.cryptopolicy}.
 */
public final class PolicyConstraints implements AlgorithmConstraints {
    /** Bound of the memory of exact spellings and of logged refusals. */
    private static final int MEMORY = 1024;
    /** The answer for a name the policy allows. */
    private static final String ALLOWED = "";
    /** Service types whose algorithm names the JDK and BCJSSE use as key or signature algorithm names. */
    private static final List<ServiceType> NAMED_SERVICES = List.of(
            ServiceType.SIGNATURE,
            ServiceType.KEY_FACTORY,
            ServiceType.KEY_AGREEMENT,
            ServiceType.KEM,
            ServiceType.KEY_PAIR_GENERATOR);

    /** The last key refused on each thread, for {@link #takeKeyRefusal()}. */
    private static final ThreadLocal<String> LAST_KEY_REFUSAL = new ThreadLocal<>();

    private final CompiledPolicy policy;
    private final Scope scope;
    private final KeyRule keys;
    private final boolean enforcing;
    /** Refusal by upper-case name, {@link #ALLOWED} when allowed. */
    private final Map<String, String> byName;

    private final Map<String, String> bySpelling = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    private PolicyConstraints(CompiledPolicy policy, Scope scope, KeyRule keys) {
        this.policy = policy;
        this.scope = scope;
        this.keys = keys;
        this.enforcing = policy.enforcing();
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        Map<String, String> names = new HashMap<>();
        for (TlsKind kind : TlsKind.values()) {
            for (TlsName n : catalog.tls(kind)) {
                String answer = answer(policy.decideTls(kind, n.name()), kind.description() + " " + n.name());
                names.putIfAbsent(n.name().toUpperCase(Locale.ROOT), answer);
                for (String alias : n.aliases()) {
                    names.putIfAbsent(alias.toUpperCase(Locale.ROOT), answer);
                }
            }
        }
        for (ServiceType type : NAMED_SERVICES) {
            String subject = type == ServiceType.SIGNATURE ? "signature algorithm " : type.jcaName() + " ";
            for (Algorithm a : catalog.algorithms(type)) {
                String answer = answer(policy.decide(type, a.name(), scope), subject + a.name());
                names.putIfAbsent(a.name().toUpperCase(Locale.ROOT), answer);
                for (String alias : a.aliases()) {
                    names.putIfAbsent(alias.toUpperCase(Locale.ROOT), answer);
                    names.putIfAbsent("OID." + alias.toUpperCase(Locale.ROOT), answer);
                }
            }
        }
        this.byName = Map.copyOf(names);
    }

    /**
     * The constraints of {@code policy} in {@code scope}.
     *
     * @param scope {@link Scope#TLS} for TLS parameters, {@link Scope#CERTPATH} for certificate paths
     * @param keys  how the installation judges keys
     */
    public static PolicyConstraints of(CompiledPolicy policy, Scope scope, KeyRule keys) {
        return new PolicyConstraints(
                Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(scope, "scope"),
                Objects.requireNonNull(keys, "keys"));
    }

    private static String answer(Decision d, String subject) {
        return d.allowed() ? ALLOWED : d.explain(subject);
    }

    /** The policy answered. */
    public CompiledPolicy policy() {
        return policy;
    }

    /** The scope decisions are made in. */
    public Scope scope() {
        return scope;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
        return permitted(refusal(algorithm, parameters));
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return permitted(keyRefusal(key));
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
        return permitted(refusal(algorithm, parameters)) && permitted(keyRefusal(key));
    }

    /**
     * The last key these constraints refused on the calling thread since the previous call, or
     * null; forgets it. A handshake asks about the peer's keys on the thread that runs it, so a
     * socket reads this after a failed handshake to name the policy rule behind JSSE's symptom
     * ("Unsupported signature algorithm", "No available authentication scheme").
     */
    public static String takeKeyRefusal() {
        String refusal = LAST_KEY_REFUSAL.get();
        LAST_KEY_REFUSAL.remove();
        return refusal;
    }

    private String keyRefusal(Key key) {
        String refusal = refusal(key);
        if (refusal != null && enforcing) {
            LAST_KEY_REFUSAL.set(refusal);
        }
        return refusal;
    }

    /**
     * {@code other} and these constraints together: both must permit. Returns these constraints
     * when {@code other} is null, these constraints, or already a combination with them, so that
     * parameters read and set again do not nest.
     */
    public AlgorithmConstraints and(AlgorithmConstraints other) {
        if (other == null || other == this || (other instanceof Both both && both.policy() == this)) {
            return other == null ? this : other;
        }
        return new Both(this, other);
    }

    /** Whether {@code constraints} are these, alone or combined with an application's. */
    public boolean heldBy(AlgorithmConstraints constraints) {
        return constraints == this || (constraints instanceof Both both && both.policy() == this);
    }

    /**
     * Why the policy refuses {@code algorithm} with {@code parameters}, naming the rule, or
     * {@code null} when it allows it (whatever the mode).
     */
    public String refusal(String algorithm, AlgorithmParameters parameters) {
        if (algorithm == null) {
            return "an unnamed algorithm is refused by policy " + policy.name();
        }
        String answer = byName(algorithm);
        if (answer.isEmpty() && parameters != null && isPss(algorithm)) {
            answer = pss(parameters);
        }
        return answer.isEmpty() ? null : answer;
    }

    /** Why the policy refuses {@code key}, naming the rule, or {@code null} when it accepts it. */
    public String refusal(Key key) {
        if (key == null) {
            return "a missing key is refused by policy " + policy.name();
        }
        return keys.refusal(key, scope);
    }

    private String byName(String algorithm) {
        String answer = bySpelling.get(algorithm);
        if (answer == null) {
            answer = lookUp(algorithm);
            if (bySpelling.size() < MEMORY) {
                bySpelling.put(algorithm, answer);
            }
        }
        return answer;
    }

    private String lookUp(String algorithm) {
        // ASCII case only (Names): a name with a character that is not ASCII is not known, so refused.
        String upper = Names.upper(algorithm);
        String answer = byName.get(upper);
        if (answer == null && upper.startsWith("SSL_")) {
            answer = byName.get("TLS_" + upper.substring(4));
        }
        return answer != null
                ? answer
                : "algorithm " + algorithm + " is not known to policy " + policy.name() + ", so it is refused";
    }

    private static boolean isPss(String algorithm) {
        return algorithm.equalsIgnoreCase("RSASSA-PSS")
                || algorithm.equalsIgnoreCase("PSS")
                || algorithm.equals("1.2.840.113549.1.1.10");
    }

    /** RSASSA-PSS decided by its message digest and its MGF1 digest, as {@code SHA256withRSA/PSS} is. */
    private String pss(AlgorithmParameters parameters) {
        PSSParameterSpec spec;
        try {
            spec = parameters.getParameterSpec(PSSParameterSpec.class);
        } catch (InvalidParameterSpecException e) {
            return "RSASSA-PSS parameters that cannot be read (" + e.getMessage() + ") are refused by policy "
                    + policy.name();
        }
        String answer = pssDigest(spec.getDigestAlgorithm());
        if (answer.isEmpty() && spec.getMGFParameters() instanceof MGF1ParameterSpec mgf) {
            answer = pssDigest(mgf.getDigestAlgorithm());
        }
        return answer;
    }

    private String pssDigest(String digest) {
        String canonical = AlgorithmCatalog.canonicalDigest(digest);
        if (canonical == null) {
            return "RSASSA-PSS with digest " + digest + " is not known to policy " + policy.name()
                    + ", so it is refused";
        }
        String jcaDigest = canonical.startsWith("SHA3-") ? canonical : canonical.replace("-", "");
        return byName(jcaDigest + "withRSA/PSS");
    }

    /** Logs a refusal once; true when the request may go ahead (allowed, or audit mode). */
    private boolean permitted(String refusal) {
        if (refusal == null) {
            return true;
        }
        if (logged.size() < MEMORY && logged.add(refusal)) {
            Logging.logger()
                    .log(
                            Level.DEBUG,
                            enforcing
                                    ? "cryptopolicy: refused in scope {0}: {1}"
                                    : "cryptopolicy audit: would refuse in scope {0}: {1}",
                            scope.yamlName(),
                            refusal);
        }
        return !enforcing;
    }

    /** The policy's constraints and an application's: both must permit. */
    private record Both(PolicyConstraints policy, AlgorithmConstraints application) implements AlgorithmConstraints {

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return policy.permits(primitives, algorithm, parameters)
                    && application.permits(primitives, algorithm, parameters);
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return policy.permits(primitives, key) && application.permits(primitives, key);
        }

        @Override
        public boolean permits(
                Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
            return policy.permits(primitives, algorithm, key, parameters)
                    && application.permits(primitives, algorithm, key, parameters);
        }
    }
}
