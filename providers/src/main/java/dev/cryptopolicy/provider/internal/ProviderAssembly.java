package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.ProbeSession;
import dev.cryptopolicy.provider.certpath.CertPathEnforcement;
import dev.cryptopolicy.provider.certpath.KeyRule;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the providers of one installation: the front provider that exposes exactly the policy's
 * feature set, each feature served by its chosen backend, and the same-named wrappers that replace
 * every installed provider so that neither the JCA's fallback to the next provider nor naming a
 * provider gets around the policy.
 */
public final class ProviderAssembly {

    /** Service attributes the JCA reads; copied from the backend's service. */
    private static final List<String> ATTRIBUTES = List.of(
            "SupportedKeyClasses",
            "SupportedKeyFormats",
            "SupportedModes",
            "SupportedPaddings",
            "ImplementedIn",
            "KeySize",
            "ThreadSafe",
            "ValidationAlgorithm");

    private final Enforcer enforcer;
    private final CompiledPolicy policy;
    private final ProvenFeatures probes;
    /** The holder of the installation this assembly builds for, or null for a fixed policy. */
    private final PolicyHolder holder;

    private final AlgorithmCatalog catalog = AlgorithmCatalog.standard();
    /** How the policy's key rules judge TLS and certificate path keys. */
    private final KeyRule keys;
    /**
     * This policy's TLS enforcement, built at the first TLS use (see {@link #tls()}): most JVMs
     * never use TLS, and building it costs start-up time. Set once, holding {@code this}; it is
     * built with no lock held.
     */
    private volatile TlsEnforcement tls;
    /** What the SSLContext services hand out: {@link #tls()}, or, under a holder, the TLS enforcement of whatever state is in force. */
    private final TlsEnforcement contexts;

    private final CertPathEnforcement certPaths;
    /** The JDK call sites that keep JDK-only services; Bouncy Castle FIPS's only once its loader is known (buildFront). */
    private final List<JdkCaller.Site> allowlist;

    private JdkCaller jdkCallers;

    /**
     * @param enforcer the policy and audit sink shared by every service
     * @param probes   the known-answer tests run before a backend's first use for a feature, sharing key pairs
     */
    public ProviderAssembly(Enforcer enforcer, ProbeSession probes) {
        this(enforcer.policy(), enforcer, new ProvenFeatures(probes), JdkCaller.STANDARD, null);
    }

    /**
     * The assembly of {@code policy} for an installation whose policy {@code holder} holds: the
     * TLS contexts its SSLContext services hand out follow the holder (a context made before the
     * policy is replaced configures its later connections under the new one).
     *
     * @param policy   the policy whose services this assembly builds (not yet, or no longer, the one in force)
     * @param enforcer the installation's enforcer, which reads the policy in force from {@code holder}
     * @param probes   the known-answer tests, sharing key pairs
     * @param holder   the installation's holder
     */
    public ProviderAssembly(CompiledPolicy policy, Enforcer enforcer, ProbeSession probes, PolicyHolder holder) {
        this(
                policy,
                enforcer,
                new ProvenFeatures(probes),
                JdkCaller.STANDARD,
                java.util.Objects.requireNonNull(holder, "holder"));
    }

    /**
     * The assembly of {@code next} for the same installation: the same enforcer, holder and JDK call
     * sites, and the known-answer test results this one has (the backends do not change).
     */
    public ProviderAssembly next(CompiledPolicy next) {
        return new ProviderAssembly(next, enforcer, probes, allowlist, holder);
    }

    /** With {@code allowlist} instead of {@link JdkCaller#STANDARD}, to show what each entry is for. */
    ProviderAssembly(Enforcer enforcer, ProbeSession probes, List<JdkCaller.Site> allowlist) {
        this(enforcer.policy(), enforcer, new ProvenFeatures(probes), allowlist, null);
    }

    private ProviderAssembly(
            CompiledPolicy policy,
            Enforcer enforcer,
            ProvenFeatures probes,
            List<JdkCaller.Site> allowlist,
            PolicyHolder holder) {
        this.holder = holder;
        this.allowlist = List.copyOf(allowlist);
        this.jdkCallers = new JdkCaller(this.allowlist, null);
        this.enforcer = enforcer;
        this.policy = policy;
        this.probes = probes;
        this.keys = keyRule(policy);
        this.contexts = holder == null ? tls() : TlsEnforcement.following(new InForce(holder));
        this.certPaths = CertPathEnforcement.of(policy, keys);
    }

    /**
     * The TLS enforcement of this assembly's policy, built on first use. Built with no lock held
     * (it may read the JDK's TLS defaults, which take JDK locks); when two threads build it at
     * once, the first one published is the one every context uses.
     */
    private TlsEnforcement tls() {
        TlsEnforcement known = tls;
        if (known != null) {
            return known;
        }
        TlsEnforcement built = TlsEnforcement.of(
                policy,
                keys,
                (p, protocol, suite, peer, negotiation) ->
                        enforcer.audit().tlsSession(p, protocol, suite, peer, negotiation));
        synchronized (this) {
            if (tls == null) {
                tls = built;
            }
            return tls;
        }
    }

    /** The TLS enforcement of the state in force in an installation's holder, at each use. */
    private static final class InForce implements java.util.function.Supplier<TlsEnforcement> {
        private final PolicyHolder holder;

        InForce(PolicyHolder holder) {
            this.holder = holder;
        }

        @Override
        public TlsEnforcement get() {
            return holder.state().assembly().tls();
        }
    }

    /** The policy's key rules as TLS and certificate path checks apply them: keys measured as everywhere else. */
    public static KeyRule keyRule(CompiledPolicy policy) {
        return new PolicyKeys(policy);
    }

    /** {@link #keyRule}: a named class, as every lambda spins a class when an installation is built. */
    private static final class PolicyKeys implements KeyRule {
        private final CompiledPolicy policy;

        PolicyKeys(CompiledPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String refusal(java.security.Key key, Scope scope) {
            KeyInfo info = KeyInfo.of(key);
            Decision d = policy.decideKey(info.algorithm(), info.bits(), info.curve(), scope);
            return d.allowed() ? null : Enforcer.describe(info, d);
        }
    }

    /** How a backend's service for a catalogue algorithm is found ({@link #lookup}). */
    private static final ProvenFeatures.Lookup LOOKUP = new ProvenFeatures.Lookup() {
        @Override
        public Provider.Service find(Backend backend, ServiceType type, Algorithm algorithm) {
            return lookup(backend, type, algorithm);
        }
    };

    /** The policy the providers of this assembly enforce. */
    public CompiledPolicy policy() {
        return policy;
    }

    /** A feature of the front provider and the backend chosen for it. */
    public record Selection(ServiceType type, String algorithm, Backend backend) {}

    /** A required feature no backend could serve, with what would provide it. */
    public record Missing(ServiceType type, String algorithm, String reason) {
        /** One line for the start-up error. */
        public String describe() {
            return type.jcaName() + " " + algorithm + ": " + reason;
        }
    }

    /** The outcome of building the front provider; {@code rejected} lists backends that failed a probe. */
    public record Front(Provider provider, List<Selection> selections, List<Missing> missing, List<String> rejected) {}

    /**
     * Builds the front provider named {@code name}.
     *
     * @param front    the (empty) provider object to fill
     * @param register collects the services of {@code front} under this assembly's policy
     * @param backends candidates, in the order the JDK has them; the policy's preference is applied here
     */
    public Front buildFront(Provider front, ServiceTable.Builder register, List<Backend> backends) {
        List<Backend> ordered = order(backends);
        List<Provider> raw = new ArrayList<>();
        for (Backend b : backends) {
            raw.add(b.provider());
        }
        enforcer.keyFactories(raw);
        jdkCallers = new JdkCaller(allowlist, policy.backends().fipsOnly() ? bcFipsLoader(backends) : null);
        List<Selection> selections = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<ServiceType, List<String>> required = policy.backends().required();
        for (ServiceType type : ServiceType.values()) {
            List<String> requiredNames = required.getOrDefault(type, List.of());
            List<Algorithm> features = type == ServiceType.SECURE_RANDOM
                    ? defaultFirst(policy.features(type), jdkDefaultRandom(backends))
                    : policy.features(type);
            for (Algorithm a : features) {
                boolean isRequired = requiredNames.contains(a.name());
                PolicyService chosen = null;
                List<String> failures = new ArrayList<>();
                for (Backend b : ordered) {
                    Provider.Service original = probes.lookup(b, type, a, LOOKUP);
                    if (original == null) {
                        continue;
                    }
                    PolicyService s = new PolicyService(
                            front,
                            original,
                            b,
                            a.name(),
                            aliases(a),
                            attributes(original, type),
                            type,
                            PolicyService.Access.ALLOWED,
                            policy.decide(type, a.name(), Scope.ANY),
                            enforcer,
                            probes);
                    // Required features, and every feature of a backend we do not know, are proven
                    // now so that a failing backend is passed over for the next candidate. The
                    // JDK's own providers and Bouncy Castle FIPS are proven on first use, to keep
                    // start-up fast.
                    if (isRequired || !isKnownProvider(b)) {
                        try {
                            s.requireProbe();
                        } catch (NoSuchAlgorithmException e) {
                            failures.add(e.getMessage());
                            rejected.add(e.getMessage());
                            continue;
                        }
                    }
                    chosen = s;
                    break;
                }
                if (chosen == null) {
                    if (isRequired) {
                        missing.add(new Missing(
                                type,
                                a.name(),
                                failures.isEmpty()
                                        ? "no backend; " + hint(type, a.name())
                                        : String.join("; ", failures) + "; " + hint(type, a.name())));
                    }
                    continue;
                }
                register.add(chosen, aliases(a));
                selections.add(new Selection(type, a.name(), chosen.backend()));
            }
        }
        return new Front(front, List.copyOf(selections), List.copyOf(missing), List.copyOf(rejected));
    }

    /**
     * {@code features} with the one named {@code first} moved to the front, or {@code features} as
     * they are when {@code first} is null or not among them. The JDK's {@code new SecureRandom()}
     * takes the first {@code SecureRandom} the first provider registered: the front's default is
     * then the algorithm the JDK would have chosen without the policy, when the policy allows it.
     */
    static List<Algorithm> defaultFirst(List<Algorithm> features, String first) {
        if (first == null) {
            return features;
        }
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equalsIgnoreCase(first)) {
                if (i == 0) {
                    return features;
                }
                List<Algorithm> out = new ArrayList<>(features.size());
                out.add(features.get(i));
                for (int j = 0; j < features.size(); j++) {
                    if (j != i) {
                        out.add(features.get(j));
                    }
                }
                return out;
            }
        }
        return features;
    }

    /**
     * The algorithm of the {@code SecureRandom} that {@code new SecureRandom()} gets from these
     * backends, in the JDK's order, without the policy; null when that cannot be read from outside
     * the JDK. {@code java.security.SecureRandom} takes the first provider that has one: from SUN,
     * {@code sun.security.provider.SunEntries.DEF_SECURE_RANDOM_ALGO} (NativePRNG where SUN has it
     * and the seed source, {@code java.security.egd} or else {@code securerandom.source}, is
     * {@code file:/dev/random} or {@code file:/dev/urandom}; DRBG otherwise); from any other
     * provider, the first it registered, which only the JDK's package-private
     * {@code Provider.getDefaultSecureRandomService} knows: null then, and the policy's order stays.
     */
    static String jdkDefaultRandom(List<Backend> backends) {
        for (Backend b : backends) {
            if (b.name().equals("SUN")) {
                String source = System.getProperty("java.security.egd", "");
                if (source.isEmpty()) {
                    source = java.security.Security.getProperty("securerandom.source");
                }
                boolean nativeSource = "file:/dev/random".equals(source) || "file:/dev/urandom".equals(source);
                return nativeSource && b.registers("SecureRandom", "NativePRNG") ? "NativePRNG" : "DRBG";
            }
            for (Provider.Service s : b.provider().getServices()) {
                if (s.getType().equals("SecureRandom")) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the policy governs any service of the backend, i.e. whether it needs a wrapper. */
    public boolean governs(Backend backend) {
        for (Provider.Service s : backend.provider().getServices()) {
            ServiceType type = ServiceType.ofJcaNameOrNull(s.getType());
            if ((type != null && !ungoverned(type, s.getAlgorithm()))
                    || s.getType().equals("SSLContext")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The services of {@code wrapper}, a provider with the same name as {@code backend}'s: the
     * backend's services as this assembly's policy allows them.
     */
    public ServiceTable wrapperTable(Provider wrapper, Backend backend) {
        ServiceTable.Builder table = new ServiceTable.Builder();
        buildWrapper(wrapper, table, backend);
        return table.build();
    }

    private void buildWrapper(Provider wrapper, ServiceTable.Builder register, Backend backend) {
        Provider original = backend.provider();
        boolean mayServe = !policy.backends().fipsOnly() || backend.fips();
        Map<String, List<String>> aliases = aliasesOf(original);
        for (Provider.Service s : original.getServices()) {
            ServiceType type = ServiceType.ofJcaNameOrNull(s.getType());
            String key = s.getType() + "." + s.getAlgorithm().toUpperCase(Locale.ROOT);
            List<String> serviceAliases = aliases.getOrDefault(key, List.of());
            if (s.getType().equals("SSLContext")) {
                // TLS under fips_only comes from the FIPS backend's own TLS provider only; DTLS has
                // no place in the policy language, so it is not offered at all.
                if (mayServe && !s.getAlgorithm().toUpperCase(Locale.ROOT).startsWith("DTLS")) {
                    register.add(
                            new PolicyService(
                                            wrapper,
                                            s,
                                            backend,
                                            s.getAlgorithm(),
                                            serviceAliases,
                                            attributes(s, null),
                                            null,
                                            PolicyService.Access.TLS,
                                            null,
                                            enforcer,
                                            probes)
                                    .tls(contexts),
                            serviceAliases);
                }
                continue;
            }
            if (CertPathEnforcement.governs(s)) {
                // PKIX validators and builders check every path against the policy itself, not
                // only against jdk.certpath.disabledAlgorithms, which applications can reset.
                register.add(certPaths.service(wrapper, s, serviceAliases, attributes(s, null)), serviceAliases);
                continue;
            }
            if (type == null || ungoverned(type, s.getAlgorithm())) {
                register.add(
                        new PolicyService(
                                wrapper,
                                s,
                                backend,
                                s.getAlgorithm(),
                                serviceAliases,
                                attributes(s, type),
                                type,
                                PolicyService.Access.UNGOVERNED,
                                null,
                                enforcer,
                                probes),
                        serviceAliases);
                continue;
            }
            if (type == ServiceType.CIPHER) {
                continue;
            }
            Decision d = policy.decide(type, s.getAlgorithm(), Scope.ANY);
            PolicyService.Access access = access(type, d, mayServe);
            if (access != null) {
                register.add(
                        new PolicyService(
                                        wrapper,
                                        s,
                                        backend,
                                        s.getAlgorithm(),
                                        serviceAliases,
                                        attributes(s, type),
                                        type,
                                        access,
                                        d,
                                        enforcer,
                                        probes)
                                .jdkCallers(jdkCallers)
                                .refusal(d.allowed() && !mayServe ? notFips(type, s.getAlgorithm(), backend) : null),
                        serviceAliases);
            }
        }
        boolean hasCiphers = false;
        for (Provider.Service s : original.getServices()) {
            hasCiphers |= s.getType().equals("Cipher");
        }
        for (Algorithm a : hasCiphers ? catalog.algorithms(ServiceType.CIPHER) : List.<Algorithm>of()) {
            Provider.Service base = probes.lookup(backend, ServiceType.CIPHER, a, LOOKUP);
            if (base == null) {
                continue;
            }
            Decision d = policy.decide(ServiceType.CIPHER, a.name(), Scope.ANY);
            PolicyService.Access access = access(ServiceType.CIPHER, d, mayServe);
            if (access != null && !(d.allowed() && !mayServe)) {
                register.add(
                        new PolicyService(
                                wrapper,
                                base,
                                backend,
                                a.name(),
                                aliases(a),
                                attributes(base, ServiceType.CIPHER),
                                ServiceType.CIPHER,
                                access,
                                d,
                                enforcer,
                                probes),
                        aliases(a));
            }
        }
    }

    /** Why a non-FIPS backend refuses a feature the policy allows, with the FIPS alternative for key stores. */
    private String notFips(ServiceType type, String algorithm, Backend backend) {
        String message = type.jcaName() + " " + algorithm + " from " + backend.name() + " is refused: policy "
                + policy.name()
                + " serves features only from FIPS-validated backends (backends.fips_only), and " + backend.name()
                + " is not one";
        if (type == ServiceType.KEY_STORE) {
            message += "; Bouncy Castle FIPS in approved-only mode cannot open " + algorithm
                    + " key stores: convert them to BCFKS (keytool -importkeystore -deststoretype BCFKS"
                    + " -providername BCFIPS) and use KeyStore.getInstance(\"BCFKS\")";
        }
        return message;
    }

    private PolicyService.Access access(ServiceType type, Decision d, boolean mayServe) {
        if (d.allowed() && mayServe) {
            return PolicyService.Access.ALLOWED;
        }
        if (!policy.enforcing()) {
            return PolicyService.Access.AUDITED;
        }
        // Engines that pick their provider at getInstance can refuse applications there while the
        // JDK keeps what it needs internally (MD5 for UUIDs, SHA-1 in key stores, SHA1withECDSA
        // and NONEwithECDSA for JSSE's check that elliptic curves work). Signature is made to
        // pick at getInstance too (PolicyService). Engines that pick their provider late (Cipher,
        // Mac, KeyAgreement) must not see the service at all, or getInstance would succeed and
        // only init would fail.
        return instantiatedAtGetInstance(type) ? PolicyService.Access.JDK_ONLY : null;
    }

    private static boolean instantiatedAtGetInstance(ServiceType type) {
        switch (type) {
            case CIPHER:
            case MAC:
            case KEY_AGREEMENT:
                return false;
            default:
                return true;
        }
    }

    /**
     * Services the JDK uses internally that no policy governs: TLS key derivation, parameter
     * objects, password-based key store protection and the TLS 1.0/1.1 handshake signature. TLS
     * itself is governed through the protocol range and the exported JDK properties.
     */
    public static boolean ungoverned(ServiceType type, String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        switch (type) {
            case ALGORITHM_PARAMETERS:
                return true;
            case KEY_GENERATOR:
                return a.startsWith("SUNTLS") || a.startsWith("TLS");
            case MAC:
                return a.startsWith("HMACPBE") || a.startsWith("SSLMAC");
            case CIPHER:
            case SECRET_KEY_FACTORY:
                return a.startsWith("PBE");
            case SIGNATURE:
                return a.equals("MD5ANDSHA1WITHRSA");
            default:
                return false;
        }
    }

    /** The class loader of the BCFIPS provider among {@code backends}, or null when there is none. */
    private static ClassLoader bcFipsLoader(List<Backend> backends) {
        for (Backend b : backends) {
            if (b.provider().getClass().getName().equals(BackendRandom.BC_FIPS_CLASS)) {
                return b.provider().getClass().getClassLoader();
            }
        }
        return null;
    }

    /** Whether the backend is one of the JDK's own providers or Bouncy Castle FIPS (BCFIPS, BCJSSE). */
    static boolean isKnownProvider(Backend b) {
        Module m = b.provider().getClass().getModule();
        String name = b.provider().getClass().getName();
        return (m.isNamed() && (m.getName().startsWith("java.") || m.getName().startsWith("jdk.")))
                || name.equals(BackendRandom.BC_FIPS_CLASS)
                || name.equals("org.bouncycastle.jsse.provider.BouncyCastleJsseProvider");
    }

    /** The backend's service for a catalog algorithm, found by name or alias; for ciphers, the base service. */
    private static Provider.Service lookup(Backend probe, ServiceType type, Algorithm a) {
        Provider p = probe.provider();
        if (!probe.registers(type.jcaName(), a.name())) {
            for (String alias : a.aliases()) {
                if (!Character.isDigit(alias.charAt(0))
                        && type != ServiceType.CIPHER
                        && probe.registers(type.jcaName(), alias)) {
                    return p.getService(type.jcaName(), alias);
                }
            }
            return null;
        }
        if (type != ServiceType.CIPHER) {
            return p.getService(type.jcaName(), a.name());
        }
        Provider.Service full = p.getService("Cipher", a.name());
        if (full != null) {
            return full;
        }
        String[] parts = a.name().split("/");
        Provider.Service s = parts.length == 3 ? p.getService("Cipher", parts[0] + "/" + parts[1]) : null;
        if (s == null && parts.length == 3) {
            s = p.getService("Cipher", parts[0] + "//" + parts[2]);
        }
        return s != null ? s : p.getService("Cipher", parts[0]);
    }

    private static List<String> aliases(Algorithm a) {
        List<String> out = new ArrayList<>();
        for (String alias : a.aliases()) {
            out.add(alias);
            if (Character.isDigit(alias.charAt(0))) {
                out.add("OID." + alias);
            }
        }
        return out;
    }

    private static Map<String, String> attributes(Provider.Service s, ServiceType type) {
        Map<String, String> out = new HashMap<>();
        for (String name : ATTRIBUTES) {
            if (type == ServiceType.CIPHER && (name.equals("SupportedModes") || name.equals("SupportedPaddings"))) {
                continue;
            }
            String value = s.getAttribute(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /** The backend's aliases, by {@code Type.ALGORITHM} (upper-case algorithm). */
    private static Map<String, List<String>> aliasesOf(Provider p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : p.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.startsWith("Alg.Alias.")) {
                continue;
            }
            String rest = key.substring("Alg.Alias.".length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String type = rest.substring(0, dot);
            String alias = rest.substring(dot + 1);
            String target = type + "." + String.valueOf(e.getValue()).toUpperCase(Locale.ROOT);
            List<String> known = out.get(target);
            if (known == null) {
                known = new ArrayList<>();
                out.put(target, known);
            }
            known.add(alias);
        }
        return out;
    }

    private List<Backend> order(List<Backend> backends) {
        List<Backend> out = new ArrayList<>();
        for (String name : policy.backends().preference()) {
            for (Backend b : backends) {
                if (b.name().equalsIgnoreCase(name) && !out.contains(b)) {
                    out.add(b);
                }
            }
        }
        for (Backend b : backends) {
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        List<Backend> eligible = new ArrayList<>();
        for (Backend b : out) {
            if (eligible(b)) {
                eligible.add(b);
            }
        }
        return eligible;
    }

    private boolean eligible(Backend b) {
        if (policy.backends().fipsOnly() && !b.fips()) {
            return false;
        }
        return policy.backends().meetsMinimumVersion(b.name(), b.version());
    }

    /** What would provide a missing feature, for the start-up message. */
    static String hint(ServiceType type, String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        if (a.startsWith("SHAKE")) {
            return "Temurin 25's SUN or bc-fips provide it";
        }
        if (a.startsWith("ML-KEM") || a.startsWith("ML-DSA")) {
            return "JDK 24 or later provides it (SunJCE / SUN)";
        }
        if (a.startsWith("SHA3") || a.contains("SHA3-")) {
            return "JDK 17's SUN or bc-fips provide it";
        }
        return "put bc-fips on the class path or use a JDK whose providers offer " + type.jcaName() + " " + algorithm;
    }
}
