package dev.cryptopolicy.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link PolicySource} so engine tests do not depend on the shipped files. */
final class TestPolicies implements PolicySource {
    private final Map<String, String> files = new HashMap<>();

    static final String BASE = String.join(
            "\n",
            "kind: policy",
            "name: BASE",
            "algorithms:",
            "  MessageDigest: [SHA-2, SHA-3, SHA-1]",
            "  Mac: [HmacSHA2, HmacSHA1]",
            "  Cipher: [AES/GCM/NoPadding, AES_128/GCM/NoPadding, AES_256/GCM/NoPadding, AES/CBC/PKCS5Padding, ChaCha20-Poly1305]",
            "  Signature: [SHA*withRSA, SHA*withECDSA, RSASSA-PSS, Ed25519]",
            "  KeyPairGenerator: [RSA, EC, Ed25519, X25519]",
            "  KeyAgreement: [ECDH, X25519]",
            "  KeyFactory: [RSA, EC, Ed25519, X25519]",
            "  KeyGenerator: [AES, HmacSHA256]",
            "keys:",
            "  rsa: {min_bits: 2048}",
            "  ec: {min_bits: 256, curves: [secp256r1, secp384r1, X25519, Ed25519]}",
            "sha1:",
            "  signatures: deny",
            "tls:",
            "  min_protocol: TLSv1.2",
            "");

    TestPolicies with(String name, String yaml) {
        files.put(name, yaml);
        return this;
    }

    static TestPolicies standard() {
        return new TestPolicies()
                .with("BASE", BASE)
                .with("NO-SHA1", "kind: modifier\nalgorithms:\n  MessageDigest: [-SHA1]\n  Mac: [-SHA1]\n")
                .with("BIG-RSA", "kind: modifier\nkeys:\n  rsa: {min_bits: 3072}\n")
                .with("AUDIT", "kind: modifier\nmode: audit\n");
    }

    PolicyLoader loader() {
        return new PolicyLoader(this);
    }

    @Override
    public Optional<byte[]> read(String name) {
        String yaml = files.get(name);
        return yaml == null ? Optional.empty() : Optional.of(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(files.keySet());
    }
}
