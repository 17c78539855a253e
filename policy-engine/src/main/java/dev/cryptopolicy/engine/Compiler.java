package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link Effective} policy into a {@link CompiledPolicy}: a decision for every catalog
 * algorithm in every scope, the key-size table, then (through {@link TlsCompiler}) the resolved
 * TLS settings. Finds the contradictions a policy can contain (errors). A problem of the whole
 * policy found at a built-in default (no list of the policy was written) is shown at the top of
 * the policy's file ({@link Origin#shownIn}). Risky but legal choices are {@link Lint}'s, judged
 * on the result.
 */
final class Compiler implements AlgorithmDecisions {

    private static final Scope[] SCOPES = Scope.values();

    private final Effective e;
    /** The composed settings as immutable values, made once: what the compiled policy carries. */
    private final Settings settings;

    private final String policy;
    private final List<Problem> problems;
    /** The file of the policy the reference names, where whole-policy problems are shown; may be null. */
    private final String policyFile;

    private final Map<ServiceType, Map<Algorithm, Decision[]>> decisions = new EnumMap<>(ServiceType.class);
    /** The deny rules by what they name, made once composition is over. */
    private final FirstDenyRules firstDeny;

    private final int[][] minBits = new int[KeyFamily.values().length][SCOPES.length];
    private final Origin[][] minBitsOrigin = new Origin[KeyFamily.values().length][SCOPES.length];
    private final String[][] minBitsRule = new String[KeyFamily.values().length][SCOPES.length];
    private boolean featureSetEmpty;

    /**
     * @param effective the composed policy
     * @param policy    the reference it was loaded from
     * @param problems  where every problem found is added
     */
    Compiler(Effective effective, String policy, List<Problem> problems) {
        this.e = effective;
        this.policyFile = effective.policyFile;
        this.settings = effective.settings();
        // The reference and the rules' reasons are shown in every refusal: escaped, they cannot
        // drive the terminal or the log viewer that shows one.
        this.policy = Quote.escape(policy);
        this.problems = problems;
        this.firstDeny = new FirstDenyRules(effective.deny);
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
        TlsSettings tls = new TlsCompiler(e, this, firstDeny, featureSetEmpty, new Report()).compile(tlsDecisions);
        return new CompiledPolicy(policy, settings, e.sources, decisions, keyTable(), tls, tlsDecisions, backends());
    }

    /** Adds a problem, a built-in origin shown at the top of the policy's file. */
    private void report(Problem p) {
        problems.add(p.origin().isBuiltIn() ? p.at(p.origin().shownIn(policyFile)) : p);
    }

    /** {@link #report} for the TLS compiler: a named class, not a method reference spun into one at first use. */
    private final class Report implements java.util.function.Consumer<Problem> {
        @Override
        public void accept(Problem p) {
            report(p);
        }
    }

    @Override
    public String policy() {
        return policy;
    }

    // ---- algorithms ----------------------------------------------------------------------

    /** One shared "not in the feature set" decision per service type: most of the catalog is outside any policy. */
    private final Map<ServiceType, Decision> notInFeatureSet = new EnumMap<>(ServiceType.class);

    private Decision decide(ServiceType type, Algorithm a, Scope scope) {
        LinkedHashMap<Algorithm, Origin> features = e.algorithms.get(type);
        Origin added = features == null ? null : features.get(a);
        if (added == null) {
            Decision outside = notInFeatureSet.get(type);
            if (outside == null) {
                outside = deny(
                        "algorithms." + type.jcaName(),
                        e.algorithmLists.getOrDefault(type, Origin.builtIn("algorithms." + type.jcaName())),
                        "is not in the feature set of policy " + policy);
                notInFeatureSet.put(type, outside);
            }
            return outside;
        }
        Effective.DenyRule rule = firstDeny.first(a, scope);
        if (rule != null) {
            return denyByRule(rule);
        }
        if ("SHA-1".equals(a.digest())) {
            Sha1Use use = sha1Use(type, scope);
            Located<Boolean> setting = settings.sha1(use, scope);
            if (!setting.value()) {
                return deny(
                        setting.origin().path(),
                        setting.origin(),
                        "uses SHA-1, which policy " + policy + " denies for " + use.key()
                                + (scope == Scope.ANY ? "" : " in scope " + scope.yamlName()));
            }
        }
        if (a.keyFamily() == KeyFamily.SYMMETRIC && a.fixedKeyBits() > 0) {
            int bits = CompiledPolicy.effectiveSymmetricBits(
                    a.components().contains("DESEDE") ? "DESede" : a.name(), a.fixedKeyBits());
            int min = minBits[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()];
            if (bits < min) {
                return deny(
                        minBitsRule[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()],
                        minBitsOrigin[KeyFamily.SYMMETRIC.ordinal()][scope.ordinal()],
                        "has a " + bits + "-bit key, below the minimum of " + min + " bits of policy " + policy);
            }
        }
        if (a.curve() != null && !curveAllowed(a.curve())) {
            return deny(
                    "keys.ec.curves",
                    curvesOrigin(),
                    "uses curve " + a.curve() + ", which is not among the allowed curves of policy " + policy);
        }
        return new Decision(
                true, "algorithms." + type.jcaName(), added, "is in the feature set of policy " + policy, policy);
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

    private static boolean applies(DenySpec spec, Scope scope) {
        return AlgorithmDecisions.applies(spec, scope);
    }

    @Override
    public Decision decision(ServiceType type, String name, Scope scope) {
        Algorithm a = e.catalog.algorithm(type, name);
        if (a == null) {
            return deny(
                    "algorithms." + type.jcaName(),
                    Origin.builtIn("algorithms." + type.jcaName()),
                    "is not a known " + type.jcaName() + " algorithm");
        }
        return decisions.get(type).get(a)[scope.ordinal()];
    }

    @Override
    public boolean anyAllowed(ServiceType type, Scope scope, java.util.function.Predicate<Algorithm> which) {
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
            if (a.keyFamily() == family
                    && (a.service() == ServiceType.KEY_FACTORY
                            || a.service() == ServiceType.KEY_PAIR_GENERATOR
                            || a.service() == ServiceType.KEY_GENERATOR
                            || a.service() == ServiceType.KEY_AGREEMENT)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int minBits(KeyFamily family, Scope scope) {
        return minBits[family.ordinal()][scope.ordinal()];
    }

    @Override
    public Origin minBitsOrigin(KeyFamily family, Scope scope) {
        return minBitsOrigin[family.ordinal()][scope.ordinal()];
    }

    @Override
    public String minBitsRule(KeyFamily family, Scope scope) {
        return minBitsRule[family.ordinal()][scope.ordinal()];
    }

    @Override
    public boolean curveAllowed(String name) {
        Curve c = e.catalog.curve(name);
        return c != null && e.curves.containsKey(c);
    }

    @Override
    public Origin curvesOrigin() {
        return e.curves.isEmpty()
                ? Origin.builtIn("keys.ec.curves")
                : e.curves.values().iterator().next();
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
                deny[f][s] = deny(
                        minBitsRule[f][s],
                        minBitsOrigin[f][s],
                        "is below the minimum of " + minBits[f][s] + " bits of policy " + policy);
                allow[f][s] = new Decision(
                        true,
                        minBitsRule[f][s],
                        minBitsOrigin[f][s],
                        "meets the minimum of " + minBits[f][s] + " bits of policy " + policy,
                        policy);
            }
        }
        for (Scope scope : SCOPES) {
            curveDeny[scope.ordinal()] =
                    deny("keys.ec.curves", curvesOrigin(), "is not on a curve allowed by policy " + policy);
        }
        Decision unconstrained =
                new Decision(true, "keys", Origin.builtIn("keys"), "has no size rule in policy " + policy, policy);
        Located<Boolean> u = e.unmeasuredAllowed;
        Decision unmeasured = u.value()
                ? new Decision(
                        true,
                        "keys.unmeasured",
                        u.origin(),
                        "is used although its size or curve could not be " + "determined, as policy " + policy
                                + " allows",
                        policy)
                : deny(
                        "keys.unmeasured",
                        u.origin(),
                        "is refused: its size or curve could not be determined, and policy " + policy
                                + " refuses keys it cannot measure");
        return new CompiledPolicy.KeyTable(
                minBits,
                deny,
                allow,
                curveDeny,
                CompiledPolicy.curveTable(e.curves.keySet()),
                CompiledPolicy.curveTable(e.catalog.curves()),
                unconstrained,
                unmeasured);
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
            Origin where = !e.algorithmLists.isEmpty()
                    ? e.algorithmLists.values().iterator().next()
                    : Origin.builtIn("algorithms");
            report(Problem.error(
                    where,
                    "",
                    Rule.NOT_EMPTY,
                    "the feature set is empty: policy " + policy + " would allow no algorithm at all"));
        }
        if (e.tlsMin.value().rank() > e.tlsMax.value().rank()) {
            report(Problem.error(
                    e.tlsMax.origin(),
                    e.tlsMax.value().name(),
                    Rule.TLS_RANGE,
                    "max_protocol " + e.tlsMax.value().name() + " is below min_protocol "
                            + e.tlsMin.value().name() + " (" + e.tlsMin.origin().location() + ")"));
        }
        int ecMin = e.minBits.get(KeyFamily.EC).value();
        for (Map.Entry<Curve, Origin> c : e.curves.entrySet()) {
            if (c.getKey().weierstrass() && c.getKey().bits() < ecMin) {
                report(Problem.error(
                        c.getValue(),
                        c.getKey().name(),
                        Rule.CURVE_SIZE,
                        "curve " + c.getKey().name() + " has " + c.getKey().bits() + " bits, below keys.ec.min_bits "
                                + ecMin + " ("
                                + e.minBits.get(KeyFamily.EC).origin().location()
                                + "); the policy contradicts itself"));
            }
        }
    }

    private void checkRequired() {
        for (Map.Entry<ServiceType, LinkedHashMap<Algorithm, Origin>> list : e.required.entrySet()) {
            for (Map.Entry<Algorithm, Origin> r : list.getValue().entrySet()) {
                Decision d = decisions.get(list.getKey()).get(r.getKey())[Scope.ANY.ordinal()];
                if (!d.allowed()) {
                    report(Problem.error(
                            r.getValue(),
                            r.getKey().name(),
                            Rule.REQUIRED_IN_FEATURE_SET,
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
        for (Map.Entry<String, Located<String>> v : e.minVersions.entrySet()) {
            versions.put(v.getKey(), v.getValue().value());
        }
        Map<ServiceType, List<String>> required = new LinkedHashMap<>();
        for (Map.Entry<ServiceType, LinkedHashMap<Algorithm, Origin>> list : e.required.entrySet()) {
            List<String> names = new ArrayList<>();
            for (Algorithm a : list.getValue().keySet()) {
                names.add(a.name());
            }
            if (!names.isEmpty()) {
                required.put(list.getKey(), List.copyOf(names));
            }
        }
        return new BackendRules(e.fipsOnly.value(), preference, versions, required);
    }
}
