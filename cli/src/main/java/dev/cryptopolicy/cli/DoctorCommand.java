package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Quote;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy doctor [--format text|json] -- JAVA COMMAND LINE}: starts the JVM an
 * application would run in (same options, same environment, {@code JAVA_TOOL_OPTIONS} included)
 * with {@link DoctorProbe} in place of the application's main class, and reports whether a policy
 * is in force there, which one, through which route, and what it refuses of a few requests.
 */
final class DoctorCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json"};

    /** How long the probed JVM may take; a JVM that loads Bouncy Castle FIPS needs a few seconds. */
    private static final long TIMEOUT_SECONDS = 120;

    /** Launcher options whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of(
            "--module-path",
            "-p",
            "--upgrade-module-path",
            "--add-modules",
            "--enable-native-access",
            "--add-exports",
            "--add-opens",
            "--add-reads",
            "--patch-module",
            "--limit-modules");

    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");
    private static final Set<String> INFORMATIONAL = Set.of(
            "-version",
            "--version",
            "-showversion",
            "--show-version",
            "-help",
            "--help",
            "-h",
            "-?",
            "-X",
            "--help-extra",
            "--list-modules",
            "--describe-module",
            "-d",
            "--validate-modules",
            "--dry-run");

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "show whether a policy is in force in the JVM a java command line starts";
    }

    @Override
    String synopsis() {
        return "[--format text|json] -- JAVA COMMAND LINE";
    }

    @Override
    String description() {
        return """
                Starts the JVM that the java command line after '--' would start, with the same
                options (-D, -javaagent, -Djava.security.properties, module options, ...) and this
                environment (JAVA_TOOL_OPTIONS included), but runs a probe instead of the
                application: the main class, or the -jar target, is replaced by the probe, added to
                the class path (a -jar target stays on the class path, with its manifest Class-Path;
                as with java -jar, any -cp is ignored). The application's arguments are not used.

                The probe asks for SHA1withRSA, a 1024-bit RSA key pair, MD5 and TLSv1.1, then
                reports whether a cryptopolicy policy holds the JDK's providers, which policy, and
                the route that installed it: agent (-javaagent, also in JAVA_TOOL_OPTIONS),
                java.security (security.provider.N=CryptoPolicy REF) or programmatic (neither: an
                application's own CryptoPolicy.install is not run by the probe, so it shows as no
                policy). A route that is configured but not in force is named with the reason.

                  cryptopolicy doctor -- java -javaagent:lib/cryptopolicy-agent.jar=DEFAULT -jar app.jar

                exit status: 0 a policy is in force, 1 none is (also when the JVM refuses to start),
                2 usage error or a JVM that cannot be started.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options().addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        String format = format(line, "text", FORMATS);
        List<String> java = line.getArgList();
        if (java.isEmpty()) {
            throw new UsageException("no java command line; e.g. 'cryptopolicy doctor -- java -jar app.jar'");
        }
        Path probeDir = null;
        try {
            probeDir = Files.createTempDirectory("cryptopolicy-doctor");
            List<String> command = probeCommand(java, probeDir, System.getenv("CLASSPATH"));
            Report report = run(command, probeDir);
            if (format.equals("json")) {
                return printJson(out, report.status(), result(java, report));
            }
            printText(report, out);
            return report.status();
        } catch (IOException e) {
            return cannotRun(format, out, err, "cannot start '" + java.get(0) + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cannotRun(format, out, err, "interrupted while waiting for the JVM");
        } finally {
            delete(probeDir);
        }
    }

    /**
     * The command that runs the probe: {@code java} with every launcher option kept, the main class
     * (or {@code -jar JAR}) and the application's arguments replaced by the probe on the class path.
     *
     * @param classPathEnv the {@code CLASSPATH} variable, the class path when none is given
     * @throws UsageException when the command line names no main class, or uses what the probe cannot replace
     */
    static List<String> probeCommand(List<String> java, Path probeDir, String classPathEnv) throws UsageException {
        List<String> options = new ArrayList<>();
        String classPath = null;
        String jar = null;
        boolean main = false;
        for (int i = 1; i < java.size() && !main; i++) {
            String arg = java.get(i);
            if (arg.startsWith("@")) {
                throw new UsageException(
                        "argument files (" + Quote.quoted(arg) + ") are not supported; write their contents out");
            } else if (INFORMATIONAL.contains(arg)) {
                throw new UsageException(
                        Quote.quoted(arg) + " runs no application; give the command line that starts it");
            } else if (CLASS_PATH.contains(arg)) {
                classPath = value(java, ++i, arg);
            } else if (arg.startsWith("--class-path=")) {
                classPath = arg.substring("--class-path=".length());
            } else if (arg.equals("-jar")) {
                jar = value(java, ++i, arg);
                main = true;
            } else if (arg.equals("-m") || arg.equals("--module")) {
                value(java, ++i, arg);
                main = true;
            } else if (arg.startsWith("--module=")) {
                main = true;
            } else if (arg.equals("--source")) {
                // Source-file mode: the file that follows is the application; the probe is a class.
                value(java, ++i, arg);
            } else if (WITH_VALUE.contains(arg)) {
                options.add(arg);
                options.add(value(java, ++i, arg));
            } else if (arg.startsWith("-")) {
                options.add(arg);
            } else {
                main = true;
            }
        }
        if (!main) {
            throw new UsageException("the java command line names no main class, -jar or -m; "
                    + "e.g. 'cryptopolicy doctor -- java -cp app.jar com.example.Main'");
        }
        // java -jar ignores -cp and CLASSPATH: the jar (and its manifest Class-Path) is the class path.
        String base = jar != null ? jar : classPath != null ? classPath : classPathEnv != null ? classPathEnv : ".";
        List<String> command = new ArrayList<>();
        command.add(java.get(0));
        command.addAll(options);
        command.add("-cp");
        command.add(base.isEmpty() ? probeDir.toString() : base + File.pathSeparator + probeDir);
        command.add(DoctorProbe.class.getName());
        return command;
    }

    private static String value(List<String> java, int i, String option) throws UsageException {
        if (i >= java.size()) {
            throw new UsageException("java option " + option + " needs a value");
        }
        return java.get(i);
    }

    /** What the probed JVM reported; {@code probe} is empty when it did not run the probe. */
    record Report(List<String> command, int jvmExit, Map<String, List<String>> probe, String stderr) {

        boolean ran() {
            return probe.containsKey("providers");
        }

        String first(String key) {
            List<String> values = probe.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String key) {
            return probe.getOrDefault(key, List.of());
        }

        /** A policy holds the providers: the front is cryptopolicy's, serving, and SUN is wrapped. */
        boolean inForce() {
            return ran() && first("policy") != null && first("refusing") == null && "true".equals(first("sun.wrapped"));
        }

        String route() {
            if (!inForce()) {
                return null;
            }
            return !all("agent").isEmpty()
                    ? "agent"
                    : !all("java.security").isEmpty() ? "java.security" : "programmatic";
        }

        int status() {
            return inForce() ? ExitStatus.OK : ExitStatus.FAILED;
        }

        /** Why no policy is in force, in words; null when one is. */
        String whyNot() {
            if (inForce()) {
                return null;
            }
            if (!ran()) {
                return "the JVM exited with status " + jvmExit + " before the probe ran";
            }
            if (first("refusing") != null) {
                return "the CryptoPolicy provider could not apply its policy and refuses every lookup: "
                        + first("refusing");
            }
            if (!all("java.security").isEmpty()) {
                return "java.security names the CryptoPolicy provider (" + String.join(", ", all("java.security"))
                        + "), but the JDK could not load it and skipped it: its classes are not on this JVM's class "
                        + "path (java -jar ignores -cp and CLASSPATH; a fat jar may lack them). Use the agent: "
                        + "-javaagent:lib/cryptopolicy-agent.jar=REF";
            }
            return "no route installs one: no cryptopolicy -javaagent, no CryptoPolicy entry in java.security";
        }
    }

    private static Report run(List<String> command, Path probeDir) throws IOException, InterruptedException {
        Path classFile = probeDir.resolve(DoctorProbe.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        try (InputStream in = DoctorProbe.class.getResourceAsStream(DoctorProbe.class.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("the probe class " + DoctorProbe.class.getName() + " is not readable");
            }
            Files.copy(in, classFile);
        }
        Path stdout = probeDir.resolve("stdout");
        Path stderr = probeDir.resolve("stderr");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("the JVM did not finish within " + TIMEOUT_SECONDS + " s");
        }
        Map<String, List<String>> probe = new LinkedHashMap<>();
        for (String l : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            if (l.startsWith(DoctorProbe.PREFIX)) {
                String kv = l.substring(DoctorProbe.PREFIX.length());
                int eq = kv.indexOf('=');
                probe.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>())
                        .add(kv.substring(eq + 1));
            }
        }
        return new Report(
                List.copyOf(command),
                process.exitValue(),
                probe,
                Files.readString(stderr, StandardCharsets.UTF_8).strip());
    }

    private static void printText(Report r, PrintStream out) {
        if (r.inForce()) {
            out.println("policy in force: " + r.first("policy") + " (route: " + r.route() + ")");
        } else {
            out.println("no policy in force: " + r.whyNot());
        }
        for (String agent : r.all("agent")) {
            out.println("  agent:         " + agent);
        }
        for (String entry : r.all("java.security")) {
            out.println("  java.security: " + entry);
        }
        if (r.ran()) {
            out.println("  java:          " + r.first("java.version") + " (" + r.first("java.home") + ")");
            for (Map.Entry<String, String> request : DoctorProbe.REQUESTS) {
                out.println("  " + request.getValue() + ": " + r.first("request." + request.getKey()));
            }
            out.println("  providers:     " + r.first("providers"));
        } else if (!r.stderr().isEmpty()) {
            out.println("  the JVM said:");
            r.stderr().lines().limit(40).forEach(l -> out.println("    " + l));
        }
    }

    /** A JVM that could not be run: one line on stderr and, for {@code --format json}, the envelope saying so; exit 2. */
    private int cannotRun(String format, PrintStream out, PrintStream err, String message) {
        String text = "cryptopolicy " + name() + ": " + message;
        err.println(text);
        if (format.equals("json")) {
            Json.print(out, Json.envelope(name(), ExitStatus.USAGE, null, List.of(Json.error("usage", message, text))));
        }
        return ExitStatus.USAGE;
    }

    /** The {@code result} of the JSON envelope; the envelope's {@code exitStatus} is the report's status. */
    private static ObjectNode result(List<String> java, Report r) {
        ObjectNode root = Json.object();
        ArrayNode given = root.putArray("javaCommand");
        java.forEach(given::add);
        ArrayNode probed = root.putArray("probeCommand");
        r.command().forEach(probed::add);
        root.put("jvmExitStatus", r.jvmExit());
        root.put("probeRan", r.ran());
        root.put("inForce", r.inForce());
        root.put("policy", r.inForce() ? r.first("policy") : null);
        root.put("route", r.route());
        root.put("reason", r.whyNot());
        root.put("refusing", r.first("refusing"));
        ArrayNode agents = root.putArray("agents");
        r.all("agent").forEach(agents::add);
        ArrayNode entries = root.putArray("javaSecurity");
        r.all("java.security").forEach(entries::add);
        root.put("javaVersion", r.first("java.version"));
        ArrayNode requests = root.putArray("requests");
        for (Map.Entry<String, String> request : DoctorProbe.REQUESTS) {
            String result = r.first("request." + request.getKey());
            ObjectNode node = requests.addObject();
            node.put("request", request.getValue());
            node.put("result", result == null ? null : result.startsWith("allowed") ? "allowed" : "refused");
            node.put("detail", result);
        }
        ArrayNode providers = root.putArray("providers");
        if (r.first("providers") != null) {
            List.of(r.first("providers").split(",")).forEach(providers::add);
        }
        root.put("stderr", r.ran() ? null : r.stderr());
        return root;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
