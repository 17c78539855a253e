package dev.cryptopolicy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one table {@code benchmarks/run} prints, from one JMH run's JSON ({@code -rf json}): per row
 * the direct (or reference) figure, the policy's, their ratio, the target and whether it is met.
 * A row whose benchmarks are not in the file (a partial run) says so instead of a figure.
 */
public final class Table {
    private static final String PKG = "dev.cryptopolicy.benchmarks.";

    /** How a row's two figures are compared with its target. */
    enum Kind {
        /** Throughput, higher is better: policy / direct at least the target. */
        THROUGHPUT,
        /** Time, lower is better: policy / direct at most the target. */
        TIME,
        /** The JDK's time against ours: ours / JDK's below the target. */
        BELOW,
        /** One decision: at most {@code target} ns and no allocation, the reference being DEFAULT's own. */
        DECISION,
        /** Milliseconds, at most the target. */
        MILLIS,
        /** Reported only. */
        REPORT
    }

    /**
     * One row: the benchmarks (method name after the package, and JMH parameters as
     * {@code key=value}) of its two sides; {@code direct} may be null for a one-sided row.
     */
    record Row(String label, Kind kind, double target, String direct, String policy) {}

    /** The rows of the performance issue's table, in its order. */
    static final List<Row> ROWS = List.of(
            new Row(
                    "SHA-256 of 16 KiB",
                    Kind.THROUGHPUT,
                    0.98,
                    "OperationBenchmarks.sha256Of16KiB side=direct",
                    "OperationBenchmarks.sha256Of16KiB side=policy"),
            new Row(
                    "HmacSHA256 of 16 KiB",
                    Kind.THROUGHPUT,
                    0.98,
                    "OperationBenchmarks.hmacSha256Of16KiB side=direct",
                    "OperationBenchmarks.hmacSha256Of16KiB side=policy"),
            new Row(
                    "AES-256-GCM encrypt 16 KiB, init per message",
                    Kind.THROUGHPUT,
                    0.98,
                    "OperationBenchmarks.aesGcmEncrypt16KiB side=direct",
                    "OperationBenchmarks.aesGcmEncrypt16KiB side=policy"),
            new Row(
                    "SHA-256 of 64 B",
                    Kind.THROUGHPUT,
                    0.95,
                    "OperationBenchmarks.sha256Of64Bytes side=direct",
                    "OperationBenchmarks.sha256Of64Bytes side=policy"),
            new Row(
                    "ECDSA P-256 sign",
                    Kind.THROUGHPUT,
                    0.95,
                    "OperationBenchmarks.ecdsaP256Sign side=direct",
                    "OperationBenchmarks.ecdsaP256Sign side=policy"),
            new Row(
                    "Ed25519 sign",
                    Kind.THROUGHPUT,
                    0.95,
                    "OperationBenchmarks.ed25519Sign side=direct",
                    "OperationBenchmarks.ed25519Sign side=policy"),
            new Row(
                    "RSA-2048 verify",
                    Kind.THROUGHPUT,
                    0.95,
                    "OperationBenchmarks.rsa2048Verify side=direct",
                    "OperationBenchmarks.rsa2048Verify side=policy"),
            new Row(
                    "getInstance Cipher AES/GCM/NoPadding",
                    Kind.TIME,
                    1.25,
                    "LookupBenchmarks.getInstanceAesGcm side=direct",
                    "LookupBenchmarks.getInstanceAesGcm side=policy"),
            new Row(
                    "getInstance MessageDigest SHA-256",
                    Kind.TIME,
                    1.25,
                    "LookupBenchmarks.getInstanceSha256 side=direct",
                    "LookupBenchmarks.getInstanceSha256 side=policy"),
            new Row(
                    "getInstance Signature SHA256withECDSA",
                    Kind.TIME,
                    1.25,
                    "LookupBenchmarks.getInstanceSha256withEcdsa side=direct",
                    "LookupBenchmarks.getInstanceSha256withEcdsa side=policy"),
            new Row(
                    "getInstance MessageDigest SHA-256 with a FUTURE shadow, against none",
                    Kind.TIME,
                    1.05,
                    "InventoryBenchmarks.getInstanceSha256 recording=none",
                    "InventoryBenchmarks.getInstanceSha256 recording=shadow"),
            new Row(
                    "getInstance MessageDigest SHA-256 with an inventory, against none",
                    Kind.TIME,
                    1.05,
                    "InventoryBenchmarks.getInstanceSha256 recording=none",
                    "InventoryBenchmarks.getInstanceSha256 recording=inventory"),
            new Row("one decision, DEFAULT", Kind.DECISION, 25, null, "DecisionBenchmarks.decide rules=0"),
            new Row(
                    "one decision, DEFAULT + 10 rules",
                    Kind.DECISION,
                    25,
                    "DecisionBenchmarks.decide rules=0",
                    "DecisionBenchmarks.decide rules=10"),
            new Row(
                    "one decision, DEFAULT + 100 rules",
                    Kind.DECISION,
                    25,
                    "DecisionBenchmarks.decide rules=0",
                    "DecisionBenchmarks.decide rules=100"),
            new Row(
                    "one decision, DEFAULT + 1,000 rules",
                    Kind.DECISION,
                    25,
                    "DecisionBenchmarks.decide rules=0",
                    "DecisionBenchmarks.decide rules=1000"),
            new Row(
                    "the same question (8 RSA signature names, an RSA-2048 key): JDK DisabledAlgorithmConstraints.permits vs ours",
                    Kind.BELOW,
                    0.1,
                    "JdkConstraintsBenchmarks.jdkPermits",
                    "JdkConstraintsBenchmarks.policyDecides"),
            new Row(
                    "TLS 1.3 handshake, in-memory SSLEngine, SunJSSE",
                    Kind.THROUGHPUT,
                    0.97,
                    "TlsBenchmarks.handshake side=direct",
                    "TlsBenchmarks.handshake side=policy"),
            new Row(
                    "TLS 1.3 handshake, in-memory SSLEngine, BCJSSE over BCFIPS, policy FIPS",
                    Kind.THROUGHPUT,
                    0.97,
                    "FipsTlsBenchmarks.handshake side=direct",
                    "FipsTlsBenchmarks.handshake side=policy"),
            new Row("load and compile DEFAULT, warm", Kind.MILLIS, 20, null, "LoadBenchmarks.load policy=DEFAULT"),
            new Row(
                    "load and compile DEFAULT, cold (first in a JVM)",
                    Kind.REPORT,
                    0,
                    null,
                    "LoadBenchmarks.Cold.load policy=DEFAULT"),
            new Row("load and compile a 1 MiB policy, warm", Kind.MILLIS, 20, null, "LoadBenchmarks.load policy=1MiB"),
            new Row(
                    "load and compile a 1 MiB policy, cold (first in a JVM)",
                    Kind.REPORT,
                    0,
                    null,
                    "LoadBenchmarks.Cold.load policy=1MiB"));

    /** One result of the run: score, error, unit and allocation per operation (NaN when not profiled). */
    record Result(double score, double error, String unit, double bytesPerOp) {}

    private Table() {}

    /** Prints the table of the JMH JSON file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Table JMH-RESULT.json");
            System.exit(2);
        }
        print(read(Path.of(args[0])), System.out);
    }

    /** The results of a JMH JSON file, by {@code Class.method key=value ...} (parameters sorted). */
    static Map<String, Result> read(Path json) throws IOException {
        Map<String, Result> out = new TreeMap<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String name = run.path("benchmark").asText();
            StringBuilder key = new StringBuilder(name.startsWith(PKG) ? name.substring(PKG.length()) : name);
            Map<String, String> params = new TreeMap<>();
            for (Map.Entry<String, JsonNode> p : run.path("params").properties()) {
                params.put(p.getKey(), p.getValue().asText());
            }
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            JsonNode primary = run.path("primaryMetric");
            double alloc = Double.NaN;
            for (Map.Entry<String, JsonNode> m : run.path("secondaryMetrics").properties()) {
                if (m.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = m.getValue().path("score").asDouble();
                }
            }
            double error = primary.path("scoreError").isNumber()
                    ? primary.path("scoreError").asDouble()
                    : Double.NaN;
            out.put(
                    key.toString(),
                    new Result(
                            primary.path("score").asDouble(),
                            error,
                            primary.path("scoreUnit").asText(),
                            alloc));
        }
        return out;
    }

    /** Prints the rows as a Markdown table. */
    static void print(Map<String, Result> results, PrintStream out) {
        out.println("| benchmark | direct | policy | ratio | target | met? |");
        out.println("|---|---|---|---|---|---|");
        for (Row row : ROWS) {
            out.println(line(row, results));
        }
    }

    /** One row of the table. */
    static String line(Row row, Map<String, Result> results) {
        Result direct = row.direct() == null ? null : results.get(row.direct());
        Result policy = results.get(row.policy());
        if (policy == null || row.direct() != null && direct == null) {
            return "| " + row.label() + " | " + (direct == null ? "not measured" : figure(direct, false)) + " | "
                    + (policy == null ? "not measured" : figure(policy, false)) + " | | " + target(row)
                    + " | not measured |";
        }
        boolean gc = row.kind() == Kind.DECISION;
        String ratio = "";
        String met;
        double r = direct == null ? Double.NaN : policy.score() / direct.score();
        switch (row.kind()) {
            case THROUGHPUT -> met = yes(r >= row.target());
            case TIME -> met = yes(r <= row.target());
            case BELOW -> met = yes(r < row.target());
            case DECISION -> met = yes(nanos(policy) <= row.target() && !(policy.bytesPerOp() >= 1));
            case MILLIS -> met = yes(millis(policy) <= row.target());
            default -> met = "report";
        }
        if (direct != null) {
            ratio = String.format(Locale.ROOT, "%.2f", r);
        }
        return "| " + row.label() + " | " + (direct == null ? "" : figure(direct, gc)) + " | " + figure(policy, gc)
                + " | " + ratio + " | " + target(row) + " | " + met + " |";
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String target(Row row) {
        return switch (row.kind()) {
            case THROUGHPUT -> String.format(Locale.ROOT, ">= %.2f", row.target());
            case TIME -> String.format(Locale.ROOT, "<= %.2f", row.target());
            case BELOW -> String.format(Locale.ROOT, "< %.1f", row.target());
            case DECISION -> String.format(Locale.ROOT, "<= %.0f ns, 0 B/op, flat", row.target());
            case MILLIS -> String.format(Locale.ROOT, "<= %.0f ms", row.target());
            case REPORT -> "report";
        };
    }

    /** {@code score ± error unit}, with {@code , N B/op} when asked and profiled. */
    static String figure(Result r, boolean alloc) {
        StringBuilder s = new StringBuilder(number(r.score()));
        if (!Double.isNaN(r.error())) {
            s.append(" ± ").append(number(r.error()));
        }
        s.append(' ').append(r.unit());
        if (alloc && !Double.isNaN(r.bytesPerOp())) {
            s.append(", ")
                    .append(String.format(Locale.ROOT, "%.1f", r.bytesPerOp()))
                    .append(" B/op");
        }
        return s.toString();
    }

    /** Three significant digits, at least. */
    private static String number(double v) {
        double a = Math.abs(v);
        String format = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, v);
    }

    private static double nanos(Result r) {
        return switch (r.unit()) {
            case "ns/op" -> r.score();
            case "us/op" -> r.score() * 1e3;
            case "ms/op" -> r.score() * 1e6;
            default -> throw new IllegalArgumentException("not a time per operation: " + r.unit());
        };
    }

    private static double millis(Result r) {
        return nanos(r) / 1e6;
    }

    /** The rows' benchmark keys, for the run's include list. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Row row : ROWS) {
            if (row.direct() != null) {
                keys.add(row.direct());
            }
            keys.add(row.policy());
        }
        return keys;
    }
}
