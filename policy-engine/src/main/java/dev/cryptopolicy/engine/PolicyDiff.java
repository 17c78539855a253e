package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The semantic difference between two compiled policies: what one decides differently from the
 * other, not how their files are written. Two policies with no {@link Change} decide every
 * request of the catalog the same way (algorithms in every scope, key minimums, curves, SHA-1
 * uses, TLS protocols, suites, groups and schemes and their order, backends and mode).
 *
 * <pre>{@code
 * List<PolicyDiff.Change> changes = PolicyDiff.between(loader.load("DEFAULT"), loader.load("FUTURE"));
 * }</pre>
 */
public final class PolicyDiff {

    /** The key families with a minimum size, and the key algorithm that asks about each. */
    private static final Map<KeyFamily, String> SIZED = Map.of(
            KeyFamily.RSA,
            "RSA",
            KeyFamily.DSA,
            "DSA",
            KeyFamily.DH,
            "DH",
            KeyFamily.EC,
            "EC",
            KeyFamily.SYMMETRIC,
            "AES");

    private static final List<KeyFamily> SIZED_ORDER =
            List.of(KeyFamily.RSA, KeyFamily.DSA, KeyFamily.DH, KeyFamily.EC, KeyFamily.SYMMETRIC);

    /**
     * One thing the two policies decide differently.
     *
     * @param area      what kind of setting, as a YAML path: {@code algorithms.Signature},
     *                  {@code keys.rsa.min_bits}, {@code keys.ec.curves}, {@code sha1.signatures},
     *                  {@code tls.cipher_suites}, {@code backends.fips_only}, {@code mode}, ...
     * @param subject   what in that area: an algorithm (with its scope when not {@code any}), a
     *                  curve, a TLS name, or empty when the area is one value
     * @param left      the first policy's value: {@code allowed}, {@code denied}, a number, a list
     * @param leftFrom  where the first policy sets it (built in when no file does)
     * @param right     the second policy's value
     * @param rightFrom where the second policy sets it
     */
    public record Change(String area, String subject, String left, Origin leftFrom, String right, Origin rightFrom) {

        /** Checks that nothing is null. */
        public Change {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(leftFrom, "leftFrom");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(rightFrom, "rightFrom");
        }

        /**
         * The one-line form: {@code area: subject: left (where) -> right (where)}, e.g.
         * {@code keys.rsa.min_bits: 2048 (DEFAULT.yaml:147:15) -> 3072 (FUTURE.yaml:63:15)}.
         */
        public String line() {
            return area + ": " + (subject.isEmpty() ? "" : subject + ": ") + left + " (" + where(leftFrom) + ") -> "
                    + right + " (" + where(rightFrom) + ")";
        }

        private static String where(Origin o) {
            return o.isBuiltIn() ? "built-in default" : o.location();
        }
    }

    private PolicyDiff() {}

    /** Every difference between {@code a} and {@code b}, grouped by area in a fixed order; empty when they decide the same. */
    public static List<Change> between(CompiledPolicy a, CompiledPolicy b) {
        List<Change> out = new ArrayList<>();
        Located<Mode> ma = a.settings().mode();
        Located<Mode> mb = b.settings().mode();
        if (ma.value() != mb.value()) {
            out.add(new Change(
                    "mode", "", ma.value().yamlName(), ma.origin(), mb.value().yamlName(), mb.origin()));
        }
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        for (ServiceType service : ServiceType.values()) {
            for (Algorithm algorithm : catalog.algorithms(service)) {
                algorithm(out, a, b, service, algorithm.name());
            }
        }
        keys(out, a, b);
        for (Curve curve : catalog.curves()) {
            Decision da = curveDecision(a, curve);
            Decision db = curveDecision(b, curve);
            decision(out, "keys.ec.curves", curve.name(), da, db);
        }
        sha1(out, a, b, Sha1Use.DIGEST, ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY);
        sha1(out, a, b, Sha1Use.HMAC, ServiceType.MAC, "HmacSHA1", Scope.ANY);
        sha1(out, a, b, Sha1Use.SIGNATURES, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        sha1(out, a, b, Sha1Use.CERTIFICATES, ServiceType.SIGNATURE, "SHA1withRSA", Scope.CERTPATH);
        tls(out, a, b, catalog);
        backends(out, a, b);
        return List.copyOf(out);
    }

    private static void algorithm(
            List<Change> out, CompiledPolicy a, CompiledPolicy b, ServiceType service, String name) {
        String area = "algorithms." + service.jcaName();
        Decision anyA = a.decide(service, name, Scope.ANY);
        Decision anyB = b.decide(service, name, Scope.ANY);
        decision(out, area, name, anyA, anyB);
        for (Scope scope : Scope.values()) {
            if (scope == Scope.ANY) {
                continue;
            }
            Decision da = a.decide(service, name, scope);
            Decision db = b.decide(service, name, scope);
            // A scope is shown only where it does not follow the scope-any line above.
            boolean same = da.allowed() == anyA.allowed() && db.allowed() == anyB.allowed();
            if (!same) {
                decision(out, area, name + " in scope " + scope.yamlName(), da, db);
            }
        }
    }

    private static void decision(List<Change> out, String area, String subject, Decision da, Decision db) {
        if (da.allowed() != db.allowed()) {
            out.add(new Change(area, subject, verdict(da), da.origin(), verdict(db), db.origin()));
        }
    }

    private static String verdict(Decision d) {
        return d.allowed() ? "allowed" : "denied";
    }

    private static void keys(List<Change> out, CompiledPolicy a, CompiledPolicy b) {
        for (KeyFamily family : SIZED_ORDER) {
            String area = "keys." + family.name().toLowerCase(Locale.ROOT) + ".min_bits";
            for (Scope scope : Scope.values()) {
                int ba = a.minKeyBits(family, scope);
                int bb = b.minKeyBits(family, scope);
                boolean followsAny = scope != Scope.ANY
                        && ba == a.minKeyBits(family, Scope.ANY)
                        && bb == b.minKeyBits(family, Scope.ANY);
                if (ba != bb && !followsAny) {
                    String keyAlgorithm = SIZED.get(family);
                    out.add(new Change(
                            area,
                            scope == Scope.ANY ? "" : "in scope " + scope.yamlName(),
                            Integer.toString(ba),
                            a.decideKey(keyAlgorithm, 1, null, scope).origin(),
                            Integer.toString(bb),
                            b.decideKey(keyAlgorithm, 1, null, scope).origin()));
                }
            }
        }
        Decision ua = a.decideUnmeasuredKey("RSA");
        Decision ub = b.decideUnmeasuredKey("RSA");
        decision(out, "keys.unmeasured", "", ua, ub);
    }

    private static Decision curveDecision(CompiledPolicy p, Curve curve) {
        return curve.weierstrass()
                ? p.decideKey("EC", 0, curve.name(), Scope.ANY)
                : p.decideKey(curve.name(), 0, null, Scope.ANY);
    }

    private static void sha1(
            List<Change> out,
            CompiledPolicy a,
            CompiledPolicy b,
            Sha1Use use,
            ServiceType service,
            String algorithm,
            Scope scope) {
        decision(
                out,
                "sha1." + use.key(),
                service.jcaName() + " " + algorithm + (scope == Scope.ANY ? "" : " in scope " + scope.yamlName()),
                a.decide(service, algorithm, scope),
                b.decide(service, algorithm, scope));
    }

    private static void tls(List<Change> out, CompiledPolicy a, CompiledPolicy b, AlgorithmCatalog catalog) {
        TlsSettings ta = a.tls();
        TlsSettings tb = b.tls();
        if (!ta.minProtocol().equals(tb.minProtocol())) {
            out.add(new Change(
                    "tls.min_protocol",
                    "",
                    ta.minProtocol(),
                    protocolOrigin(a, ta.minProtocol()),
                    tb.minProtocol(),
                    protocolOrigin(b, tb.minProtocol())));
        }
        if (!ta.maxProtocol().equals(tb.maxProtocol())) {
            out.add(new Change(
                    "tls.max_protocol",
                    "",
                    ta.maxProtocol(),
                    protocolOrigin(a, ta.maxProtocol()),
                    tb.maxProtocol(),
                    protocolOrigin(b, tb.maxProtocol())));
        }
        tlsKind(out, a, b, catalog, TlsKind.CIPHER_SUITE, "tls.cipher_suites", ta.cipherSuites(), tb.cipherSuites());
        tlsKind(out, a, b, catalog, TlsKind.NAMED_GROUP, "tls.named_groups", ta.namedGroups(), tb.namedGroups());
        tlsKind(
                out,
                a,
                b,
                catalog,
                TlsKind.SIGNATURE_SCHEME,
                "tls.signature_schemes",
                ta.signatureSchemes(),
                tb.signatureSchemes());
    }

    private static Origin protocolOrigin(CompiledPolicy p, String protocol) {
        return p.decideTls(TlsKind.PROTOCOL, protocol).origin();
    }

    private static void tlsKind(
            List<Change> out,
            CompiledPolicy a,
            CompiledPolicy b,
            AlgorithmCatalog catalog,
            TlsKind kind,
            String area,
            List<String> enabledA,
            List<String> enabledB) {
        for (TlsName name : catalog.tls(kind)) {
            boolean inA = enabledA.contains(name.name());
            boolean inB = enabledB.contains(name.name());
            if (inA != inB) {
                Decision da = a.decideTls(kind, name.name());
                Decision db = b.decideTls(kind, name.name());
                out.add(new Change(
                        area,
                        name.name(),
                        inA ? "enabled" : "disabled",
                        da.origin(),
                        inB ? "enabled" : "disabled",
                        db.origin()));
            }
        }
        List<String> commonA = new ArrayList<>(enabledA);
        commonA.retainAll(new HashSet<>(enabledB));
        List<String> commonB = new ArrayList<>(enabledB);
        commonB.retainAll(new HashSet<>(enabledA));
        if (!commonA.equals(commonB)) {
            Origin oa = enabledA.isEmpty()
                    ? Origin.builtIn(area)
                    : a.decideTls(kind, enabledA.get(0)).origin();
            Origin ob = enabledB.isEmpty()
                    ? Origin.builtIn(area)
                    : b.decideTls(kind, enabledB.get(0)).origin();
            out.add(new Change(area, "preference order", String.join(" ", commonA), oa, String.join(" ", commonB), ob));
        }
    }

    private static void backends(List<Change> out, CompiledPolicy a, CompiledPolicy b) {
        Settings.BackendOrigins oa = a.settings().backends();
        Settings.BackendOrigins ob = b.settings().backends();
        if (a.backends().fipsOnly() != b.backends().fipsOnly()) {
            out.add(new Change(
                    "backends.fips_only",
                    "",
                    Boolean.toString(a.backends().fipsOnly()),
                    oa.fipsOnly(),
                    Boolean.toString(b.backends().fipsOnly()),
                    ob.fipsOnly()));
        }
        List<String> pa = a.backends().preference();
        List<String> pb = b.backends().preference();
        if (!pa.equals(pb)) {
            out.add(new Change("backends.preference", "", list(pa), oa.preference(), list(pb), ob.preference()));
        }
        Map<String, String> va = a.backends().minVersions();
        Map<String, String> vb = b.backends().minVersions();
        if (!va.equals(vb)) {
            out.add(new Change(
                    "backends.min_versions", "", va.toString(), oa.minVersions(), vb.toString(), ob.minVersions()));
        }
        for (ServiceType service : ServiceType.values()) {
            List<String> ra = a.backends().required().getOrDefault(service, List.of());
            List<String> rb = b.backends().required().getOrDefault(service, List.of());
            if (!new HashSet<>(ra).equals(new HashSet<>(rb))) {
                out.add(new Change(
                        "backends.required",
                        service.jcaName(),
                        list(ra),
                        oa.required(service),
                        list(rb),
                        ob.required(service)));
            }
        }
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "[]" : "[" + String.join(", ", values) + "]";
    }
}
