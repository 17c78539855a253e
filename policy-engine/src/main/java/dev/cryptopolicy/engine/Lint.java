package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warnings for risky but legal choices: SHA-1 signatures, small keys, old TLS versions, weak
 * algorithms in the feature set, audit mode. Judged on a compiled policy, from its settings and
 * its decisions alone; errors are the loader's and compiler's business.
 */
final class Lint {

    private static final Set<String> WEAK = Set.of("MD2", "MD5", "DES", "RC4", "RC2", "DESEDE", "BLOWFISH");

    private Lint() {}

    /** The warnings about {@code policy}, in a fixed order. */
    static List<Problem> warnings(CompiledPolicy policy) {
        Settings e = policy.settings();
        List<Problem> out = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            Located<Boolean> sigs = e.sha1(Sha1Use.SIGNATURES, scope);
            if (sigs.value() && sha1SignatureAllowed(policy, scope)) {
                out.add(Problem.warning(
                        sigs.origin(),
                        "allow",
                        Rule.SHA1_SIGNATURES,
                        "SHA-1 signatures are allowed" + (scope == Scope.ANY ? "" : " in scope " + scope.yamlName())
                                + "; SHA-1 collisions are practical (SHAttered, 2017)"));
                break;
            }
        }
        warnSize(e, KeyFamily.RSA, 2048, "RSA", out);
        warnSize(e, KeyFamily.DSA, 2048, "DSA", out);
        warnSize(e, KeyFamily.DH, 2048, "DH", out);
        warnSize(e, KeyFamily.EC, 256, "EC", out);
        warnSize(e, KeyFamily.SYMMETRIC, 128, "symmetric", out);
        if (e.tlsMin().value().rank() < 5) {
            out.add(Problem.warning(
                    e.tlsMin().origin(),
                    e.tlsMin().value().name(),
                    Rule.TLS_VERSION,
                    "TLS below 1.2 is allowed; TLS 1.0 and 1.1 are deprecated (RFC 8996)"));
        }
        for (Map.Entry<ServiceType, Map<Algorithm, Origin>> list :
                e.algorithms().entrySet()) {
            for (Map.Entry<Algorithm, Origin> a : list.getValue().entrySet()) {
                String weak = weakComponent(a.getKey());
                if (weak != null
                        && policy.decide(list.getKey(), a.getKey().name(), Scope.ANY)
                                .allowed()) {
                    out.add(Problem.warning(
                            a.getValue(),
                            a.getKey().name(),
                            Rule.WEAK_ALGORITHM,
                            list.getKey().jcaName() + " " + a.getKey().name() + " uses " + weak
                                    + ", which is broken or deprecated"));
                }
            }
        }
        if (e.replaceHost().value()) {
            out.add(Problem.warning(
                    e.replaceHost().origin(),
                    "replace",
                    Rule.HOST_RESTRICTIONS,
                    "host_restrictions: replace drops the JVM's own restrictions (the host's"
                            + " jdk.*.disabledAlgorithms, jdk.disabled.namedCurves, jdk.tls.legacyAlgorithms):"
                            + " the policy may then allow what the host forbids"));
        }
        if (e.mode().value() == Mode.AUDIT) {
            out.add(Problem.warning(
                    e.mode().origin(),
                    "audit",
                    Rule.AUDIT_MODE,
                    "audit mode: nothing is refused, would-be refusals are only recorded"));
        }
        return out;
    }

    /** Whether a SHA-1 signature of the feature set is allowed in {@code scope} (nothing outside it is). */
    private static boolean sha1SignatureAllowed(CompiledPolicy policy, Scope scope) {
        Map<Algorithm, Origin> signatures = policy.settings().algorithms().get(ServiceType.SIGNATURE);
        if (signatures != null) {
            for (Algorithm a : signatures.keySet()) {
                if ("SHA-1".equals(a.digest())
                        && policy.decide(ServiceType.SIGNATURE, a.name(), scope).allowed()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String weakComponent(Algorithm a) {
        for (String c : a.components()) {
            if (WEAK.contains(c)) {
                return c.equals("DESEDE") ? "3DES" : c;
            }
        }
        return null;
    }

    private static void warnSize(Settings e, KeyFamily family, int recommended, String what, List<Problem> out) {
        Located<Integer> v = e.minBits().get(family);
        if (v.value() < recommended) {
            out.add(Problem.warning(
                    v.origin(),
                    String.valueOf(v.value()),
                    Rule.KEY_SIZE,
                    what + " keys of " + v.value() + " bits are allowed; below " + recommended
                            + " bits is below 112-bit security"));
        }
    }
}
