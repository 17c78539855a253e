package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.PrintingLoggerFinder;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory logged through {@link System.Logger}: in a child JVM whose logging backend is a
 * {@link System.LoggerFinder} of its own ({@link PrintingLoggerFinder}, as a fleet's logging library would be), the records
 * arrive at INFO on {@code dev.cryptopolicy.inventory}, periodically and at exit, each message a
 * line of {@code docs/inventory.schema.json}, summing to the uses made; the control, the same
 * application without {@link Installation#inventoryLogger}, logs none.
 */
@Slow
class InventoryLoggerTest {

    @TempDir
    Path dir;

    @Test
    void recordsArriveAtInfo_periodicallyAndAtExit_followTheSchema_andSumToTheUses() throws Exception {
        List<String> records = records(run("logger"));
        JsonSchema schema = InventorySchemaTest.schema();
        long sha384 = 0;
        int sha384Records = 0;
        for (String r : records) {
            assertTrue(r.startsWith("INFO " + Installation.INVENTORY_LOGGER + " {"), r);
            JsonNode line = Json.parse(r.substring(r.indexOf('{')));
            assertEquals(Set.of(), schema.validate(line), r);
            assertEquals(Child.class.getName(), line.path("class").asText(), () -> "only the application's use: " + r);
            if (line.path("algorithm").asText().equals("SHA-384")) {
                sha384 += line.path("count").asLong();
                sha384Records++;
            }
        }
        // 5 uses logged by a periodic write, 2 more at exit: two records summing to 7.
        assertEquals(7, sha384, records::toString);
        assertTrue(sha384Records >= 2, records::toString);
        assertTrue(records.stream().anyMatch(r -> r.contains("\"key\":\"RSA\",\"bits\":2048")), records::toString);
    }

    @Test
    void control_withoutTheLogger_theSameApplicationLogsNoInventory() throws Exception {
        Jvm.Result r = run("none");
        assertEquals(List.of(), records(r), r.output());
        // The finder was in use all the same: it saw the installation's INFO line.
        assertTrue(r.output().contains("OTHER INFO dev.cryptopolicy cryptopolicy: policy DEFAULT"), r.output());
    }

    private Jvm.Result run(String mode) throws Exception {
        List<String> classPath = new ArrayList<>();
        PrintingLoggerFinder.classPath(dir).forEach(p -> classPath.add(p.toString()));
        classPath.addAll(Jvm.classPath());
        Jvm.Result r = Jvm.run(List.of(), classPath, Child.class, mode);
        assertEquals(0, r.exit(), r.output());
        return r;
    }

    private static List<String> records(Jvm.Result r) {
        return PrintingLoggerFinder.records(r.output());
    }

    /** The application: args[0] is {@code logger} (log the inventory every 200 ms) or {@code none}. */
    public static final class Child {
        private Child() {}

        public static void main(String[] args) throws Exception {
            Installation installed = CryptoPolicy.install("DEFAULT");
            if (args[0].equals("logger")) {
                installed.inventoryLogger(Installation.INVENTORY_LOGGER, Duration.ofMillis(200));
            }
            for (int i = 0; i < 5; i++) {
                MessageDigest.getInstance("SHA-384").digest(new byte[1]);
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            g.generateKeyPair();
            // A periodic write logs the first five uses (the control waits as long, and sees none).
            long end = System.currentTimeMillis() + 20_000;
            while (!PrintingLoggerFinder.inventoryLogged("\"algorithm\":\"SHA-384\"")
                    && System.currentTimeMillis() < end) {
                Thread.sleep(args[0].equals("logger") ? 20 : 1_000);
                if (args[0].equals("none")) {
                    break;
                }
            }
            for (int i = 0; i < 2; i++) {
                MessageDigest.getInstance("SHA-384").digest(new byte[1]);
            }
            // The last two are logged by the write at exit.
        }
    }
}
