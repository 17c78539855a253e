package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet migration demo of the README: three applications run under the distribution's agent
 * with {@code DEFAULT} enforced and {@code FUTURE} as the shadow policy, each writing an inventory;
 * {@code cryptopolicy report --policy FUTURE} over the three names each use FUTURE would refuse with
 * its calling class, and nothing else: nothing of the JDK's own set-up, of cryptopolicy's
 * known-answer tests, or of what FUTURE allows.
 */
class FleetReportTest {

    @TempDir
    Path dir;

    private static final Pattern LOCATION = Pattern.compile("^  (\\d+)  (\\S+)  class (\\S+)", Pattern.MULTILINE);

    @Test
    void reportNamesEachUseFutureWouldRefuse_withItsCallingClass_andNothingElse() throws Exception {
        Path classes = Path.of(FleetApp.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> inventories = new ArrayList<>();
        for (String app : List.of("billing", "auth", "catalog")) {
            Path inventory = dir.resolve(app + ".jsonl");
            List<String> command = new ArrayList<>(List.of(
                    Apps.tool("java"),
                    "-javaagent:" + Apps.agentJar() + "=DEFAULT,shadow=FUTURE,inventory=" + inventory));
            if (Runtime.version().feature() >= 22) {
                command.add("--enable-native-access=ALL-UNNAMED");
            }
            command.addAll(List.of("-cp", classes.toString(), FleetApp.class.getName(), app));
            Processes.Finished run = Apps.run(command, Map.of(), dir);
            assertEquals(0, run.exit(), run.describe());
            assertTrue(run.output().contains("done " + app), run.describe());
            assertTrue(Files.isRegularFile(inventory), run.describe());
            inventories.add(inventory.toString());
        }
        Path cli = Apps.agentJar().getParent().getParent().resolve("bin").resolve("cryptopolicy");
        List<String> report = new ArrayList<>(List.of(cli.toString(), "report", "--policy", "FUTURE"));
        report.addAll(inventories);
        Processes.Finished r = Apps.run(report, Map.of("JAVA_HOME", System.getProperty("java.home")), dir);
        assertEquals(1, r.exit(), r.describe());
        Set<String> places = new TreeSet<>();
        Matcher m = LOCATION.matcher(r.output());
        while (m.find()) {
            assertEquals(FleetApp.class.getName(), m.group(3), r.describe());
            places.add(m.group(2).replaceAll("\\(.*", ""));
        }
        String app = FleetApp.class.getName();
        assertEquals(Set.of(app + ".billing", app + ".key", app + ".auth"), places, r.describe());
        assertTrue(r.output().contains("KeyPairGenerator RSA with RSA key of 2048 bits: 2 uses"), r.describe());
        assertTrue(r.output().contains("Signature SHA256withRSA with RSA key of 2048 bits: 1 use"), r.describe());
        assertFalse(
                r.output().contains("catalog")
                        || r.output().contains("MD5")
                        || r.output().contains("ARCFOUR"),
                r.describe());
        // Control: the inventories hold what FUTURE allows too (the catalog's AES-GCM), it is just not refused.
        assertTrue(
                Files.readString(dir.resolve("catalog.jsonl")).contains("\"algorithm\":\"AES/GCM/NoPadding\""),
                Files.readString(dir.resolve("catalog.jsonl")));
    }
}
