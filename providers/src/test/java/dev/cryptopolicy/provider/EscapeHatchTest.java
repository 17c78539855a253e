package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.KeyPairGeneratorSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing public on the objects the JCA hands out leads to a raw backend, and the installed policy
 * cannot be reconfigured through the provider API. Controls: the same requests succeed with the
 * JDK's own providers, and configure works while nothing is installed.
 */
class EscapeHatchTest {

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    /** Every public method of {@code p} that takes no argument and returns an object, invoked: none may be another provider. */
    private static List<String> providersReachableFrom(Provider p) throws Exception {
        List<String> leaks = new ArrayList<>();
        // What code without reflection can call: Provider's API, and the class's own when its package is exported.
        Class<?> api =
                p.getClass().getModule().isExported(p.getClass().getPackageName()) ? p.getClass() : Provider.class;
        for (Method m : api.getMethods()) {
            if (m.getParameterCount() != 0
                    || m.getReturnType() == void.class
                    || Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("clone")
                    || m.getName().equals("clear")) {
                continue;
            }
            Object value = m.invoke(p);
            if (value instanceof Provider other && other != p) {
                leaks.add(m.getName() + "() -> " + other.getClass().getName());
            }
        }
        for (Provider.Service s : p.getServices()) {
            if (s.getProvider() != p) {
                leaks.add(s + " belongs to " + s.getProvider().getClass().getName());
            }
        }
        return leaks;
    }

    @Test
    void wrappersAndFront_offerNoWayToTheProvidersTheyStandFor() throws Exception {
        Provider sunRsaSign = Security.getProvider("SunRsaSign");
        assertEquals(List.of(), providersReachableFrom(sunRsaSign), "control: the JDK's own provider has none either");
        CryptoPolicy.install("DEFAULT");
        for (Provider p : Security.getProviders()) {
            assertEquals(List.of(), providersReachableFrom(p), p.getName());
        }
        Provider wrapper = Security.getProvider("SunRsaSign");
        assertFalse(wrapper == sunRsaSign);
        for (Class<?> c = wrapper.getClass(); c != Provider.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                assertFalse(
                        Modifier.isPublic(m.getModifiers()) && Provider.class.isAssignableFrom(m.getReturnType()),
                        c.getName() + "." + m.getName() + " is public and returns a provider");
            }
        }
    }

    @Test
    void theWrappersServiceAndSpi_stillCheckKeys() throws Exception {
        KeyPairGeneratorSpi control = (KeyPairGeneratorSpi) Security.getProvider("SunRsaSign")
                .getService("KeyPairGenerator", "RSA")
                .newInstance(null);
        control.initialize(1024, null);
        assertEquals(
                1024,
                ((java.security.interfaces.RSAKey) control.generateKeyPair().getPublic())
                        .getModulus()
                        .bitLength());
        CryptoPolicy.install("DEFAULT");
        Provider.Service service = Security.getProvider("SunRsaSign").getService("KeyPairGenerator", "RSA");
        assertSame(Security.getProvider("SunRsaSign"), service.getProvider());
        KeyPairGeneratorSpi spi = (KeyPairGeneratorSpi) service.newInstance(null);
        Exception e = assertThrows(java.security.InvalidParameterException.class, () -> spi.initialize(1024, null));
        assertTrue(e.getMessage().contains("keys.rsa.min_bits"), e.getMessage());
        assertThrows(
                NoSuchAlgorithmException.class,
                () -> Security.getProvider("SunRsaSign")
                        .getService("Signature", "SHA1withRSA")
                        .newInstance(null));
    }

    @Test
    void providerPut_onWrappersAndFront_isRefused_soNoBackendClassIsRegisteredUnderThePolicy() throws Exception {
        // Control: on the JDK's own SunJCE the same call is accepted (the value it already has).
        Provider sunJce = Security.getProvider("SunJCE");
        String des = sunJce.getProperty("Cipher.DES");
        sunJce.put("Cipher.DES", des);
        CryptoPolicy.install("DEFAULT");
        for (Provider p : Security.getProviders()) {
            if (p instanceof dev.cryptopolicy.provider.internal.SealedProvider) {
                UnsupportedOperationException e =
                        assertThrows(UnsupportedOperationException.class, () -> p.put("Cipher.DES", des));
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                assertThrows(
                        UnsupportedOperationException.class,
                        () -> p.setProperty("KeyPairGenerator.RSA2", "sun.security.rsa.RSAKeyPairGenerator$Legacy"));
                assertThrows(UnsupportedOperationException.class, () -> p.putAll(java.util.Map.of("Cipher.DES", des)));
                assertThrows(
                        UnsupportedOperationException.class,
                        () -> p.load(new java.io.ByteArrayInputStream(
                                ("Cipher.DES=" + des).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
                assertThrows(UnsupportedOperationException.class, () -> p.remove("Signature.SHA256withRSA"));
                assertThrows(UnsupportedOperationException.class, p::clear);
            }
        }
        assertTrue(Security.getProvider("SunJCE") instanceof dev.cryptopolicy.provider.internal.SealedProvider);
        assertThrows(NoSuchAlgorithmException.class, () -> Cipher.getInstance("DES/ECB/PKCS5Padding"));
        assertThrows(NoSuchAlgorithmException.class, () -> java.security.KeyPairGenerator.getInstance("RSA2"));
        assertEquals(
                "OK",
                Checks.attempt(() -> Checks.sign("SHA256withRSA", Checks.rsa(null, 2048))),
                "the sealed providers still serve");
    }

    @Test
    void parametersOfAnEngine_nameThePolicysProvider_notTheBackend() throws Exception {
        CryptoPolicy.install("DEFAULT");
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new GCMParameterSpec(128, new byte[12]));
        Provider p = gcm.getParameters().getProvider();
        assertSame(
                Security.getProvider(p.getName()),
                p,
                "AlgorithmParameters from " + p.getClass().getName());
        assertThrows(NoSuchAlgorithmException.class, () -> Cipher.getInstance("DESede/CBC/PKCS5Padding", p));
    }

    @Test
    void generatedParameters_nameThePolicysProvider_notTheBackend() throws Exception {
        java.security.AlgorithmParameterGenerator control = java.security.AlgorithmParameterGenerator.getInstance("DH");
        control.init(512);
        Provider raw = control.generateParameters().getProvider();
        CryptoPolicy.install("DEFAULT");
        java.security.AlgorithmParameterGenerator g = java.security.AlgorithmParameterGenerator.getInstance("DH");
        g.init(512);
        Provider p = g.generateParameters().getProvider();
        assertSame(
                Security.getProvider(p.getName()),
                p,
                "AlgorithmParameters from " + p.getClass().getName());
        assertFalse(p == raw);
        assertThrows(NoSuchAlgorithmException.class, () -> Cipher.getInstance("DESede/CBC/PKCS5Padding", p));
    }

    @Test
    void configure_onTheInstalledFront_orAFreshOne_isRefused_andThePolicyStays() throws Exception {
        CryptoPolicy.install("DEFAULT");
        String certpath = Security.getProperty("jdk.certpath.disabledAlgorithms");
        Provider front = Security.getProvider(CryptoPolicyProvider.NAME);
        IllegalStateException installed = assertThrows(IllegalStateException.class, () -> front.configure("LEGACY"));
        assertTrue(installed.getMessage().contains("policy DEFAULT is installed"), installed.getMessage());
        assertTrue(
                installed.getMessage().contains("no reconfiguration of an installed policy"), installed.getMessage());
        IllegalStateException fresh =
                assertThrows(IllegalStateException.class, () -> new CryptoPolicyProvider().configure("LEGACY"));
        assertTrue(fresh.getMessage().contains("policy DEFAULT is installed"), fresh.getMessage());
        assertSame(front, Security.getProviders()[0]);
        assertThrows(NoSuchAlgorithmException.class, () -> Signature.getInstance("SHA1withRSA"));
        assertEquals(
                certpath,
                Security.getProperty("jdk.certpath.disabledAlgorithms"),
                "the JDK properties stay the policy's");
    }

    @Test
    void configure_onAnAlreadyConfiguredProvider_isRefused_whileOnAFreshOneWithNothingInstalledItWorks() {
        Provider configured = new CryptoPolicyProvider().configure("DEFAULT");
        assertTrue(configured.isConfigured());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> configured.configure("LEGACY"));
        assertTrue(again.getMessage().contains("policy DEFAULT is configured"), again.getMessage());
        assertFalse(Security.getProviders()[0] instanceof CryptoPolicyProvider, "configure alone installs nothing");
    }
}
