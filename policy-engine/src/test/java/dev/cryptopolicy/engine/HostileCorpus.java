package dev.cryptopolicy.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Policy input written as an attacker would, each piece under the 1 MiB size limit, generated into
 * a folder (nothing huge is committed). {@link #main} loads every case and prints one line per case:
 * name, wall-clock and CPU milliseconds, rule of the first problem (or {@code ok}), its location and the number of
 * problems reported; {@link HostileInputTest} runs it in a JVM with a small heap.
 */
final class HostileCorpus {

    /**
     * One hostile input.
     *
     * @param name      a short identifier
     * @param reference what is passed to the loader
     * @param rule      the rule of the first problem expected, or {@code ok} when the input is a valid policy
     */
    record Case(String name, String reference, String rule) {}

    private HostileCorpus() {}

    /** Writes the corpus into {@code dir}; the FIFO cases only where {@code mkfifo} exists. */
    static List<Case> write(Path dir) throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            String name = device.substring("/dev/".length());
            cases.add(new Case(name + "-as-file", device, "unreadable"));
            cases.add(new Case(name + "-as-extends", extending(dir, name, device), "unreadable"));
        }
        Path fifo = dir.resolve("pipe.yaml");
        if (mkfifo(fifo)) {
            cases.add(new Case("fifo-as-file", fifo.toString(), "unreadable"));
            cases.add(new Case("fifo-as-extends", extending(dir, "fifo", fifo.toString()), "unreadable"));
        }
        cases.add(new Case("extends-chain-3000", chain(dir, 3000), "max-extends-depth"));
        cases.add(new Case("unknown-names-30000", unknownNames(dir, 30_000), "known-algorithm"));
        cases.add(new Case(
                "unknown-names-one-list",
                write(
                        dir,
                        "one-list.yaml",
                        "kind: policy\nextends: BASE\nalgorithms:\n" + "  Signature:\n"
                                + lines("    - Unknown", 30_000)),
                "max-entries"));
        cases.add(new Case(
                "unknown-keys-5000",
                write(dir, "keys.yaml", "kind: policy\n" + lines("k", 5_000, ": 1")),
                "known-key"));
        cases.add(new Case(
                "values-100000",
                write(dir, "values.yaml", "kind: policy\n" + lines("k", 100_000, ": 1")),
                "max-values"));
        cases.add(new Case(
                "min-versions-5000",
                write(
                        dir,
                        "versions.yaml",
                        "kind: policy\nextends: BASE\nbackends:\n" + "  min_versions:\n"
                                + lines("    P", 5_000, ": \"1.0\"")),
                "max-entries"));
        cases.add(new Case("modifiers-100000", "BASE" + ":NO-SHA1".repeat(100_000), "max-modifiers"));
        cases.add(new Case("flow-nesting-500000", write(dir, "flow.yaml", "[".repeat(500_000)), "max-depth"));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 1_000 && block.length() < 900_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        cases.add(new Case("block-nesting-1000", write(dir, "block.yaml", block.toString()), "max-depth"));
        cases.add(new Case(
                "one-line-1MiB",
                write(
                        dir,
                        "line.yaml",
                        "{kind: policy, extends: BASE, description: \"" + "x".repeat((1 << 20) - 64) + "\"}"),
                "ok"));
        cases.add(new Case(
                "glob-500000-stars",
                write(
                        dir,
                        "stars.yaml",
                        "kind: policy\nextends: BASE\ndeny:\n  - algorithm: \"" + "*".repeat(500_000) + "withRSA\"\n"),
                "ok"));
        // As regular expressions, both would backtrack for longer than anyone waits.
        cases.add(new Case(
                "glob-backtracking",
                write(
                        dir,
                        "backtrack.yaml",
                        "kind: policy\nextends: BASE\ndeny:\n" + "  - algorithm: \"" + "*".repeat(40)
                                + "Q\"\n  - algorithm: \"" + "*A".repeat(30) + "*Q\"\n"),
                "known-algorithm"));
        return cases;
    }

    /**
     * A 900,000-character name in a deny rule: bounded only once "did you mean" is (the suggestion
     * cap), hence apart from {@link #write}.
     */
    static Case longName(Path dir) throws IOException {
        return new Case(
                "long-name-in-deny",
                write(
                        dir,
                        "long-name.yaml",
                        "kind: policy\nextends: BASE\ndeny:\n" + "  - algorithm: " + "Q".repeat(900_000) + "\n"),
                "known-algorithm");
    }

    private static String extending(Path dir, String name, String target) throws IOException {
        return write(dir, name + "-child.yaml", "kind: policy\nextends: " + target + "\n");
    }

    /** {@code c0.yaml} extends {@code c1.yaml} ... extends {@code BASE}. */
    private static String chain(Path dir, int length) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("chain"));
        for (int i = 0; i < length; i++) {
            String next = i == length - 1 ? "BASE" : "c" + (i + 1) + ".yaml";
            Files.writeString(folder.resolve("c" + i + ".yaml"), "kind: policy\nextends: " + next + "\n");
        }
        return folder.resolve("c0.yaml").toString();
    }

    /** {@code count} unknown names spread over lists each under the entry limit. */
    private static String unknownNames(Path dir, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("kind: policy\nextends: BASE\nalgorithms:\n");
        String[] types = {
            "Signature",
            "Cipher",
            "MessageDigest",
            "Mac",
            "KeyAgreement",
            "KeyPairGenerator",
            "KeyFactory",
            "KeyGenerator"
        };
        int each = count / types.length;
        for (String type : types) {
            yaml.append("  ").append(type).append(":\n").append(lines("    - Unknown" + type, each));
        }
        return write(dir, "unknown.yaml", yaml.toString());
    }

    private static String lines(String prefix, int count) {
        return lines(prefix, count, "");
    }

    private static String lines(String prefix, int count, String suffix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(prefix).append(i).append(suffix).append('\n');
        }
        return sb.toString();
    }

    private static String write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toString();
    }

    /** Makes a FIFO with the system's {@code mkfifo}; false where there is none. */
    static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString())
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(fifo);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What loading one case came to, as printed by {@link #main}: name, wall-clock and CPU
     * milliseconds, rule, location, number of problems.
     */
    static String outcome(PolicyLoader loader, Case c) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        String result;
        try {
            loader.load(c.reference());
            result = "ok\t-\t0";
        } catch (PolicyException e) {
            Problem first = e.problems().get(0);
            result = first.rule() + "\t" + first.origin().location() + "\t"
                    + e.problems().size();
        } catch (Throwable t) {
            result = "crash\t" + t.getClass().getName() + "\t0";
        }
        return c.name() + "\t" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + "\t"
                + TimeUnit.NANOSECONDS.toMillis(threads.getCurrentThreadCpuTime() - cpu) + "\t" + result;
    }

    /** Writes the corpus into the folder {@code args[0]}, loads each case and prints its outcome. */
    public static void main(String[] args) throws Exception {
        PolicyLoader loader = TestPolicies.standard().loader();
        for (Case c : write(Path.of(args[0]))) {
            System.out.println(outcome(loader, c));
        }
    }
}
