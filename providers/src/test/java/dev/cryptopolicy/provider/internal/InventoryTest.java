package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory's bound: past its capacity, new distinct uses are counted, never held. */
class InventoryTest {

    @TempDir
    Path dir;

    @Test
    void boundedMemory_overflowIsCountedAndWritten() throws Exception {
        Inventory inventory = new Inventory(dir.resolve("inv.jsonl"), "DEFAULT", 3);
        Callers.Caller caller = Callers.current();
        for (int i = 0; i < 10; i++) {
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-" + i, "SUN", null);
        }
        // A use already held is still counted after the inventory is full.
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-0", "SUN", null);
        assertEquals(3, inventory.size());
        assertEquals(7, inventory.overflow());
        inventory.write();
        List<String> lines = Files.readAllLines(dir.resolve("inv.jsonl"));
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("\"algorithm\":\"SHA-0\"") && l.endsWith("\"count\":2}")),
                lines::toString);
        assertTrue(lines.get(3).contains("\"overflow\":7"), lines::toString);
        assertTrue(lines.get(0).contains("\"class\":\"" + InventoryTest.class.getName() + "\""), lines::toString);
        // Control: with room for all, nothing overflows.
        Inventory roomy = new Inventory(dir.resolve("roomy.jsonl"), "DEFAULT", 100);
        for (int i = 0; i < 10; i++) {
            roomy.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-" + i, "SUN", null);
        }
        assertEquals(10, roomy.size());
        assertEquals(0, roomy.overflow());
    }

    @Test
    void aRepeatedUse_isCountedIntoItsEntry_withNoAllocation() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Inventory inventory = new Inventory(dir.resolve("inv.jsonl"), "DEFAULT", 100);
        Callers.Caller caller = Callers.current();
        int calls = 100_000;
        // Warmed up: the first use builds its entry.
        for (int i = 0; i < 1_000; i++) {
            inventory.add(caller, ServiceType.SIGNATURE, "SHA256withECDSA", "SunEC", null);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            inventory.add(caller, ServiceType.SIGNATURE, "SHA256withECDSA", "SunEC", null);
        }
        long repeated = threads.getCurrentThreadAllocatedBytes() - before;
        // Control: two uses taking turns at one location miss the location's last use and build
        // their entries' keys, which the same measurement sees.
        before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, i % 2 == 0 ? "SHA-256" : "SHA-384", "SUN", null);
        }
        long alternating = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(repeated < calls / 10, () -> repeated + " bytes for " + calls + " repeated uses");
        assertTrue(alternating > calls, () -> alternating + " bytes for " + calls + " alternating uses");
        inventory.write();
        List<String> lines = Files.readAllLines(dir.resolve("inv.jsonl"));
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("\"algorithm\":\"SHA256withECDSA\"")
                                && l.endsWith("\"count\":" + (calls + 1_000) + "}")),
                lines::toString);
        assertTrue(
                lines.stream()
                        .anyMatch(l ->
                                l.contains("\"algorithm\":\"SHA-384\"") && l.endsWith("\"count\":" + calls / 2 + "}")),
                lines::toString);
    }

    @Test
    void usesThatDifferOnlyInAliasProviderOrKey_atOneLocation_areKeptApart_orMergedUnderTheCatalogsName()
            throws Exception {
        Inventory inventory = new Inventory(dir.resolve("inv.jsonl"), "DEFAULT", 100);
        Callers.Caller caller = Callers.current();
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA256", "SUN", null);
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "OTHER", null);
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
        inventory.add(caller, ServiceType.KEY_PAIR_GENERATOR, "RSA", "SunRsaSign", new KeyInfo("RSA", 2048, null));
        inventory.add(caller, ServiceType.KEY_PAIR_GENERATOR, "RSA", "SunRsaSign", new KeyInfo("RSA", 3072, null));
        inventory.add(caller, ServiceType.KEY_PAIR_GENERATOR, "RSA", "SunRsaSign", new KeyInfo("RSA", 2048, null));
        inventory.write();
        List<String> lines = Files.readAllLines(dir.resolve("inv.jsonl"));
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("\"algorithm\":\"SHA-256\",\"provider\":\"SUN\"")
                                && l.endsWith("\"count\":3}")),
                lines::toString);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("\"provider\":\"OTHER\"") && l.endsWith("\"count\":1}")),
                lines::toString);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("\"bits\":2048") && l.endsWith("\"count\":2}")),
                lines::toString);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("\"bits\":3072") && l.endsWith("\"count\":1}")),
                lines::toString);
    }

    @Test
    void tlsSessions_areEntriesOfTheSameBoundedInventory_oncePerSessionAndLocation() throws Exception {
        Inventory inventory = new Inventory(dir.resolve("tls.jsonl"), "DEFAULT", 3);
        Callers.Caller caller = Callers.current();
        TlsSessionUse rsa = new TlsSessionUse(
                "TLSv1.3",
                "TLS_AES_256_GCM_SHA384",
                new KeyInfo("RSA", 2048, null),
                "SHA256withRSA",
                "x25519",
                "rsa_pss_rsae_sha256",
                null);
        inventory.addTls(caller, rsa);
        inventory.addTls(caller, rsa);
        // The same suite and key under another protocol is another session.
        inventory.addTls(
                caller,
                new TlsSessionUse(
                        "TLSv1.2", "TLS_AES_256_GCM_SHA384", new KeyInfo("RSA", 2048, null), null, null, null, null));
        inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
        // Full: one more session (the same but for its group) is counted in the overflow, as any use is.
        inventory.addTls(
                caller,
                new TlsSessionUse(
                        "TLSv1.3",
                        "TLS_AES_256_GCM_SHA384",
                        new KeyInfo("RSA", 2048, null),
                        "SHA256withRSA",
                        "secp256r1",
                        "rsa_pss_rsae_sha256",
                        null));
        assertEquals(3, inventory.size());
        assertEquals(1, inventory.overflow());
        inventory.write();
        List<String> lines = Files.readAllLines(dir.resolve("tls.jsonl"));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("\"service\":\"TLS\",\"algorithm\":\"TLS_AES_256_GCM_SHA384\""
                                        + ",\"key\":\"RSA\",\"bits\":2048,\"tls\":{\"protocol\":\"TLSv1.3\""
                                        + ",\"peerSignature\":\"SHA256withRSA\",\"group\":\"x25519\""
                                        + ",\"signatureScheme\":\"rsa_pss_rsae_sha256\"},\"scope\":\"tls\"")
                                && l.endsWith("\"count\":2}")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"tls\":{\"protocol\":\"TLSv1.2\"}")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"overflow\":1")), lines::toString);
    }

    @Test
    void valuesAreEscapedAsJson() throws Exception {
        Inventory inventory = new Inventory(dir.resolve("esc.jsonl"), "a\"b\\c\n", 3);
        inventory.add(Callers.current(), ServiceType.MESSAGE_DIGEST, "X\u0001", null, null);
        inventory.write();
        String line = Files.readString(dir.resolve("esc.jsonl"));
        assertTrue(line.contains("\"policy\":\"a\\\"b\\\\c\\n\"") && line.contains("\"algorithm\":\"X\\u0001\""), line);
    }

    @Test
    void throughALogger_eachRecordCountsTheUsesSinceThePrevious_andNothingWhileInfoIsOff() {
        Logger jul = Logger.getLogger("dev.cryptopolicy.inventory.InventoryTest");
        List<String> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(handler);
        jul.setUseParentHandlers(false);
        try {
            Inventory inventory = new Inventory(null, "DEFAULT", 2);
            inventory.logger(jul.getName());
            Callers.Caller caller = Callers.current();
            for (int i = 0; i < 3; i++) {
                inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
            }
            inventory.write();
            assertEquals(1, records.size(), records::toString);
            assertTrue(
                    records.get(0).startsWith("INFO {\"v\":1,\"policy\":\"DEFAULT\",")
                            && records.get(0).contains("\"algorithm\":\"SHA-256\"")
                            && records.get(0).endsWith("\"count\":3}"),
                    records::toString);
            records.clear();
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-384", "SUN", null);
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-512", "SUN", null);
            inventory.write();
            assertEquals(3, records.size(), records::toString);
            assertTrue(records.stream().anyMatch(r -> r.contains("SHA-256") && r.endsWith("\"count\":1}")));
            assertTrue(records.stream().anyMatch(r -> r.contains("SHA-384") && r.endsWith("\"count\":1}")));
            assertTrue(records.stream().anyMatch(r -> r.endsWith("\"overflow\":1}")), records::toString);
            records.clear();
            // Nothing new: nothing logged.
            inventory.write();
            assertEquals(List.of(), records);
            // Off at INFO: nothing is logged and nothing is lost; the uses come with the next record.
            jul.setLevel(Level.WARNING);
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-384", "SUN", null);
            inventory.write();
            assertEquals(List.of(), records);
            jul.setLevel(Level.INFO);
            inventory.add(caller, ServiceType.MESSAGE_DIGEST, "SHA-384", "SUN", null);
            inventory.write();
            assertEquals(1, records.size(), records::toString);
            assertTrue(
                    records.get(0).contains("SHA-384") && records.get(0).endsWith("\"count\":2}"), records::toString);
            assertThrows(IllegalStateException.class, () -> inventory.logger("another"));
        } finally {
            jul.removeHandler(handler);
        }
    }
}
