package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditModeTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void auditMode_refusesNothingAndRecordsEachWouldBeRefusalOncePerRule() throws Exception {
        Path policy = dir.resolve("audit.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nmode: audit\n");
        Path jfr = dir.resolve("audit.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.cryptopolicy.AuditRefusal");
            recording.start();
            Installation installation = CryptoPolicy.install(policy.toString());
            for (int i = 0; i < 3; i++) {
                assertEquals("OK", Checks.attempt(() -> Checks.sign("SHA1withRSA", Checks.rsa(null, 2048))));
                assertEquals("OK", Checks.attempt(() -> Checks.rsa(null, 1024)));
            }
            Map<String, Long> refusals = installation.refusals();
            assertEquals(3L, refusals.get("Signature SHA1withRSA | algorithms.Signature"), refusals::toString);
            assertEquals(3L, refusals.get("KeyPairGenerator RSA | keys.rsa.min_bits"), refusals::toString);
            recording.stop();
            recording.dump(jfr);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<String> features = events.stream().map(e -> e.getString("feature")).toList();
        assertEquals(
                1, features.stream().filter("Signature SHA1withRSA"::equals).count(), features::toString);
        assertEquals(1, features.stream().filter("KeyPairGenerator RSA"::equals).count(), features::toString);
        assertTrue(events.stream().allMatch(e -> e.getString("policy").endsWith("audit.yaml")));
    }

    @Test
    void enforceMode_countsRefusalsToo() throws Exception {
        Installation installation = CryptoPolicy.install("DEFAULT");
        Checks.attempt(() -> Checks.rsa(null, 1024));
        // The JCA retries a refused initialize on the next provider; each wrapper refuses and counts it.
        assertTrue(
                installation.refusals().get("KeyPairGenerator RSA | keys.rsa.min_bits") >= 1,
                installation.refusals()::toString);
    }
}
