package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void jdkProvider_isDescribedByItsOwnNameVersionAndInfo() {
        Provider sun = Security.getProvider("SUN");

        Backend backend = Backend.of(sun);

        assertEquals("SUN", backend.name());
        assertEquals(sun.getVersionStr(), backend.version());
        assertEquals(sun.getInfo(), backend.info());
        assertEquals(sun.getClass().getName(), backend.implementationClass());
        assertSame(sun, backend.provider());
        assertFalse(backend.fips());
    }

    @Test
    void providerMerelyNamedBcfips_isNotAFipsBackend() {
        Backend impostor = Backend.of(new TestProviders.FakeProvider("BCFIPS"));

        assertFalse(impostor.fips());
    }

    @Test
    void bouncyCastleFipsProvider_isAFipsBackend() {
        Backend bcFips = TestBackends.bcFips();

        assertTrue(bcFips.fips());
        assertEquals("BCFIPS", bcFips.name());
        assertTrue(bcFips.toString().contains("(FIPS)"), bcFips.toString());
    }

    @Test
    void registers_followsAliases() {
        Backend sun = TestBackends.jdk("SUN");

        assertTrue(sun.registers("MessageDigest", "SHA-256"));
        assertTrue(sun.registers("MessageDigest", "SHA256"));
        assertTrue(sun.registers(Feature.of("MessageDigest", "sha-256")));
        assertFalse(sun.registers("MessageDigest", "BLAKE2b-512"));
    }

    @Test
    void registers_understandsCipherTransformationsServedByTheBareAlgorithm() {
        Backend sunJce = TestBackends.jdk("SunJCE");

        assertTrue(sunJce.registers("Cipher", "AES/CBC/PKCS5Padding"));
        assertTrue(sunJce.registers("Cipher", "AES/GCM/NoPadding"));
        assertFalse(sunJce.registers("Cipher", "AES/XTS/NoPadding"));
        assertFalse(sunJce.registers("Cipher", "AES/CCM/NoPadding"));
    }

    @Test
    void backendsWrappingTheSameProviderObject_areEqual_andOthersAreNot() {
        Provider one = new TestProviders.FakeProvider("Twin");
        Provider other = new TestProviders.FakeProvider("Twin");

        assertEquals(Backend.of(one), Backend.of(one));
        assertEquals(Backend.of(one).hashCode(), Backend.of(one).hashCode());
        assertNotEquals(Backend.of(one), Backend.of(other));
    }

    @Test
    void nullProvider_isRejected() {
        assertThrows(NullPointerException.class, () -> Backend.of(null));
    }
}
