package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real peers against the installed policy (child JVMs: install, then {@code SSLContext.getInstance("TLS")}
 * as an application would), so the JDK properties install sets are in force too.
 */
@Slow
class InstalledPolicyPeerTest {

    @ParameterizedTest
    @ValueSource(strings = {"DEFAULT", "FUTURE", "FIPS"})
    void aTls13OpenSslServer_isReachedUnderEveryModernPolicy(String policy) throws Exception {
        String out = TlsPeer.installedAgainst(TestPki.ec(), policy);
        assertTrue(
                out.contains(policy + " " + (policy.equals("FIPS") ? "BCJSSE" : "SunJSSE") + " CONNECTED TLSv1.3"),
                out);
    }

    @Test
    void aServerWithAn2048BitRsaCertificate_isRefusedUnderFuture_andAcceptedUnderDefault() throws Exception {
        String out = TlsPeer.installedAgainst(TestPki.rsa(), "FUTURE");
        assertTrue(out.contains("FUTURE SunJSSE REFUSED"), out);
        out = TlsPeer.installedAgainst(TestPki.rsa(), "DEFAULT");
        assertTrue(out.contains("DEFAULT SunJSSE CONNECTED TLSv1.3"), out);
    }
}
