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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The TLS part of compiling: decides every protocol, cipher suite, named group and signature
 * scheme of the catalog from the policy's TLS settings, its deny rules and the algorithm
 * decisions already made (a suite is usable only when its cipher, MAC, key exchange and
 * authentication are), and resolves the enabled lists in order. Finds the TLS contradictions:
 * a listed name the rest of the policy denies (warning {@code tls-consistent}) and a list left
 * empty (error {@code tls-not-empty}).
 */
final class TlsCompiler {

    private final AlgorithmDecisions algs;
    private final AlgorithmCatalog catalog;
    private final String policy;
    private final Located<TlsName> tlsMin;
    private final Located<TlsName> tlsMax;
    private final Map<TlsKind, LinkedHashMap<TlsName, Origin>> tlsLists;
    private final Map<TlsKind, Map<TlsName, Origin>> tlsRemoved;
    private final Map<ServiceType, Origin> algorithmLists;
    private final FirstDenyRules deny;
    private final boolean featureSetEmpty;
    private final Consumer<Problem> report;

    /**
     * @param e               the composed policy
     * @param algs            the algorithm and key decisions, made before
     * @param deny            the policy's deny rules by what they name
     * @param featureSetEmpty whether the feature set is empty (then an empty TLS list is no further error)
     * @param report          where problems go
     */
    TlsCompiler(
            Effective e,
            AlgorithmDecisions algs,
            FirstDenyRules deny,
            boolean featureSetEmpty,
            Consumer<Problem> report) {
        this.algs = algs;
        this.catalog = e.catalog;
        this.policy = algs.policy();
        this.tlsMin = e.tlsMin;
        this.tlsMax = e.tlsMax;
        this.tlsLists = e.tlsLists;
        this.tlsRemoved = e.tlsRemoved;
        this.algorithmLists = e.algorithmLists;
        this.deny = deny;
        this.featureSetEmpty = featureSetEmpty;
        this.report = report;
    }

    private void report(Problem p) {
        report.accept(p);
    }

    /**
     * Decides every TLS name into {@code out} and returns the resolved settings.
     */
    TlsSettings compile(Map<TlsName, Decision> out) {
        List<String> protocols = new ArrayList<>();
        List<TlsName> allProtocols = new ArrayList<>(catalog.tls(TlsKind.PROTOCOL));
        java.util.Collections.reverse(allProtocols);
        for (TlsName p : allProtocols) {
            Decision d;
            if (p.rank() < tlsMin.value().rank()) {
                d = algs.deny(
                        tlsMin.origin().path(),
                        tlsMin.origin(),
                        "is below the minimum protocol " + tlsMin.value().name() + " of policy " + policy);
            } else if (p.rank() > tlsMax.value().rank()) {
                d = algs.deny(
                        tlsMax.origin().path(),
                        tlsMax.origin(),
                        "is above the maximum protocol " + tlsMax.value().name() + " of policy " + policy);
            } else {
                d = tlsDenyRule(p);
                if (d == null) {
                    d = new Decision(
                            true,
                            "tls.min_protocol",
                            tlsMin.origin(),
                            "is within the protocol range of policy " + policy,
                            policy);
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
        return new TlsSettings(tlsMin.value().name(), tlsMax.value().name(), protocols, suites, groups, schemes);
    }

    private List<String> resolveTls(TlsKind kind, Map<TlsName, Decision> out, String path) {
        LinkedHashMap<TlsName, Origin> listed = tlsLists.get(kind);
        List<String> enabled = new ArrayList<>();
        for (TlsName n : catalog.tls(kind)) {
            Origin origin = listed == null ? null : listed.get(n);
            Decision d;
            if (listed != null && origin == null) {
                // Located at the -X that removed it, if one did; else at the list that left it out.
                Map<TlsName, Origin> removed = tlsRemoved.get(kind);
                Origin removedAt = removed == null ? null : removed.get(n);
                d = algs.deny(
                        path,
                        removedAt != null
                                ? removedAt
                                : tlsLists.get(kind).isEmpty() ? Origin.builtIn(path) : firstOrigin(listed),
                        "is not listed in " + path + " of policy " + policy);
            } else {
                d = decideTls(n, origin == null ? Origin.builtIn(path) : origin, listed == null);
            }
            out.put(n, d);
        }
        List<TlsName> order = new ArrayList<>(listed == null ? catalog.tls(kind) : listed.keySet());
        for (TlsName n : order) {
            Decision d = out.get(n);
            if (d.allowed()) {
                enabled.add(n.name());
            } else if (listed != null
                    && !origin(listed, n).isBuiltIn()
                    && !d.rule().equals("tls.max_protocol")
                    && !d.rule().equals("tls.min_protocol")) {
                report(Problem.warning(
                        origin(listed, n),
                        n.name(),
                        Rule.TLS_CONSISTENT,
                        "listed " + kind.description() + " " + n.name() + " " + d.reason() + " (" + d.rule()
                                + "); it will not be enabled"));
            }
        }
        if (enabled.isEmpty() && (listed == null || !listed.isEmpty()) && !featureSetEmpty) {
            Origin at = listed == null || listed.isEmpty() ? Origin.builtIn(path) : firstOrigin(listed);
            report(Problem.error(
                    at,
                    "",
                    Rule.TLS_NOT_EMPTY,
                    "no " + kind.description()
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
        Effective.DenyRule rule = deny.first(n, Scope.TLS);
        return rule == null ? null : algs.denyByRule(rule);
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
        return new Decision(
                true,
                path.contains("[") ? path.substring(0, path.indexOf('[')) : path,
                origin,
                "is allowed by policy " + policy,
                policy);
    }

    private Decision uses(String what, Decision d) {
        return algs.deny(d.rule(), d.origin(), "uses " + what + ", which " + d.reason());
    }

    private Decision suiteComponents(TlsName s, boolean derived) {
        Set3 c = new Set3(s.components());
        if (s.tls13Only() && tlsMax.value().rank() < 6) {
            return algs.deny(
                    tlsMax.origin().path(),
                    tlsMax.origin(),
                    "is a TLS 1.3 suite and policy " + policy + " stops at "
                            + tlsMax.value().name());
        }
        if (!s.tls13Only() && tlsMin.value().rank() >= 6) {
            return algs.deny(
                    tlsMin.origin().path(),
                    tlsMin.origin(),
                    "is a TLS 1.2-and-earlier suite and policy " + policy + " requires TLSv1.3");
        }
        if (c.has("ANON") || c.has("NULL")) {
            return algs.deny(
                    "tls.cipher_suites",
                    Origin.builtIn("tls.cipher_suites"),
                    "has no authentication or no encryption; policy " + policy + " never enables such suites");
        }
        if (derived && (c.has("ECDH") || c.has("DH")) && !c.has("ECDHE") && !c.has("DHE")) {
            return algs.deny(
                    "tls.cipher_suites",
                    Origin.builtIn("tls.cipher_suites"),
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
            return algs.deny(
                    "algorithms.Cipher",
                    algorithmLists.getOrDefault(ServiceType.CIPHER, Origin.builtIn("algorithms.Cipher")),
                    "uses a cipher that is not in the feature set of policy " + policy);
        }
        if (!algs.anyAllowed(ServiceType.CIPHER, Scope.TLS, Needs.components(family, mode))) {
            return algs.deny(
                    "algorithms.Cipher",
                    algorithmLists.getOrDefault(ServiceType.CIPHER, Origin.builtIn("algorithms.Cipher")),
                    "uses " + family + (mode == null ? "" : "/" + mode) + ", which is not in the feature set of policy "
                            + policy);
        }
        int bits = CompiledPolicy.effectiveSymmetricBits(family.equals("DESEDE") ? "DESede" : family, s.keyBits());
        int sym = algs.minBits(KeyFamily.SYMMETRIC, Scope.TLS);
        if (bits > 0 && bits < sym) {
            return algs.deny(
                    algs.minBitsRule(KeyFamily.SYMMETRIC, Scope.TLS),
                    algs.minBitsOrigin(KeyFamily.SYMMETRIC, Scope.TLS),
                    "has a " + bits + "-bit key, below the minimum of " + sym + " bits of policy " + policy);
        }
        if (s.macAlgorithm() != null) {
            Decision mac = algs.decision(ServiceType.MAC, s.macAlgorithm(), Scope.TLS);
            if (!mac.allowed()) {
                return uses(s.macAlgorithm(), mac);
            }
        }
        if (c.has("ECDHE") || c.has("ECDH")) {
            if (!algs.anyAllowed(ServiceType.KEY_AGREEMENT, Scope.TLS, Needs.ECDH_OR_XDH)) {
                return uses("ECDHE", algs.decision(ServiceType.KEY_AGREEMENT, "ECDH", Scope.TLS));
            }
        } else if (c.has("DHE") || c.has("DH")) {
            Decision dh = algs.decision(ServiceType.KEY_AGREEMENT, "DiffieHellman", Scope.TLS);
            if (!dh.allowed()) {
                return uses("DHE", dh);
            }
        }
        if (c.has("ECDSA")) {
            if (!algs.anyAllowed(ServiceType.SIGNATURE, Scope.TLS, Needs.family(KeyFamily.EC))) {
                return uses("ECDSA", algs.decision(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.TLS));
            }
        } else if (c.has("DSA")) {
            if (!algs.anyAllowed(ServiceType.SIGNATURE, Scope.TLS, Needs.family(KeyFamily.DSA))) {
                return uses("DSA", algs.decision(ServiceType.SIGNATURE, "SHA256withDSA", Scope.TLS));
            }
        } else if (c.has("RSA")) {
            Decision rsa = algs.decision(ServiceType.KEY_FACTORY, "RSA", Scope.TLS);
            if (!rsa.allowed()) {
                return uses("RSA", rsa);
            }
        }
        return null;
    }

    private Decision groupComponents(TlsName g) {
        Set3 c = new Set3(g.components());
        if (c.has("ML-KEM")) {
            if (!algs.anyAllowed(ServiceType.KEM, Scope.TLS, Needs.components("ML-KEM", null))) {
                return uses("ML-KEM", algs.decision(ServiceType.KEM, "ML-KEM", Scope.TLS));
            }
        }
        if (c.has("DH")) {
            Decision dh = algs.decision(ServiceType.KEY_AGREEMENT, "DiffieHellman", Scope.TLS);
            if (!dh.allowed()) {
                return uses("DiffieHellman", dh);
            }
            int min = algs.minBits(KeyFamily.DH, Scope.TLS);
            if (g.keyBits() < min) {
                return algs.deny(
                        algs.minBitsRule(KeyFamily.DH, Scope.TLS),
                        algs.minBitsOrigin(KeyFamily.DH, Scope.TLS),
                        "has " + g.keyBits() + " bits, below the minimum of " + min + " bits of policy " + policy);
            }
            return null;
        }
        if (g.curve() != null && !algs.curveAllowed(g.curve())) {
            return algs.deny(
                    "keys.ec.curves",
                    algs.curvesOrigin(),
                    "uses curve " + g.curve() + ", which is not among the allowed curves of policy " + policy);
        }
        if (c.has("XDH")) {
            if (!algs.anyAllowed(ServiceType.KEY_AGREEMENT, Scope.TLS, Needs.xdhOn(g.curve()))) {
                return uses(g.curve(), algs.decision(ServiceType.KEY_AGREEMENT, g.curve(), Scope.TLS));
            }
        } else if (c.has("EC")) {
            Decision ecdh = algs.decision(ServiceType.KEY_AGREEMENT, "ECDH", Scope.TLS);
            if (!ecdh.allowed()) {
                return uses("ECDH", ecdh);
            }
            Curve curve = catalog.curve(g.curve());
            int min = algs.minBits(KeyFamily.EC, Scope.TLS);
            if (curve != null && curve.bits() < min) {
                return algs.deny(
                        algs.minBitsRule(KeyFamily.EC, Scope.TLS),
                        algs.minBitsOrigin(KeyFamily.EC, Scope.TLS),
                        "has " + curve.bits() + " bits, below the minimum of " + min + " bits of policy " + policy);
            }
        }
        return null;
    }

    private Decision schemeComponents(TlsName s) {
        Decision sig = algs.decision(ServiceType.SIGNATURE, s.jcaSignature(), Scope.TLS);
        if (!sig.allowed()) {
            return uses(s.jcaSignature(), sig);
        }
        if (s.curve() != null && !algs.curveAllowed(s.curve())) {
            return algs.deny(
                    "keys.ec.curves",
                    algs.curvesOrigin(),
                    "uses curve " + s.curve() + ", which is not among the allowed curves of policy " + policy);
        }
        if (s.digest() != null
                && !s.jcaSignature().toUpperCase(java.util.Locale.ROOT).contains("WITH")) {
            Decision digest = algs.decision(ServiceType.MESSAGE_DIGEST, s.digest(), Scope.TLS);
            if (!digest.allowed()) {
                return uses(s.digest(), digest);
            }
        }
        return null;
    }

    /**
     * What a suite or group needs some allowed algorithm to be. One named class rather than a lambda
     * per question: a JVM spins a class for each lambda the first time it runs, and every JVM that
     * installs a policy compiles it once, cold.
     */
    private static final class Needs implements Predicate<Algorithm> {
        private static final int COMPONENTS = 0;
        private static final int FAMILY = 1;
        private static final int ECDH_OR_XDH_KIND = 2;
        private static final int XDH_ON = 3;

        /** The ECDH key agreement, or an XDH one. */
        static final Needs ECDH_OR_XDH = new Needs(ECDH_OR_XDH_KIND, null, null, null);

        private final int kind;
        private final String first;
        private final String second;
        private final KeyFamily family;

        private Needs(int kind, String first, String second, KeyFamily family) {
            this.kind = kind;
            this.first = first;
            this.second = second;
            this.family = family;
        }

        /** Made of the upper-case component {@code first} and, unless null, {@code second}. */
        static Needs components(String first, String second) {
            return new Needs(COMPONENTS, first, second, null);
        }

        /** Taking keys of this family. */
        static Needs family(KeyFamily family) {
            return new Needs(FAMILY, null, null, family);
        }

        /** An XDH key agreement on this curve (any case), or on any curve when its name fixes none. */
        static Needs xdhOn(String curve) {
            return new Needs(XDH_ON, curve, null, null);
        }

        @Override
        public boolean test(Algorithm a) {
            return switch (kind) {
                case COMPONENTS ->
                    a.components().contains(first)
                            && (second == null || a.components().contains(second));
                case FAMILY -> a.keyFamily() == family;
                case ECDH_OR_XDH_KIND ->
                    a.name().equals("ECDH") || a.components().contains("XDH");
                default ->
                    a.components().contains("XDH") && (a.curve() == null || Names.equalsIgnoreCase(a.curve(), first));
            };
        }
    }

    /** Upper-case component lookup with the intent visible at call sites. */
    private record Set3(java.util.Set<String> components) {
        boolean has(String upper) {
            return components.contains(upper);
        }
    }
}
