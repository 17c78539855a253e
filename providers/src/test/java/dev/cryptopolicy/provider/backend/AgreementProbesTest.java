package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementProbesTest {

    @Test
    void everyAgreementAndKemProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing = TestBackends.notPassing(
                AgreementProbes.all(), DigestProbesTest.concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void x25519_matchesRfc7748_forBothParties() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.jdk("SunEC"), "KeyAgreement", "X25519");

        assertEquals(
                "X25519 matched RFC 7748 section 6.1 for both parties; another peer gave another secret",
                result.reason());
    }

    @Test
    void backendAnsweringThePublishedSecretForAnyKeys_fails() {
        Backend constant = Backend.of(new TestProviders.FakeProvider("Constant")
                .add("KeyAgreement", "X25519", TestProviders.ConstantX25519.class));

        ProbeResult result = ProbeSuite.standard().run(constant, "KeyAgreement", "X25519");

        // Both published parties get the published secret; the third computation gives it away.
        assertEquals(ProbeResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.reason().startsWith("X25519 gave 0x4a5d9d5b"), result.reason());
    }

    @Test
    void mlKem_isProbedWhereTheJdkHasIt_andUnsupportedWhereItDoesNot() {
        Backend sunJce = TestBackends.jdk("SunJCE");

        ProbeResult result = ProbeSuite.standard().run(sunJce, "KEM", "ML-KEM");

        assertEquals(
                sunJce.registers("KEM", "ML-KEM") ? ProbeResult.Status.PASSED : ProbeResult.Status.UNSUPPORTED,
                result.status(),
                result.toString());
    }
}
