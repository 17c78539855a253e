package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} over a fleet's inventories: 1,000 files (one per JVM) of 200 lines each, read by
 * the CLI in a JVM with a 64 MiB heap (ten times the lines would fit no tree of them), gives the
 * totals the fleet recorded, computed by {@link FleetInventories} from its catalogue rather than by
 * the engine. The README gives the timing of 10 million lines.
 */
@Slow
class ReportAtScaleTest {

    @TempDir
    Path dir;

    @Test
    void thousandFiles_inA64MiBHeap_giveTheFleetsTotals() throws Exception {
        FleetInventories.Expected expected = FleetInventories.write(dir, 1_000, 200);
        List<String> args = new ArrayList<>(List.of("report", "--policy", "FUTURE", "--format", "json"));
        try (var files = Files.list(dir)) {
            files.map(Path::toString).sorted().forEach(args::add);
        }
        assertEquals(1_000 + 5, args.size());
        Jvm.Result r = Jvm.run(List.of("-Xmx64m"), Jvm.classPath(), Main.class, args.toArray(String[]::new));
        assertEquals(
                ExitStatus.FAILED,
                r.exit(),
                () -> r.output().substring(0, Math.min(2_000, r.output().length())));
        JsonNode result = Json.parse(r.output()).get("result");
        assertEquals(1_000, result.get("files").asLong());
        assertEquals(200_000, result.get("lines").asLong());
        assertEquals(expected.uses(), result.get("uses").asLong());
        assertEquals(0, result.get("notItemised").asLong());
        Map<String, Long> uses = new TreeMap<>();
        Map<String, Long> locations = new TreeMap<>();
        for (JsonNode f : result.get("findings")) {
            String subject = f.get("service").asText() + " "
                    + f.get("algorithm").asText()
                    + (f.has("key")
                            ? " with " + f.get("key").asText() + " key"
                                    + (f.has("curve")
                                            ? " on curve " + f.get("curve").asText()
                                            : " of " + f.get("bits").asText() + " bits")
                            : "");
            uses.put(subject, f.get("count").asLong());
            locations.put(subject, (long) f.get("locations").size());
        }
        assertEquals(expected.refusedUses(), uses);
        assertEquals(expected.refusedLocations(), locations);
    }
}
