package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.provider.OpaqueKeys;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** Measuring keys that do not say their size through the JDK's key interfaces, from their encodings. */
class KeyInfoTest {

    /** The JDK's own providers, as an installation over a plain JVM passes them. */
    private static final java.util.List<Provider> JDK_PROVIDERS =
            java.util.List.of(java.security.Security.getProviders());

    /** A provider with no key factories: measuring falls back to the JDK's own. */
    private static final Provider NO_FACTORIES = new Provider("NoFactories", "1", "test") {
        private static final long serialVersionUID = 1L;
    };

    @Test
    void opaqueKeys_areMeasuredFromTheirEncodings_byTheBackendsOrTheJdksKeyFactory() throws Exception {
        assertMeasured(opaque(pair("RSA", 1024).getPrivate()), "RSA", 1024, null);
        assertMeasured(opaque(pair("RSA", 2048).getPublic()), "RSA", 2048, null);
        assertMeasured(opaque(pair("DSA", 1024).getPrivate()), "DSA", 1024, null);
        assertMeasured(opaque(pair("DH", 1024).getPublic()), "DH", 1024, null);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = ec.generateKeyPair();
        assertMeasured(opaque(p384.getPrivate()), "EC", 384, "secp384r1");
        assertMeasured(opaque(p384.getPublic()), "EC", 384, "secp384r1");
        assertMeasured(
                opaque(KeyPairGenerator.getInstance("X448").generateKeyPair().getPublic()), "X448", 0, "X448");
        assertMeasured(
                opaque(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate()),
                "Ed25519",
                0,
                "Ed25519");
    }

    @Test
    void theEncodingDecides_notTheNameTheKeyGivesItself() throws Exception {
        // "XDH" and "EdDSA" name no curve; the encoding does.
        byte[] x25519 = KeyPairGenerator.getInstance("X25519")
                .generateKeyPair()
                .getPublic()
                .getEncoded();
        assertMeasured(new OpaqueKeys.Public("XDH", "X.509", x25519), "X25519", 0, "X25519");
        // A key whose algorithm names no family is measured as the engine's family.
        byte[] rsa = pair("RSA", 1024).getPrivate().getEncoded();
        KeyInfo info = KeyInfo.measure(
                new OpaqueKeys.Private("Foo", "PKCS#8", rsa), KeyFamily.RSA, NO_FACTORIES, JDK_PROVIDERS);
        assertEquals(1024, info.bits(), info.toString());
    }

    @Test
    void keysThatCannotBeMeasured_sayWhy() throws Exception {
        assertUnmeasured(new OpaqueKeys.Private("RSA", null, null), "no encoding");
        assertUnmeasured(new OpaqueKeys.Private("EC", "X-TOKEN", new byte[] {1}), "X-TOKEN");
        assertUnmeasured(
                new OpaqueKeys.Private(
                        "RSA", "PKCS#8", pair("EC", 256).getPrivate().getEncoded()),
                "PKCS#8");
        assertUnmeasured(new OpaqueKeys.Private("RSA", "PKCS#8", new byte[] {0x30, 0x03, 1, 2, 3}), "PKCS#8");
        assertUnmeasured(new OpaqueKeys.Secret("AES", null, new byte[16]), "no RAW encoding");
        assertUnmeasured(new OpaqueKeys.Secret("ChaCha20", "RAW", null), "no RAW encoding");
        KeyInfo engineOnly =
                KeyInfo.measure(new OpaqueKeys.Private("Foo", null, null), KeyFamily.RSA, NO_FACTORIES, JDK_PROVIDERS);
        assertFalse(engineOnly.measured(), engineOnly.toString());
        assertEquals("RSA", engineOnly.algorithm());
    }

    @Test
    void keysNoSizeRuleApplies_needNoMeasuring() {
        KeyInfo hmac = KeyInfo.measure(
                new OpaqueKeys.Secret("HmacSHA256", null, null), KeyFamily.UNCONSTRAINED, NO_FACTORIES, JDK_PROVIDERS);
        assertTrue(hmac.measured(), hmac.toString());
        KeyInfo unknown = KeyInfo.measure(new OpaqueKeys.Private("Foo", null, null), null, NO_FACTORIES, JDK_PROVIDERS);
        assertTrue(unknown.measured(), unknown.toString());
    }

    @Test
    void measuringUsesTheJdksProviderObjects_notThePolicyServices() throws Exception {
        // Under an installed policy Security lists wrappers; measuring must still find SunRsaSign's own factory.
        dev.cryptopolicy.provider.CryptoPolicy.install("DEFAULT");
        try {
            assertTrue(Security.getProvider("SunRsaSign") instanceof WrapperProvider);
            assertMeasured(opaque(pair("RSA", 2048).getPrivate()), "RSA", 2048, null);
        } finally {
            dev.cryptopolicy.provider.CryptoPolicy.uninstall();
        }
    }

    private static void assertMeasured(Key key, String algorithm, int bits, String curve) {
        KeyInfo info = KeyInfo.measure(key, null, NO_FACTORIES, JDK_PROVIDERS);
        assertTrue(info.measured(), info.toString());
        assertEquals(algorithm, info.algorithm(), info.toString());
        if (bits > 0) {
            assertEquals(bits, info.bits(), info.toString());
        }
        // The JDK names curves by OID or by name; the policy's catalog knows both.
        assertEquals(
                curve,
                info.curve() == null
                        ? null
                        : AlgorithmCatalog.standard().curve(info.curve()).name(),
                info.toString());
    }

    private static void assertUnmeasured(Key key, String why) {
        KeyInfo info = KeyInfo.measure(key, null, NO_FACTORIES, JDK_PROVIDERS);
        assertFalse(info.measured(), info.toString());
        assertTrue(
                info.unmeasured().contains(why)
                        && info.unmeasured().contains(key.getClass().getName()),
                info.unmeasured());
        assertNull(info.curve());
    }

    private static KeyPair pair(String algorithm, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static Key opaque(Key of) {
        return OpaqueKeys.of(of);
    }
}
