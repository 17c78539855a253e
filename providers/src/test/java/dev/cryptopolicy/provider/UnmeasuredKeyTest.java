package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that do not say their size through the JDK's key interfaces: opaque keys of a foreign class
 * that only give an algorithm name and an encoding (or no encoding), as hardware tokens and other
 * libraries hand out. Each is measured from its encoding where it has one, and otherwise refused
 * under {@code keys.unmeasured: refuse} (the default), with and without a provider name. Each
 * refusal has a control: the same request without the policy, or with {@code keys.unmeasured: allow}.
 */
class UnmeasuredKeyTest {

    private static final String UNMEASURED = "its size or curve could not be determined";

    private static KeyPair rsa1024;
    private static KeyPair rsa2048;
    private static KeyPair ecP256;
    private static KeyPair dh1024;
    private static KeyPair dsa1024;
    private static KeyPair x25519;
    private static KeyPair ed25519;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateWithoutPolicy() throws Exception {
        CryptoPolicy.uninstall();
        rsa1024 = pair("RSA", 1024);
        rsa2048 = pair("RSA", 2048);
        dh1024 = pair("DH", 1024);
        dsa1024 = pair("DSA", 1024);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ecP256 = ec.generateKeyPair();
        x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    // ---- RSA -----------------------------------------------------------------------------

    @Test
    void opaqueRsa1024PrivateKey_isMeasuredFromItsPkcs8Encoding_andRefusedForSigning() throws Exception {
        PrivateKey opaque = OpaqueKeys.privateKey(rsa1024.getPrivate());
        assertEquals(
                "OK",
                sign("SHA256withRSA", "SunRsaSign", opaque),
                "control: without the policy SunRsaSign signs with it");

        CryptoPolicy.install("DEFAULT");
        assertBelowMinimum(sign("SHA256withRSA", "SunRsaSign", opaque), "RSA", "keys.rsa.min_bits");
        assertRefused(sign("SHA256withRSA", null, opaque));
    }

    @Test
    void opaqueRsa1024PublicKey_isRefusedForEncryptionBySunJce() throws Exception {
        PublicKey opaque = OpaqueKeys.publicKey(rsa1024.getPublic());
        assertEquals("OK", encryptRsa("SunJCE", opaque), "control: without the policy SunJCE encrypts with it");

        CryptoPolicy.install("DEFAULT");
        assertBelowMinimum(encryptRsa("SunJCE", opaque), "RSA", "keys.rsa.min_bits");
        assertRefused(encryptRsa(null, opaque));
    }

    @Test
    void opaqueRsa2048Keys_thatCanBeMeasured_work() throws Exception {
        CryptoPolicy.install("DEFAULT");
        assertEquals("OK", sign("SHA256withRSA", "SunRsaSign", OpaqueKeys.privateKey(rsa2048.getPrivate())));
        assertEquals("OK", encryptRsa("SunJCE", OpaqueKeys.publicKey(rsa2048.getPublic())));
    }

    @Test
    void rsaKeysWithoutEncoding_orWithAForeignFormat_areRefusedAsUnmeasured() throws Exception {
        CryptoPolicy.install("DEFAULT");
        assertUnmeasured(sign("SHA256withRSA", "SunRsaSign", new OpaqueKeys.Private("RSA", null, null)), "no encoding");
        assertUnmeasured(
                sign("SHA256withRSA", "SunRsaSign", new OpaqueKeys.Private("RSA", "X-HSM-HANDLE", new byte[] {1, 2, 3
                })),
                "X-HSM-HANDLE");
        assertUnmeasured(encryptRsa("SunJCE", new OpaqueKeys.Public("RSA", null, null)), "no encoding");
        assertRefused(sign("SHA256withRSA", null, new OpaqueKeys.Private("RSA", null, null)));
        assertRefused(encryptRsa(null, new OpaqueKeys.Public("RSA", null, null)));
    }

    @Test
    void aKeyClaimingRsa_whoseEncodingIsNoRsaKey_isRefusedAsUnmeasured() throws Exception {
        CryptoPolicy.install("DEFAULT");
        byte[] ecEncoding = ecP256.getPrivate().getEncoded();
        assertUnmeasured(
                sign("SHA256withRSA", "SunRsaSign", new OpaqueKeys.Private("RSA", "PKCS#8", ecEncoding)), "PKCS#8");
    }

    // ---- EC, XDH, EdDSA, DH, DSA ------------------------------------------------------

    @Test
    void opaqueEcKeys_getTheirCurveFromTheEncoding_orAreRefused() throws Exception {
        CryptoPolicy.install("DEFAULT");
        assertEquals("OK", sign("SHA256withECDSA", "SunEC", OpaqueKeys.privateKey(ecP256.getPrivate())));
        assertEquals("OK", agree("ECDH", "SunEC", OpaqueKeys.privateKey(ecP256.getPrivate()), ecP256.getPublic()));
        assertUnmeasured(sign("SHA256withECDSA", "SunEC", new OpaqueKeys.Private("EC", null, null)), "no encoding");
        assertUnmeasured(
                agree("ECDH", "SunEC", new OpaqueKeys.Private("EC", null, null), ecP256.getPublic()), "no encoding");
        assertUnmeasured(
                agree("ECDH", "SunEC", ecP256.getPrivate(), new OpaqueKeys.Public("EC", null, null)), "no encoding");
        assertRefused(sign("SHA256withECDSA", null, new OpaqueKeys.Private("EC", null, null)));
        assertRefused(agree("ECDH", null, new OpaqueKeys.Private("EC", null, null), ecP256.getPublic()));
    }

    @Test
    void opaqueXdhAndEdDsaKeysWithoutEncoding_areRefusedByThePolicyBeforeTheBackend() throws Exception {
        CryptoPolicy.install("DEFAULT");
        for (String provider : new String[] {"SunEC", null}) {
            assertUnmeasured(
                    agree("XDH", provider, new OpaqueKeys.Private("XDH", null, null), x25519.getPublic()),
                    "no encoding");
            assertUnmeasured(
                    agree("X25519", provider, x25519.getPrivate(), new OpaqueKeys.Public("X25519", null, null)),
                    "no encoding");
            assertUnmeasured(sign("Ed25519", provider, new OpaqueKeys.Private("EdDSA", null, null)), "no encoding");
        }
        // Control: keys that say their curve pass the policy.
        assertEquals("OK", agree("X25519", "SunEC", x25519.getPrivate(), x25519.getPublic()));
        assertEquals("OK", sign("Ed25519", "SunEC", ed25519.getPrivate()));
    }

    @Test
    void opaqueDh1024Key_isMeasuredAndRefused_andOneWithoutEncodingIsUnmeasured() throws Exception {
        PrivateKey opaque = OpaqueKeys.privateKey(dh1024.getPrivate());
        CryptoPolicy.install("DEFAULT");
        assertBelowMinimum(agree("DiffieHellman", "SunJCE", opaque, dh1024.getPublic()), "DH", "keys.dh.min_bits");
        assertUnmeasured(
                agree("DiffieHellman", "SunJCE", new OpaqueKeys.Private("DH", null, null), dh1024.getPublic()),
                "no encoding");
        assertRefused(agree("DiffieHellman", null, opaque, dh1024.getPublic()));
        // Control: LEGACY (1024-bit DH allowed) lets the measured key through to SunJCE, which has its own objection.
        CryptoPolicy.install("LEGACY");
        String legacy = agree("DiffieHellman", "SunJCE", opaque, dh1024.getPublic());
        assertTrue(legacy.startsWith("REFUSED") && !legacy.contains("keys."), legacy);
    }

    @Test
    void opaqueDsaKeys_underLegacy_areMeasuredOrRefused() throws Exception {
        PrivateKey opaque = OpaqueKeys.privateKey(dsa1024.getPrivate());
        Path strict = dir.resolve("dsa-2048.yaml");
        Files.writeString(strict, "kind: policy\nextends: LEGACY\nkeys:\n  dsa: {min_bits: 2048}\n");
        CryptoPolicy.install(strict.toString());
        assertBelowMinimum(sign("SHA256withDSA", "SUN", opaque), "DSA", "keys.dsa.min_bits");
        assertUnmeasured(sign("SHA256withDSA", "SUN", new OpaqueKeys.Private("DSA", null, null)), "no encoding");
        assertRefused(sign("SHA256withDSA", null, new OpaqueKeys.Private("DSA", null, null)));
        // Control: under LEGACY the measured 1024-bit key passes the policy (SUN has its own objection to the class).
        CryptoPolicy.install("LEGACY");
        String legacy = sign("SHA256withDSA", "SUN", opaque);
        assertTrue(legacy.startsWith("REFUSED") && !legacy.contains("keys."), legacy);
    }

    // ---- secret keys ----------------------------------------------------------------------

    @Test
    void secretKeysWithoutRawFormat_areRefusedByCipherAndMac() throws Exception {
        SecretKey opaqueAes = new OpaqueKeys.Secret("AES", "X-OPAQUE", new byte[16]);
        assertEquals("OK", aesGcm("SunJCE", opaqueAes), "control: without the policy SunJCE uses its bytes");
        assertEquals("OK", hmac("SunJCE", opaqueAes), "control: without the policy SunJCE uses its bytes");

        CryptoPolicy.install("DEFAULT");
        assertUnmeasured(aesGcm("SunJCE", opaqueAes), "no RAW encoding");
        assertUnmeasured(hmac("SunJCE", opaqueAes), "no RAW encoding");
        assertUnmeasured(aesGcm("SunJCE", new OpaqueKeys.Secret("AES", "RAW", null)), "no RAW encoding");
        assertRefused(aesGcm(null, opaqueAes));
        assertRefused(hmac(null, opaqueAes));
        // A key with no size rule (an HMAC key) needs no measuring; a RAW AES key is measured as before.
        assertEquals("OK", hmac("SunJCE", new OpaqueKeys.Secret("HmacSHA256", "X-OPAQUE", new byte[32])));
        assertEquals("OK", aesGcm(null, new OpaqueKeys.Secret("AES", "RAW", new byte[16])));
    }

    // ---- keys.unmeasured: allow -------------------------------------------------------------

    @Test
    void unmeasuredAllow_letsKeysThatCannotBeMeasuredThrough_butStillMeasuresTheRest() throws Exception {
        Path policy = dir.resolve("allow-unmeasured.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nkeys:\n  unmeasured: allow\n");
        CryptoPolicy.install(policy.toString());
        SecretKey opaqueAes = new OpaqueKeys.Secret("AES", "X-OPAQUE", new byte[16]);
        assertEquals("OK", aesGcm("SunJCE", opaqueAes));
        assertEquals("OK", hmac("SunJCE", opaqueAes));
        // Not refused by the policy: what refuses an RSA key without an encoding now is the backend itself.
        String r = sign("SHA256withRSA", "SunRsaSign", new OpaqueKeys.Private("RSA", null, null));
        assertTrue(r.startsWith("REFUSED") && !r.contains("keys.unmeasured"), r);
        // What can be measured still is: a 1024-bit opaque key is below the minimum.
        assertBelowMinimum(
                sign("SHA256withRSA", "SunRsaSign", OpaqueKeys.privateKey(rsa1024.getPrivate())),
                "RSA",
                "keys.rsa.min_bits");
    }

    // ---- helpers --------------------------------------------------------------------------

    /** The policy's refusal of a key it could not measure, saying why. */
    private static void assertUnmeasured(String result, String why) {
        assertTrue(
                result.startsWith("REFUSED: InvalidKeyException")
                        && result.contains(UNMEASURED)
                        && result.contains("keys.unmeasured")
                        && result.contains(why),
                result);
        assertFalse(result.contains("NullPointerException"), result);
    }

    private static void assertBelowMinimum(String result, String algorithm, String rule) {
        assertTrue(
                result.startsWith("REFUSED: InvalidKeyException")
                        && result.contains(algorithm + " key of 1024 bits is below the minimum")
                        && result.contains(rule),
                result);
    }

    /**
     * Without a provider name the JCA itself skips providers whose {@code SupportedKeyClasses} do
     * not list the key's class, so the request is refused either way; it must never succeed.
     */
    private static void assertRefused(String result) {
        assertTrue(result.startsWith("REFUSED"), result);
    }

    private static KeyPair pair(String algorithm, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static String sign(String algorithm, String provider, PrivateKey key) {
        return attempt(() -> {
            Signature s =
                    provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            s.initSign(key);
            s.update(new byte[] {1, 2, 3});
            return s.sign();
        });
    }

    private static String encryptRsa(String provider, PublicKey key) {
        return attempt(() -> {
            String t = "RSA/ECB/PKCS1Padding";
            Cipher c = provider == null ? Cipher.getInstance(t) : Cipher.getInstance(t, provider);
            c.init(Cipher.ENCRYPT_MODE, key);
            return c.doFinal(new byte[] {1, 2, 3});
        });
    }

    private static String agree(String algorithm, String provider, PrivateKey mine, PublicKey theirs) {
        return attempt(() -> {
            KeyAgreement ka = provider == null
                    ? KeyAgreement.getInstance(algorithm)
                    : KeyAgreement.getInstance(algorithm, provider);
            ka.init(mine);
            ka.doPhase(theirs, true);
            return ka.generateSecret();
        });
    }

    private static String aesGcm(String provider, SecretKey key) {
        return attempt(() -> {
            Cipher c = provider == null
                    ? Cipher.getInstance("AES/GCM/NoPadding")
                    : Cipher.getInstance("AES/GCM/NoPadding", provider);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
            return c.doFinal(new byte[16]);
        });
    }

    private static String hmac(String provider, SecretKey key) {
        return attempt(() -> {
            Mac mac = provider == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", provider);
            mac.init(key);
            return mac.doFinal(new byte[] {1});
        });
    }

    private static String attempt(Callable<?> op) {
        return Checks.attempt(op);
    }
}
