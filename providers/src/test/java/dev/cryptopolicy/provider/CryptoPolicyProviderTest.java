package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.ProviderException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front provider as the JDK's java.security route creates it, in-process and without
 * installing anything: configure never throws, and a provider that cannot apply its policy
 * refuses every lookup. (JavaSecurityRouteTest runs the same cases in fresh JVMs.)
 */
class CryptoPolicyProviderTest {

    private static final List<String[]> LOOKUPS = List.of(
            new String[] {"Signature", "SHA256withRSA"},
            new String[] {"MessageDigest", "SHA-256"},
            new String[] {"Cipher", "AES/GCM/NoPadding"},
            new String[] {"SecureRandom", "DRBG"},
            new String[] {"KeyStore", "PKCS12"},
            new String[] {"CertificateFactory", "X.509"},
            new String[] {"SSLContext", "TLS"},
            new String[] {"NoSuchType", "NoSuchAlgorithm"});

    private static void assertRefusesEverything(Provider p, String problem) {
        for (String[] lookup : LOOKUPS) {
            ProviderException e = assertThrows(
                    ProviderException.class, () -> p.getService(lookup[0], lookup[1]), lookup[0] + " " + lookup[1]);
            assertTrue(
                    e.getMessage().startsWith(lookup[0] + " " + lookup[1] + " is refused: cryptopolicy: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(problem), e.getMessage());
            // Asked again, as a retrying application would: the same answer.
            assertThrows(ProviderException.class, () -> p.getService(lookup[0], lookup[1]));
        }
        assertThrows(ProviderException.class, p::getServices);
    }

    @Test
    void unconfiguredInstance_refusesEveryLookup() {
        assertRefusesEverything(new CryptoPolicyProvider(), "has no policy reference");
    }

    @Test
    void blankReference_refusesEveryLookup_insteadOfThrowing() {
        assertRefusesEverything(new CryptoPolicyProvider().configure("  "), "has no policy reference");
    }

    @Test
    void policyThatCannotBeLoaded_refusesEveryLookup_namingEveryProblem() {
        Provider p = new CryptoPolicyProvider().configure("DEFAULT:NO-SUCH-MODIFIER");
        assertEquals(CryptoPolicyProvider.NAME, p.getName());
        assertRefusesEverything(p, "policy DEFAULT:NO-SUCH-MODIFIER from java.security cannot be loaded");
        assertRefusesEverything(p, "unknown modifier 'NO-SUCH-MODIFIER'");
    }

    @Test
    void control_aLoadablePolicy_givesAProviderThatIsNotRefusing() {
        CryptoPolicyProvider p = (CryptoPolicyProvider) new CryptoPolicyProvider().configure("DEFAULT");
        assertNull(p.refusal());
        assertEquals("DEFAULT", p.policy());
        assertNotNull(new CryptoPolicyProvider().refusal());
    }
}
