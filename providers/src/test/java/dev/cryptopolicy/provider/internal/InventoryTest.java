package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void valuesAreEscapedAsJson() throws Exception {
        Inventory inventory = new Inventory(dir.resolve("esc.jsonl"), "a\"b\\c\n", 3);
        inventory.add(Callers.current(), ServiceType.MESSAGE_DIGEST, "X\u0001", null, null);
        inventory.write();
        String line = Files.readString(dir.resolve("esc.jsonl"));
        assertTrue(line.contains("\"policy\":\"a\\\"b\\\\c\\n\"") && line.contains("\"algorithm\":\"X\\u0001\""), line);
    }
}
