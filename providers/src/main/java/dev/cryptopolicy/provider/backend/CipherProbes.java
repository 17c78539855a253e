package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Known-answer probes for {@code Cipher}: NIST SP 800-38A/38C, the GCM specification, FIPS 197,
 * SP 800-67, RFC 8439, RFC 3394 and RFC 5649 vectors, each encrypted and decrypted; for AEAD modes
 * a modified tag must be rejected. RSA encryption is checked by unwrapping ciphertexts made by
 * OpenSSL with a fixed key ({@link RsaVectors}) and by a wrap/unwrap round trip.
 */
final class CipherProbes {

    // NIST SP 800-38A, appendix F: AES-128 key and the four-block plaintext shared by F.1-F.5.
    private static final byte[] SP800_38A_KEY = unhex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] SP800_38A_PLAINTEXT = unhex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710");
    private static final byte[] SP800_38A_CBC_IV = unhex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SP800_38A_CBC_CIPHERTEXT = unhex("7649abac8119b246cee98e9b12e9197d"
            + "5086cb9b507219ee95db113a917678b2 73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7");

    // SP 800-67 Rev. 1 example: three distinct DES keys, "The qufck brown fox jump".
    private static final byte[] TDEA_KEY = unhex("0123456789abcdef 23456789abcdef01 456789abcdef0123");
    private static final byte[] TDEA_PLAINTEXT = "The qufck brown fox jump".getBytes(StandardCharsets.US_ASCII);

    private CipherProbes() {}

    static List<Probe> all() {
        return List.of(
                // "The Galois/Counter Mode of Operation" (McGrew, Viega), test case 4.
                aead(
                        "AES/GCM/NoPadding",
                        "GCM specification test case 4",
                        "AES",
                        unhex("feffe9928665731c6d6a8f9467308308"),
                        new GCMParameterSpec(128, unhex("cafebabefacedbaddecaf888")),
                        unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
                        unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"),
                        unhex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
                                + "5bc94fbc3221a5db94fae95ae7121a47")),
                // NIST SP 800-38C, appendix C, example 3 (64-bit tag); GCMParameterSpec is the
                // JCA's carrier for (tag length, nonce) in CCM too.
                aead(
                        "AES/CCM/NoPadding",
                        "SP 800-38C example 3",
                        "AES",
                        unhex("404142434445464748494a4b4c4d4e4f"),
                        new GCMParameterSpec(64, unhex("101112131415161718191a1b")),
                        unhex("000102030405060708090a0b0c0d0e0f10111213"),
                        unhex("202122232425262728292a2b2c2d2e2f3031323334353637"),
                        unhex("e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951")),
                // RFC 8439, section 2.8.2.
                aead(
                        "ChaCha20-Poly1305",
                        "RFC 8439 section 2.8.2",
                        "ChaCha20",
                        unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"),
                        new IvParameterSpec(unhex("070000004041424344454647")),
                        unhex("50515253c0c1c2c3c4c5c6c7"),
                        ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                                        + "future, sunscreen would be it.")
                                .getBytes(StandardCharsets.US_ASCII),
                        unhex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                                + "3ff4def08e4b7a9de576d26586cec64b6116"
                                + "1ae10b594f09e26a7e902ecbd0600691")),
                plain(
                        "AES/CBC/NoPadding",
                        "SP 800-38A F.2.1",
                        "AES",
                        SP800_38A_KEY,
                        new IvParameterSpec(SP800_38A_CBC_IV),
                        SP800_38A_PLAINTEXT,
                        SP800_38A_CBC_CIPHERTEXT),
                // F.2.1 plus one block of PKCS #5 padding (0x10 x 16), computed with OpenSSL 3.0.
                plain(
                        "AES/CBC/PKCS5Padding",
                        "SP 800-38A F.2.1 with PKCS #5 padding",
                        "AES",
                        SP800_38A_KEY,
                        new IvParameterSpec(SP800_38A_CBC_IV),
                        SP800_38A_PLAINTEXT,
                        concat(SP800_38A_CBC_CIPHERTEXT, unhex("8cb82807230e1321d3fae00d18cc2012"))),
                plain(
                        "AES/CTR/NoPadding",
                        "SP 800-38A F.5.1",
                        "AES",
                        SP800_38A_KEY,
                        new IvParameterSpec(unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")),
                        SP800_38A_PLAINTEXT,
                        unhex("874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff"
                                + "5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee")),
                aesEcb(),
                plain(
                        "DESede/ECB/NoPadding",
                        "SP 800-67 example",
                        "DESede",
                        TDEA_KEY,
                        null,
                        TDEA_PLAINTEXT,
                        unhex("a826fd8ce53b855f cce21c8112256fe6 68d5c05dd9b6b900")),
                // SP 800-67 key and message, CBC with IV 0001..07 and PKCS #5 padding, computed with OpenSSL 3.0.
                plain(
                        "DESede/CBC/PKCS5Padding",
                        "SP 800-67 example inputs in CBC mode",
                        "DESede",
                        TDEA_KEY,
                        new IvParameterSpec(unhex("0001020304050607")),
                        TDEA_PLAINTEXT,
                        unhex("f368d06f3bbd614e 60f2d0245cad3f81 8d5c69f2cb3fd5c7 efa5066e2c4e03b9")),
                // RFC 3394 section 4.1: 128-bit key data with a 128-bit KEK.
                wrap(
                        "AESWrap",
                        "RFC 3394 section 4.1",
                        unhex("000102030405060708090a0b0c0d0e0f"),
                        unhex("00112233445566778899aabbccddeeff"),
                        "AES",
                        unhex("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5")),
                wrap(
                        "AES/KW/NoPadding",
                        "RFC 3394 section 4.1",
                        unhex("000102030405060708090a0b0c0d0e0f"),
                        unhex("00112233445566778899aabbccddeeff"),
                        "AES",
                        unhex("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5")),
                // RFC 5649 section 6: 20 octets of key data with a 192-bit KEK. The 20-byte key is
                // typed as an HMAC key because an AES key of that length is rightly refused.
                wrap(
                        "AESWrapPad",
                        "RFC 5649 section 6",
                        unhex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"),
                        unhex("c37b7e6492584340bed12207808941155068f738"),
                        "HmacSHA256",
                        unhex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")),
                wrap(
                        "AES/KWP/NoPadding",
                        "RFC 5649 section 6",
                        unhex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"),
                        unhex("c37b7e6492584340bed12207808941155068f738"),
                        "HmacSHA256",
                        unhex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")),
                rsa("RSA/ECB/PKCS1Padding", "RSAES-PKCS1-v1_5", null, RsaVectors.PKCS1_CIPHERTEXT),
                rsa(
                        "RSA/ECB/OAEPWithSHA-1AndMGF1Padding",
                        "RSAES-OAEP (SHA-1, MGF1-SHA-1)",
                        new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT),
                        RsaVectors.OAEP_SHA1_CIPHERTEXT),
                // Providers disagree on this name's default MGF1 digest (SunJCE: SHA-1), so the
                // parameters are spelt out; the vector uses MGF1-SHA-256.
                rsa(
                        "RSA/ECB/OAEPWithSHA-256AndMGF1Padding",
                        "RSAES-OAEP (SHA-256, MGF1-SHA-256)",
                        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT),
                        RsaVectors.OAEP_SHA256_CIPHERTEXT));
    }

    /** SP 800-38A F.1.1 (AES-128) and FIPS 197 appendix C.3 (AES-256), so both key sizes are exercised. */
    private static Probe aesEcb() {
        Probe aes128 = plain(
                "AES/ECB/NoPadding",
                "SP 800-38A F.1.1",
                "AES",
                SP800_38A_KEY,
                null,
                SP800_38A_PLAINTEXT,
                unhex("3ad77bb40d7a3660a89ecaf32466ef97 f5d3d58503b9699de785895a96fdbaaf"
                        + "43b1cd7f598ece23881b00e3ed030688 7b0c785e27e8ad3f8223207104725dd4"));
        Probe aes256 = plain(
                "AES/ECB/NoPadding",
                "FIPS 197 C.3",
                "AES",
                unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                null,
                unhex("00112233445566778899aabbccddeeff"),
                unhex("8ea2b7ca516745bfeafc49904b496089"));
        return new Probe(
                aes128.feature(),
                "AES/ECB/NoPadding with AES-128 (SP 800-38A F.1.1) and AES-256 (FIPS 197 C.3)",
                new Both(aes128, aes256));
    }

    /** Two probes run one after the other: a named class, as each lambda spins a class at its first use. */
    private static final class Both implements ProbeBody {
        private final Probe aes128;
        private final Probe aes256;

        Both(Probe aes128, Probe aes256) {
            this.aes128 = aes128;
            this.aes256 = aes256;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            return aes128.body().run(context) + "; " + aes256.body().run(context);
        }
    }

    private static Probe plain(
            String transformation,
            String source,
            String keyAlgorithm,
            byte[] key,
            AlgorithmParameterSpec parameters,
            byte[] plaintext,
            byte[] ciphertext) {
        return new Probe(
                Feature.of("Cipher", transformation),
                transformation + " (" + source + ")",
                new Plain(transformation, source, keyAlgorithm, key, parameters, plaintext, ciphertext));
    }

    /** {@link #plain}'s body. */
    private static final class Plain implements ProbeBody {
        private final String transformation;
        private final String source;
        private final String keyAlgorithm;
        private final byte[] key;
        private final AlgorithmParameterSpec parameters;
        private final byte[] plaintext;
        private final byte[] ciphertext;

        Plain(
                String transformation,
                String source,
                String keyAlgorithm,
                byte[] key,
                AlgorithmParameterSpec parameters,
                byte[] plaintext,
                byte[] ciphertext) {
            this.transformation = transformation;
            this.source = source;
            this.keyAlgorithm = keyAlgorithm;
            this.key = key;
            this.parameters = parameters;
            this.plaintext = plaintext;
            this.ciphertext = ciphertext;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            Cipher cipher = Cipher.getInstance(transformation, context.provider());
            SecretKeySpec secretKey = new SecretKeySpec(key, keyAlgorithm);
            init(cipher, Cipher.ENCRYPT_MODE, secretKey, parameters);
            ProbeFailure.check(
                    transformation + " encryption of the " + source + " plaintext",
                    cipher.doFinal(plaintext),
                    ciphertext);
            init(cipher, Cipher.DECRYPT_MODE, secretKey, parameters);
            ProbeFailure.check(
                    transformation + " decryption of the " + source + " ciphertext fed in two parts",
                    inTwoParts(cipher, ciphertext),
                    plaintext);
            return transformation + " encryption and decryption matched " + source;
        }
    }

    private static Probe aead(
            String transformation,
            String source,
            String keyAlgorithm,
            byte[] key,
            AlgorithmParameterSpec parameters,
            byte[] aad,
            byte[] plaintext,
            byte[] ciphertextAndTag) {
        return new Probe(
                Feature.of("Cipher", transformation),
                transformation + " (" + source + "), and rejection of a modified tag",
                new Aead(transformation, source, keyAlgorithm, key, parameters, aad, plaintext, ciphertextAndTag));
    }

    /** {@link #aead}'s body. */
    private static final class Aead implements ProbeBody {
        private final String transformation;
        private final String source;
        private final String keyAlgorithm;
        private final byte[] key;
        private final AlgorithmParameterSpec parameters;
        private final byte[] aad;
        private final byte[] plaintext;
        private final byte[] ciphertextAndTag;

        Aead(
                String transformation,
                String source,
                String keyAlgorithm,
                byte[] key,
                AlgorithmParameterSpec parameters,
                byte[] aad,
                byte[] plaintext,
                byte[] ciphertextAndTag) {
            this.transformation = transformation;
            this.source = source;
            this.keyAlgorithm = keyAlgorithm;
            this.key = key;
            this.parameters = parameters;
            this.aad = aad;
            this.plaintext = plaintext;
            this.ciphertextAndTag = ciphertextAndTag;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            SecretKeySpec secretKey = new SecretKeySpec(key, keyAlgorithm);
            // Decryption comes first: BCFIPS refuses to encrypt twice in a row under the same
            // key and nonce ("cannot reuse nonce for GCM encryption") and its own power-up
            // self-test uses this very GCM vector; a decryption clears that memory.
            // A fresh instance per operation: SunJCE refuses to re-initialise ChaCha20-Poly1305
            // with the key and nonce it last used, whatever the mode.
            Cipher cipher = Cipher.getInstance(transformation, context.provider());
            init(cipher, Cipher.DECRYPT_MODE, secretKey, parameters);
            cipher.updateAAD(aad);
            ProbeFailure.check(
                    transformation + " decryption of the " + source + " ciphertext fed in two parts",
                    inTwoParts(cipher, ciphertextAndTag),
                    plaintext);
            byte[] tampered = ciphertextAndTag.clone();
            tampered[tampered.length - 1] ^= 1;
            cipher = Cipher.getInstance(transformation, context.provider());
            init(cipher, Cipher.DECRYPT_MODE, secretKey, parameters);
            cipher.updateAAD(aad);
            try {
                byte[] accepted = cipher.doFinal(tampered);
                throw new ProbeFailure(transformation + " accepted a ciphertext whose tag was modified and"
                        + " returned " + Messages.hex(accepted));
            } catch (BadPaddingException expected) {
                // AEADBadTagException is a BadPaddingException: the forgery was refused.
            }
            cipher = Cipher.getInstance(transformation, context.provider());
            init(cipher, Cipher.ENCRYPT_MODE, secretKey, parameters);
            cipher.updateAAD(aad);
            ProbeFailure.check(
                    transformation + " encryption of the " + source + " plaintext",
                    cipher.doFinal(plaintext),
                    ciphertextAndTag);
            return transformation + " decryption and encryption matched " + source + "; a modified tag was rejected";
        }
    }

    private static Probe wrap(
            String transformation, String source, byte[] kek, byte[] keyData, String keyAlgorithm, byte[] wrapped) {
        return new Probe(
                Feature.of("Cipher", transformation),
                transformation + " (" + source + ")",
                new Wrap(transformation, source, kek, keyData, keyAlgorithm, wrapped));
    }

    /** {@link #wrap}'s body. */
    private static final class Wrap implements ProbeBody {
        private final String transformation;
        private final String source;
        private final byte[] kek;
        private final byte[] keyData;
        private final String keyAlgorithm;
        private final byte[] wrapped;

        Wrap(String transformation, String source, byte[] kek, byte[] keyData, String keyAlgorithm, byte[] wrapped) {
            this.transformation = transformation;
            this.source = source;
            this.kek = kek;
            this.keyData = keyData;
            this.keyAlgorithm = keyAlgorithm;
            this.wrapped = wrapped;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            Cipher cipher = Cipher.getInstance(transformation, context.provider());
            SecretKeySpec wrappingKey = new SecretKeySpec(kek, "AES");
            cipher.init(Cipher.WRAP_MODE, wrappingKey);
            ProbeFailure.check(
                    transformation + " wrapping of the " + source + " key data",
                    cipher.wrap(new SecretKeySpec(keyData, keyAlgorithm)),
                    wrapped);
            cipher.init(Cipher.UNWRAP_MODE, wrappingKey);
            Key unwrapped = cipher.unwrap(wrapped, keyAlgorithm, Cipher.SECRET_KEY);
            ProbeFailure.check(
                    transformation + " unwrapping of the " + source + " wrapped key", unwrapped.getEncoded(), keyData);
            byte[] tampered = wrapped.clone();
            tampered[0] ^= 1;
            cipher.init(Cipher.UNWRAP_MODE, wrappingKey);
            try {
                Key accepted = cipher.unwrap(tampered, keyAlgorithm, Cipher.SECRET_KEY);
                throw new ProbeFailure(transformation + " unwrapped a modified wrapped key to "
                        + Messages.hex(accepted.getEncoded()) + " instead of refusing its integrity check");
            } catch (GeneralSecurityException expected) {
                // The integrity check value caught the modification.
            }
            return transformation + " wrapping and unwrapping matched " + source
                    + "; a modified wrapped key was refused";
        }
    }

    private static Probe rsa(
            String transformation, String scheme, OAEPParameterSpec parameters, String knownCiphertext) {
        return new Probe(
                Feature.of("Cipher", transformation),
                transformation + ": unwrapping an OpenSSL " + scheme + " ciphertext under a fixed RSA-2048 key,"
                        + " then a wrap/unwrap round trip",
                new Rsa(transformation, scheme, parameters, knownCiphertext));
    }

    /** {@link #rsa}'s body. */
    private static final class Rsa implements ProbeBody {
        private final String transformation;
        private final String scheme;
        private final OAEPParameterSpec parameters;
        private final String knownCiphertext;

        Rsa(String transformation, String scheme, OAEPParameterSpec parameters, String knownCiphertext) {
            this.transformation = transformation;
            this.scheme = scheme;
            this.parameters = parameters;
            this.knownCiphertext = knownCiphertext;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            // Wrap/unwrap rather than encrypt/decrypt: the same RSA operation and padding,
            // and the only modes BCFIPS offers for RSA in approved-only mode. The fixed key,
            // not a generated one: a FIPS module will not sign with a modulus used for
            // encryption, and the signature probes need the run's generated key.
            KeyPair fixed = RsaVectors.encryptionKeyPair(context.keyFactory("RSA"));
            Cipher cipher = Cipher.getInstance(transformation, context.provider());
            init(cipher, Cipher.UNWRAP_MODE, fixed.getPrivate(), parameters);
            // Typed as an HMAC key: any length is a valid HMAC key, unlike AES.
            Key known = cipher.unwrap(RsaVectors.decode(knownCiphertext), "HmacSHA256", Cipher.SECRET_KEY);
            ProbeFailure.check(
                    transformation + " unwrapping of the known " + scheme + " ciphertext",
                    known.getEncoded(),
                    RsaVectors.PLAINTEXT);
            SecretKeySpec payload = new SecretKeySpec(RsaVectors.PLAINTEXT, "HmacSHA256");
            init(cipher, Cipher.WRAP_MODE, fixed.getPublic(), parameters);
            byte[] first = cipher.wrap(payload);
            byte[] second = cipher.wrap(payload);
            // Both schemes are randomised; equal ciphertexts mean the padding is not.
            ProbeFailure.require(
                    !Arrays.equals(first, second),
                    transformation + " gave the same ciphertext twice: " + Messages.hex(first));
            init(cipher, Cipher.UNWRAP_MODE, fixed.getPrivate(), parameters);
            ProbeFailure.check(
                    transformation + " unwrapping of its own ciphertext",
                    cipher.unwrap(first, "HmacSHA256", Cipher.SECRET_KEY).getEncoded(),
                    RsaVectors.PLAINTEXT);
            return transformation + " unwrapped the known " + scheme + " ciphertext; its own randomised"
                    + " ciphertext unwrapped back";
        }
    }

    private static void init(Cipher cipher, int mode, Key key, AlgorithmParameterSpec parameters)
            throws GeneralSecurityException {
        if (parameters == null) {
            cipher.init(mode, key);
        } else {
            cipher.init(mode, key, parameters);
        }
    }

    /** Streams the input through update() and doFinal(), which some broken SPIs get wrong. */
    private static byte[] inTwoParts(Cipher cipher, byte[] input) throws GeneralSecurityException {
        int split = input.length / 2 + 3;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] part = cipher.update(input, 0, split);
        if (part != null) {
            output.writeBytes(part);
        }
        output.writeBytes(cipher.doFinal(input, split, input.length - split));
        return output.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
