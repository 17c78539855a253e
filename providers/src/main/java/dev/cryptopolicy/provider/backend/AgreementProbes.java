package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
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
 * X448) known answers, computed by each of the two published parties with the other's public key,
 * so that both directions must yield the published secret (stronger than two generated parties
 * agreeing with each other, which a backend computing the wrong function consistently also does,
 * and no key pair is generated); for finite-field DH, which has no published pair in the suite, two
 * generated 2048-bit parties must agree. KEMs must decapsulate what they
 * encapsulated, randomise encapsulations, and not recover the secret from a modified encapsulation.
 */
final class AgreementProbes {

    private AgreementProbes() {}

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        probes.add(ecdh());
        probes.add(xdh("X25519", "X25519"));
        // The generic XDH name takes either curve; the X25519 vector stands for both.
        probes.add(xdh("XDH", "X25519"));
        probes.add(xdh("X448", "X448"));
        probes.add(diffieHellman());
        // JDK 24+: "ML-KEM" takes any parameter set (the generator's default is ML-KEM-768).
        probes.add(kem("ML-KEM", "ML-KEM"));
        for (String set : new String[] {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"}) {
            probes.add(kem(set, set));
        }
        probes.add(kem("DHKEM", "X25519"));
        return List.copyOf(probes);
    }

    // RFC 5903 section 8.1 (256-bit random ECP group): initiator's private i and public g^i,
    // responder's private r and public g^r, and the x-coordinate of the shared point g^ir, which is
    // what ECDH yields. Keys in their PKCS #8 (RFC 5915, no optional fields) and X.509 forms, which
    // name the curve by its OID.
    private static final String P256_PKCS8 = "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420";
    private static final String P256_X509 = "3059301306072a8648ce3d020106082a8648ce3d030107034200" + "04";
    private static final byte[] RFC5903_I =
            unhex(P256_PKCS8 + "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433");
    private static final byte[] RFC5903_GI =
            unhex(P256_X509 + "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
                    + "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3");
    private static final byte[] RFC5903_R =
            unhex(P256_PKCS8 + "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53");
    private static final byte[] RFC5903_GR =
            unhex(P256_X509 + "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
                    + "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab");
    private static final byte[] RFC5903_GIRX =
            unhex("d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de");

    private static Probe ecdh() {
        return published(
                "ECDH", "EC", "RFC 5903 section 8.1", RFC5903_I, RFC5903_GI, RFC5903_R, RFC5903_GR, RFC5903_GIRX);
    }

    // RFC 7748 section 6.1: Alice's and Bob's private and public keys, the shared secret (PKCS #8 / X.509 forms).
    private static final byte[] X25519_ALICE_PRIVATE = unhex(
            "302e020100300506032b656e04220420" + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] X25519_ALICE_PUBLIC =
            unhex("302a300506032b656e032100" + "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] X25519_BOB_PRIVATE = unhex(
            "302e020100300506032b656e04220420" + "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] X25519_BOB_PUBLIC =
            unhex("302a300506032b656e032100" + "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] X25519_SHARED =
            unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    // RFC 7748 section 6.2.
    private static final byte[] X448_ALICE_PRIVATE = unhex("3046020100300506032b656f043a0438"
            + "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d"
            + "d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b");
    private static final byte[] X448_ALICE_PUBLIC = unhex("3042300506032b656f033900"
            + "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c"
            + "22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0");
    private static final byte[] X448_BOB_PRIVATE = unhex("3046020100300506032b656f043a0438"
            + "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d"
            + "6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d");
    private static final byte[] X448_BOB_PUBLIC = unhex("3042300506032b656f033900"
            + "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430"
            + "27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609");
    private static final byte[] X448_SHARED = unhex("07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b"
            + "b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d");

    private static Probe xdh(String algorithm, String curve) {
        return curve.equals("X448")
                ? published(
                        algorithm,
                        curve,
                        "RFC 7748 section 6.2",
                        X448_ALICE_PRIVATE,
                        X448_ALICE_PUBLIC,
                        X448_BOB_PRIVATE,
                        X448_BOB_PUBLIC,
                        X448_SHARED)
                : published(
                        algorithm,
                        curve,
                        "RFC 7748 section 6.1",
                        X25519_ALICE_PRIVATE,
                        X25519_ALICE_PUBLIC,
                        X25519_BOB_PRIVATE,
                        X25519_BOB_PUBLIC,
                        X25519_SHARED);
    }

    /** Both published parties, each with the other's public key, must compute the published secret. */
    private static Probe published(
            String algorithm,
            String keyAlgorithm,
            String source,
            byte[] firstPrivate,
            byte[] firstPublic,
            byte[] secondPrivate,
            byte[] secondPublic,
            byte[] shared) {
        return new Probe(
                Feature.of("KeyAgreement", algorithm),
                algorithm + " (" + source + "), computed by each of its two parties",
                new Published(
                        algorithm,
                        keyAlgorithm,
                        source,
                        firstPrivate,
                        firstPublic,
                        secondPrivate,
                        secondPublic,
                        shared));
    }

    /** {@link #published}'s body: a named class, as each lambda spins a class at its first use. */
    private static final class Published implements ProbeBody {
        private final String algorithm;
        private final String keyAlgorithm;
        private final String source;
        private final byte[] firstPrivate;
        private final byte[] firstPublic;
        private final byte[] secondPrivate;
        private final byte[] secondPublic;
        private final byte[] shared;

        Published(
                String algorithm,
                String keyAlgorithm,
                String source,
                byte[] firstPrivate,
                byte[] firstPublic,
                byte[] secondPrivate,
                byte[] secondPublic,
                byte[] shared) {
            this.algorithm = algorithm;
            this.keyAlgorithm = keyAlgorithm;
            this.source = source;
            this.firstPrivate = firstPrivate;
            this.firstPublic = firstPublic;
            this.secondPrivate = secondPrivate;
            this.secondPublic = secondPublic;
            this.shared = shared;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyAgreement agreement = KeyAgreement.getInstance(algorithm, context.provider());
            KeyFactory factory = context.keyFactory(keyAlgorithm);
            PrivateKey first = factory.generatePrivate(new PKCS8EncodedKeySpec(firstPrivate));
            PrivateKey second = factory.generatePrivate(new PKCS8EncodedKeySpec(secondPrivate));
            ProbeFailure.check(
                    algorithm + " shared secret of " + source + " (first party)",
                    agree(agreement, first, factory.generatePublic(new X509EncodedKeySpec(secondPublic))),
                    shared);
            ProbeFailure.check(
                    algorithm + " shared secret of " + source + " (second party)",
                    agree(agreement, second, factory.generatePublic(new X509EncodedKeySpec(firstPublic))),
                    shared);
            // A backend answering with the published secret whatever the keys must not pass:
            // another peer (the first party's own public key) gives another secret.
            byte[] other = agree(agreement, first, factory.generatePublic(new X509EncodedKeySpec(firstPublic)));
            ProbeFailure.require(
                    !Arrays.equals(other, shared) && !allZero(other),
                    algorithm + " gave " + Messages.hex(other) + " for another peer's public key");
            return algorithm + " matched " + source + " for both parties; another peer gave another secret";
        }
    }

    private static Probe diffieHellman() {
        return new Probe(
                Feature.of("KeyAgreement", "DiffieHellman"),
                "DiffieHellman: two generated 2048-bit parties on the same group agree",
                new DiffieHellman());
    }

    /** {@link #diffieHellman}'s body. */
    private static final class DiffieHellman implements ProbeBody {

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyAgreement agreement = KeyAgreement.getInstance("DiffieHellman", context.provider());
            KeyPair first = context.keyPair("DiffieHellman", 2048);
            // The second party must use the first party's group, whatever the generator chose.
            KeyPair second = context.keyPair(
                    "DiffieHellman", ((DHPublicKey) first.getPublic()).getParams(), "2048 bits second party");
            twoParties(agreement, "DiffieHellman", first, second);
            return "two generated 2048-bit DiffieHellman parties agreed";
        }
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
        ProbeFailure.check(
                algorithm + " secret computed by the second party (the first computed " + Messages.hex(forFirst) + ")",
                forSecond,
                forFirst);
        ProbeFailure.require(!allZero(forFirst), algorithm + " agreed on an all-zero secret");
    }

    private static Probe kem(String algorithm, String keyPairAlgorithm) {
        return new Probe(
                Feature.of("KEM", algorithm),
                algorithm + " encapsulate/decapsulate round trip with a " + keyPairAlgorithm
                        + " key pair generated by the backend",
                new Kem(algorithm, keyPairAlgorithm));
    }

    /** {@link #kem}'s body. */
    private static final class Kem implements ProbeBody {
        private final String algorithm;
        private final String keyPairAlgorithm;

        Kem(String algorithm, String keyPairAlgorithm) {
            this.algorithm = algorithm;
            this.keyPairAlgorithm = keyPairAlgorithm;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyPair keyPair = context.keyPair(keyPairAlgorithm);
            KemAccess.Encapsulated first = KemAccess.encapsulate(algorithm, context.provider(), keyPair.getPublic());
            SecretKey recovered =
                    KemAccess.decapsulate(algorithm, context.provider(), keyPair.getPrivate(), first.encapsulation());
            ProbeFailure.check(
                    algorithm + " decapsulated secret",
                    recovered.getEncoded(),
                    first.key().getEncoded());
            ProbeFailure.require(!allZero(first.key().getEncoded()), algorithm + " produced an all-zero secret");
            KemAccess.Encapsulated second = KemAccess.encapsulate(algorithm, context.provider(), keyPair.getPublic());
            ProbeFailure.require(
                    !Arrays.equals(first.encapsulation(), second.encapsulation()),
                    algorithm + " produced the same encapsulation twice: " + Messages.hex(first.encapsulation()));
            byte[] modified = first.encapsulation().clone();
            modified[modified.length / 2] ^= 0x01;
            byte[] fromModified;
            try {
                fromModified = KemAccess.decapsulate(algorithm, context.provider(), keyPair.getPrivate(), modified)
                        .getEncoded();
            } catch (GeneralSecurityException refused) {
                fromModified = null;
            }
            // ML-KEM rejects implicitly (a pseudo-random secret); DHKEM may refuse the point.
            ProbeFailure.require(
                    !Arrays.equals(fromModified, first.key().getEncoded()),
                    algorithm + " recovered the original secret from a modified encapsulation");
            return algorithm + " round trip passed; encapsulations were randomised and a modified one did not"
                    + " yield the secret";
        }
    }

    private static boolean allZero(byte[] bytes) {
        int or = 0;
        for (byte b : bytes) {
            or |= b;
        }
        return or == 0;
    }
}
