package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.apps.Apps.Agent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that bundles the non-FIPS Bouncy Castle provider (bcprov-jdk18on) and registers it
 * itself, first ({@code insert}: {@code Security.insertProviderAt(bc, 1)}) or last ({@code add}:
 * {@code Security.addProvider(bc)}) (src/apps/bcprov).
 */
class BouncyCastleAppTest {

    private static final String BCPROV = "BouncyCastle Security Provider v1.80";

    @TempDir
    static Path dir;

    private static App app;

    @BeforeAll
    static void buildOnce() throws Exception {
        app = App.build("bcprov", dir);
    }

    private static Report run(Agent agent, String mode) throws Exception {
        Report report = app.runMain(app.java(agent), mode);
        assertEquals(BCPROV, report.version("bcprov"), report.output());
        assertTrue(report.output().contains("registered BC at "), report.output());
        return report;
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "add"})
    void underTheAgent_itStartsWithItsBouncyCastle_andDefaultHoldsAlsoForRequestsNamingBc(String mode)
            throws Exception {
        Report report = run(Agent.DEFAULT, mode);
        if (mode.equals("add")) {
            assertAll(
                    report::assertDefaultHolds,
                    () -> report.refused("sha1withrsa-bc"),
                    () -> report.refused("rsa1024-bc"));
            return;
        }
        // Known limit (README, Limitations): ahead of SUN, BC's own PKCS#12 key store serves
        // KeyStore.getInstance("PKCS12"), and under the policy it cannot open the server's key
        // store (it reaches its own provider for algorithms outside the policy language), so the
        // TLS server of this application does not start; every refusal of the policy holds.
        assertAll(
                "under DEFAULT, BC first",
                () -> report.ok("sha256withrsa"),
                () -> report.ok("rsa2048"),
                () -> report.refused("sha1withrsa", "NoSuchAlgorithmException", "policy DEFAULT"),
                () -> report.refused("rsa1024", "InvalidParameterException", "keys.rsa.min_bits"),
                () -> report.refused("tls11-context", "NoSuchAlgorithmException", "tls.min_protocol"),
                () -> report.refused("tls-handshake", "keystore password was incorrect"),
                () -> report.refused("sha1withrsa-bc"),
                () -> report.refused("rsa1024-bc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "add"})
    void withoutTheAgent_theSameRequestsSucceed_andBcServesThoseNamingIt(String mode) throws Exception {
        Report report = run(Agent.NONE, mode);
        report.assertAllAllowed();
        assertTrue(report.ok("sha1withrsa-bc").endsWith(" from BC"), report.output());
        assertEquals("1024 bits from BC", report.ok("rsa1024-bc"), report.output());
        if (mode.equals("insert")) {
            // First in the list, BC serves even the requests that name no provider.
            assertTrue(report.ok("sha1withrsa").endsWith(" from BC"), report.output());
        }
    }
}
