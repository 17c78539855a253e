package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * crypto-policies' DEFAULT, FUTURE, LEGACY and FIPS imported from their .pol files decide a fixed
 * battery of requests as the shipped YAML policies of the same name do, except the differences
 * listed here, each with its reason.
 */
class ImportedPoliciesTest {

    private static final String[][] ALGORITHMS = {
        {"MessageDigest", "SHA-1"},
        {"MessageDigest", "SHA-224"},
        {"MessageDigest", "SHA-256"},
        {"MessageDigest", "SHA3-256"},
        {"MessageDigest", "MD5"},
        {"Mac", "HmacSHA1"},
        {"Mac", "HmacSHA256"},
        {"Mac", "HmacSHA512"},
        {"Mac", "HmacMD5"},
        {"Cipher", "AES/GCM/NoPadding"},
        {"Cipher", "AES_128/GCM/NoPadding"},
        {"Cipher", "AES_256/GCM/NoPadding"},
        {"Cipher", "AES/CBC/PKCS5Padding"},
        {"Cipher", "AES/CTR/NoPadding"},
        {"Cipher", "ChaCha20-Poly1305"},
        {"Cipher", "DESede/CBC/PKCS5Padding"},
        {"Cipher", "RSA/ECB/PKCS1Padding"},
        {"Cipher", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding"},
        {"Cipher", "RC4"},
        {"Cipher", "DES/CBC/PKCS5Padding"},
        {"Signature", "SHA1withRSA"},
        {"Signature", "SHA224withRSA"},
        {"Signature", "SHA256withRSA"},
        {"Signature", "SHA256withECDSA"},
        {"Signature", "SHA384withECDSA"},
        {"Signature", "SHA256withRSA/PSS"},
        {"Signature", "SHA1withDSA"},
        {"Signature", "SHA256withDSA"},
        {"Signature", "Ed25519"},
        {"Signature", "Ed448"},
        {"Signature", "MD5withRSA"},
        {"KeyPairGenerator", "RSA"},
        {"KeyPairGenerator", "EC"},
        {"KeyPairGenerator", "DSA"},
        {"KeyAgreement", "ECDH"},
        {"KeyAgreement", "X25519"},
        {"KeyAgreement", "DiffieHellman"},
        {"KeyStore", "PKCS12"},
        {"KeyStore", "JKS"},
        {"CertificateFactory", "X.509"},
        {"SecureRandom", "DRBG"},
        {"SecureRandom", "SHA1PRNG"}
    };
    private static final String[] SUITES = {
        "TLS_AES_256_GCM_SHA384",
        "TLS_AES_128_GCM_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"
    };
    private static final String[] PROTOCOLS = {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
    private static final String[] GROUPS = {"x25519", "secp256r1", "secp384r1", "ffdhe2048", "ffdhe3072"};

    /**
     * Where the import differs from the shipped policy, and why: the shipped policies deviate from
     * the .pol files on purpose (their header comments list it), the import follows the .pol file.
     */
    private static final List<String> EXPECTED = List.of(
            // DEFAULT.pol, FUTURE.pol and FIPS.pol list no SHA1 in 'hash'; the shipped policies keep
            // the plain digest (fingerprints, key identifiers) and, outside FIPS, SHA1PRNG
            "DEFAULT MessageDigest SHA-1", "DEFAULT MessageDigest SHA-1 @tls",
            "FUTURE MessageDigest SHA-1", "FUTURE MessageDigest SHA-1 @tls",
            "FIPS MessageDigest SHA-1", "FIPS MessageDigest SHA-1 @tls",
            "DEFAULT SecureRandom SHA1PRNG", "DEFAULT SecureRandom SHA1PRNG @tls",
            // the import is the Java view, which crypto-policies' Java back-end takes from the TLS
            // scope: cipher@TLS has no AES-CTR (and in FUTURE no AES-CBC); the shipped policies take
            // the plain 'cipher' list for Cipher objects outside TLS
            "DEFAULT Cipher AES/CTR/NoPadding", "DEFAULT Cipher AES/CTR/NoPadding @tls",
            "FUTURE Cipher AES/CBC/PKCS5Padding", "FUTURE Cipher AES/CBC/PKCS5Padding @tls",
            "FUTURE Cipher AES/CTR/NoPadding", "FUTURE Cipher AES/CTR/NoPadding @tls",
            "LEGACY Cipher AES/CTR/NoPadding", "LEGACY Cipher AES/CTR/NoPadding @tls",
            "FIPS Cipher AES/CTR/NoPadding", "FIPS Cipher AES/CTR/NoPadding @tls",
            // JKS is not a crypto-policies notion; the shipped LEGACY adds it for old key stores
            "LEGACY KeyStore JKS", "LEGACY KeyStore JKS @tls");

    @ParameterizedTest
    @ValueSource(strings = {"DEFAULT", "FUTURE", "LEGACY", "FIPS"})
    void imported_decidesAsShipped_exceptListedDifferences(String name) throws Exception {
        CompiledPolicy shipped = PolicyLoader.standard().load(name);
        CompiledPolicy imported = PolicyLoader.standard().load(ShippedPoliciesTest.pol(name + ".pol"));
        List<String> differences = new ArrayList<>();
        for (String[] q : ALGORITHMS) {
            ServiceType s = ServiceType.ofJcaNameOrNull(q[0]);
            for (Scope scope : new Scope[] {Scope.ANY, Scope.TLS}) {
                if (shipped.decide(s, q[1], scope).allowed()
                        != imported.decide(s, q[1], scope).allowed()) {
                    differences.add(name + " " + q[0] + " " + q[1] + (scope == Scope.TLS ? " @tls" : ""));
                }
            }
        }
        for (String key : new String[] {"RSA", "DSA", "DiffieHellman"}) {
            for (int bits : new int[] {1024, 2048, 3072}) {
                if (shipped.decideKey(key, bits, null, Scope.ANY).allowed()
                        != imported.decideKey(key, bits, null, Scope.ANY).allowed()) {
                    differences.add(name + " key " + key + " " + bits);
                }
            }
        }
        for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1", "X25519", "secp224r1"}) {
            if (shipped.curveAllowed(curve) != imported.curveAllowed(curve)) {
                differences.add(name + " curve " + curve);
            }
        }
        tls(name, shipped, imported, TlsKind.CIPHER_SUITE, SUITES, differences);
        tls(name, shipped, imported, TlsKind.PROTOCOL, PROTOCOLS, differences);
        tls(name, shipped, imported, TlsKind.NAMED_GROUP, GROUPS, differences);
        List<String> expected =
                EXPECTED.stream().filter(e -> e.startsWith(name + " ")).sorted().toList();
        assertEquals(expected, differences.stream().sorted().toList());
    }

    private static void tls(
            String name,
            CompiledPolicy shipped,
            CompiledPolicy imported,
            TlsKind kind,
            String[] names,
            List<String> differences) {
        for (String n : names) {
            if (shipped.decideTls(kind, n).allowed()
                    != imported.decideTls(kind, n).allowed()) {
                differences.add(name + " " + kind + " " + n);
            }
        }
    }
}
