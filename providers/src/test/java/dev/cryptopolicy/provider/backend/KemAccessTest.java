package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.Test;

class KemAccessTest {

    @Test
    void dhkem_roundTripsThroughReflection_whereTheJdkHasIt() throws Exception {
        Provider sunJce = Security.getProvider("SunJCE");
        assumeTrue(sunJce.getService("KEM", "DHKEM") != null, "DHKEM arrived in JDK 21");
        KeyPair keyPair = KeyPairGenerator.getInstance("X25519").generateKeyPair();

        KemAccess.Encapsulated encapsulated = KemAccess.encapsulate("DHKEM", sunJce, keyPair.getPublic());

        assertArrayEquals(
                encapsulated.key().getEncoded(),
                KemAccess.decapsulate("DHKEM", sunJce, keyPair.getPrivate(), encapsulated.encapsulation())
                        .getEncoded());
    }

    @Test
    void unknownKem_surfacesTheBackendsOwnException_orNamesTheMissingApi() throws Exception {
        Provider sun = Security.getProvider("SUN");
        KeyPair keyPair = KeyPairGenerator.getInstance("X25519").generateKeyPair();

        if (apiPresent()) {
            assertThrows(
                    NoSuchAlgorithmException.class, () -> KemAccess.encapsulate("NoSuchKEM", sun, keyPair.getPublic()));
        } else {
            ProbeFailure failure = assertThrows(
                    ProbeFailure.class, () -> KemAccess.encapsulate("NoSuchKEM", sun, keyPair.getPublic()));
            assertTrue(failure.getMessage().contains("has no javax.crypto.KEM API"), failure.getMessage());
        }
    }

    private static boolean apiPresent() {
        try {
            Class.forName("javax.crypto.KEM");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
