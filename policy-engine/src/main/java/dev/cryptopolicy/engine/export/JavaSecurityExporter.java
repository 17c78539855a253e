package dev.cryptopolicy.engine.export;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a policy as JDK security properties in the JDK's own grammar, for use as
 * {@code java -Djava.security.properties=FILE}: {@code jdk.tls.disabledAlgorithms},
 * {@code jdk.certpath.disabledAlgorithms}, {@code jdk.jar.disabledAlgorithms},
 * {@code jdk.disabled.namedCurves}, {@code jdk.tls.legacyAlgorithms} and
 * {@code jdk.tls.ephemeralDHKeySize}.
 *
 * <p>This route only reaches what the JDK checks against those properties: TLS, certificate paths
 * and signed JARs. A plain {@code Signature.getInstance("SHA1withRSA")} is untouched by it; the
 * {@code CryptoPolicy} provider is what enforces the policy there.
 */
public final class JavaSecurityExporter {

    /** Signature names the JDK constraint checker understands; P1363 and raw variants are skipped. */
    private static final Pattern JDK_SIGNATURE = Pattern.compile(
            "(MD2|MD5|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3-\\d+)with(RSA|ECDSA|DSA)|RSASSA-PSS|Ed25519|Ed448");

    /** Tokens that no shipped policy allows and the JDK should never negotiate or accept. */
    private static final List<String> ALWAYS_TLS = List.of(
            "DTLSv1.0",
            "RSA_EXPORT",
            "DHE_DSS_EXPORT",
            "DHE_RSA_EXPORT",
            "DH_DSS_EXPORT",
            "DH_RSA_EXPORT",
            "DH_anon",
            "ECDH_anon",
            "DH_RSA",
            "DH_DSS",
            "DES_CBC",
            "RC4_40",
            "RC4_128",
            "DES40_CBC",
            "RC2",
            "anon",
            "NULL",
            "HmacMD5");

    private static final List<String> ALWAYS_SIGNATURES = List.of(
            "MD2",
            "MD5withRSA",
            "MD5withDSA",
            "MD5withECDSA",
            "RIPEMD160withRSA",
            "RIPEMD160withECDSA",
            "RIPEMD160withRSAandMGF1");

    private JavaSecurityExporter() {}

    /** The properties file body for {@code policy}. */
    public static String export(CompiledPolicy policy) {
        StringBuilder out = new StringBuilder();
        out.append("# JDK security properties for cryptopolicy policy ")
                .append(policy.name())
                .append('\n');
        out.append("# Sources: ").append(String.join(", ", policy.sources())).append('\n');
        out.append("# Use: java -Djava.security.properties=THIS_FILE ...\n");
        out.append("# These properties cover TLS, certificate paths and signed JARs only; the CryptoPolicy\n");
        out.append("# provider is what enforces the policy on plain Cipher/Signature/KeyPairGenerator use.\n\n");
        java.util.Map<String, List<String>> properties = disabledAlgorithms(policy);
        properties.forEach((key, values) -> property(out, key, values));
        out.append("# Legacy algorithms are only negotiated when nothing else is possible; the policy has none.\n");
        out.append("jdk.tls.legacyAlgorithms=\n");
        out.append("# jdk.tls.ephemeralDHKeySize is read as a system property by SunJSSE: pass it with -D as well.\n");
        out.append("jdk.tls.ephemeralDHKeySize=")
                .append(policy.minKeyBits(KeyFamily.DH, Scope.TLS))
                .append('\n');
        return out.toString();
    }

    /**
     * The JDK security properties that carry the policy, as {@code java.security.Security.setProperty}
     * takes them: {@code jdk.tls.disabledAlgorithms}, {@code jdk.certpath.disabledAlgorithms},
     * {@code jdk.jar.disabledAlgorithms}, {@code jdk.disabled.namedCurves} and
     * {@code jdk.tls.legacyAlgorithms}, in the JDK's grammar.
     */
    public static java.util.Map<String, String> securityProperties(CompiledPolicy policy) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        // A loop, not a lambda: every installation calls this once, in a JVM that spins a class per lambda.
        for (java.util.Map.Entry<String, List<String>> e :
                disabledAlgorithms(policy).entrySet()) {
            out.put(e.getKey(), String.join(", ", e.getValue()));
        }
        out.put("jdk.tls.legacyAlgorithms", "");
        return out;
    }

    private static java.util.Map<String, List<String>> disabledAlgorithms(CompiledPolicy policy) {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();

        Set<String> tls = new LinkedHashSet<>();
        for (TlsName p : catalog.tls(TlsKind.PROTOCOL)) {
            if (!policy.tls().protocols().contains(p.name())) {
                tls.add(p.name());
            }
        }
        tls.addAll(signatures(policy, catalog, Scope.TLS));
        tls.addAll(keySizes(policy, Scope.TLS));
        tls.add("include jdk.disabled.namedCurves");
        for (TlsKind kind : List.of(TlsKind.NAMED_GROUP, TlsKind.SIGNATURE_SCHEME, TlsKind.CIPHER_SUITE)) {
            List<String> enabled = switch (kind) {
                case NAMED_GROUP -> policy.tls().namedGroups();
                case SIGNATURE_SCHEME -> policy.tls().signatureSchemes();
                default -> policy.tls().cipherSuites();
            };
            for (TlsName n : catalog.tls(kind)) {
                if (!enabled.contains(n.name()) && !isHybridGroup(n)) {
                    tls.add(n.name());
                }
            }
        }
        boolean any3des = false;
        boolean anyStaticEcdh = false;
        boolean anyDss = false;
        for (String suite : policy.tls().cipherSuites()) {
            any3des |= suite.contains("3DES");
            anyStaticEcdh |= suite.startsWith("TLS_ECDH_");
            anyDss |= suite.contains("_DSS_");
        }
        if (!any3des) {
            tls.add("3DES_EDE_CBC");
        }
        if (!anyStaticEcdh) {
            tls.add("ECDH");
        }
        if (!anyDss) {
            tls.add("DHE_DSS");
        }
        if (!policy.decide(ServiceType.MAC, "HmacSHA1", Scope.TLS).allowed()) {
            tls.add("HmacSHA1");
        }
        tls.addAll(ALWAYS_TLS);

        Set<String> certpath = new LinkedHashSet<>(ALWAYS_SIGNATURES);
        certpath.addAll(signatures(policy, catalog, Scope.CERTPATH));
        certpath.addAll(keySizes(policy, Scope.CERTPATH));
        certpath.add("include jdk.disabled.namedCurves");
        if (!policy.decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.CERTPATH).allowed()
                && !policy.decide(ServiceType.SIGNATURE, "SHA1withECDSA", Scope.CERTPATH)
                        .allowed()) {
            certpath.add("SHA1");
        }
        certpath.add("MD5");

        Set<String> jar = new LinkedHashSet<>(ALWAYS_SIGNATURES);
        jar.addAll(signatures(policy, catalog, Scope.JAR));
        jar.addAll(keySizes(policy, Scope.JAR));
        jar.add("include jdk.disabled.namedCurves");
        jar.add("MD5");

        List<String> curves = new ArrayList<>();
        for (Curve c : catalog.curves()) {
            if (c.weierstrass() && !policy.curveAllowed(c.name())) {
                curves.add(c.name());
            }
        }

        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        out.put("jdk.tls.disabledAlgorithms", List.copyOf(tls));
        out.put("jdk.certpath.disabledAlgorithms", List.copyOf(certpath));
        out.put("jdk.jar.disabledAlgorithms", List.copyOf(jar));
        out.put("jdk.disabled.namedCurves", List.copyOf(curves));
        return out;
    }

    private static boolean isHybridGroup(TlsName n) {
        return n.kind() == TlsKind.NAMED_GROUP && n.components().contains("ML-KEM");
    }

    private static List<String> signatures(CompiledPolicy policy, AlgorithmCatalog catalog, Scope scope) {
        List<String> denied = new ArrayList<>();
        for (Algorithm a : catalog.algorithms(ServiceType.SIGNATURE)) {
            if (JDK_SIGNATURE.matcher(a.name()).matches()
                    && !policy.decide(ServiceType.SIGNATURE, a.name(), scope).allowed()) {
                denied.add(a.name());
            }
        }
        return denied;
    }

    private static List<String> keySizes(CompiledPolicy policy, Scope scope) {
        List<String> out = new ArrayList<>();
        out.add("RSA keySize < " + policy.minKeyBits(KeyFamily.RSA, scope));
        out.add("DSA keySize < " + policy.minKeyBits(KeyFamily.DSA, scope));
        out.add("DH keySize < " + policy.minKeyBits(KeyFamily.DH, scope));
        out.add("EC keySize < " + policy.minKeyBits(KeyFamily.EC, scope));
        return out;
    }

    private static void property(StringBuilder out, String key, java.util.Collection<String> values) {
        out.append(key).append('=');
        int i = 0;
        for (String v : values) {
            if (i++ > 0) {
                out.append(", \\\n    ");
            }
            out.append(v);
        }
        out.append("\n\n");
    }
}
