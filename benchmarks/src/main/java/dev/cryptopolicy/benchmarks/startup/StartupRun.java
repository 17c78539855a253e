package dev.cryptopolicy.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures what the agent adds to JVM start-up, as whole processes: {@link StartupApp} run plain
 * and under the agent, in alternating rounds (each round runs every variant once, in an order that
 * rotates from round to round, after one warm-up round that is not counted), and prints one table
 * row per variant and JDK with the median wall time (launch to exit, measured here), the median
 * CPU time (the child's own, {@code ProcessHandle.info().totalCpuDuration()} at the end of
 * {@code main}) and the median of the per-round differences from plain.
 *
 * <p>Variants: plain; agent DEFAULT; agent with a policy file extending {@code DEFAULT:NO-SHA1}
 * (so that the YAML reader runs for that file); with {@code --fips}, agent FIPS, and Bouncy Castle
 * FIPS registered by the application with no agent (that provider's own start-up and self-tests,
 * stated apart from the policy's cost).
 *
 * <p>Usage: {@code StartupRun [--pairs N] [--dist DIR] [--fips] [--java JAVA_HOME]...}; without
 * {@code --java}, the running JDK and, when present, Temurin 25. {@code DIR} is the built
 * distribution ({@code cli/target/dist}, from {@code mvn -pl cli -am package}).
 */
public final class StartupRun {
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final long BUDGET_MS = 150;
    private static final long CHILD_TIMEOUT_S = 120;

    private StartupRun() {}

    /** One way of starting the application. */
    private record Variant(String name, List<String> jvmArgs, List<String> appArgs, boolean budgeted) {}

    /** Runs the measurement and prints the table; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int pairs = 11;
        Path dist = Path.of("cli/target/dist");
        boolean fips = false;
        List<Path> javas = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(value(args, ++i));
                case "--dist" -> dist = Path.of(value(args, ++i));
                case "--fips" -> fips = true;
                case "--java" -> javas.add(Path.of(value(args, ++i)));
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: StartupRun [--pairs N] [--dist DIR] [--fips] [--java JAVA_HOME]...");
            }
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be at least 1");
        }
        if (javas.isEmpty()) {
            javas.add(Path.of(System.getProperty("java.home")));
            if (Files.isExecutable(TEMURIN_25.resolve("bin/java"))
                    && !javas.get(0).toRealPath().equals(TEMURIN_25.toRealPath())) {
                javas.add(TEMURIN_25);
            }
        }
        Path lib = dist.resolve("lib").toAbsolutePath();
        Path agent = lib.resolve("cryptopolicy-agent.jar");
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(
                    agent + " is missing: build it with mvn -B -o -pl cli -am package -DskipTests");
        }
        String appClassPath = Path.of(StartupApp.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        Path site = Files.createTempFile("cryptopolicy-startup-", ".yaml");
        try {
            Files.writeString(site, "kind: policy\nname: SITE\nextends: DEFAULT:NO-SHA1\n", StandardCharsets.UTF_8);
            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("plain", List.of(), List.of(), false));
            variants.add(new Variant("agent DEFAULT", List.of("-javaagent:" + agent + "=DEFAULT"), List.of(), true));
            variants.add(new Variant(
                    "agent DEFAULT:NO-SHA1 from a file", List.of("-javaagent:" + agent + "=" + site), List.of(), true));
            if (fips) {
                variants.add(new Variant("agent FIPS", List.of("-javaagent:" + agent + "=FIPS"), List.of(), false));
                String bc = bcFipsClassPath(lib);
                variants.add(new Variant(
                        "BCFIPS alone, no agent (its own self-tests)", List.of(), List.of("bcfips"), false));
                appClassPath = appClassPath + java.io.File.pathSeparator + bc;
            }
            System.out.println("load before: " + loadAverage());
            System.out.println("| benchmark | direct | policy | ratio | target | met? |");
            System.out.println("|---|---|---|---|---|---|");
            for (Path java : javas) {
                measure(java, appClassPath, variants, pairs);
            }
            System.out.println("load after: " + loadAverage());
        } finally {
            Files.deleteIfExists(site);
        }
    }

    private static void measure(Path javaHome, String classPath, List<Variant> variants, int pairs)
            throws IOException, InterruptedException {
        String java = javaHome.resolve("bin/java").toString();
        String jdk = "JDK " + feature(java);
        int n = variants.size();
        long[][] wall = new long[n][pairs];
        long[][] cpu = new long[n][pairs];
        for (int v = 0; v < n; v++) {
            run(java, classPath, variants.get(v)); // warm-up: page cache, not counted
        }
        for (int round = 0; round < pairs; round++) {
            for (int k = 0; k < n; k++) {
                int v = (round + k) % n;
                long[] sample = run(java, classPath, variants.get(v));
                wall[v][round] = sample[0];
                cpu[v][round] = sample[1];
            }
        }
        long plainWall = median(wall[0]);
        long plainCpu = median(cpu[0]);
        for (int v = 1; v < n; v++) {
            Variant variant = variants.get(v);
            long addedWall = median(difference(wall[v], wall[0]));
            long addedCpu = median(difference(cpu[v], cpu[0]));
            String met = variant.budgeted() ? (addedWall <= BUDGET_MS ? "yes" : "no") : "-";
            String target = variant.budgeted() ? "<= +" + BUDGET_MS + " ms wall" : "report";
            System.out.printf(
                    Locale.ROOT,
                    "| start-up %s, %s: wall (median of %d paired runs) | %d ms | %d ms | %+d ms | %s | %s |%n",
                    jdk,
                    variant.name(),
                    pairs,
                    plainWall,
                    median(wall[v]),
                    addedWall,
                    target,
                    met);
            System.out.printf(
                    Locale.ROOT,
                    "| start-up %s, %s: CPU | %d ms | %d ms | %+d ms | report | - |%n",
                    jdk,
                    variant.name(),
                    plainCpu,
                    median(cpu[v]),
                    addedCpu);
        }
    }

    /** Wall and CPU milliseconds of one child. */
    private static long[] run(String java, String classPath, Variant variant) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xshare:auto");
        command.addAll(variant.jvmArgs());
        command.add("-cp");
        command.add(classPath);
        command.add(StartupApp.class.getName());
        command.addAll(variant.appArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(variant.name() + ": no exit within " + CHILD_TIMEOUT_S + " s");
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(variant.name() + ": exit " + process.exitValue() + ": " + text.strip());
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu-ms ")) {
                return new long[] {
                    wall, Long.parseLong(line.substring("cpu-ms ".length()).strip())
                };
            }
        }
        throw new IllegalStateException(variant.name() + ": no cpu-ms line in: " + text.strip());
    }

    private static String bcFipsClassPath(Path lib) throws IOException {
        List<String> jars = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(lib, "bc*-fips-*.jar")) {
            listing.forEach(p -> jars.add(p.toString()));
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("--fips: no bc-fips jars in " + lib);
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static int feature(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS);
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("java.specification.version = ")) {
                return Integer.parseInt(
                        t.substring("java.specification.version = ".length()).strip());
            }
        }
        throw new IllegalStateException(java + " does not say its version");
    }

    private static long[] difference(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
