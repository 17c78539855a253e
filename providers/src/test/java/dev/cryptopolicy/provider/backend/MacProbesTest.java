package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacProbesTest {

    @Test
    void everyHmacProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing = TestBackends.notPassing(
                MacProbes.all(), DigestProbesTest.concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void everyHmacOfTheBaseline_hasAProbe() {
        List<String> names = MacProbes.all().stream()
                .map(probe -> probe.feature().algorithm())
                .toList();

        assertEquals(
                List.of(
                        "HmacSHA1",
                        "HmacSHA224",
                        "HmacSHA256",
                        "HmacSHA384",
                        "HmacSHA512",
                        "HmacSHA512/224",
                        "HmacSHA512/256",
                        "HmacSHA3-224",
                        "HmacSHA3-256",
                        "HmacSHA3-384",
                        "HmacSHA3-512"),
                names);
    }
}
