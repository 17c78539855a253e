package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes for {@code Signature}: every algorithm signs a fixed message, verifies it, and must reject
 * a modified message and a modified signature, with a published key pair where one exists (RSA-2048
 * of {@link RsaVectors}, the EC P-256 key of RFC 6979 A.2.5, the Ed25519 and Ed448 keys of RFC
 * 8032) and otherwise with one the backend generates for the run (DSA, ML-DSA). A published key is
 * the stronger test: a backend whose signing and verifying agree with each other but not with the
 * algorithm (a wrong curve, a wrong encoding, used consistently) passes a round trip with its own
 * generated keys but not one with a key and signature made elsewhere; and no key pair is generated
 * at start-up. Where a deterministic answer exists it is checked too: PKCS #1 v1.5 signatures under
 * the fixed key (made with OpenSSL), the RFC 8032 EdDSA vectors, and verification of the RFC 6979
 * ECDSA P-256/SHA-256 signature.
 */
final class SignatureProbes {

    private static final byte[] MESSAGE = "cryptopolicy probe message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MODIFIED_MESSAGE = "cryptopolicy probe messagf".getBytes(StandardCharsets.US_ASCII);

    private SignatureProbes() {}

    /** Supplies the key pair for a probe: a published one, or the run's generated one. */
    @FunctionalInterface
    private interface Keys {
        KeyPair get(ProbeContext context) throws GeneralSecurityException, ProbeFailure;
    }

    /** A deterministic check run before the round trip; returns what it checked. */
    @FunctionalInterface
    private interface KnownAnswer {
        String check(ProbeContext context, Signature signature) throws Exception;
    }

    private static final Keys RSA_2048 = context -> RsaVectors.signingKeyPair(context.keyFactory("RSA"));
    private static final Keys EC_P256 = SignatureProbes::rfc6979KeyPair;
    private static final Keys DSA_2048 = context -> context.keyPair("DSA", 2048);
    // SHA-1 with a DSA key above 1024 bits is refused by the JDK (digest weaker than the key), so
    // the LEGACY-only SHA1withDSA gets the 1024-bit key it was defined for.
    private static final Keys DSA_1024 = context -> context.keyPair("DSA", 1024);
    private static final Keys ED25519 = SignatureProbes::rfc8032Ed25519KeyPair;
    private static final Keys ED448 = SignatureProbes::rfc8032Ed448KeyPair;
    private static final String RSA_FIXED = "fixed RSA-2048 (RsaVectors)";
    private static final String EC_FIXED = "fixed EC P-256 (RFC 6979 A.2.5)";

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        for (String digest : new String[] {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512"}) {
            String algorithm = digest + "withRSA";
            probes.add(signature(algorithm, RSA_FIXED, RSA_2048, null, pkcs1KnownAnswer(algorithm, digest)));
        }
        for (String digest :
                new String[] {"SHA512/224", "SHA512/256", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512"}) {
            probes.add(signature(digest + "withRSA", RSA_FIXED, RSA_2048, null, null));
        }
        probes.add(signature(
                "RSASSA-PSS",
                RSA_FIXED,
                RSA_2048,
                new PSSParameterSpec(
                        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC),
                null));
        for (String digest : new String[] {
            "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512"
        }) {
            String algorithm = digest + "withECDSA";
            probes.add(signature(
                    algorithm,
                    EC_FIXED,
                    EC_P256,
                    null,
                    digest.equals("SHA256") ? rfc6979KnownAnswer(algorithm, false) : null));
        }
        for (String digest : new String[] {"SHA256", "SHA384", "SHA512"}) {
            String algorithm = digest + "withECDSAinP1363Format";
            probes.add(signature(
                    algorithm,
                    EC_FIXED,
                    EC_P256,
                    null,
                    digest.equals("SHA256") ? rfc6979KnownAnswer(algorithm, true) : null));
        }
        probes.add(signature("SHA1withDSA", "generated DSA-1024", DSA_1024, null, null));
        for (String digest :
                new String[] {"SHA224", "SHA256", "SHA384", "SHA512", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512"}) {
            probes.add(signature(digest + "withDSA", "generated DSA-2048", DSA_2048, null, null));
        }
        probes.add(signature("Ed25519", "fixed Ed25519 (RFC 8032 7.1)", ED25519, null, rfc8032Ed25519("Ed25519")));
        probes.add(signature("EdDSA", "fixed Ed25519 (RFC 8032 7.1)", ED25519, null, rfc8032Ed25519("EdDSA")));
        probes.add(signature("Ed448", "fixed Ed448 (RFC 8032 7.4)", ED448, null, rfc8032Ed448()));
        // JDK 24+: "ML-DSA" takes any parameter set (the generator's default is ML-DSA-65).
        // ML-DSA keys are kilobytes and the JDK has them only from 24: generated.
        probes.add(signature(
                "ML-DSA", "generated ML-DSA (generator default)", context -> context.keyPair("ML-DSA"), null, null));
        for (String set : new String[] {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"}) {
            probes.add(signature(set, "generated " + set, context -> context.keyPair(set), null, null));
        }
        return List.copyOf(probes);
    }

    private static Probe signature(
            String algorithm,
            String keyDescription,
            Keys keys,
            AlgorithmParameterSpec parameters,
            KnownAnswer knownAnswer) {
        String description = (knownAnswer == null ? "" : "known answer, then ") + algorithm + " sign/verify with a "
                + keyDescription + " key pair, rejecting a modified message and signature";
        return new Probe(Feature.of("Signature", algorithm), description, context -> {
            Signature signature = Signature.getInstance(algorithm, context.provider());
            String known = knownAnswer == null ? "" : knownAnswer.check(context, signature) + "; ";
            KeyPair keyPair = keys.get(context);
            byte[] signed = sign(signature, keyPair.getPrivate(), parameters, MESSAGE);
            ProbeFailure.require(
                    verify(signature, keyPair.getPublic(), parameters, MESSAGE, signed),
                    algorithm + " did not verify its own signature " + Messages.hex(signed) + " with a "
                            + keyDescription + " key");
            ProbeFailure.require(
                    !verify(signature, keyPair.getPublic(), parameters, MODIFIED_MESSAGE, signed),
                    algorithm + " verified a signature over a different message");
            byte[] modified = signed.clone();
            modified[modified.length / 2] ^= 0x01;
            ProbeFailure.require(
                    !verify(signature, keyPair.getPublic(), parameters, MESSAGE, modified),
                    algorithm + " accepted a signature with one bit flipped: " + Messages.hex(modified));
            return known + algorithm + " round trip with a " + keyDescription
                    + " key passed; a modified message and a modified signature were rejected";
        });
    }

    private static byte[] sign(Signature signature, PrivateKey key, AlgorithmParameterSpec parameters, byte[] message)
            throws GeneralSecurityException {
        // Parameters before init: BCFIPS applies its default (SHA-1) PSS parameters at initSign
        // and, in approved-only mode, refuses them there.
        if (parameters != null) {
            signature.setParameter(parameters);
        }
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    /** A signature the backend refuses to parse counts as rejected, like one that does not verify. */
    private static boolean verify(
            Signature signature, PublicKey key, AlgorithmParameterSpec parameters, byte[] message, byte[] signed)
            throws GeneralSecurityException {
        if (parameters != null) {
            signature.setParameter(parameters);
        }
        signature.initVerify(key);
        signature.update(message);
        try {
            return signature.verify(signed);
        } catch (SignatureException malformed) {
            return false;
        }
    }

    /** PKCS #1 v1.5 is deterministic: the backend must produce OpenSSL's signature byte for byte. */
    private static KnownAnswer pkcs1KnownAnswer(String algorithm, String digest) {
        String expectedBase64 = switch (digest) {
            case "SHA1" -> RsaVectors.SHA1_WITH_RSA_SIGNATURE;
            case "SHA224" -> RsaVectors.SHA224_WITH_RSA_SIGNATURE;
            case "SHA256" -> RsaVectors.SHA256_WITH_RSA_SIGNATURE;
            case "SHA384" -> RsaVectors.SHA384_WITH_RSA_SIGNATURE;
            case "SHA512" -> RsaVectors.SHA512_WITH_RSA_SIGNATURE;
            default -> throw new IllegalArgumentException("No PKCS #1 vector for digest [" + digest + "]");
        };
        byte[] expected = RsaVectors.decode(expectedBase64);
        return (context, signature) -> {
            KeyPair fixed = RsaVectors.signingKeyPair(context.keyFactory("RSA"));
            ProbeFailure.check(
                    algorithm + " signature of \"abc\" under the fixed RSA-2048 key",
                    sign(signature, fixed.getPrivate(), null, RsaVectors.MESSAGE),
                    expected);
            ProbeFailure.require(
                    verify(signature, fixed.getPublic(), null, RsaVectors.MESSAGE, expected),
                    algorithm + " did not verify OpenSSL's signature of \"abc\" under the fixed RSA-2048 key");
            return algorithm + " signature of \"abc\" under a fixed RSA-2048 key matched OpenSSL's and verified";
        };
    }

    // RFC 6979 appendix A.2.5: P-256 private key x, public key U = (Ux, Uy) and the SHA-256
    // signature (r, s) of "sample"; the keys in their PKCS #8 (RFC 5915, no optional fields) and
    // X.509 forms, which name the curve by its OID, so that no curve parameters are needed.
    private static final byte[] RFC6979_PRIVATE = unhex("3041020100301306072a8648ce3d020106082a8648ce3d030107"
            + "042730250201010420" + "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    private static final byte[] RFC6979_PUBLIC = unhex("3059301306072a8648ce3d020106082a8648ce3d030107034200" + "04"
            + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
            + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
    private static final String RFC6979_R = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
    private static final String RFC6979_S = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";

    /** ECDSA signing is randomised, so the known answer is verifying a published signature. */
    private static KnownAnswer rfc6979KnownAnswer(String algorithm, boolean p1363) {
        // r and s both have the top bit set, so each DER INTEGER needs a leading zero byte.
        byte[] signed =
                p1363 ? unhex(RFC6979_R + RFC6979_S) : unhex("3046" + "022100" + RFC6979_R + "022100" + RFC6979_S);
        byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);
        return (context, signature) -> {
            PublicKey publicKey = EC_P256.get(context).getPublic();
            ProbeFailure.require(
                    verify(signature, publicKey, null, sample, signed),
                    algorithm + " did not verify the RFC 6979 A.2.5 signature of \"sample\"");
            ProbeFailure.require(
                    !verify(signature, publicKey, null, MODIFIED_MESSAGE, signed),
                    algorithm + " verified the RFC 6979 A.2.5 signature over a different message");
            return algorithm + " verified the RFC 6979 A.2.5 P-256 signature";
        };
    }

    // RFC 8032 section 7.1 TEST 1 (empty message), keys in their PKCS #8 / X.509 encodings.
    private static final byte[] ED25519_PRIVATE = unhex(
            "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] ED25519_PUBLIC =
            unhex("302a300506032b6570032100" + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] ED25519_SIGNATURE =
            unhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    // RFC 8032 section 7.4 "Blank" (empty message, empty context).
    private static final byte[] ED448_PRIVATE = unhex("3047020100300506032b6571043b0439"
            + "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3"
            + "528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b");
    private static final byte[] ED448_PUBLIC = unhex("3043300506032b6571033a00"
            + "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778ed"
            + "f124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180");
    private static final byte[] ED448_SIGNATURE =
            unhex("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f"
                    + "2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8d"
                    + "c00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600");

    private static KnownAnswer rfc8032Ed25519(String algorithm) {
        return eddsaKnownAnswer(
                algorithm, "Ed25519", "RFC 8032 7.1 TEST 1", ED25519_PRIVATE, ED25519_PUBLIC, ED25519_SIGNATURE);
    }

    private static KnownAnswer rfc8032Ed448() {
        return eddsaKnownAnswer("Ed448", "Ed448", "RFC 8032 7.4 Blank", ED448_PRIVATE, ED448_PUBLIC, ED448_SIGNATURE);
    }

    private static KeyPair rfc6979KeyPair(ProbeContext context) throws GeneralSecurityException, ProbeFailure {
        return encoded(context, "EC", RFC6979_PRIVATE, RFC6979_PUBLIC);
    }

    private static KeyPair rfc8032Ed25519KeyPair(ProbeContext context) throws GeneralSecurityException, ProbeFailure {
        return encoded(context, "Ed25519", ED25519_PRIVATE, ED25519_PUBLIC);
    }

    private static KeyPair rfc8032Ed448KeyPair(ProbeContext context) throws GeneralSecurityException, ProbeFailure {
        return encoded(context, "Ed448", ED448_PRIVATE, ED448_PUBLIC);
    }

    /** A published key pair from its PKCS #8 and X.509 encodings, decoded by the backend's key factory (or the JDK's). */
    private static KeyPair encoded(
            ProbeContext context, String keyAlgorithm, byte[] privateEncoding, byte[] publicEncoding)
            throws GeneralSecurityException, ProbeFailure {
        var factory = context.keyFactory(keyAlgorithm);
        return new KeyPair(
                factory.generatePublic(new X509EncodedKeySpec(publicEncoding)),
                factory.generatePrivate(new PKCS8EncodedKeySpec(privateEncoding)));
    }

    /** EdDSA is deterministic: the RFC's signature must come out exactly, and verify. */
    private static KnownAnswer eddsaKnownAnswer(
            String algorithm,
            String keyAlgorithm,
            String source,
            byte[] privateEncoding,
            byte[] publicEncoding,
            byte[] expected) {
        return (context, signature) -> {
            var factory = context.keyFactory(keyAlgorithm);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateEncoding));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicEncoding));
            ProbeFailure.check(
                    algorithm + " signature of the empty message (" + source + ")",
                    sign(signature, privateKey, null, new byte[0]),
                    expected);
            ProbeFailure.require(
                    verify(signature, publicKey, null, new byte[0], expected),
                    algorithm + " did not verify the " + source + " signature");
            return algorithm + " signature matched " + source + " and verified";
        };
    }
}
