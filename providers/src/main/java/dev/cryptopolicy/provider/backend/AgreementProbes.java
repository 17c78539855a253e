package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHPublicKey;

/**
 * Probes for {@code KeyAgreement} and {@code KEM}: the RFC 5903 (ECDH P-256) and RFC 7748 (X25519,
 * X448) known answers, then two parties with generated keys must agree on the same secret; for
 * finite-field DH two generated 2048-bit parties must agree. KEMs must decapsulate what they
 * encapsulated, randomise encapsulations, and not recover the secret from a modified encapsulation.
 */
final class AgreementProbes {

    private AgreementProbes() {
    }

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        probes.add(ecdh());
        probes.add(xdh("X25519", "X25519", X25519_ALICE_PRIVATE, X25519_BOB_PUBLIC, X25519_SHARED));
        // The generic XDH name takes either curve; the X25519 vector and key pairs stand for both.
        probes.add(xdh("XDH", "X25519", X25519_ALICE_PRIVATE, X25519_BOB_PUBLIC, X25519_SHARED));
        probes.add(xdh("X448", "X448", X448_ALICE_PRIVATE, X448_BOB_PUBLIC, X448_SHARED));
        probes.add(diffieHellman());
        // JDK 24+: "ML-KEM" takes any parameter set (the generator's default is ML-KEM-768).
        probes.add(kem("ML-KEM", "ML-KEM"));
        for (String set : new String[] {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"}) {
            probes.add(kem(set, set));
        }
        probes.add(kem("DHKEM", "X25519"));
        return List.copyOf(probes);
    }

    // RFC 5903 section 8.1 (256-bit random ECP group): initiator's private i, responder's public
    // g^r, and the x-coordinate of the shared point g^ir, which is what ECDH yields.
    private static final BigInteger RFC5903_I =
            new BigInteger("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433", 16);
    private static final BigInteger RFC5903_GRX =
            new BigInteger("d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63", 16);
    private static final BigInteger RFC5903_GRY =
            new BigInteger("56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab", 16);
    private static final byte[] RFC5903_GIRX =
            unhex("d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de");

    private static Probe ecdh() {
        ECGenParameterSpec p256 = new ECGenParameterSpec("secp256r1");
        return new Probe(Feature.of("KeyAgreement", "ECDH"),
                "ECDH on P-256 (RFC 5903 section 8.1), then two generated P-256 parties agree", context -> {
                    KeyAgreement agreement = KeyAgreement.getInstance("ECDH", context.provider());
                    KeyPair first = context.keyPair("EC", p256, "P-256");
                    KeyPair second = context.keyPair("EC", p256, "P-256 second party");
                    // The curve parameters come from a generated P-256 key rather than a second source.
                    var curve = ((ECPublicKey) first.getPublic()).getParams();
                    KeyFactory factory = context.keyFactory("EC");
                    PrivateKey initiator = factory.generatePrivate(new ECPrivateKeySpec(RFC5903_I, curve));
                    PublicKey responder = factory.generatePublic(
                            new ECPublicKeySpec(new ECPoint(RFC5903_GRX, RFC5903_GRY), curve));
                    ProbeFailure.check("ECDH shared secret of RFC 5903 section 8.1",
                            agree(agreement, initiator, responder), RFC5903_GIRX);
                    twoParties(agreement, "ECDH", first, second);
                    return "ECDH matched RFC 5903 section 8.1; two generated P-256 parties agreed";
                });
    }

    // RFC 7748 section 6.1: Alice's private key, Bob's public key, the shared secret (PKCS #8 / X.509 forms).
    private static final byte[] X25519_ALICE_PRIVATE = unhex("302e020100300506032b656e04220420"
            + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] X25519_BOB_PUBLIC = unhex("302a300506032b656e032100"
            + "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] X25519_SHARED =
            unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    // RFC 7748 section 6.2.
    private static final byte[] X448_ALICE_PRIVATE = unhex("3046020100300506032b656f043a0438"
            + "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d"
            + "d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b");
    private static final byte[] X448_BOB_PUBLIC = unhex("3042300506032b656f033900"
            + "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430"
            + "27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609");
    private static final byte[] X448_SHARED = unhex("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b"
            + "b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d");

    private static Probe xdh(String algorithm, String curve, byte[] alicePrivate, byte[] bobPublic, byte[] shared) {
        String source = curve.equals("X448") ? "RFC 7748 section 6.2" : "RFC 7748 section 6.1";
        return new Probe(Feature.of("KeyAgreement", algorithm),
                algorithm + " (" + source + "), then two generated " + curve + " parties agree", context -> {
                    KeyAgreement agreement = KeyAgreement.getInstance(algorithm, context.provider());
                    KeyFactory factory = context.keyFactory(curve);
                    PrivateKey alice = factory.generatePrivate(new PKCS8EncodedKeySpec(alicePrivate));
                    PublicKey bob = factory.generatePublic(new X509EncodedKeySpec(bobPublic));
                    ProbeFailure.check(algorithm + " shared secret of " + source, agree(agreement, alice, bob), shared);
                    twoParties(agreement, algorithm, context.keyPair(curve),
                            context.keyPair(curve, null, "second party"));
                    return algorithm + " matched " + source + "; two generated " + curve + " parties agreed";
                });
    }

    private static Probe diffieHellman() {
        return new Probe(Feature.of("KeyAgreement", "DiffieHellman"),
                "DiffieHellman: two generated 2048-bit parties on the same group agree", context -> {
                    KeyAgreement agreement = KeyAgreement.getInstance("DiffieHellman", context.provider());
                    KeyPair first = context.keyPair("DiffieHellman", 2048);
                    // The second party must use the first party's group, whatever the generator chose.
                    KeyPair second = context.keyPair("DiffieHellman", ((DHPublicKey) first.getPublic()).getParams(),
                            "2048 bits second party");
                    twoParties(agreement, "DiffieHellman", first, second);
                    return "two generated 2048-bit DiffieHellman parties agreed";
                });
    }

    private static byte[] agree(KeyAgreement agreement, PrivateKey own, PublicKey peer)
            throws GeneralSecurityException {
        agreement.init(own);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private static void twoParties(KeyAgreement agreement, String algorithm, KeyPair first, KeyPair second)
            throws GeneralSecurityException, ProbeFailure {
        byte[] forFirst = agree(agreement, first.getPrivate(), second.getPublic());
        byte[] forSecond = agree(agreement, second.getPrivate(), first.getPublic());
        ProbeFailure.check(algorithm + " secret computed by the second party (the first computed "
                + Messages.hex(forFirst) + ")", forSecond, forFirst);
        ProbeFailure.require(!allZero(forFirst), algorithm + " agreed on an all-zero secret");
    }

    private static Probe kem(String algorithm, String keyPairAlgorithm) {
        return new Probe(Feature.of("KEM", algorithm), algorithm + " encapsulate/decapsulate round trip with a "
                + keyPairAlgorithm + " key pair generated by the backend", context -> {
                    KeyPair keyPair = context.keyPair(keyPairAlgorithm);
                    KemAccess.Encapsulated first =
                            KemAccess.encapsulate(algorithm, context.provider(), keyPair.getPublic());
                    SecretKey recovered = KemAccess.decapsulate(algorithm, context.provider(), keyPair.getPrivate(),
                            first.encapsulation());
                    ProbeFailure.check(algorithm + " decapsulated secret", recovered.getEncoded(),
                            first.key().getEncoded());
                    ProbeFailure.require(!allZero(first.key().getEncoded()),
                            algorithm + " produced an all-zero secret");
                    KemAccess.Encapsulated second =
                            KemAccess.encapsulate(algorithm, context.provider(), keyPair.getPublic());
                    ProbeFailure.require(!Arrays.equals(first.encapsulation(), second.encapsulation()),
                            algorithm + " produced the same encapsulation twice: "
                                    + Messages.hex(first.encapsulation()));
                    byte[] modified = first.encapsulation().clone();
                    modified[modified.length / 2] ^= 0x01;
                    byte[] fromModified;
                    try {
                        fromModified = KemAccess.decapsulate(algorithm, context.provider(), keyPair.getPrivate(),
                                modified).getEncoded();
                    } catch (GeneralSecurityException refused) {
                        fromModified = null;
                    }
                    // ML-KEM rejects implicitly (a pseudo-random secret); DHKEM may refuse the point.
                    ProbeFailure.require(!Arrays.equals(fromModified, first.key().getEncoded()),
                            algorithm + " recovered the original secret from a modified encapsulation");
                    return algorithm + " round trip passed; encapsulations were randomised and a modified one did not"
                            + " yield the secret";
                });
    }

    private static boolean allZero(byte[] bytes) {
        int or = 0;
        for (byte b : bytes) {
            or |= b;
        }
        return or == 0;
    }
}
