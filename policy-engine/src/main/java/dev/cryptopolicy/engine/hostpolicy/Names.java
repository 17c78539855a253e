package dev.cryptopolicy.engine.hostpolicy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of crypto-policies(7): its properties and the algorithm names each list property
 * accepts, in crypto-policies' own order (globs expand in this order).
 */
final class Names {

    private Names() {}

    static final List<String> CIPHERS = List.of(
            "AES-256-GCM",
            "AES-256-CCM",
            "AES-192-GCM",
            "AES-192-CCM",
            "AES-128-GCM",
            "AES-128-CCM",
            "CHACHA20-POLY1305",
            "CAMELLIA-256-GCM",
            "CAMELLIA-128-GCM",
            "AES-256-CTR",
            "AES-256-CBC",
            "AES-192-CTR",
            "AES-192-CBC",
            "AES-128-CTR",
            "AES-128-CBC",
            "CAMELLIA-256-CBC",
            "CAMELLIA-192-CBC",
            "CAMELLIA-128-CBC",
            "3DES-CBC",
            "DES-CBC",
            "RC4-40",
            "RC4-128",
            "DES40-CBC",
            "RC2-CBC",
            "IDEA-CBC",
            "SEED-CBC",
            "AES-256-CFB",
            "AES-192-CFB",
            "AES-128-CFB",
            "CAMELLIA-256-CFB",
            "CAMELLIA-192-CFB",
            "CAMELLIA-128-CFB",
            "3DES-CFB",
            "IDEA-CFB",
            "AES-256-OCB",
            "AES-192-OCB",
            "AES-128-OCB",
            "AES-256-EAX",
            "AES-128-EAX",
            "GOST28147-TC26Z-CFB",
            "GOST28147-CPA-CFB",
            "GOST28147-CPB-CFB",
            "GOST28147-CPC-CFB",
            "GOST28147-CPD-CFB",
            "GOST28147-TC26Z-CNT",
            "MAGMA-CTR-ACPKM",
            "KUZNYECHIK-CTR-ACPKM",
            "NULL");

    static final List<String> MACS = List.of(
            "AEAD",
            "UMAC-128",
            "HMAC-SHA1",
            "HMAC-SHA2-256",
            "HMAC-SHA2-384",
            "HMAC-SHA2-512",
            "UMAC-64",
            "HMAC-MD5",
            "HMAC-STREEBOG-256",
            "HMAC-STREEBOG-512",
            "GOST28147-CPA-IMIT",
            "GOST28147-TC26Z-IMIT",
            "MAGMA-OMAC",
            "KUZNYECHIK-OMAC",
            "MAGMA-OMAC-ACPKM",
            "KUZNYECHIK-OMAC-ACPKM");

    static final List<String> HASHES = List.of(
            "SHA2-256",
            "SHA2-384",
            "SHA2-512",
            "SHA3-256",
            "SHA3-384",
            "SHA3-512",
            "SHA2-224",
            "SHA3-224",
            "SHAKE-256",
            "SHAKE-128",
            "SHA1",
            "MD5",
            "STREEBOG-256",
            "STREEBOG-512",
            "GOSTR94");

    static final List<String> GROUPS = List.of(
            "MLKEM768-X25519",
            "P256-MLKEM768",
            "P384-MLKEM1024",
            "MLKEM1024-X448",
            "X25519-MLKEM512",
            "P256-MLKEM512",
            "P384-MLKEM768",
            "P521-MLKEM1024",
            "X448-MLKEM768",
            "MLKEM512",
            "MLKEM768",
            "MLKEM1024",
            "X25519",
            "SECP256R1",
            "SECP384R1",
            "SECP521R1",
            "X448",
            "FFDHE-1536",
            "FFDHE-2048",
            "FFDHE-3072",
            "FFDHE-4096",
            "FFDHE-6144",
            "FFDHE-8192",
            "FFDHE-1024",
            "GOST-GC256A",
            "GOST-GC256B",
            "GOST-GC256C",
            "GOST-GC256D",
            "GOST-GC512A",
            "GOST-GC512B",
            "GOST-GC512C",
            "BRAINPOOL-P256R1",
            "BRAINPOOL-P384R1",
            "BRAINPOOL-P512R1",
            "X25519-KYBER768",
            "P384-KYBER768");

    static final List<String> SIGNS = List.of(
            "MLDSA44",
            "MLDSA65",
            "MLDSA87",
            "MLDSA44-ED25519",
            "MLDSA65-ED25519",
            "MLDSA87-ED448",
            "MLDSA44-P256",
            "MLDSA65-P256",
            "MLDSA87-P384",
            "MLDSA44-BP256",
            "MLDSA65-BP256",
            "MLDSA87-BP384",
            "MLDSA44-RSA2048",
            "MLDSA65-RSA3072",
            "MLDSA44-PSS2048",
            "MLDSA65-PSS3072",
            "P256-MLDSA44",
            "P384-MLDSA65",
            "P521-MLDSA87",
            "RSA3072-MLDSA44",
            "FALCON512",
            "FALCON1024",
            "FALCONPADDED512",
            "FALCONPADDED1024",
            "P256-FALCON512",
            "P256-FALCONPADDED512",
            "P521-FALCON1024",
            "P521-FALCONPADDED1024",
            "RSA3072-FALCON512",
            "RSA3072-FALCONPADDED512",
            "SPHINCSSHA2128FSIMPLE",
            "SPHINCSSHA2128SSIMPLE",
            "SPHINCSSHA2192FSIMPLE",
            "SPHINCSSHAKE128FSIMPLE",
            "P256-SPHINCSSHA2128FSIMPLE",
            "P256-SPHINCSSHA2128SSIMPLE",
            "P256-SPHINCSSHAKE128FSIMPLE",
            "P384-SPHINCSSHA2192FSIMPLE",
            "RSA3072-SPHINCSSHA2128FSIMPLE",
            "RSA3072-SPHINCSSHA2128SSIMPLE",
            "RSA3072-SPHINCSSHAKE128FSIMPLE",
            "RSA-MD5",
            "RSA-SHA1",
            "DSA-SHA1",
            "ECDSA-SHA1",
            "RSA-SHA2-224",
            "DSA-SHA2-224",
            "ECDSA-SHA2-224",
            "RSA-SHA2-256",
            "DSA-SHA2-256",
            "ECDSA-SHA2-256",
            "ECDSA-SHA2-256-FIDO",
            "RSA-SHA2-384",
            "DSA-SHA2-384",
            "ECDSA-SHA2-384",
            "RSA-SHA2-512",
            "DSA-SHA2-512",
            "ECDSA-SHA2-512",
            "RSA-SHA3-224",
            "DSA-SHA3-224",
            "ECDSA-SHA3-224",
            "RSA-SHA3-256",
            "DSA-SHA3-256",
            "ECDSA-SHA3-256",
            "RSA-SHA3-384",
            "DSA-SHA3-384",
            "ECDSA-SHA3-384",
            "RSA-SHA3-512",
            "DSA-SHA3-512",
            "ECDSA-SHA3-512",
            "EDDSA-ED25519",
            "EDDSA-ED25519-FIDO",
            "EDDSA-ED448",
            "RSA-PSS-SHA1",
            "RSA-PSS-SHA2-224",
            "RSA-PSS-SHA2-256",
            "RSA-PSS-SHA2-384",
            "RSA-PSS-SHA2-512",
            "RSA-PSS-RSAE-SHA1",
            "RSA-PSS-RSAE-SHA2-224",
            "RSA-PSS-RSAE-SHA2-256",
            "RSA-PSS-RSAE-SHA2-384",
            "RSA-PSS-RSAE-SHA2-512",
            "RSA-PSS-SHA3-224",
            "RSA-PSS-SHA3-256",
            "RSA-PSS-SHA3-384",
            "RSA-PSS-SHA3-512",
            "RSA-PSS-RSAE-SHA3-256",
            "RSA-PSS-RSAE-SHA3-384",
            "RSA-PSS-RSAE-SHA3-512",
            "ECDSA-BRAINPOOLP256-SHA2-256",
            "ECDSA-BRAINPOOLP384-SHA2-384",
            "ECDSA-BRAINPOOLP512-SHA2-512",
            "GOSTR341012-512",
            "GOSTR341012-256",
            "GOSTR341001");

    static final List<String> KEY_EXCHANGES = List.of(
            "PSK",
            "DHE-PSK",
            "ECDHE-PSK",
            "RSA-PSK",
            "KEM-ECDH",
            "ECDHE",
            "RSA",
            "DHE",
            "DHE-RSA",
            "DHE-DSS",
            "EXPORT",
            "ANON",
            "DH",
            "ECDH",
            "VKO-GOST-2001",
            "VKO-GOST-2012",
            "VKO-GOST-KDF",
            "DHE-GSS",
            "ECDHE-GSS",
            "SNTRUP");

    /** TLS versions, newest first, as crypto-policies orders them. */
    static final List<String> TLS_PROTOCOLS = List.of("TLS1.3", "TLS1.2", "TLS1.1", "TLS1.0", "SSL3.0", "SSL2.0");

    static final List<String> PROTOCOLS = List.of(
            "TLS1.3", "TLS1.2", "TLS1.1", "TLS1.0", "SSL3.0", "SSL2.0", "DTLS1.2", "DTLS1.0", "DTLS0.9", "IKEv2",
            "IKEv1");

    /** The list properties, each with the names it accepts. */
    static final Map<String, List<String>> LISTS = Map.of(
            "cipher",
            CIPHERS,
            "group",
            GROUPS,
            "hash",
            HASHES,
            "key_exchange",
            KEY_EXCHANGES,
            "mac",
            MACS,
            "protocol",
            PROTOCOLS,
            "sign",
            SIGNS);

    /** The integer properties that mean something for Java. */
    static final Set<String> JAVA_INTEGERS =
            Set.of("min_rsa_size", "min_dh_size", "min_dsa_size", "min_ec_size", "sha1_in_certs");

    /** The integer properties that only other back-ends read. */
    static final Map<String, String> OTHER_INTEGERS = Map.of(
            "arbitrary_dh_groups", "GnuTLS and OpenSSL's use of non-standard DH groups",
            "ssh_certs", "OpenSSH certificates",
            "__openssl_block_sha1_signatures", "OpenSSL's SHA-1 signature switch");

    /** The enumerated properties (only other back-ends read them) and their legal values. */
    static final Map<String, List<String>> ENUMS = Map.of(
            "etm", List.of("ANY", "DISABLE_ETM", "DISABLE_NON_ETM"),
            "__ems", List.of("DEFAULT", "ENFORCE", "RELAX"));

    static final Map<String, String> ENUM_MEANING =
            Map.of("etm", "SSH encrypt-then-MAC", "__ems", "OpenSSL and GnuTLS extended master secret in FIPS mode");

    /**
     * The scopes crypto-policies' Java back-end reads: a directive scoped to any of these applies to
     * the Java view of the policy.
     */
    static final Set<String> JAVA_SCOPES = Set.of("tls", "ssl", "java-tls");

    /** Every property name, for "did you mean" hints. */
    static List<String> properties() {
        List<String> all = new java.util.ArrayList<>(LISTS.keySet());
        all.addAll(JAVA_INTEGERS);
        all.addAll(OTHER_INTEGERS.keySet());
        all.addAll(ENUMS.keySet());
        java.util.Collections.sort(all);
        return all;
    }
}
