package dev.cryptopolicy.provider.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.JulFileConfig;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory's write at exit through java.util.logging, the JDK's default {@link System.Logger}
 * backend, to a {@code FileHandler} of the application's configured by
 * {@code java.util.logging.config.file}: a child JVM makes one use and exits at once (by
 * {@code System.exit} and by returning from {@code main}), so that its only record is the write
 * at exit, which races the JDK's own shutdown hook that closes every handler. With
 * {@link InventoryLogManager} as the log manager the record is in the log on every one of 20 runs
 * in a row, alternately by each way; the control, the JDK's manager, loses it, and the installation warns of it.
 */
@Slow
class InventoryLogManagerTest {
    private static final int RUNS = 20;
    private static final String RECORD = "\"service\":\"MessageDigest\",\"algorithm\":\"SHA-384\"";

    @TempDir
    Path dir;

    @Test
    void withTheManager_theRecordAtExitReachesTheFileHandler_on20RunsInARow_bySystemExitAndByReturn() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            String how = i % 2 == 0 ? "exit" : "return";
            String log = run(true, how);
            int run = i + 1;
            assertTrue(
                    log.contains(RECORD),
                    () -> "run " + run + " of " + RUNS + " (" + how + ") lost the record at exit:\n" + log);
            assertTrue(!log.contains("may be lost"), log);
        }
    }

    @Test
    void control_withTheJdksManager_theRecordAtExitIsLost_andTheInstallationSaysSo() throws Exception {
        int lost = 0;
        String log = "";
        for (int i = 0; i < RUNS && lost == 0; i++) {
            log = run(false, i % 2 == 0 ? "exit" : "return");
            assertTrue(log.contains("the inventory's records at exit may be lost"), log);
            if (!log.contains(RECORD)) {
                lost++;
            }
        }
        assertTrue(lost > 0, () -> "no run of " + RUNS + " lost the record at exit without the manager");
        assertTrue(log.contains("cryptopolicy: policy DEFAULT"), () -> "the handler was in use all the same");
    }

    /** The child's log file after one run. */
    private String run(boolean manager, String how) throws Exception {
        Path file = dir.resolve("app.log");
        Path config = JulFileConfig.write(dir, file);
        List<String> options =
                new ArrayList<>(List.of("-Djava.util.logging.config.file=" + config, "-XX:TieredStopAtLevel=1"));
        if (manager) {
            options.add("-Djava.util.logging.manager=" + InventoryLogManager.class.getName());
        }
        Jvm.Result r = Jvm.run(options, Jvm.classPath(), Child.class, how);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("used"), r.output());
        return Files.readString(file);
    }

    /** The application: one SHA-384 digest, then {@code System.exit(0)} (args[0] {@code exit}) or the end of main. */
    public static final class Child {
        private Child() {}

        public static void main(String[] args) throws Exception {
            Installation installed = CryptoPolicy.install("DEFAULT");
            // No periodic write before the exit: the write at exit is the only one.
            installed.inventoryLogger(Installation.INVENTORY_LOGGER, Duration.ofHours(1));
            MessageDigest.getInstance("SHA-384").digest(new byte[1]);
            System.out.println("used");
            if (args[0].equals("exit")) {
                System.exit(0);
            }
        }
    }
}
