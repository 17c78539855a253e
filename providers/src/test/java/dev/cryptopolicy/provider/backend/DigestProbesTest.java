package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestProbesTest {

    @Test
    void everyDigestProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing =
                TestBackends.notPassing(DigestProbes.all(), concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void digestThatDoesNotResetAfterDigest_failsOnTheSecondComputation() {
        Backend backend = Backend.of(new TestProviders.FakeProvider("Resetless")
                .add("MessageDigest", "SHA-256", TestProviders.ResetlessSha256.class));

        ProbeResult result = ProbeSuite.standard().run(backend, "MessageDigest", "SHA-256");

        assertEquals(ProbeResult.Status.FAILED, result.status());
        assertTrue(result.reason().startsWith("SHA-256 of \"abc\" fed in two updates was 0x"), result.reason());
    }

    @Test
    void shakeWithAProviderChosenLength_isCheckedAgainstThePrefixOfTheReferenceStream() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.bcFips(), "MessageDigest", "SHAKE128");

        assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
        assertTrue(result.reason().contains("256-bit output"), result.reason());
    }

    static List<Backend> concat(List<Backend> backends, Backend extra) {
        ArrayList<Backend> all = new ArrayList<>(backends);
        all.add(extra);
        return all;
    }
}
