package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JCA look-ups and keys spelt with look-alike characters that the JDK folds onto ASCII letters
 * ({@code Provider} upper-cases with {@code Locale.ENGLISH}: U+017F LONG S becomes S, U+0131
 * DOTLESS I becomes I; SunJCE's AES compares key algorithms with {@code equalsIgnoreCase}). Under a
 * policy a name with a character that is not ASCII is unknown: refused whatever the name it looks
 * like is, so no spelling sidesteps a deny rule or a glob. Control: the plain JDK resolves each one.
 */
class LookAlikeNamesTest {

    /** What may not get round the policy by its spelling. */
    interface Lookup {
        Object get() throws Exception;
    }

    private static Map<String, Lookup> lookAlikes() {
        Map<String, Lookup> m = new LinkedHashMap<>();
        m.put("Signature \u017FHA1withRSA", () -> Signature.getInstance("\u017FHA1withRSA"));
        m.put("Signature SHA1w\u0131thRSA", () -> Signature.getInstance("SHA1w\u0131thRSA"));
        m.put(
                "Signature \u017FHA1withRSA from SunRsaSign",
                () -> Signature.getInstance("\u017FHA1withRSA", "SunRsaSign"));
        m.put("Signature \u017FHA256withRSA", () -> Signature.getInstance("\u017FHA256withRSA"));
        m.put("MessageDigest \u017FHA-256", () -> MessageDigest.getInstance("\u017FHA-256"));
        m.put("Mac Hmac\u017FHA1", () -> Mac.getInstance("Hmac\u017FHA1"));
        m.put("KeyPairGenerator R\u017FA", () -> KeyPairGenerator.getInstance("R\u017FA"));
        m.put("Cipher AE\u017F/GCM/NoPadding", () -> Cipher.getInstance("AE\u017F/GCM/NoPadding"));
        m.put("Cipher DE\u017F/CBC/PKC\u017F5Padding", () -> Cipher.getInstance("DE\u017F/CBC/PKC\u017F5Padding"));
        m.put("SSLContext TL\u017Fv1.1", () -> SSLContext.getInstance("TL\u017Fv1.1"));
        m.put("KeyStore PKC\u017F12", () -> KeyStore.getInstance("PKC\u017F12"));
        return m;
    }

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void lookUpsByALookAlikeName_areRefusedAsUnknown_whereThePlainJdkResolvesThem() throws Exception {
        Map<String, Lookup> lookAlikes = lookAlikes();
        for (Map.Entry<String, Lookup> e : lookAlikes.entrySet()) {
            assertDoesNotThrow(() -> e.getValue().get(), "the plain JDK resolves " + e.getKey());
        }
        CryptoPolicy.install("DEFAULT:NO-SHA1");
        for (Map.Entry<String, Lookup> e : lookAlikes.entrySet()) {
            Exception refused = assertThrows(Exception.class, () -> e.getValue().get(), e.getKey());
            assertTrue(
                    refused instanceof NoSuchAlgorithmException || refused instanceof KeyStoreException,
                    e.getKey() + ": " + refused);
        }
        // Control: the ASCII spellings are decided as the policy says, in any ASCII case.
        String sha1 = Checks.attempt(() -> Signature.getInstance("SHA1withRSA"));
        assertTrue(sha1.contains("SHA1withRSA") && sha1.contains("DEFAULT:NO-SHA1"), sha1);
        assertEquals("OK", Checks.attempt(() -> Signature.getInstance("sha256WITHrsa")));
        assertEquals("OK", Checks.attempt(() -> MessageDigest.getInstance("sha-256")));
        assertEquals("OK", Checks.attempt(() -> Cipher.getInstance("aes/gcm/nopadding")));
        assertEquals("OK", Checks.attempt(() -> KeyStore.getInstance("pkcs12")));
    }

    @Test
    void aKeyWhoseAlgorithmNameIsALookAlike_isRefused_whereTheBackendTakesIt() throws Exception {
        GCMParameterSpec iv = new GCMParameterSpec(128, new byte[12]);
        SecretKeySpec aes128LookAlike = new SecretKeySpec(new byte[16], "AE\u017F");
        SecretKeySpec aes256LookAlike = new SecretKeySpec(new byte[32], "AE\u017F");
        // Control: SunJCE's AES takes the look-alike name for AES.
        Cipher plain = Cipher.getInstance("AES/GCM/NoPadding");
        plain.init(Cipher.ENCRYPT_MODE, aes128LookAlike, iv);

        CryptoPolicy.install("FUTURE");
        String aes128 = Checks.attempt(() -> encrypt(new SecretKeySpec(new byte[16], "AES"), iv));
        assertTrue(aes128.contains("FUTURE"), "FUTURE refuses AES-128: " + aes128);
        for (SecretKeySpec key : new SecretKeySpec[] {aes128LookAlike, aes256LookAlike}) {
            String outcome = Checks.attempt(() -> encrypt(key, iv));
            assertTrue(outcome.contains("ascii-name") && outcome.contains("'AE\\u017F' is not ASCII"), outcome);
        }
        // Control: a 256-bit key named AES works under FUTURE.
        assertEquals("OK", Checks.attempt(() -> encrypt(new SecretKeySpec(new byte[32], "AES"), iv)));
    }

    private static Cipher encrypt(SecretKeySpec key, GCMParameterSpec iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, iv);
        return cipher;
    }
}
