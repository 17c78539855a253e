package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.internal.WrapperProvider;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Installs shipped policies in this JVM and tries to get around them. The battery of operations
 * under DEFAULT, FUTURE and LEGACY is the conformance module's {@code BatteryTest}.
 */
class CryptoPolicyTest {

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    /** The JDK's own provider: only reachable while no policy is installed (nothing leads back from a wrapper). */
    private static Provider original(String name) {
        Provider p = Security.getProvider(name);
        assertFalse(p instanceof WrapperProvider, name + " is wrapped: call before installing");
        return p;
    }

    @Test
    void everyInstalledProvider_isReplacedBySameNamedWrapperAtItsPosition() throws Exception {
        List<String> before = names(Security.getProviders());
        Installation installation = CryptoPolicy.install("DEFAULT");
        Provider[] after = Security.getProviders();
        assertInstanceOf(CryptoPolicyProvider.class, after[0]);
        assertEquals(before, names(java.util.Arrays.copyOfRange(after, 1, after.length)));
        for (int i = 1; i < after.length; i++) {
            if (!(after[i] instanceof WrapperProvider)) {
                // Left as it is only when the policy governs none of its services.
                for (Provider.Service s : after[i].getServices()) {
                    dev.cryptopolicy.engine.algorithms.ServiceType type =
                            dev.cryptopolicy.engine.algorithms.ServiceType.ofJcaNameOrNull(s.getType());
                    assertTrue(
                            type == null
                                    || dev.cryptopolicy.provider.internal.ProviderAssembly.ungoverned(
                                            type, s.getAlgorithm()),
                            after[i].getName() + " was not wrapped but offers " + s.getType() + " " + s.getAlgorithm());
                }
            }
        }
        assertInstanceOf(WrapperProvider.class, Security.getProvider("SUN"));
        assertInstanceOf(WrapperProvider.class, Security.getProvider("SunRsaSign"));
        assertInstanceOf(WrapperProvider.class, Security.getProvider("SunJCE"));
        assertEquals(before, names(installation.replacedProviders().toArray(new Provider[0])));
        CryptoPolicy.uninstall();
        assertEquals(before, names(Security.getProviders()));
    }

    @Test
    void rsa1024KeyDecodedFromPkcs8_cannotSignOrVerify() throws Exception {
        KeyPairGenerator raw = KeyPairGenerator.getInstance("RSA", original("SunRsaSign"));
        raw.initialize(1024);
        KeyPair weak = raw.generateKeyPair();
        CryptoPolicy.install("DEFAULT");
        assertThrows(
                InvalidKeySpecException.class,
                () -> KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(weak.getPrivate().getEncoded())));
        // A key object that never went through a KeyFactory is refused where it is used.
        PrivateKey smuggled = weak.getPrivate();
        Signature signer = Signature.getInstance("SHA256withRSA");
        Exception e = assertThrows(java.security.InvalidKeyException.class, () -> signer.initSign(smuggled));
        assertTrue(messages(e).contains("keys.rsa.min_bits"), messages(e));
        Signature verifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        assertThrows(java.security.InvalidKeyException.class, () -> verifier.initVerify(weak.getPublic()));
    }

    @Test
    void namingAnyProvider_doesNotBypassDenials() throws Exception {
        CryptoPolicy.install("DEFAULT");
        for (Provider p : Security.getProviders()) {
            assertThrows(NoSuchAlgorithmException.class, () -> Signature.getInstance("SHA1withRSA", p), p.getName());
            assertThrows(
                    NoSuchAlgorithmException.class,
                    () -> Cipher.getInstance("DESede/CBC/PKCS5Padding", p),
                    p.getName());
            assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("MD5", p), p.getName());
        }
    }

    @Test
    void legacyPolicy_allowsSha1Signatures() throws Exception {
        CryptoPolicy.install("LEGACY");
        assertEquals("OK", Checks.attempt(() -> Checks.sign("SHA1withRSA", Checks.rsa(null, 2048))));
        assertEquals("OK", Checks.attempt(() -> Checks.rsa(null, 1024)));
    }

    @Test
    void uninitialisedRsaGenerator_makesTheSameKeySizeOnEveryJdk() throws Exception {
        CryptoPolicy.install("DEFAULT");
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertEquals(
                2048,
                ((java.security.interfaces.RSAKey) pair.getPublic())
                        .getModulus()
                        .bitLength());
    }

    @Test
    void jdkInternalUses_ofDeniedDigestsKeepWorking() throws Exception {
        CryptoPolicy.install("DEFAULT");
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("MD5"));
        assertNotNull(java.util.UUID.nameUUIDFromBytes(new byte[] {1}), "java.util.UUID uses MD5 internally");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        // TLS is checked in child JVMs (the conformance battery's "tls" lines): the JDK caches what TLS can use at
        // first use, so TLS initialised under a policy here would stay so for later tests.
    }

    @Test
    void unwrappedKeyBelowMinimum_isRefused() throws Exception {
        Provider sunJce = original("SunJCE");
        Cipher wrapper = Cipher.getInstance("AESWrap", sunJce);
        SecretKeySpec kek = new SecretKeySpec(new byte[32], "AES");
        wrapper.init(Cipher.WRAP_MODE, kek);
        byte[] wrapped = wrapper.wrap(new SecretKeySpec(new byte[16], "AES"));
        CryptoPolicy.install("FUTURE");
        Cipher unwrap = Cipher.getInstance("AESWrap");
        unwrap.init(Cipher.UNWRAP_MODE, kek);
        Exception e = assertThrows(
                java.security.InvalidKeyException.class, () -> unwrap.unwrap(wrapped, "AES", Cipher.SECRET_KEY));
        assertTrue(messages(e).contains("keys.symmetric.min_bits"), messages(e));
    }

    @Test
    void frontProvider_servesAllowedFeaturesFromTheirBackend() throws Exception {
        Installation installation = CryptoPolicy.install("DEFAULT");
        assertSame(installation.frontProvider(), Security.getProviders()[0]);
        assertEquals("SunJCE", installation.features().get("Cipher AES/GCM/NoPadding"));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, new byte[12]));
        assertEquals(CryptoPolicyProvider.NAME, c.getProvider().getName());
        assertFalse(installation.features().containsKey("Signature SHA1withRSA"));
    }

    @Test
    void policyThatCannotLoad_leavesProvidersUntouched() {
        List<String> before = names(Security.getProviders());
        assertThrows(PolicyException.class, () -> CryptoPolicy.install("DEFAULT:NO-SUCH-MODIFIER"));
        assertEquals(before, names(Security.getProviders()));
    }

    static List<String> names(Provider[] providers) {
        return java.util.Arrays.stream(providers).map(Provider::getName).toList();
    }

    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            sb.append(x.getMessage()).append(" / ");
        }
        return sb.toString();
    }
}
