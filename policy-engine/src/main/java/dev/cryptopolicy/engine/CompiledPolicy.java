package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, compiled policy: every decision it can make, computed once. Asking is a table
 * lookup that neither parses nor allocates, so it is safe on every {@code getInstance} and
 * {@code init}. Instances are thread-safe and can be swapped atomically by their holder.
 *
 * <p>Obtain one from {@link PolicyLoader#load(String)}.
 */
public final class CompiledPolicy {

    /** Key-size rules, indexed by {@link KeyFamily} and {@link Scope} ordinals. */
    record KeyTable(
            int[][] minBits,
            Decision[][] deny,
            Decision[][] allow,
            Decision[] curveDeny,
            NameTable<Curve> allowedCurves,
            NameTable<Curve> allCurves,
            Decision unconstrained,
            Decision unmeasured) {}

    private static final NameTable<KeyFamily> KEY_FAMILIES = keyFamilies();

    private final String name;
    private final Mode mode;
    private final String description;
    private final List<String> sources;
    private final NameTable<Decision[]>[] byService;
    private final Decision[] unknown;
    private final Map<ServiceType, List<Algorithm>> features;
    private final KeyTable keys;
    private final TlsSettings tls;
    /** By {@link TlsKind} ordinal: the decisions of its names, and the refusal of a name it does not know. */
    private final NameTable<Decision>[] tlsDecisions;

    private final Decision[] unknownTls;
    private final BackendRules backends;
    private final List<Problem> warnings;
    private final Settings settings;
    /** The compiler's decisions per catalog algorithm and per TLS name, as given: what a compiled form records. */
    private final Map<ServiceType, Map<Algorithm, Decision[]>> decisionsByAlgorithm;

    private final Map<TlsName, Decision> tlsDecisionsByName;
    /** The SHA-256 of {@link PolicyWriter#json} of this policy in hex, when a compiled form carried it; else null. */
    private final String knownJsonSha256;

    /**
     * A compiled policy without warnings (see {@link #withWarnings}).
     *
     * @param name         the reference, escaped
     * @param settings     the effective settings, for {@link PolicyWriter} and {@link Lint}
     * @param sources      the files composed, in the order applied
     * @param decisions    per service type, the decision per scope of every catalog algorithm
     * @param keys         the key-size table
     * @param tls          the resolved TLS settings
     * @param tlsDecisions the decision of every TLS protocol, suite, group and scheme
     * @param backends     the backend rules
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type: filled with NameTable<Decision[]> only
    CompiledPolicy(
            String name,
            Settings settings,
            List<String> sources,
            Map<ServiceType, Map<Algorithm, Decision[]>> decisions,
            KeyTable keys,
            TlsSettings tls,
            Map<TlsName, Decision> tlsDecisions,
            BackendRules backends) {
        this.name = name;
        this.mode = settings.mode().value();
        this.description = settings.description();
        this.sources = List.copyOf(sources);
        this.keys = keys;
        this.tls = tls;
        this.backends = backends;
        this.settings = settings;
        this.warnings = List.of();
        this.decisionsByAlgorithm = decisions;
        this.tlsDecisionsByName = tlsDecisions;
        this.knownJsonSha256 = null;
        ServiceType[] types = ServiceType.values();
        @SuppressWarnings(
                "unchecked") // Java has no generic array creation; every slot gets a NameTable<Decision[]> below
        NameTable<Decision[]>[] tables = (NameTable<Decision[]>[]) new NameTable<?>[types.length];
        this.byService = tables;
        this.unknown = new Decision[types.length];
        Map<ServiceType, List<Algorithm>> feats = new EnumMap<>(ServiceType.class);
        for (ServiceType type : types) {
            Map<String, Decision[]> index = new HashMap<>();
            List<Algorithm> allowed = new ArrayList<>();
            for (Map.Entry<Algorithm, Decision[]> d : decisions.get(type).entrySet()) {
                Algorithm a = d.getKey();
                index.putIfAbsent(a.name(), d.getValue());
                for (String alias : a.aliases()) {
                    index.putIfAbsent(alias, d.getValue());
                }
                if (d.getValue()[Scope.ANY.ordinal()].allowed()) {
                    allowed.add(a);
                }
            }
            byService[type.ordinal()] = new NameTable<>(index);
            unknown[type.ordinal()] = new Decision(
                    false,
                    "algorithms." + type.jcaName(),
                    Origin.builtIn("algorithms." + type.jcaName()),
                    "is not a " + type.jcaName() + " algorithm known to policy " + name,
                    name);
            feats.put(type, List.copyOf(allowed));
        }
        this.features = Collections.unmodifiableMap(feats);
        Map<TlsKind, Map<String, Decision>> tlsIndex = new EnumMap<>(TlsKind.class);
        for (TlsKind kind : TlsKind.values()) {
            tlsIndex.put(kind, new HashMap<>());
        }
        for (Map.Entry<TlsName, Decision> d : tlsDecisions.entrySet()) {
            TlsName n = d.getKey();
            tlsIndex.get(n.kind()).put(n.name(), d.getValue());
            for (String alias : n.aliases()) {
                tlsIndex.get(n.kind()).put(alias, d.getValue());
            }
        }
        TlsKind[] kinds = TlsKind.values();
        @SuppressWarnings("unchecked") // no generic array creation; every slot gets a NameTable<Decision> below
        NameTable<Decision>[] tlsTables = (NameTable<Decision>[]) new NameTable<?>[kinds.length];
        this.tlsDecisions = tlsTables;
        this.unknownTls = new Decision[kinds.length];
        for (TlsKind kind : kinds) {
            tlsTables[kind.ordinal()] = new NameTable<>(tlsIndex.get(kind));
            unknownTls[kind.ordinal()] = new Decision(
                    false,
                    "tls",
                    Origin.builtIn("tls"),
                    "is not a TLS " + kind.description() + " known to policy " + name,
                    name);
        }
    }

    private CompiledPolicy(CompiledPolicy base, List<Problem> warnings, String knownJsonSha256) {
        this.name = base.name;
        this.mode = base.mode;
        this.description = base.description;
        this.sources = base.sources;
        this.byService = base.byService;
        this.unknown = base.unknown;
        this.features = base.features;
        this.keys = base.keys;
        this.tls = base.tls;
        this.tlsDecisions = base.tlsDecisions;
        this.unknownTls = base.unknownTls;
        this.backends = base.backends;
        this.settings = base.settings;
        this.decisionsByAlgorithm = base.decisionsByAlgorithm;
        this.tlsDecisionsByName = base.tlsDecisionsByName;
        this.warnings = warnings;
        this.knownJsonSha256 = knownJsonSha256;
    }

    /** The same policy with the warnings among {@code problems} (the problems of its load, in order). */
    CompiledPolicy withWarnings(List<Problem> problems) {
        List<Problem> w = new ArrayList<>();
        for (Problem p : problems) {
            if (p.severity() == Severity.WARNING) {
                w.add(p);
            }
        }
        // A digest is carried only by the policy a compiled form produced, never by a copy.
        return new CompiledPolicy(this, List.copyOf(w), null);
    }

    /**
     * The same policy, with the SHA-256 of its JSON form as the build computed it from the same
     * sources (see {@link CompiledForm}).
     */
    CompiledPolicy withKnownJsonSha256(String hex) {
        return new CompiledPolicy(this, warnings, hex);
    }

    /**
     * The SHA-256 of this policy's JSON form ({@link PolicyWriter#json}), in lower-case hex, when it
     * is known without writing that form: a shipped policy read from the form its build compiled
     * carries the digest the build computed from the same sources. Null otherwise (a policy compiled
     * here, a modifier, a file), when the caller digests {@link PolicyWriter#json} itself.
     *
     * @return 64 hex digits, or null
     */
    public String knownJsonSha256() {
        return knownJsonSha256;
    }

    /** The policy reference this was loaded from, e.g. {@code DEFAULT:NO-SHA1}. */
    public String name() {
        return name;
    }

    /** Whether refusals are enforced or only recorded. */
    public Mode mode() {
        return mode;
    }

    /**
     * Whether an installation replaces the JVM's own restrictions ({@code jdk.*.disabledAlgorithms}
     * and the like that the host set) by the policy's ({@code host_restrictions: replace}) instead of
     * keeping them beside the policy's (the default, {@code keep}).
     */
    public boolean replacesHostRestrictions() {
        return settings.replaceHost().value();
    }

    /** Shorthand for {@code mode() == Mode.ENFORCE}. */
    public boolean enforcing() {
        return mode == Mode.ENFORCE;
    }

    /** The description of the last document that set one. */
    public String description() {
        return description;
    }

    /** The files (or shipped names) composed into this policy, in the order applied. */
    public List<String> sources() {
        return sources;
    }

    /**
     * Decides whether {@code algorithm} (a name, alias or OID, in any case) of {@code service} may be
     * used in {@code scope}. Unknown names are denied. Never allocates.
     */
    public Decision decide(ServiceType service, String algorithm, Scope scope) {
        Decision[] d = byService[service.ordinal()].get(algorithm);
        return d == null ? unknown[service.ordinal()] : d[scope.ordinal()];
    }

    /**
     * Decides whether a key is acceptable in {@code scope}.
     *
     * @param keyAlgorithm the key's algorithm: {@code RSA}, {@code EC}, {@code DH}, {@code AES}, {@code Ed25519}, ...
     * @param bits         the key size in bits; 0 when unknown (no size check is made)
     * @param curve        the named curve of an EC, XDH or EdDSA key, or null
     * @return a shared decision; for a key no rule constrains (HMAC keys, ML-KEM), an allowing one
     */
    public Decision decideKey(String keyAlgorithm, int bits, String curve, Scope scope) {
        if (keyAlgorithm != null && !Names.isAscii(keyAlgorithm)) {
            return notAsciiKey(keyAlgorithm);
        }
        KeyFamily family = keyFamily(keyAlgorithm);
        if (family == null || family == KeyFamily.UNCONSTRAINED) {
            return keys.unconstrained();
        }
        int f = family.ordinal();
        int s = scope.ordinal();
        if (family == KeyFamily.CURVE_NAMED) {
            String named = curve != null ? curve : keyAlgorithm;
            return keys.allowedCurves().get(named) != null ? keys.allow()[f][s] : keys.curveDeny()[s];
        }
        int size = bits;
        if (family == KeyFamily.EC && curve != null) {
            if (keys.allowedCurves().get(curve) == null) {
                return keys.curveDeny()[s];
            }
            if (size == 0) {
                size = keys.allCurves().get(curve).bits();
            }
        }
        if (family == KeyFamily.SYMMETRIC) {
            size = effectiveSymmetricBits(keyAlgorithm, size);
        }
        return size > 0 && size < keys.minBits()[f][s] ? keys.deny()[f][s] : keys.allow()[f][s];
    }

    /**
     * Decides about a key whose size or curve could not be determined (an opaque or hardware key,
     * a foreign key class, a key without an encoding), following {@code keys.unmeasured}.
     *
     * @param keyAlgorithm the key's algorithm, as for {@link #decideKey}
     * @return for a key no rule constrains (HMAC keys, ML-KEM), the allowing decision of
     *     {@link #decideKey}; otherwise the {@code keys.unmeasured} decision (by default a refusal)
     */
    public Decision decideUnmeasuredKey(String keyAlgorithm) {
        if (keyAlgorithm != null && !Names.isAscii(keyAlgorithm)) {
            return notAsciiKey(keyAlgorithm);
        }
        KeyFamily family = keyFamily(keyAlgorithm);
        return family == null || family == KeyFamily.UNCONSTRAINED ? keys.unconstrained() : keys.unmeasured();
    }

    /**
     * The refusal of a key whose algorithm name is not ASCII ({@link Names}): no key of a known
     * algorithm has one, and a backend that folds case as {@link String#equalsIgnoreCase} does would
     * take {@code AES} spelt with a LONG S for an AES key, of a size no rule would have checked.
     * Refused whatever {@code keys.unmeasured} says; made only on this path.
     */
    private Decision notAsciiKey(String keyAlgorithm) {
        return new Decision(
                false,
                Rule.ASCII_NAME.id(),
                Origin.builtIn("keys"),
                "is refused by policy " + name + ": its algorithm name " + Quote.quoted(Names.escaped(keyAlgorithm))
                        + " is not ASCII, as no key algorithm's is",
                name);
    }

    /** The family whose size rule applies to a key algorithm (name, alias or OID), or null when none is known. */
    public static KeyFamily keyFamily(String keyAlgorithm) {
        return keyAlgorithm == null ? null : KEY_FAMILIES.get(keyAlgorithm);
    }

    /** Decides a whole request: the algorithm first, then the key if one is given. */
    public Decision decide(Request request) {
        Decision algorithm = decide(request.service(), request.algorithm(), request.scope());
        if (!algorithm.allowed()
                || (request.keyAlgorithm() == null && request.keyBits() == 0 && request.curve() == null)) {
            return algorithm;
        }
        String keyAlgorithm = request.keyAlgorithm();
        if (keyAlgorithm == null) {
            Algorithm a = AlgorithmCatalog.standard().algorithm(request.service(), request.algorithm());
            keyAlgorithm = a == null ? null : keyAlgorithmOf(a);
        }
        return decideKey(keyAlgorithm, request.keyBits(), request.curve(), request.scope());
    }

    /** The minimum key size in bits for a family in a scope (0 when no rule applies). */
    public int minKeyBits(KeyFamily family, Scope scope) {
        return keys.minBits()[family.ordinal()][scope.ordinal()];
    }

    /** Whether a named curve (name, alias or OID) is allowed. */
    public boolean curveAllowed(String curve) {
        return keys.allowedCurves().get(curve) != null;
    }

    /** The feature set: the algorithms of a service type allowed in scope {@code any}, in catalog order. */
    public List<Algorithm> features(ServiceType service) {
        return features.get(service);
    }

    /**
     * The decision about a TLS protocol, suite, group or scheme by name (any case); unknown names are
     * denied. Never allocates.
     */
    public Decision decideTls(TlsKind kind, String tlsName) {
        Decision d = tlsDecisions[kind.ordinal()].get(tlsName);
        return d != null ? d : unknownTls[kind.ordinal()];
    }

    /** The resolved TLS settings. */
    public TlsSettings tls() {
        return tls;
    }

    /** The backend rules. */
    public BackendRules backends() {
        return backends;
    }

    /** Warnings found while loading: risky but legal choices. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The effective settings, each with the place that set it. */
    Settings settings() {
        return settings;
    }

    /** The key-size table. */
    KeyTable keyTable() {
        return keys;
    }

    /** Per service type, the decision per scope of every catalog algorithm, in catalog order. */
    Map<ServiceType, Map<Algorithm, Decision[]>> decisionsByAlgorithm() {
        return decisionsByAlgorithm;
    }

    /** The decision of every TLS protocol, suite, group and scheme. */
    Map<TlsName, Decision> tlsDecisionsByName() {
        return tlsDecisionsByName;
    }

    /** The curves by name and by every alias, for the key table. */
    static NameTable<Curve> curveTable(Iterable<Curve> curves) {
        Map<String, Curve> byName = new HashMap<>();
        for (Curve c : curves) {
            byName.put(c.name(), c);
            for (String alias : c.aliases()) {
                byName.put(alias, c);
            }
        }
        return new NameTable<>(byName);
    }

    /**
     * The strength in bits of a symmetric key for the minimum-size rule: DESede keys count as at
     * most 112 bits, DES keys as at most 56, others as their size.
     */
    static int effectiveSymmetricBits(String keyAlgorithm, int bits) {
        if (Names.startsWithIgnoreCase(keyAlgorithm, "DESede") || Names.equalsIgnoreCase(keyAlgorithm, "TripleDES")) {
            return Math.min(bits, 112);
        }
        if (Names.equalsIgnoreCase(keyAlgorithm, "DES")) {
            return Math.min(bits, 56);
        }
        return bits;
    }

    /** The key algorithm an algorithm takes, for size checks: {@code SHA256withRSA} → {@code RSA}. */
    static String keyAlgorithmOf(Algorithm a) {
        switch (a.keyFamily()) {
            case RSA:
                return "RSA";
            case DSA:
                return "DSA";
            case DH:
                return "DH";
            case EC:
                return "EC";
            case CURVE_NAMED:
                return a.curve() != null ? a.curve() : a.name();
            case SYMMETRIC:
                return a.families().isEmpty()
                        ? a.name()
                        : a.families().iterator().next();
            default:
                return null;
        }
    }

    private static NameTable<KeyFamily> keyFamilies() {
        Map<String, KeyFamily> m = new HashMap<>();
        for (String n : List.of("RSA", "RSASSA-PSS", "PSS", "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10")) {
            m.put(n, KeyFamily.RSA);
        }
        for (String n : List.of("DSA", "1.2.840.10040.4.1")) {
            m.put(n, KeyFamily.DSA);
        }
        for (String n : List.of("DH", "DiffieHellman", "1.2.840.113549.1.3.1")) {
            m.put(n, KeyFamily.DH);
        }
        for (String n : List.of("EC", "ECDSA", "ECDH", "1.2.840.10045.2.1")) {
            m.put(n, KeyFamily.EC);
        }
        for (String n : List.of("XDH", "X25519", "X448", "EdDSA", "Ed25519", "Ed448")) {
            m.put(n, KeyFamily.CURVE_NAMED);
        }
        for (String n : List.of(
                "AES",
                "CHACHA20",
                "ChaCha20-Poly1305",
                "DESede",
                "TripleDES",
                "DES",
                "RC2",
                "ARCFOUR",
                "RC4",
                "Blowfish",
                "CAMELLIA")) {
            m.put(n, KeyFamily.SYMMETRIC);
        }
        return new NameTable<>(m);
    }
}
