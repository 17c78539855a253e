package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link Effective} policy into a {@link CompiledPolicy}: a decision for every catalog
 * algorithm in every scope, the key-size table, and the resolved TLS settings. Finds the
 * contradictions a policy can contain (errors) and the risky choices (warnings).
 */
final class Compiler {

    private static final Scope[] SCOPES = Scope.values();

    private final Effective e;
    private final String policy;
    private final List<Problem> problems;
    private final Map<ServiceType, Map<Algorithm, Decision[]>> decisions = new EnumMap<>(ServiceType.class);
    private final int[][] minBits = new int[KeyFamily.values().length][SCOPES.length];
    private final Origin[][] minBitsOrigin = new Origin[KeyFamily.values().length][SCOPES.length];
    private final String[][] minBitsRule = new String[KeyFamily.values().length][SCOPES.length];
    private boolean featureSetEmpty;

    /** The longest deny-rule reason a refusal quotes, in code points. */
    private static final int MAX_REASON = 200;

    Compiler(Effective effective, String policy, List<Problem> problems) {
        this.e = effective;
        // The reference and the rules' reasons are shown in every refusal: escaped, they cannot
        // drive the terminal or the log viewer that shows one.
        this.policy = Quote.escape(policy);
        this.problems = problems;
    }

    CompiledPolicy compile() {
        checkContradictions();
        computeKeyTable();
        for (ServiceType type : ServiceType.values()) {
            Map<Algorithm, Decision[]> perAlg = new LinkedHashMap<>();
            for (Algorithm a : e.catalog.algorithms(type)) {
                Decision[] byScope = new Decision[SCOPES.length];
                for (Scope scope : SCOPES) {
                    byScope[scope.ordinal()] = decide(type, a, scope);
                }
                perAlg.put(a, byScope);
            }
            decisions.put(type, perAlg);
        }
        checkRequired();
        Map<TlsName, Decision> tlsDecisions = new HashMap<>();
        TlsSettings tls = compileTls(tlsDecisions);
        Lint.warnings(e, this, problems);
        return new CompiledPolicy(policy, e, decisions, keyTable(), tls, tlsDecisions, backends(), problems);
    }

    // ---- algorithms ----------------------------------------------------------------------

    /** One shared "not in the feature set" decision per service type: most of the catalog is outside any policy. */
    private final Map<ServiceType, Decision> notInFeatureSet = new EnumMap<>(ServiceType.class);

    private Decision decide(ServiceType type, Algorithm a, Scope scope) {
        LinkedHashMap<Algorithm, Origin> features = e.algorithms.get(type);
        Origin added = features == null ? null : features.get(a);
        if (added == null) {
            return notInFeatureSet.computeIfAbsent(type, t -> deny("algorithms." + t.jcaName(),
                    e.algorithmLists.getOrDefault(t, Origin.builtIn("algorithms." + t.jcaName())),
                    "is not in the feature set of policy " + policy));
        }
        for (Effective.DenyRule rule : e.deny) {
            if (rule.spec().keySizeBelow() == 0 && applies(rule.spec(), scope) && rule.algorithms().contains(a)) {
                return denyByRule(rule);
            }
        }
        if ("SHA-1".equals(a.digest())) {
            Sha1Use use = sha1Use(type, scope);
            Located<Boolean> setting = e.sha1(use, scope);
            if (!setting.value()) {
                return deny(setting.origin().path(), setting.origin(), "uses SHA-1, which policy " + policy
                        + " denies for " + use.key() + (scope == Scope.ANY ? "" : " in scope " + scope.yamlName()));
            }
        }
        if (a.keyFamily() == KeyFamily.SYMMETRIC && a.fixedKeyBits() > 0) {
            int bits = effectiveSymmetricBits(a.components().contains("DESEDE") ? "DESede" : a.name(), a.fixedKeyBits());
            int min = minBits[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()];
            if (bits < min) {
                return deny(minBitsRule[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()],
                        minBitsOrigin[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()],
                        "has a " + bits + "-bit key, below the minimum of " + min + " bits of policy " + policy);
            }
        }
        if (a.curve() != null && !curveAllowed(a.curve())) {
            return deny("keys.ec.curves", curvesOrigin(), "uses curve " + a.curve()
                    + ", which is not among the allowed curves of policy " + policy);
        }
        return new Decision(true, "algorithms." + type.jcaName(), added, "is in the feature set of policy " + policy, policy);
    }

    private static Sha1Use sha1Use(ServiceType type, Scope scope) {
        switch (type) {
            case SIGNATURE:
                return scope == Scope.CERTPATH ? Sha1Use.CERTIFICATES : Sha1Use.SIGNATURES;
            case MAC:
            case KEY_GENERATOR:
            case SECRET_KEY_FACTORY:
                return Sha1Use.HMAC;
            default:
                return Sha1Use.DIGEST;
        }
    }

    static int effectiveSymmetricBits(String keyAlgorithm, int bits) {
        if (keyAlgorithm.regionMatches(true, 0, "DESede", 0, 6) || keyAlgorithm.equalsIgnoreCase("TripleDES")) {
            return Math.min(bits, 112);
        }
        if (keyAlgorithm.equalsIgnoreCase("DES")) {
            return Math.min(bits, 56);
        }
        return bits;
    }

    private static boolean applies(DenySpec spec, Scope scope) {
        return spec.scopes().contains(Scope.ANY) || spec.scopes().contains(scope);
    }

    private Decision denyByRule(Effective.DenyRule rule) {
        String reason = rule.spec().reason().isEmpty() ? "" : ": " + Quote.excerpt(rule.spec().reason(), MAX_REASON);
        return deny(rule.id(), rule.spec().origin(), "is denied by a deny rule of policy " + policy + reason);
    }

    private Decision deny(String rule, Origin origin, String reason) {
        return new Decision(false, rule, origin, reason, policy);
    }

    Decision decision(ServiceType type, String name, Scope scope) {
        Algorithm a = e.catalog.algorithm(type, name);
        if (a == null) {
            return deny("algorithms." + type.jcaName(), Origin.builtIn("algorithms." + type.jcaName()),
                    "is not a known " + type.jcaName() + " algorithm");
        }
        return decisions.get(type).get(a)[scope.ordinal()];
    }

    boolean anyAllowed(ServiceType type, Scope scope, java.util.function.Predicate<Algorithm> which) {
        for (Map.Entry<Algorithm, Decision[]> d : decisions.get(type).entrySet()) {
            if (which.test(d.getKey()) && d.getValue()[scope.ordinal()].allowed()) {
                return true;
            }
        }
        return false;
    }

    // ---- keys ----------------------------------------------------------------------------

    private void computeKeyTable() {
        for (KeyFamily family : KeyFamily.values()) {
            Located<Integer> base = e.minBits.get(family);
            for (Scope scope : SCOPES) {
                int f = family.ordinal();
                int s = scope.ordinal();
                minBits[f][s] = base == null ? 0 : base.value();
                minBitsOrigin[f][s] = base == null ? Origin.builtIn("keys") : base.origin();
                minBitsRule[f][s] = base == null ? "keys" : base.origin().path();
                for (Effective.DenyRule rule : e.deny) {
                    int below = rule.spec().keySizeBelow();
                    if (below > minBits[f][s] && applies(rule.spec(), scope) && namesFamily(rule, family)) {
                        minBits[f][s] = below;
                        minBitsOrigin[f][s] = rule.spec().origin();
                        minBitsRule[f][s] = rule.id();
                    }
                }
            }
        }
    }

    private static boolean namesFamily(Effective.DenyRule rule, KeyFamily family) {
        for (Algorithm a : rule.algorithms()) {
            if (a.keyFamily() == family && (a.service() == ServiceType.KEY_FACTORY
                    || a.service() == ServiceType.KEY_PAIR_GENERATOR || a.service() == ServiceType.KEY_GENERATOR
                    || a.service() == ServiceType.KEY_AGREEMENT)) {
                return true;
            }
        }
        return false;
    }

    int minBits(KeyFamily family, Scope scope) {
        return minBits[family.ordinal()][scope.ordinal()];
    }

    boolean curveAllowed(String name) {
        Curve c = e.catalog.curve(name);
        return c != null && e.curves.containsKey(c);
    }

    private Origin curvesOrigin() {
        return e.curves.isEmpty() ? Origin.builtIn("keys.ec.curves") : e.curves.values().iterator().next();
    }

    private CompiledPolicy.KeyTable keyTable() {
        int families = KeyFamily.values().length;
        Decision[][] deny = new Decision[families][SCOPES.length];
        Decision[][] allow = new Decision[families][SCOPES.length];
        Decision[] curveDeny = new Decision[SCOPES.length];
        for (KeyFamily family : KeyFamily.values()) {
            for (Scope scope : SCOPES) {
                int f = family.ordinal();
                int s = scope.ordinal();
                deny[f][s] = deny(minBitsRule[f][s], minBitsOrigin[f][s],
                        "is below the minimum of " + minBits[f][s] + " bits of policy " + policy);
                allow[f][s] = new Decision(true, minBitsRule[f][s], minBitsOrigin[f][s],
                        "meets the minimum of " + minBits[f][s] + " bits of policy " + policy, policy);
            }
        }
        for (Scope scope : SCOPES) {
            curveDeny[scope.ordinal()] = deny("keys.ec.curves", curvesOrigin(),
                    "is not on a curve allowed by policy " + policy);
        }
        Map<String, Curve> allowedCurves = new HashMap<>();
        for (Curve c : e.curves.keySet()) {
            allowedCurves.put(c.name(), c);
            for (String alias : c.aliases()) {
                allowedCurves.put(alias, c);
            }
        }
        Map<String, Curve> allCurves = new HashMap<>();
        for (Curve c : e.catalog.curves()) {
            allCurves.put(c.name(), c);
            for (String alias : c.aliases()) {
                allCurves.put(alias, c);
            }
        }
        Decision unconstrained = new Decision(true, "keys", Origin.builtIn("keys"),
                "has no size rule in policy " + policy, policy);
        Located<Boolean> u = e.unmeasuredAllowed;
        Decision unmeasured = u.value()
                ? new Decision(true, "keys.unmeasured", u.origin(), "is used although its size or curve could not be "
                        + "determined, as policy " + policy + " allows", policy)
                : deny("keys.unmeasured", u.origin(), "is refused: its size or curve could not be determined, and policy "
                        + policy + " refuses keys it cannot measure");
        return new CompiledPolicy.KeyTable(minBits, deny, allow, curveDeny, new NameTable<>(allowedCurves),
                new NameTable<>(allCurves), unconstrained, unmeasured);
    }

    // ---- TLS -----------------------------------------------------------------------------

    private TlsSettings compileTls(Map<TlsName, Decision> out) {
        List<String> protocols = new ArrayList<>();
        List<TlsName> allProtocols = new ArrayList<>(e.catalog.tls(TlsKind.PROTOCOL));
        java.util.Collections.reverse(allProtocols);
        for (TlsName p : allProtocols) {
            Decision d;
            if (p.rank() < e.tlsMin.value().rank()) {
                d = deny(e.tlsMin.origin().path(), e.tlsMin.origin(), "is below the minimum protocol "
                        + e.tlsMin.value().name() + " of policy " + policy);
            } else if (p.rank() > e.tlsMax.value().rank()) {
                d = deny(e.tlsMax.origin().path(), e.tlsMax.origin(), "is above the maximum protocol "
                        + e.tlsMax.value().name() + " of policy " + policy);
            } else {
                d = tlsDenyRule(p);
                if (d == null) {
                    d = new Decision(true, "tls.min_protocol", e.tlsMin.origin(), "is within the protocol range of policy " + policy, policy);
                }
            }
            out.put(p, d);
            if (d.allowed()) {
                protocols.add(p.name());
            }
        }
        List<String> suites = resolveTls(TlsKind.CIPHER_SUITE, out, "tls.cipher_suites");
        List<String> groups = resolveTls(TlsKind.NAMED_GROUP, out, "tls.named_groups");
        List<String> schemes = resolveTls(TlsKind.SIGNATURE_SCHEME, out, "tls.signature_schemes");
        return new TlsSettings(e.tlsMin.value().name(), e.tlsMax.value().name(), protocols, suites, groups, schemes);
    }

    private List<String> resolveTls(TlsKind kind, Map<TlsName, Decision> out, String path) {
        LinkedHashMap<TlsName, Origin> listed = e.tlsLists.get(kind);
        List<String> enabled = new ArrayList<>();
        for (TlsName n : e.catalog.tls(kind)) {
            Origin origin = listed == null ? null : listed.get(n);
            Decision d;
            if (listed != null && origin == null) {
                d = deny(path, e.tlsLists.get(kind).isEmpty() ? Origin.builtIn(path) : firstOrigin(listed),
                        "is not listed in " + path + " of policy " + policy);
            } else {
                d = decideTls(n, origin == null ? Origin.builtIn(path) : origin, listed == null);
            }
            out.put(n, d);
        }
        List<TlsName> order = new ArrayList<>(listed == null ? e.catalog.tls(kind) : listed.keySet());
        for (TlsName n : order) {
            Decision d = out.get(n);
            if (d.allowed()) {
                enabled.add(n.name());
            } else if (listed != null && !origin(listed, n).isBuiltIn() && !d.rule().equals("tls.max_protocol")
                    && !d.rule().equals("tls.min_protocol")) {
                problems.add(Problem.warning(origin(listed, n), n.name(), "tls-consistent",
                        "listed " + kind.description() + " " + n.name() + " " + d.reason() + " (" + d.rule()
                                + "); it will not be enabled"));
            }
        }
        if (enabled.isEmpty() && (listed == null || !listed.isEmpty()) && !featureSetEmpty) {
            Origin at = listed == null || listed.isEmpty() ? Origin.builtIn(path) : firstOrigin(listed);
            problems.add(Problem.error(at, "", "tls-not-empty", "no " + kind.description()
                    + " is left once the rest of the policy is applied; TLS could not connect"));
        }
        return enabled;
    }

    private static Origin origin(LinkedHashMap<TlsName, Origin> listed, TlsName n) {
        return listed.get(n);
    }

    private static Origin firstOrigin(LinkedHashMap<TlsName, Origin> listed) {
        return listed.values().iterator().next();
    }

    private Decision tlsDenyRule(TlsName n) {
        for (Effective.DenyRule rule : e.deny) {
            if (rule.spec().keySizeBelow() == 0 && applies(rule.spec(), Scope.TLS) && rule.tls().contains(n)) {
                return denyByRule(rule);
            }
        }
        return null;
    }

    private Decision decideTls(TlsName n, Origin origin, boolean derived) {
        Decision rule = tlsDenyRule(n);
        if (rule != null) {
            return rule;
        }
        Decision component = switch (n.kind()) {
            case CIPHER_SUITE -> suiteComponents(n, derived);
            case NAMED_GROUP -> groupComponents(n);
            case SIGNATURE_SCHEME -> schemeComponents(n);
            default -> null;
        };
        if (component != null) {
            return component;
        }
        String path = origin.path();
        return new Decision(true, path.contains("[") ? path.substring(0, path.indexOf('[')) : path, origin,
                "is allowed by policy " + policy, policy);
    }

    private Decision uses(String what, Decision d) {
        return deny(d.rule(), d.origin(), "uses " + what + ", which " + d.reason());
    }

    private Decision suiteComponents(TlsName s, boolean derived) {
        Set3 c = new Set3(s.components());
        if (s.tls13Only() && e.tlsMax.value().rank() < 6) {
            return deny(e.tlsMax.origin().path(), e.tlsMax.origin(), "is a TLS 1.3 suite and policy " + policy
                    + " stops at " + e.tlsMax.value().name());
        }
        if (!s.tls13Only() && e.tlsMin.value().rank() >= 6) {
            return deny(e.tlsMin.origin().path(), e.tlsMin.origin(), "is a TLS 1.2-and-earlier suite and policy "
                    + policy + " requires TLSv1.3");
        }
        if (c.has("ANON") || c.has("NULL")) {
            return deny("tls.cipher_suites", Origin.builtIn("tls.cipher_suites"),
                    "has no authentication or no encryption; policy " + policy + " never enables such suites");
        }
        if (derived && (c.has("ECDH") || c.has("DH")) && !c.has("ECDHE") && !c.has("DHE")) {
            return deny("tls.cipher_suites", Origin.builtIn("tls.cipher_suites"),
                    "uses static (EC)DH key exchange, which is only enabled when listed explicitly");
        }
        // Cipher: some allowed transformation of the same cipher and mode.
        String family;
        String mode;
        if (c.has("CHACHA20-POLY1305")) {
            family = "CHACHA20-POLY1305";
            mode = null;
        } else if (c.has("AES")) {
            family = "AES";
            mode = c.has("GCM") ? "GCM" : c.has("CCM") || s.name().contains("_CCM") ? "CCM" : "CBC";
        } else if (c.has("DESEDE")) {
            family = "DESEDE";
            mode = "CBC";
        } else {
            return deny("algorithms.Cipher", e.algorithmLists.getOrDefault(ServiceType.CIPHER,
                    Origin.builtIn("algorithms.Cipher")), "uses a cipher that is not in the feature set of policy " + policy);
        }
        String fam = family;
        String md = mode;
        if (!anyAllowed(ServiceType.CIPHER, Scope.TLS, a -> a.components().contains(fam)
                && (md == null || a.components().contains(md)))) {
            return deny("algorithms.Cipher", e.algorithmLists.getOrDefault(ServiceType.CIPHER,
                    Origin.builtIn("algorithms.Cipher")), "uses " + family + (mode == null ? "" : "/" + mode)
                    + ", which is not in the feature set of policy " + policy);
        }
        int bits = effectiveSymmetricBits(family.equals("DESEDE") ? "DESede" : family, s.keyBits());
        int sym = minBits(KeyFamily.SYMMETRIC, Scope.TLS);
        if (bits > 0 && bits < sym) {
            return deny(minBitsRule[KeyFamily.SYMMETRIC.ordinal()][Scope.TLS.ordinal()],
                    minBitsOrigin[KeyFamily.SYMMETRIC.ordinal()][Scope.TLS.ordinal()],
                    "has a " + bits + "-bit key, below the minimum of " + sym + " bits of policy " + policy);
        }
        if (s.macAlgorithm() != null) {
            Decision mac = decision(ServiceType.MAC, s.macAlgorithm(), Scope.TLS);
            if (!mac.allowed()) {
                return uses(s.macAlgorithm(), mac);
            }
        }
        if (c.has("ECDHE") || c.has("ECDH")) {
            if (!anyAllowed(ServiceType.KEY_AGREEMENT, Scope.TLS, a -> a.name().equals("ECDH")
                    || a.components().contains("XDH"))) {
                return uses("ECDHE", decision(ServiceType.KEY_AGREEMENT, "ECDH", Scope.TLS));
            }
        } else if (c.has("DHE") || c.has("DH")) {
            Decision dh = decision(ServiceType.KEY_AGREEMENT, "DiffieHellman", Scope.TLS);
            if (!dh.allowed()) {
                return uses("DHE", dh);
            }
        }
        if (c.has("ECDSA")) {
            if (!anyAllowed(ServiceType.SIGNATURE, Scope.TLS, a -> a.keyFamily() == KeyFamily.EC)) {
                return uses("ECDSA", decision(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.TLS));
            }
        } else if (c.has("DSA")) {
            if (!anyAllowed(ServiceType.SIGNATURE, Scope.TLS, a -> a.keyFamily() == KeyFamily.DSA)) {
                return uses("DSA", decision(ServiceType.SIGNATURE, "SHA256withDSA", Scope.TLS));
            }
        } else if (c.has("RSA")) {
            Decision rsa = decision(ServiceType.KEY_FACTORY, "RSA", Scope.TLS);
            if (!rsa.allowed()) {
                return uses("RSA", rsa);
            }
        }
        return null;
    }

    private Decision groupComponents(TlsName g) {
        Set3 c = new Set3(g.components());
        if (c.has("ML-KEM")) {
            if (!anyAllowed(ServiceType.KEM, Scope.TLS, a -> a.components().contains("ML-KEM"))) {
                return uses("ML-KEM", decision(ServiceType.KEM, "ML-KEM", Scope.TLS));
            }
        }
        if (c.has("DH")) {
            Decision dh = decision(ServiceType.KEY_AGREEMENT, "DiffieHellman", Scope.TLS);
            if (!dh.allowed()) {
                return uses("DiffieHellman", dh);
            }
            int min = minBits(KeyFamily.DH, Scope.TLS);
            if (g.keyBits() < min) {
                return deny(minBitsRule[KeyFamily.DH.ordinal()][Scope.TLS.ordinal()],
                        minBitsOrigin[KeyFamily.DH.ordinal()][Scope.TLS.ordinal()],
                        "has " + g.keyBits() + " bits, below the minimum of " + min + " bits of policy " + policy);
            }
            return null;
        }
        if (g.curve() != null && !curveAllowed(g.curve())) {
            return deny("keys.ec.curves", curvesOrigin(), "uses curve " + g.curve()
                    + ", which is not among the allowed curves of policy " + policy);
        }
        if (c.has("XDH")) {
            if (!anyAllowed(ServiceType.KEY_AGREEMENT, Scope.TLS, a -> a.components().contains("XDH")
                    && (a.curve() == null || a.curve().equalsIgnoreCase(g.curve())))) {
                return uses(g.curve(), decision(ServiceType.KEY_AGREEMENT, g.curve(), Scope.TLS));
            }
        } else if (c.has("EC")) {
            Decision ecdh = decision(ServiceType.KEY_AGREEMENT, "ECDH", Scope.TLS);
            if (!ecdh.allowed()) {
                return uses("ECDH", ecdh);
            }
            Curve curve = e.catalog.curve(g.curve());
            int min = minBits(KeyFamily.EC, Scope.TLS);
            if (curve != null && curve.bits() < min) {
                return deny(minBitsRule[KeyFamily.EC.ordinal()][Scope.TLS.ordinal()],
                        minBitsOrigin[KeyFamily.EC.ordinal()][Scope.TLS.ordinal()],
                        "has " + curve.bits() + " bits, below the minimum of " + min + " bits of policy " + policy);
            }
        }
        return null;
    }

    private Decision schemeComponents(TlsName s) {
        Decision sig = decision(ServiceType.SIGNATURE, s.jcaSignature(), Scope.TLS);
        if (!sig.allowed()) {
            return uses(s.jcaSignature(), sig);
        }
        if (s.curve() != null && !curveAllowed(s.curve())) {
            return deny("keys.ec.curves", curvesOrigin(), "uses curve " + s.curve()
                    + ", which is not among the allowed curves of policy " + policy);
        }
        if (s.digest() != null && !s.jcaSignature().toUpperCase(java.util.Locale.ROOT).contains("WITH")) {
            Decision digest = decision(ServiceType.MESSAGE_DIGEST, s.digest(), Scope.TLS);
            if (!digest.allowed()) {
                return uses(s.digest(), digest);
            }
        }
        return null;
    }

    /** Upper-case component lookup with the intent visible at call sites. */
    private record Set3(java.util.Set<String> components) {
        boolean has(String upper) {
            return components.contains(upper);
        }
    }

    // ---- consistency ---------------------------------------------------------------------

    private void checkContradictions() {
        int total = 0;
        for (LinkedHashMap<Algorithm, Origin> list : e.algorithms.values()) {
            total += list.size();
        }
        if (total == 0) {
            featureSetEmpty = true;
            // Shown at the top of the policy's file when no list was written (see Problems).
            Origin where = !e.algorithmLists.isEmpty() ? e.algorithmLists.values().iterator().next()
                    : Origin.builtIn("algorithms");
            problems.add(Problem.error(where, "", "not-empty",
                    "the feature set is empty: policy " + policy + " would allow no algorithm at all"));
        }
        if (e.tlsMin.value().rank() > e.tlsMax.value().rank()) {
            problems.add(Problem.error(e.tlsMax.origin(), e.tlsMax.value().name(), "tls-range",
                    "max_protocol " + e.tlsMax.value().name() + " is below min_protocol " + e.tlsMin.value().name()
                            + " (" + e.tlsMin.origin().location() + ")"));
        }
        int ecMin = e.minBits.get(KeyFamily.EC).value();
        for (Map.Entry<Curve, Origin> c : e.curves.entrySet()) {
            if (c.getKey().weierstrass() && c.getKey().bits() < ecMin) {
                problems.add(Problem.error(c.getValue(), c.getKey().name(), "curve-size",
                        "curve " + c.getKey().name() + " has " + c.getKey().bits() + " bits, below keys.ec.min_bits "
                                + ecMin + " (" + e.minBits.get(KeyFamily.EC).origin().location()
                                + "); the policy contradicts itself"));
            }
        }
    }

    private void checkRequired() {
        for (Map.Entry<ServiceType, LinkedHashMap<Algorithm, Origin>> list : e.required.entrySet()) {
            for (Map.Entry<Algorithm, Origin> r : list.getValue().entrySet()) {
                Decision d = decisions.get(list.getKey()).get(r.getKey())[Scope.ANY.ordinal()];
                if (!d.allowed()) {
                    problems.add(Problem.error(r.getValue(), r.getKey().name(), "required-in-feature-set",
                            "required feature " + r.getKey().feature() + " " + d.reason() + " (" + d.rule() + ", "
                                    + d.origin().location() + "); a requirement must be part of the feature set"));
                }
            }
        }
    }

    private BackendRules backends() {
        List<String> preference = new ArrayList<>();
        for (Located<String> p : e.preference) {
            preference.add(p.value());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        e.minVersions.forEach((k, v) -> versions.put(k, v.value()));
        Map<ServiceType, List<String>> required = new LinkedHashMap<>();
        e.required.forEach((type, list) -> {
            List<String> names = new ArrayList<>();
            for (Algorithm a : list.keySet()) {
                names.add(a.name());
            }
            if (!names.isEmpty()) {
                required.put(type, List.copyOf(names));
            }
        });
        return new BackendRules(e.fipsOnly.value(), preference, versions, required);
    }
}
