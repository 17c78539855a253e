package dev.cryptopolicy.conformance;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conformance matrix: runs the {@link Battery} in a child JVM for every (JDK, with or without
 * Bouncy Castle FIPS on the class path, policy, route) and compares the outputs of the runtimes on
 * which a policy can be installed. Prints nothing: the CLI's {@code matrix} command and the tests
 * print the {@link Report}.
 */
public final class Matrix {

    /** Jar names of Bouncy Castle FIPS; removed from the class path for the runtimes without it. */
    private static final List<String> BC_FIPS_JARS = List.of("bc-fips", "bctls-fips", "bcutil-fips", "bcpkix-fips");

    /** The policies compared when none is named: every shipped policy and two modifiers. */
    public static final List<String> DEFAULT_POLICIES =
            List.of("LEGACY", "DEFAULT", "FUTURE", "FIPS", "DEFAULT:PQ", "DEFAULT:NO-SHA1");

    /** Child JVMs at a time. */
    public static final int PARALLELISM = 2;

    /** The longest one child JVM may take. */
    public static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

    /** The value shown for a key a runtime does not print (a feature it does not expose, ...). */
    public static final String ABSENT = "-";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

    /** How the policy is put in place in the child JVM. */
    public enum Route {
        /**
         * {@code CryptoPolicy.install} only, recording the TLS defaults alone: they are the JDK's own
         * (the policy reaches TLS through its export).
         */
        INSTALL("install"),
        /**
         * {@code CryptoPolicy.install} and {@code -Djava.security.properties=} the policy's export,
         * the complete configuration: the whole battery (features, operations, TLS defaults).
         */
        EXPORT("export");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A JDK: its {@code java} launcher, feature release and full version. */
    public record Jdk(String label, Path java, int feature, String version) {

        /**
         * The JDK of a {@code java} launcher or a Java home directory.
         *
         * @throws IllegalArgumentException when neither is there
         */
        public static Jdk at(Path path) {
            Path java = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
            if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
                throw new IllegalArgumentException("no java launcher at '" + path + "'"
                        + (Files.isDirectory(path) ? " (no executable bin/java in it)" : ""));
            }
            String version = version(java);
            return new Jdk(
                    String.valueOf(feature(version)), java.toAbsolutePath().normalize(), feature(version), version);
        }

        /** The JDK running this JVM. */
        public static Jdk current() {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return new Jdk(
                    String.valueOf(Runtime.version().feature()),
                    java,
                    Runtime.version().feature(),
                    Runtime.version().toString());
        }

        public Jdk withLabel(String newLabel) {
            return new Jdk(newLabel, java, feature, version);
        }

        private static String version(Path java) {
            Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
            try {
                if (Files.isRegularFile(release)) {
                    Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                Process p = new ProcessBuilder(java.toString(), "-version")
                        .redirectErrorStream(true)
                        .start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(30, TimeUnit.SECONDS)) {
                    Matcher m = VERSION_OUTPUT.matcher(text);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                p.destroyForcibly();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot run '" + java + " -version': " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalArgumentException("cannot tell the version of the JDK of '" + java + "'");
        }

        private static int feature(String version) {
            Matcher m = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    /** A runtime: a JDK, with or without Bouncy Castle FIPS on the class path. */
    public record Target(Jdk jdk, boolean bcFips) {

        /** {@code 17}, {@code 17+bc-fips}, ... */
        public String label() {
            return jdk.label() + (bcFips ? "+bc-fips" : "");
        }
    }

    /** What became of one child JVM. */
    public enum Status {
        /** The policy was installed and the battery ran. */
        OK,
        /** The policy cannot be installed on that runtime; {@link Run#message()} says why. */
        UNSATISFIABLE,
        /** The child crashed, timed out or printed nothing usable; {@link Run#message()} has its output. */
        ERROR
    }

    /** One battery run: its lines when {@link Status#OK}, else the message. */
    public record Run(
            String policy,
            Target target,
            Route route,
            Status status,
            SortedMap<String, String> lines,
            String message,
            long millis) {}

    /**
     * A key on which the runtimes that can install a policy disagree, with every such runtime's value
     * ({@value #ABSENT} when it does not print the key).
     */
    public record Difference(String policy, Route route, String key, Map<String, String> values) {

        /** {@code DEFAULT [install] feature MessageDigest SHAKE256: 17=-, 17+bc-fips=-, 25=yes, 25+bc-fips=yes}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            values.forEach((target, value) -> parts.add(target + "=" + value));
            return policy + " [" + route.label() + "] " + key + ": " + String.join(", ", parts);
        }
    }

    /** Everything one matrix produced. */
    public record Report(
            List<Target> targets, List<String> policies, List<Run> runs, List<Difference> differences, long millis) {

        /** The runs that went wrong (not an unsatisfiable policy: a crash, a timeout, no output). */
        public List<Run> errors() {
            return runs.stream().filter(r -> r.status() == Status.ERROR).toList();
        }

        /** Same features and refusals wherever the policy is satisfiable, and no run went wrong. */
        public boolean identical() {
            return differences.isEmpty() && errors().isEmpty();
        }

        /** The run of a policy on a target by a route. */
        public Optional<Run> run(String policy, Target target, Route route) {
            return runs.stream()
                    .filter(r -> r.policy().equals(policy) && r.target().equals(target) && r.route() == route)
                    .findFirst();
        }
    }

    /** Where and how the children run. */
    public record Settings(
            List<Jdk> jdks, List<String> classPath, Path workDirectory, int parallelism, Duration timeout) {}

    private Matrix() {}

    /** Whether a class path entry is one of the Bouncy Castle FIPS jars. */
    public static boolean isBcFips(String classPathEntry) {
        Path file = Path.of(classPathEntry).getFileName();
        String name = file == null ? classPathEntry : file.toString();
        return BC_FIPS_JARS.stream().anyMatch(j -> name.startsWith(j + "-") || name.equals(j + ".jar"));
    }

    /** The class path as entries. */
    public static List<String> split(String classPath) {
        List<String> out = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * The entries a jar's manifest adds to the class path ({@code Class-Path}, relative to the
     * jar), those that exist; none for a directory or a jar without one.
     */
    public static List<String> manifestClassPath(String classPathEntry) {
        Path jarPath = Path.of(classPathEntry);
        if (!Files.isRegularFile(jarPath)) {
            return List.of();
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            String refs = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (refs == null || refs.isBlank()) {
                return List.of();
            }
            URI base = jarPath.toAbsolutePath().getParent().toUri();
            List<String> out = new ArrayList<>();
            for (String ref : refs.trim().split("\\s+")) {
                try {
                    URI uri = base.resolve(ref);
                    if ("file".equals(uri.getScheme()) && Files.exists(Path.of(uri))) {
                        out.add(Path.of(uri).toString());
                    }
                } catch (IllegalArgumentException e) {
                    // Not a file URL: the JVM would skip it too.
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether the JVM would find Bouncy Castle FIPS on this class path: a bc-fips jar, directly or
     * through a jar's manifest {@code Class-Path}.
     */
    public static boolean hasBcFips(List<String> classPath) {
        for (String entry : classPath) {
            if (isBcFips(entry) || manifestClassPath(entry).stream().anyMatch(Matrix::isBcFips)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The class path without Bouncy Castle FIPS. A jar whose manifest {@code Class-Path} names a
     * bc-fips jar is left out as well (the distribution's {@code cryptopolicy-agent.jar} does,
     * and so does the manifest-only jar surefire starts tests with), and the other entries its
     * manifest names are put in its place.
     */
    public static List<String> withoutBcFips(List<String> classPath) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : classPath) {
            if (isBcFips(entry)) {
                continue;
            }
            List<String> referenced = manifestClassPath(entry);
            if (referenced.stream().anyMatch(Matrix::isBcFips)) {
                referenced.stream().filter(e -> !isBcFips(e)).forEach(out::add);
            } else {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    /** The runtimes: each JDK without Bouncy Castle FIPS, and with it when it is on the class path. */
    public static List<Target> targets(List<Jdk> jdks, List<String> classPath) {
        boolean withBcFips = hasBcFips(classPath);
        List<Target> out = new ArrayList<>();
        for (Jdk jdk : jdks) {
            out.add(new Target(jdk, false));
            if (withBcFips) {
                out.add(new Target(jdk, true));
            }
        }
        return out;
    }

    /**
     * Runs the battery for every policy on every target by every route, {@code parallelism} child
     * JVMs at a time, and compares.
     *
     * @param policies the references, each with its loaded policy (for the export)
     * @param progress told about each finished run
     */
    public static Report run(Settings settings, Map<String, CompiledPolicy> policies, Consumer<Run> progress)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Target> targets = targets(settings.jdks(), settings.classPath());
        Map<String, Path> exports = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, CompiledPolicy> p : policies.entrySet()) {
            Path file = settings.workDirectory().resolve("policy-" + (++n) + ".security");
            try {
                Files.writeString(file, JavaSecurityExporter.export(p.getValue()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            exports.put(p.getKey(), file);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()), r -> {
            Thread t = new Thread(r, "cryptopolicy-matrix");
            t.setDaemon(true);
            return t;
        });
        List<Future<Run>> futures = new ArrayList<>();
        int index = 0;
        try {
            // Targets with Bouncy Castle FIPS first: they take longest, so the pool ends evenly.
            List<Target> ordered = new ArrayList<>(targets);
            ordered.sort((a, b) -> Boolean.compare(b.bcFips(), a.bcFips()));
            for (String policy : policies.keySet()) {
                for (Target target : ordered) {
                    for (Route route : Route.values()) {
                        int id = ++index;
                        futures.add(pool.submit(() -> {
                            Run run = child(settings, policy, target, route, exports.get(policy), id);
                            progress.accept(run);
                            return run;
                        }));
                    }
                }
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                try {
                    runs.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("matrix run failed: " + e.getCause(), e.getCause());
                }
            }
            runs.sort((a, b) -> {
                int c = Integer.compare(
                        List.copyOf(policies.keySet()).indexOf(a.policy()),
                        List.copyOf(policies.keySet()).indexOf(b.policy()));
                if (c == 0) {
                    c = Integer.compare(targets.indexOf(a.target()), targets.indexOf(b.target()));
                }
                return c != 0 ? c : a.route().compareTo(b.route());
            });
            List<Difference> differences = new ArrayList<>();
            for (String policy : policies.keySet()) {
                for (Route route : Route.values()) {
                    List<Run> comparable = runs.stream()
                            .filter(r -> r.policy().equals(policy) && r.route() == route && r.status() == Status.OK)
                            .toList();
                    differences.addAll(compare(policy, route, comparable));
                }
            }
            return new Report(
                    targets,
                    List.copyOf(policies.keySet()),
                    runs,
                    differences,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The keys on which the runs disagree. A key that is {@link Battery#NOT_APPLICABLE} on
     * any run is left out, with the keys below it.
     */
    public static List<Difference> compare(String policy, Route route, List<Run> runs) {
        if (runs.size() < 2) {
            return List.of();
        }
        Set<String> notApplicable = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (Run r : runs) {
            keys.addAll(r.lines().keySet());
            r.lines().forEach((k, v) -> {
                if (Battery.NOT_APPLICABLE.equals(v)) {
                    notApplicable.add(k);
                }
            });
        }
        List<Difference> out = new ArrayList<>();
        for (String key : keys) {
            if (notApplicable.stream().anyMatch(na -> key.equals(na) || key.startsWith(na + " "))) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Run r : runs) {
                values.put(r.target().label(), r.lines().getOrDefault(key, ABSENT));
            }
            if (new LinkedHashSet<>(values.values()).size() > 1) {
                out.add(new Difference(policy, route, key, Collections.unmodifiableMap(values)));
            }
        }
        return out;
    }

    /** One child JVM: {@code java ... dev.cryptopolicy.conformance.Battery [--tls-only] --policy REF}. */
    private static Run child(Settings settings, String policy, Target target, Route route, Path export, int id) {
        List<String> classPath = target.bcFips() ? settings.classPath() : withoutBcFips(settings.classPath());
        List<String> command = new ArrayList<>();
        command.add(target.jdk().java().toString());
        if (target.jdk().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (route == Route.EXPORT) {
            command.add("-Djava.security.properties=" + export.toAbsolutePath());
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(Battery.class.getName());
        if (route == Route.INSTALL) {
            command.add("--tls-only");
        }
        command.add("--policy");
        command.add(policy);
        Path stdout = settings.workDirectory().resolve("run-" + id + ".out");
        Path stderr = settings.workDirectory().resolve("run-" + id + ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // The child's options are exactly these: no agent or flags from the environment.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        long start = System.nanoTime();
        int exit;
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Run(
                    policy,
                    target,
                    route,
                    Status.ERROR,
                    new TreeMap<>(),
                    "cannot start " + command.get(0) + ": " + e.getMessage(),
                    millis(start));
        }
        try {
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Run(
                        policy,
                        target,
                        route,
                        Status.ERROR,
                        new TreeMap<>(),
                        "timed out after " + settings.timeout().toSeconds() + " s",
                        millis(start));
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            // The matrix was cancelled: no child outlives it.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Run(policy, target, route, Status.ERROR, new TreeMap<>(), "interrupted", millis(start));
        }
        long millis = millis(start);
        List<String> out = read(stdout);
        SortedMap<String, String> lines = new TreeMap<>();
        String unsatisfiable = null;
        for (String line : out) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith(Battery.UNSATISFIABLE)) {
                unsatisfiable = line.substring(Battery.UNSATISFIABLE.length());
                continue;
            }
            int at = line.indexOf(Battery.SEPARATOR);
            if (at > 0) {
                lines.put(line.substring(0, at), line.substring(at + Battery.SEPARATOR.length()));
            }
        }
        if (unsatisfiable != null && exit == Battery.EXIT_UNSATISFIABLE) {
            return new Run(policy, target, route, Status.UNSATISFIABLE, new TreeMap<>(), unsatisfiable, millis);
        }
        if (exit == 0 && !lines.isEmpty()) {
            return new Run(policy, target, route, Status.OK, lines, "", millis);
        }
        List<String> err = read(stderr);
        List<String> tail = err.subList(Math.max(0, err.size() - 5), err.size());
        return new Run(
                policy,
                target,
                route,
                Status.ERROR,
                new TreeMap<>(),
                "exit status " + exit + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail)),
                millis);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** {@code 1.2 s}. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
