package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RandomProbesTest {

    @Test
    void everySecureRandomProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing = TestBackends.notPassing(
                RandomProbes.all(), DigestProbesTest.concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void randomSourceThatOnlyGivesZeros_fails() {
        Backend dead = Backend.of(
                new TestProviders.FakeProvider("Dead").add("SecureRandom", "DRBG", TestProviders.ZeroRandom.class));

        ProbeResult result = ProbeSuite.standard().run(dead, "SecureRandom", "DRBG");

        assertEquals(ProbeResult.Status.FAILED, result.status());
        assertEquals("DRBG produced 32 zero bytes", result.reason());
    }

    @Test
    void blockingSource_hasNoProbe_soAConfigureTimeCheckCannotHang() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.jdk("SUN"), "SecureRandom", "NativePRNGBlocking");

        assertEquals(ProbeResult.Status.NO_PROBE, result.status());
    }
}
