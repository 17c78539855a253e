package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory of an installation: each distinct use once with its count and the application's caller. */
class InventoryRecordingTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    private static void digest(String algorithm) throws Exception {
        MessageDigest.getInstance(algorithm).digest(new byte[1]);
    }

    @Test
    void eachUseOnceWithItsCount_keysWithTheirSize_theCallerIsTheApplication() throws Exception {
        Path file = dir.resolve("inventory.jsonl");
        Installation installed = CryptoPolicy.install("DEFAULT").inventory(file, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            digest("SHA-384");
        }
        Checks.rsa(null, 2048);
        // A refused initialize is asked of every wrapper in turn: one use, counted once.
        assertTrue(Checks.attempt(() -> Checks.rsa(null, 1024)).startsWith("REFUSED"));
        installed.writeInventory();
        List<String> lines = Files.readAllLines(file);
        String sha384 = lines.stream()
                .filter(l -> l.contains("\"algorithm\":\"SHA-384\""))
                .findFirst()
                .orElseThrow();
        assertTrue(sha384.startsWith("{\"v\":1,\"policy\":\"DEFAULT\",") && sha384.endsWith("\"count\":5}"), sha384);
        assertTrue(
                sha384.contains("\"provider\":\"SUN\"")
                        && sha384.contains("\"scope\":\"any\"")
                        && sha384.contains("\"class\":\"" + InventoryRecordingTest.class.getName() + "\"")
                        && sha384.contains("\"location\":\"" + InventoryRecordingTest.class.getName() + ".digest(")
                        && sha384.contains("\"module\":\"unnamed\""),
                sha384);
        assertEquals(
                1,
                lines.stream()
                        .filter(l -> l.contains("\"key\":\"RSA\",\"bits\":2048"))
                        .count(),
                lines::toString);
        String weak = lines.stream()
                .filter(l -> l.contains("\"key\":\"RSA\",\"bits\":1024"))
                .findFirst()
                .orElseThrow();
        assertTrue(weak.endsWith("\"count\":1}"), weak);
        // Nothing of cryptopolicy's own known-answer tests, which ran at installation.
        assertFalse(
                lines.stream().anyMatch(l -> l.contains("\"class\":\"dev.cryptopolicy.provider.backend")),
                lines::toString);
    }
}
