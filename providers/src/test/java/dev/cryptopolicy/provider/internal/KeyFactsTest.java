package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.lang.management.ManagementFactory;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The key check on the hot path ({@code Cipher.init} with the same key for every message): the
 * facts of a JDK key object are read once, and checking it again allocates nothing; a key of any
 * other class is read on every use, so a key that changes cannot keep an earlier answer.
 */
class KeyFactsTest {
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private static Enforcer enforcer() throws Exception {
        return new Enforcer(PolicyLoader.standard().load("DEFAULT"), new Audit());
    }

    /** Bytes this thread allocates doing {@code checks} key checks of {@code key}. */
    private static long allocated(Enforcer enforcer, Key key, int checks) throws InvalidKeyException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) { // warm up
            enforcer.checkKey(ServiceType.CIPHER, "AES/GCM/NoPadding", key, SUN_JCE);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < checks; i++) {
            enforcer.checkKey(ServiceType.CIPHER, "AES/GCM/NoPadding", key, SUN_JCE);
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void checkingTheSameJdkKeyAgain_allocatesNothing() throws Exception {
        Enforcer enforcer = enforcer();
        SecretKeySpec aes = new SecretKeySpec(new byte[16], "AES");
        long bytes = allocated(enforcer, aes, 100_000);
        // A few hundred bytes of slack for the MXBean call itself; a copy per check would be megabytes.
        assertTrue(bytes < 4096, "100,000 checks of a SecretKeySpec allocated " + bytes + " bytes");
        // Also for the JDK's own key pairs' keys, read through their interfaces.
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        Key pub = ec.generateKeyPair().getPublic();
        assertSame(KeyInfo.of(pub), KeyInfo.of(pub));
        assertEquals(256, KeyInfo.of(pub).bits());
    }

    @Test
    void control_aKeyOfAnotherClass_isReadOnEveryCheck_andThatAllocates() throws Exception {
        Enforcer enforcer = enforcer();
        long bytes = allocated(enforcer, new SubclassedKey(new byte[16]), 100_000);
        // getEncoded() copies 16 bytes (plus the record): the measurement sees a per-check allocation.
        assertTrue(bytes > 1_000_000, "100,000 checks of a non-JDK key allocated only " + bytes + " bytes");
    }

    @Test
    void aKeyThatChanges_isNotAnsweredFromAnEarlierCheck() throws Exception {
        Enforcer enforcer = enforcer();
        SubclassedKey key = new SubclassedKey(new byte[16]);
        enforcer.checkKey(ServiceType.CIPHER, "AES/GCM/NoPadding", key, SUN_JCE);
        key.material = new byte[8];
        InvalidKeyException e = assertThrows(
                InvalidKeyException.class,
                () -> enforcer.checkKey(ServiceType.CIPHER, "AES/GCM/NoPadding", key, SUN_JCE));
        assertTrue(e.getMessage().contains("64 bits") && e.getMessage().contains("keys.symmetric"), e.getMessage());
        // control: a 64-bit SecretKeySpec, read once, is refused the same way (the rule, not the cache, refuses)
        SecretKeySpec small = new SecretKeySpec(new byte[8], "AES");
        for (int i = 0; i < 2; i++) {
            assertThrows(
                    InvalidKeyException.class,
                    () -> enforcer.checkKey(ServiceType.CIPHER, "AES/GCM/NoPadding", small, SUN_JCE));
        }
    }

    @Test
    void keysInOneSlot_areEachAnsweredForThemselves() {
        // More keys than slots: every answer is still the key's own.
        for (int i = 1; i <= 200; i++) {
            SecretKeySpec key = new SecretKeySpec(new byte[i], "AES");
            assertEquals(i * 8, KeyInfo.of(key).bits());
            assertEquals(i * 8, KeyInfo.of(key).bits());
        }
    }

    /** A key class of the application's own (here a subclass of the JDK's), whose material may change. */
    private static final class SubclassedKey extends SecretKeySpec {
        private static final long serialVersionUID = 1L;
        byte[] material;

        SubclassedKey(byte[] material) {
            super(new byte[16], "AES");
            this.material = material;
        }

        @Override
        public byte[] getEncoded() {
            return material.clone();
        }
    }
}
