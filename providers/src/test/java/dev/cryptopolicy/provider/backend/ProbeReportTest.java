package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

    private final Backend first = Backend.of(new TestProviders.FakeProvider("First"));
    private final Backend second = Backend.of(new TestProviders.FakeProvider("Second"));
    private final Feature sha256 = Feature.of("MessageDigest", "SHA-256");
    private final Feature gcm = Feature.of("Cipher", "AES/GCM/NoPadding");

    private ProbeReport report() {
        return ProbeReport.of(
                List.of(first, second),
                List.of(
                        result(first, sha256, ProbeResult.Status.FAILED),
                        result(first, gcm, ProbeResult.Status.PASSED),
                        result(second, sha256, ProbeResult.Status.PASSED),
                        result(second, gcm, ProbeResult.Status.PASSED)),
                Duration.ofMillis(7));
    }

    private static ProbeResult result(Backend backend, Feature feature, ProbeResult.Status status) {
        return ProbeResult.of(backend, feature, status, status.name(), Duration.ZERO);
    }

    @Test
    void passing_listsOnlyBackendsWhoseProbePassed_inReportOrder() {
        assertEquals(List.of(second), report().passing(sha256));
        assertEquals(List.of(first, second), report().passing(gcm));
    }

    @Test
    void result_findsAPairIgnoringTheCaseOfTheAlgorithm_andIsEmptyForPairsNotCovered() {
        ProbeReport report = report();

        assertEquals(
                ProbeResult.Status.FAILED,
                report.result(first, Feature.of("MessageDigest", "sha-256"))
                        .orElseThrow()
                        .status());
        assertTrue(report.result(first, Feature.of("Mac", "HmacSHA1")).isEmpty());
        assertTrue(report.result(Backend.of(new TestProviders.FakeProvider("Other")), sha256)
                .isEmpty());
    }

    @Test
    void failures_listsTheClaimsThatProvedFalse() {
        assertEquals(
                List.of(sha256),
                report().failures().stream().map(ProbeResult::feature).toList());
    }

    @Test
    void resultsOfABackend_areInSuiteOrder() {
        assertEquals(
                List.of(sha256, gcm),
                report().results(second).stream().map(ProbeResult::feature).toList());
        assertEquals(List.of(), report().results(Backend.of(new TestProviders.FakeProvider("Other"))));
    }

    @Test
    void resultForABackendOutsideTheReport_isABug() {
        Backend stranger = Backend.of(new TestProviders.FakeProvider("Stranger"));

        assertThrows(
                IllegalArgumentException.class,
                () -> ProbeReport.of(
                        List.of(first), List.of(result(stranger, sha256, ProbeResult.Status.PASSED)), Duration.ZERO));
    }

    @Test
    void toString_summarisesCounts() {
        assertEquals("ProbeReport[2 backends, 4 results, 3 passed, 1 failed, 7 ms]", report().toString());
    }
}
