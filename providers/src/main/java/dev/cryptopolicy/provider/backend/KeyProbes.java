package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.interfaces.DHKey;
import javax.crypto.spec.DESedeKeySpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Probes for key material services: {@code KeyPairGenerator} (size and encodings of a generated
 * pair), {@code KeyFactory} (X.509 and PKCS #8 encodings decode and re-encode unchanged),
 * {@code KeyGenerator} (size, and two keys differ) and {@code SecretKeyFactory} (PBKDF2 vectors
 * from RFC 6070 and OpenSSL, and DESede key translation).
 */
final class KeyProbes {

    private KeyProbes() {}

    /**
     * What a generated pair must look like, beyond having X.509 and PKCS #8 encodings: a size
     * measured one way or another, or a fixed encoded length. A switch rather than one lambda per
     * key type, as each lambda spins a class at the first key lookup of a JVM.
     */
    private static final class Shape {
        private enum Measure {
            RSA_MODULUS,
            EC_FIELD,
            DSA_PRIME,
            DH_PRIME,
            ENCODED_LENGTH,
            ENCODINGS
        }

        private final Measure measure;
        private final int expected;

        private Shape(Measure measure, int expected) {
            this.measure = measure;
            this.expected = expected;
        }

        /** Returns a description of the checked property, or throws if the pair has the wrong shape. */
        String check(KeyPair pair) throws ProbeFailure {
            switch (measure) {
                case RSA_MODULUS:
                    return bits(pair, "modulus", rsaBits(pair), expected);
                case EC_FIELD:
                    return bits(
                            pair,
                            "field",
                            ((ECKey) pair.getPublic())
                                    .getParams()
                                    .getCurve()
                                    .getField()
                                    .getFieldSize(),
                            expected);
                case DSA_PRIME:
                    return bits(
                            pair,
                            "prime p",
                            ((DSAKey) pair.getPublic()).getParams().getP().bitLength(),
                            expected);
                case DH_PRIME:
                    return bits(
                            pair,
                            "prime p",
                            ((DHKey) pair.getPublic()).getParams().getP().bitLength(),
                            expected);
                case ENCODED_LENGTH:
                    return encodedLength(pair, expected);
                case ENCODINGS:
                    return "encodings present";
                default:
                    throw new AssertionError(measure);
            }
        }
    }

    /** The key pair generators (and key factories) probed, with the parameters each is asked for. */
    private record PairSpec(String algorithm, Integer bits, AlgorithmParameterSpec spec, String label, Shape shape) {}

    private static List<PairSpec> pairSpecs() {
        ECGenParameterSpec p256 = new ECGenParameterSpec("secp256r1");
        Shape rsa2048 = new Shape(Shape.Measure.RSA_MODULUS, 2048);
        Shape ed25519 = new Shape(Shape.Measure.ENCODED_LENGTH, 44);
        List<PairSpec> specs = new ArrayList<>();
        specs.add(new PairSpec("RSA", 2048, null, null, rsa2048));
        specs.add(new PairSpec("RSASSA-PSS", 2048, null, null, rsa2048));
        specs.add(new PairSpec("EC", null, p256, "P-256", new Shape(Shape.Measure.EC_FIELD, 256)));
        specs.add(new PairSpec("DSA", 2048, null, null, new Shape(Shape.Measure.DSA_PRIME, 2048)));
        specs.add(new PairSpec("DiffieHellman", 2048, null, null, new Shape(Shape.Measure.DH_PRIME, 2048)));
        // RFC 8410 encodings have fixed lengths: 12 header bytes plus the raw public key.
        specs.add(new PairSpec("Ed25519", null, null, null, ed25519));
        specs.add(new PairSpec("Ed448", null, null, null, new Shape(Shape.Measure.ENCODED_LENGTH, 69)));
        // The generic names have no default curve in every provider (BCFIPS: "generator not
        // correctly initialized"), so the curve is named.
        specs.add(new PairSpec("EdDSA", null, NamedParameterSpec.ED25519, "Ed25519", ed25519));
        specs.add(new PairSpec("X25519", null, null, null, ed25519));
        specs.add(new PairSpec("X448", null, null, null, new Shape(Shape.Measure.ENCODED_LENGTH, 68)));
        specs.add(new PairSpec("XDH", null, NamedParameterSpec.X25519, "X25519", ed25519));
        Shape encodings = new Shape(Shape.Measure.ENCODINGS, 0);
        for (String set : new String[] {
            "ML-DSA", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "ML-KEM", "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"
        }) {
            specs.add(new PairSpec(set, null, null, null, encodings));
        }
        return specs;
    }

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        for (PairSpec spec : pairSpecs()) {
            probes.add(keyPairGenerator(spec));
        }
        for (PairSpec spec : pairSpecs()) {
            probes.add(keyFactory(spec));
        }
        probes.add(keyGenerator("AES", new int[] {128, 256}));
        probes.add(keyGenerator("ChaCha20", new int[] {256}));
        // DESede keys are 24 bytes whatever the (112 or 168) effective strength asked for.
        probes.add(keyGenerator("DESede", new int[0]));
        for (String mac : new String[] {
            "HmacSHA1",
            "HmacSHA224",
            "HmacSHA256",
            "HmacSHA384",
            "HmacSHA512",
            "HmacSHA3-224",
            "HmacSHA3-256",
            "HmacSHA3-384",
            "HmacSHA3-512"
        }) {
            probes.add(keyGenerator(mac, new int[0]));
        }
        // RFC 6070 test 5 inputs (24-byte password, 36-byte salt), acceptable to a FIPS module in
        // approved-only mode. Only the SHA-1 value (4096 iterations) is in RFC 6070; the SHA-2
        // values were computed with OpenSSL 3.0 at 1000 iterations (SP 800-132's floor), which
        // keeps the cold-JVM cost of five derivations down.
        probes.add(pbkdf2(
                "PBKDF2WithHmacSHA1", "RFC 6070 test 5", 4096, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"));
        probes.add(pbkdf2(
                "PBKDF2WithHmacSHA224",
                "RFC 6070 test 5 inputs at 1000 iterations",
                1000,
                "e93bc0d03e4b30aa4a6d6972ff4a7c084e16346fb58923b18756b381e044da5c6ab2ab8dd2ae2d25"));
        probes.add(pbkdf2(
                "PBKDF2WithHmacSHA256",
                "RFC 6070 test 5 inputs at 1000 iterations",
                1000,
                "4610df202292270a7613e4723f6e8d1e513fb62caba8fb8a0168293411f2896cc4daad9e2b12273c"));
        probes.add(pbkdf2(
                "PBKDF2WithHmacSHA384",
                "RFC 6070 test 5 inputs at 1000 iterations",
                1000,
                "4ead12bc0677849d57ea9343ad48f11865f6737d8338b0aa63ace945d3719b4d409225e3d6856edd"));
        probes.add(pbkdf2(
                "PBKDF2WithHmacSHA512",
                "RFC 6070 test 5 inputs at 1000 iterations",
                1000,
                "0e28f3efa802a2f0cd3b4ace5e3d9afadb7c2dccc5ef10eedb8a6564dfb0c9a63b6f46b1e150587b"));
        probes.add(desedeKeyFactory());
        return List.copyOf(probes);
    }

    private static KeyPair generated(ProbeContext context, PairSpec spec) throws ProbeFailure {
        if (spec.bits() != null) {
            return context.keyPair(spec.algorithm(), spec.bits());
        }
        if (spec.spec() == null) {
            return context.keyPair(spec.algorithm());
        }
        return context.keyPair(spec.algorithm(), spec.spec(), spec.label());
    }

    private static String describe(PairSpec spec) {
        return spec.algorithm()
                + (spec.bits() != null ? " " + spec.bits() + "-bit" : spec.label() != null ? " " + spec.label() : "");
    }

    private static Probe keyPairGenerator(PairSpec spec) {
        String what = describe(spec);
        return new Probe(
                Feature.of("KeyPairGenerator", spec.algorithm()),
                "generate a " + what + " key pair; check its size and X.509/PKCS #8 encodings",
                new GeneratePair(spec, what));
    }

    /** {@link #keyPairGenerator}'s body: a named class, as each lambda spins a class at its first use. */
    private static final class GeneratePair implements ProbeBody {
        private final PairSpec spec;
        private final String what;

        GeneratePair(PairSpec spec, String what) {
            this.spec = spec;
            this.what = what;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyPair pair = generated(context, spec);
            checkEncodings(what, pair);
            return "generated a " + what + " key pair: " + spec.shape().check(pair) + ", X.509/PKCS #8 encoded";
        }
    }

    private static Probe keyFactory(PairSpec spec) {
        String what = describe(spec);
        return new Probe(
                Feature.of("KeyFactory", spec.algorithm()),
                "decode and re-encode the X.509/PKCS #8 encodings of a generated " + what + " key pair",
                new Reencode(spec, what));
    }

    /** {@link #keyFactory}'s body. */
    private static final class Reencode implements ProbeBody {
        private final PairSpec spec;
        private final String what;

        Reencode(PairSpec spec, String what) {
            this.spec = spec;
            this.what = what;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyFactory factory = KeyFactory.getInstance(spec.algorithm(), context.provider());
            KeyPair pair = generated(context, spec);
            checkEncodings(what, pair);
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(pair.getPublic().getEncoded()));
            ProbeFailure.check(
                    what + " public key re-encoded after decoding",
                    publicKey.getEncoded(),
                    pair.getPublic().getEncoded());
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
            ProbeFailure.require(
                    Arrays.equals(privateKey.getEncoded(), pair.getPrivate().getEncoded()),
                    what + " private key changed when decoded and re-encoded ("
                            + pair.getPrivate().getEncoded().length + " bytes in, "
                            + privateKey.getEncoded().length + " bytes out)");
            return what + " public and private keys decoded and re-encoded unchanged";
        }
    }

    private static void checkEncodings(String what, KeyPair pair) throws ProbeFailure {
        ProbeFailure.require(pair.getPublic() != null && pair.getPrivate() != null, what + " key pair is incomplete");
        ProbeFailure.require(
                "X.509".equals(pair.getPublic().getFormat()) && nonEmpty(pair.getPublic()),
                what + " public key has format " + pair.getPublic().getFormat() + ", expected a non-empty X.509");
        ProbeFailure.require(
                "PKCS#8".equals(pair.getPrivate().getFormat()) && nonEmpty(pair.getPrivate()),
                what + " private key has format " + pair.getPrivate().getFormat() + ", expected a non-empty PKCS#8");
    }

    private static boolean nonEmpty(Key key) {
        byte[] encoded = key.getEncoded();
        return encoded != null && encoded.length > 0;
    }

    private static int rsaBits(KeyPair pair) throws ProbeFailure {
        ProbeFailure.require(
                ((RSAKey) pair.getPublic()).getModulus().equals(((RSAKey) pair.getPrivate()).getModulus()),
                "RSA public and private keys have different moduli");
        return ((RSAKey) pair.getPublic()).getModulus().bitLength();
    }

    private static String bits(KeyPair pair, String what, int actual, int expected) throws ProbeFailure {
        ProbeFailure.require(
                actual == expected,
                pair.getPublic().getAlgorithm() + " key " + what + " is " + actual + " bits, expected " + expected);
        return what + " of " + actual + " bits";
    }

    private static String encodedLength(KeyPair pair, int... allowed) throws ProbeFailure {
        int length = pair.getPublic().getEncoded().length;
        for (int ok : allowed) {
            if (length == ok) {
                return "public key encoding of " + length + " bytes";
            }
        }
        throw new ProbeFailure(pair.getPublic().getAlgorithm() + " public key encoding is " + length
                + " bytes, expected " + Arrays.toString(allowed));
    }

    private static Probe keyGenerator(String algorithm, int[] sizes) {
        return new Probe(
                Feature.of("KeyGenerator", algorithm),
                "generate " + algorithm + " keys"
                        + (sizes.length == 0 ? "" : " of " + Arrays.toString(sizes) + " bits")
                        + "; check size, format, and that two keys differ",
                new TwoKeys(algorithm, sizes));
    }

    /** {@link #keyGenerator}'s body. */
    private static final class TwoKeys implements ProbeBody {
        private final String algorithm;
        private final int[] sizes;

        TwoKeys(String algorithm, int[] sizes) {
            this.algorithm = algorithm;
            this.sizes = sizes;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm, context.provider());
            SecureRandom random = ProbeContext.ownRandom(context.provider());
            StringBuilder checked = new StringBuilder();
            if (sizes.length == 0) {
                if (random != null) {
                    generator.init(random);
                }
                int bytes = twoKeys(generator, algorithm, -1);
                checked.append(bytes * 8).append("-bit");
            }
            for (int size : sizes) {
                if (random == null) {
                    generator.init(size);
                } else {
                    generator.init(size, random);
                }
                twoKeys(generator, algorithm, size / 8);
                checked.append(checked.length() == 0 ? "" : " and ")
                        .append(size)
                        .append("-bit");
            }
            return "generated distinct " + checked + " " + algorithm + " keys";
        }
    }

    /** Two keys of the expected length (or, when -1, at least 112 bits), raw-encoded and different. */
    private static int twoKeys(KeyGenerator generator, String algorithm, int expectedBytes) throws ProbeFailure {
        SecretKey first = generator.generateKey();
        SecretKey second = generator.generateKey();
        byte[] one = first.getEncoded();
        byte[] two = second.getEncoded();
        ProbeFailure.require(
                one != null && "RAW".equalsIgnoreCase(first.getFormat()),
                algorithm + " key has format " + first.getFormat() + ", expected RAW");
        if (expectedBytes >= 0) {
            ProbeFailure.require(
                    one.length == expectedBytes,
                    algorithm + " key is " + one.length + " bytes, expected " + expectedBytes);
        } else {
            ProbeFailure.require(one.length >= 14, algorithm + " key is only " + one.length + " bytes");
        }
        ProbeFailure.require(
                !Arrays.equals(one, two), algorithm + " generated the same key twice: " + Messages.hex(one));
        return one.length;
    }

    private static Probe pbkdf2(String algorithm, String source, int iterations, String expectedHex) {
        byte[] expected = unhex(expectedHex);
        char[] password = "passwordPASSWORDpassword".toCharArray();
        byte[] salt = "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII);
        return new Probe(
                Feature.of("SecretKeyFactory", algorithm),
                algorithm + " (" + source + ")",
                new Pbkdf2(algorithm, source, iterations, expected, password, salt));
    }

    /** {@link #pbkdf2}'s body. */
    private static final class Pbkdf2 implements ProbeBody {
        private final String algorithm;
        private final String source;
        private final int iterations;
        private final byte[] expected;
        private final char[] password;
        private final byte[] salt;

        Pbkdf2(String algorithm, String source, int iterations, byte[] expected, char[] password, byte[] salt) {
            this.algorithm = algorithm;
            this.source = source;
            this.iterations = iterations;
            this.expected = expected;
            this.password = password;
            this.salt = salt;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm, context.provider());
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
            try {
                ProbeFailure.check(
                        algorithm + " of the " + source + " password and salt",
                        factory.generateSecret(spec).getEncoded(),
                        expected);
            } finally {
                spec.clearPassword();
            }
            return algorithm + " derived key matched " + source;
        }
    }

    private static Probe desedeKeyFactory() {
        // SP 800-67 example key (each byte already has odd parity).
        byte[] key = unhex("0123456789abcdef23456789abcdef01456789abcdef0123");
        return new Probe(
                Feature.of("SecretKeyFactory", "DESede"),
                "translate a DESedeKeySpec to a key and back (SP 800-67 example key)",
                new TranslateDesede(key));
    }

    /** {@link #desedeKeyFactory}'s body. */
    private static final class TranslateDesede implements ProbeBody {
        private final byte[] key;

        TranslateDesede(byte[] key) {
            this.key = key;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("DESede", context.provider());
            SecretKey secret = factory.generateSecret(new DESedeKeySpec(key));
            ProbeFailure.check("DESede key from DESedeKeySpec", secret.getEncoded(), key);
            DESedeKeySpec back =
                    (DESedeKeySpec) factory.getKeySpec(new SecretKeySpec(key, "DESede"), DESedeKeySpec.class);
            ProbeFailure.check("DESedeKeySpec from a DESede key", back.getKey(), key);
            return "DESede keys translated both ways unchanged";
        }
    }
}
