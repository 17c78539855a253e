package dev.cryptopolicy.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the applications under {@code src/apps} from Maven Central with the Maven, local repository
 * and settings of the outer build, and starts JVMs of the JDK running the tests, with or without the
 * distribution's agent. Each application is built by one Maven invocation into
 * {@code target/apps/NAME-HASH}, where HASH covers its sources, so it is built once however many tests
 * use it.
 */
final class Apps {

    /** What every key store the tests generate is protected with. */
    static final String STOREPASS = "changeit";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private Apps() {}

    /** Whether a JVM runs with the distribution's agent ({@code -javaagent:...=DEFAULT}) or without it. */
    enum Agent {
        DEFAULT,
        NONE;

        /** The {@code -javaagent} option, or nothing. */
        List<String> options() {
            return this == NONE ? List.of() : List.of("-javaagent:" + agentJar() + "=" + name());
        }
    }

    /** The distribution's agent, as a user takes it: {@code cli/target/dist/lib/cryptopolicy-agent.jar}. */
    static Path agentJar() {
        Path jar = Path.of(property("cryptopolicy.agent")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no agent at " + jar + ": the cli module builds the distribution first");
        }
        return jar;
    }

    /** A java.security override that lifts the JDK's own TLS 1.0/1.1 ban (src/test/security). */
    static Path tls11Allowed() {
        return Path.of(property("cryptopolicy.tls11.security"));
    }

    /** A tool of the JDK running the tests: java, keytool, jarsigner. */
    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /**
     * The start of a {@code java} command line: the lifted TLS 1.1 ban, the agent's option, what
     * bc-fips needs on JDK 22+, and the key store the applications' TLS probes serve.
     */
    static List<String> java(Agent agent, Path keyStore) {
        List<String> command = javaWithTheJdksTlsBan(agent, keyStore);
        command.add(1, "-Djava.security.properties=" + tls11Allowed());
        return command;
    }

    /** As {@link #java}, but with the JDK's own {@code jdk.tls.disabledAlgorithms} in force. */
    static List<String> javaWithTheJdksTlsBan(Agent agent, Path keyStore) {
        List<String> command = new ArrayList<>();
        command.add(tool("java"));
        command.addAll(agent.options());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-Dprobe.keystore=" + keyStore);
        command.add("-Dprobe.storepass=" + STOREPASS);
        return command;
    }

    /** Runs a JVM or JDK tool to its end within two minutes. */
    static Processes.Finished run(List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException {
        return Processes.run(command, environment, directory, Duration.ofMinutes(2));
    }

    /**
     * A PKCS12 key store with one RSA key pair of {@code bits} bits under {@code alias} and a
     * SHA256withRSA self-signed certificate for 127.0.0.1, made by the JDK's keytool without the agent.
     */
    static Path keyStore(Path directory, String alias, int bits) throws IOException, InterruptedException {
        Path store = directory.resolve(alias + ".p12");
        Processes.Finished made = run(
                List.of(
                        tool("keytool"),
                        "-genkeypair",
                        "-alias",
                        alias,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        Integer.toString(bits),
                        "-sigalg",
                        "SHA256withRSA",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        STOREPASS,
                        "-keypass",
                        STOREPASS),
                Map.of(),
                directory);
        if (made.exit() != 0) {
            throw new AssertionError("keytool could not make a key store: " + made.describe());
        }
        return store;
    }

    /**
     * The built application {@code name} (its project directory, with {@code target/app.jar}),
     * building it first unless a build of the same sources is already there.
     */
    static synchronized Path build(String name) throws IOException, InterruptedException {
        Path sources = Path.of(property("cryptopolicy.apps.sources"));
        List<Path> inputs = List.of(sources.resolve("pom.xml"), sources.resolve("probe"), sources.resolve(name));
        Path home = Path.of(property("cryptopolicy.apps.work")).resolve(name + "-" + digest(sources, inputs));
        Path project = home.resolve(name);
        Path built = home.resolve("built");
        if (Files.exists(built)) {
            return project;
        }
        delete(home);
        Files.createDirectories(home);
        Files.copy(sources.resolve("pom.xml"), home.resolve("pom.xml"));
        copy(sources.resolve(name), project);
        copy(sources.resolve("probe"), project);
        Processes.Finished maven = Processes.run(
                maven(project), Map.of("JAVA_HOME", System.getProperty("java.home")), home, BUILD_TIMEOUT);
        if (maven.exit() != 0 || !Files.isRegularFile(project.resolve("target/app.jar"))) {
            throw new AssertionError("the application " + name + " did not build: " + maven.describe());
        }
        Files.writeString(built, String.join(" ", maven.command()) + "\n", StandardCharsets.UTF_8);
        return project;
    }

    /** One Maven invocation, with the outer build's local repository, settings and offline flag. */
    private static List<String> maven(Path project) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-q",
                "-Dmaven.repo.local=" + property("maven.repo.local")));
        for (String[] settings : new String[][] {{"-s", "maven.settings"}, {"-gs", "maven.global.settings"}}) {
            String file = System.getProperty(settings[1], "");
            if (!file.isEmpty() && !file.startsWith("${") && Files.isRegularFile(Path.of(file))) {
                command.add(settings[0]);
                command.add(file);
            }
        }
        if (Boolean.parseBoolean(System.getProperty("maven.offline"))) {
            command.add("-o");
        }
        command.addAll(List.of("-f", project.resolve("pom.xml").toString(), "package"));
        return command;
    }

    private static String property(String name) {
        String value = System.getProperty(name, "");
        if (value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set (the apps module's pom sets it)");
        }
        return value;
    }

    private static String digest(Path base, List<Path> inputs) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Path input : inputs) {
            try (Stream<Path> files = Files.walk(input)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    sha256.update(base.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    sha256.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 6);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
