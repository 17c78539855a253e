package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.internal.AllowlistHarness;
import dev.cryptopolicy.provider.internal.AllowlistProbe;
import dev.cryptopolicy.testkit.Slow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each entry of the JDK call-site allowlist is for: the JDK operation that needs it works
 * with the standard allowlist and fails with that one entry removed (fresh JVMs: the JDK caches
 * some of these answers for its lifetime).
 */
@Slow
class JdkCallSiteTest {

    private static String probe(String policy, String drop, String operation, String... jvmOptions) throws Exception {
        List<String> options = new ArrayList<>(List.of(jvmOptions));
        Jvm.Result r = Jvm.run(options, Jvm.classPath(), AllowlistProbe.class, policy, drop, operation);
        String line = r.output()
                .lines()
                .filter(l -> l.startsWith("result="))
                .findFirst()
                .orElse("no result: " + r.output());
        return line;
    }

    /** Each allowlist entry, a policy that refuses what it allows, and the JDK operation that needs it. */
    @ParameterizedTest(name = "{2} under {1} needs {0}")
    @CsvSource({
        "java.util.UUID.nameUUIDFromBytes, DEFAULT, uuid",
        "sun.security.ssl.JsseJce$EcAvailability.<clinit>, DEFAULT, tls-ec",
        "com.sun.crypto.provider.HmacCore.<init>, DEFAULT:NO-SHA1, hmac-sha1",
        "com.sun.crypto.provider.PKCS12PBECipherCore.derive, DEFAULT:NO-SHA1, pkcs12-legacy",
        "com.sun.crypto.provider.PBES1Core.<init>, DEFAULT, pbe-md5",
        "sun.security.provider.SeedGenerator.getSystemEntropy, DEFAULT:NO-SHA1, securerandom-drbg",
        "sun.security.provider.SecureRandom.init, DEFAULT:NO-SHA1, securerandom-default",
        "org.bouncycastle.jsse.provider.ProvTrustManagerFactorySpi.createTrustStore, FIPS, fips-trust",
        "org.bouncycastle.jsse.provider.ProvKeyManagerFactorySpi.createKeyStore, FIPS, fips-default-context",
    })
    void theJdkOperation_worksWithTheEntry_andFailsWithoutIt(String entry, String policy, String operation)
            throws Exception {
        String[] options =
                policy.equals("FIPS") ? new String[] {"-Dorg.bouncycastle.fips.approved_only=true"} : new String[0];
        String with = probe(policy, "none", operation, options);
        assertTrue(
                with.startsWith("result=OK"), operation + " under " + policy + " with the standard allowlist: " + with);
        String without = probe(policy, entry, operation, options);
        assertTrue(
                without.startsWith("result=FAILED"),
                operation + " under " + policy + " must fail without " + entry + ": " + without);
    }

    /**
     * Every entry is shown above, but one that only the agent route needs: the signed-jar verifier's
     * digests ({@code sun.security.util.ManifestEntryVerifier.setEntry}) come from a SUN provider
     * object the JDK makes itself, which only the agent governs; the agent module's FIPS tests
     * ({@code SelfContainedAgentTest}, {@code ApplicationLibrariesTest}) load bc-fips classes after
     * installation and fail without that entry.
     */
    @Test
    void everyEntry_isShownAbove() {
        assertEquals(9 + 1, AllowlistHarness.standardSize(), "an allowlist entry without a test of what it is for");
    }
}
