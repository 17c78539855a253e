package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeResultTest {

    private final Backend backend = Backend.of(new TestProviders.FakeProvider("Fake"));

    @Test
    void onlyPassed_countsAsPassed() {
        for (ProbeResult.Status status : ProbeResult.Status.values()) {
            ProbeResult result = ProbeResult.of(backend, Feature.of("Mac", "HmacSHA256"), status, "r", Duration.ZERO);

            assertEquals(status == ProbeResult.Status.PASSED, result.passed(), status.name());
        }
    }

    @Test
    void toString_namesBackendFeatureVerdictTimeAndReason() {
        ProbeResult result = ProbeResult.of(
                backend,
                Feature.of("Cipher", "AES/GCM/NoPadding"),
                ProbeResult.Status.NO_PROBE,
                "no probe for it",
                Duration.ofNanos(2_500_000));

        assertEquals("Fake: Cipher AES/GCM/NoPadding no probe in 2.5 ms: no probe for it", result.toString());
    }

    @Test
    void failedResult_keepsItsReasonAndDuration() {
        ProbeResult result = ProbeResult.of(
                backend,
                Feature.of("MessageDigest", "SHA-1"),
                ProbeResult.Status.FAILED,
                "SHA-1 of \"abc\" was 0x00, expected 0xa9",
                Duration.ofMillis(4));

        assertFalse(result.passed());
        assertEquals(Duration.ofMillis(4), result.duration());
        assertTrue(result.reason().contains("expected 0xa9"));
    }
}
