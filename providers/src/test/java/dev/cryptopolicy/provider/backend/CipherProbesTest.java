package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CipherProbesTest {

    @Test
    void everyCipherProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        Backend bcFips = TestBackends.bcFips();
        List<Probe> probes = CipherProbes.all();
        // BCFIPS claims AES/KW/NoPadding only through its bare AES service, which refuses it; the
        // suite reports that as unsupported, which notPassing (probe-level) would count.
        List<Probe> bcClaims = probes.stream()
                .filter(probe -> !probe.feature().algorithm().startsWith("AES/KW"))
                .toList();

        List<String> notPassing = TestBackends.notPassing(probes, TestBackends.jdkBackends());
        notPassing.addAll(TestBackends.notPassing(bcClaims, List.of(bcFips)));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void aesCcm_isProvedOnBcfips_whereTheJdkHasNone() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.bcFips(), "Cipher", "AES/CCM/NoPadding");

        assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
        assertTrue(result.reason().contains("SP 800-38C example 3"), result.reason());
    }

    @Test
    void bcfipsKeyWrapUnderTheJdkName_isUnsupported_notFailed() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.bcFips(), "Cipher", "AES/KW/NoPadding");

        assertEquals(ProbeResult.Status.UNSUPPORTED, result.status(), result.toString());
    }
}
