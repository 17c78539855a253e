package dev.cryptopolicy.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table {@code benchmarks/run} prints, rendered from a recorded JMH JSON result
 * ({@code testdata/benchmarks/jmh-quick-result.json}): figures, ratios and verdicts as the file
 * says, whatever they are; no timing is measured here.
 */
class TableTest {
    @TempDir
    Path dir;

    private static Map<String, Table.Result> recorded() throws Exception {
        return Table.read(TestData.path("benchmarks/jmh-quick-result.json"));
    }

    @Test
    void everyRowOfTheRecordedRun_isRendered_withBothSidesFromTheSameFile() throws Exception {
        Map<String, Table.Result> results = recorded();
        for (String key : Table.keys()) {
            assertTrue(results.containsKey(key), key + " not in the recorded run: " + results.keySet());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("| benchmark | direct | policy | ratio | target | met? |", lines.get(0));
        assertEquals(2 + Table.ROWS.size(), lines.size(), String.join("\n", lines));
        // The recorded SHA-256 16 KiB figures: 5.80 direct, 2.14 policy ops/ms, ratio 0.37, below 0.98.
        assertEquals("| SHA-256 of 16 KiB | 5.80 ops/ms | 2.14 ops/ms | 0.37 | >= 0.98 | **no** |", lines.get(2));
        // A throughput row above its target, and a time row (lower is better).
        assertTrue(
                lines.contains("| RSA-2048 verify | 1.30 ops/ms | 2.66 ops/ms | 2.05 | >= 0.95 | yes |"),
                String.join("\n", lines));
        assertTrue(
                lines.contains(
                        "| getInstance MessageDigest SHA-256 | 1727 ns/op | 2336 ns/op | 1.35 | <= 1.25 | **no** |"),
                String.join("\n", lines));
        // Decisions carry JMH's gc profiler's B/op, against DEFAULT's own decision.
        assertTrue(
                lines.contains(
                        "| one decision, DEFAULT + 1,000 rules | 139 ns/op, 0.0 B/op | 232 ns/op, 0.0 B/op | 1.67"
                                + " | <= 25 ns, 0 B/op, flat | **no** |"),
                String.join("\n", lines));
    }

    @Test
    void verdicts_followTheRowKind() {
        Table.Result fast = new Table.Result(10, 1, "ns/op", 0);
        Table.Result slow = new Table.Result(30, 1, "ns/op", 0);
        Table.Result allocating = new Table.Result(10, 1, "ns/op", 24);
        Map<String, Table.Result> r = new HashMap<>(Map.of("a", fast, "b", slow, "c", allocating));
        assertTrue(Table.line(new Table.Row("t", Table.Kind.TIME, 1.25, "a", "b"), r)
                .endsWith("| 3.00 | <= 1.25 | **no** |"));
        assertTrue(Table.line(new Table.Row("t", Table.Kind.TIME, 1.25, "b", "a"), r)
                .endsWith("| 0.33 | <= 1.25 | yes |"));
        assertTrue(Table.line(new Table.Row("t", Table.Kind.THROUGHPUT, 0.98, "a", "b"), r)
                .endsWith("| yes |"));
        assertTrue(Table.line(new Table.Row("t", Table.Kind.BELOW, 0.1, "b", "a"), r)
                .endsWith("| 0.33 | < 0.1 | **no** |"));
        assertTrue(Table.line(new Table.Row("d", Table.Kind.DECISION, 25, null, "a"), r)
                .endsWith("| yes |"));
        assertTrue(Table.line(new Table.Row("d", Table.Kind.DECISION, 25, null, "b"), r)
                .endsWith("| **no** |"));
        assertTrue(
                Table.line(new Table.Row("d", Table.Kind.DECISION, 25, null, "c"), r)
                        .endsWith("| **no** |"),
                "24 B/op misses the zero-allocation target");
    }

    @Test
    void aRowMissingFromAPartialRun_saysSo() throws Exception {
        Path partial = dir.resolve("partial.json");
        Files.writeString(
                partial,
                "[{\"benchmark\": \"dev.cryptopolicy.benchmarks.OperationBenchmarks.sha256Of16KiB\","
                        + " \"params\": {\"side\": \"direct\"}, \"primaryMetric\": {\"score\": 90.5, \"scoreError\": 2.25,"
                        + " \"scoreUnit\": \"ops/ms\"}}]");
        Map<String, Table.Result> results = Table.read(partial);
        assertEquals(
                "| SHA-256 of 16 KiB | 90.5 ± 2.25 ops/ms | not measured | | >= 0.98 | not measured |",
                Table.line(Table.ROWS.get(0), results));
    }
}
