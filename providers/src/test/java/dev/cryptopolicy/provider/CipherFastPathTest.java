package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.internal.WrapperProvider;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code Cipher} initialised again and again with the same key object skips measuring and
 * deciding that key again (the hot path of one {@code init} per message). These tests try to get a
 * refused key through that shortcut: the same object under a stricter policy put in force since, a
 * key object of the application's own class whose material changes, a refused key right after an
 * allowed one. Each has a control showing the refusal is the policy's, not the backend's.
 */
class CipherFastPathTest {
    private static final String GCM = "AES/GCM/NoPadding";
    private long counter;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    private GCMParameterSpec freshIv() {
        byte[] iv = new byte[12];
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (n >>> (8 * i));
        }
        return new GCMParameterSpec(128, iv);
    }

    private void encrypt(Cipher cipher, java.security.Key key) throws Exception {
        cipher.init(Cipher.ENCRYPT_MODE, key, freshIv());
        cipher.doFinal(new byte[16]);
    }

    private static Provider sunJce() {
        Provider p = Security.getProvider("SunJCE");
        assertFalse(p instanceof WrapperProvider, "SunJCE is wrapped: call before installing");
        return p;
    }

    @Test
    void theSameKeyObject_underAStricterPolicyPutInForceSince_isRefused() throws Exception {
        Cipher direct = Cipher.getInstance(GCM, sunJce());
        SecretKeySpec aes128 = new SecretKeySpec(new byte[16], "AES");
        Installation installation = CryptoPolicy.install("DEFAULT");
        Cipher cipher = Cipher.getInstance(GCM);
        for (int i = 0; i < 3; i++) {
            encrypt(cipher, aes128); // DEFAULT allows AES-128; the second and third init take the shortcut
        }
        installation.replace("FUTURE");
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> encrypt(cipher, aes128));
        assertTrue(CryptoPolicyTest.messages(e).contains("keys.symmetric.min_bits"), CryptoPolicyTest.messages(e));
        // controls: the backend itself takes the key; a 256-bit key passes the same engine under FUTURE
        assertDoesNotThrow(() -> encrypt(direct, aes128));
        assertDoesNotThrow(() -> encrypt(cipher, new SecretKeySpec(new byte[32], "AES")));
        assertThrows(InvalidKeyException.class, () -> encrypt(cipher, aes128), "and again after another key");
    }

    @Test
    void aKeyObjectOfTheApplicationsOwnClass_whoseMaterialShrinks_isRefused() throws Exception {
        Cipher direct = Cipher.getInstance(GCM, sunJce());
        ChangingKey key = new ChangingKey(new byte[32]);
        CryptoPolicy.install("FUTURE");
        Cipher cipher = Cipher.getInstance(GCM);
        encrypt(cipher, key);
        encrypt(cipher, key);
        key.material = new byte[16];
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> encrypt(cipher, key));
        assertTrue(CryptoPolicyTest.messages(e).contains("128 bits"), CryptoPolicyTest.messages(e));
        // control: the backend takes the shrunken key; the refusal is the policy's
        assertDoesNotThrow(() -> encrypt(direct, key));
    }

    @Test
    void aRefusedKeyRightAfterAnAllowedOne_isRefusedEveryTime() throws Exception {
        SecretKeySpec allowed = new SecretKeySpec(new byte[32], "AES");
        SecretKeySpec refused = new SecretKeySpec(new byte[16], "AES");
        CryptoPolicy.install("FUTURE");
        Cipher cipher = Cipher.getInstance(GCM);
        for (int i = 0; i < 3; i++) {
            encrypt(cipher, allowed);
            assertThrows(InvalidKeyException.class, () -> encrypt(cipher, refused));
            assertThrows(InvalidKeyException.class, () -> encrypt(cipher, refused));
        }
        // control: without the policy the same engine type takes both keys
        CryptoPolicy.uninstall();
        Cipher plain = Cipher.getInstance(GCM);
        assertDoesNotThrow(() -> encrypt(plain, refused));
    }

    /** A key class of the application's own (a subclass of the JDK's), whose material may change. */
    private static final class ChangingKey extends SecretKeySpec {
        private static final long serialVersionUID = 1L;
        byte[] material;

        ChangingKey(byte[] material) {
            super(new byte[32], "AES");
            this.material = material;
        }

        @Override
        public byte[] getEncoded() {
            return material.clone();
        }
    }
}
