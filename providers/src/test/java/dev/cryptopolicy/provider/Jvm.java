package dev.cryptopolicy.provider;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs a class of the test class path in a fresh JVM, for routes that act at JVM start-up. */
public final class Jvm {

    /** Exit code and combined output of a finished JVM. */
    public record Result(int exit, String output) {}

    private Jvm() {}

    /** The test class path, as entries (surefire passes the real one in a property). */
    public static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }

    public static Result run(List<String> jvmOptions, List<String> classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.home")), jvmOptions, classPath, main, args);
    }

    /** As {@link #run(List, List, Class, String...)}, on the JDK installed at {@code javaHome}. */
    static Result run(Path javaHome, List<String> jvmOptions, List<String> classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> launch =
                new ArrayList<>(List.of("-cp", String.join(File.pathSeparator, classPath), main.getName()));
        launch.addAll(List.of(args));
        return launch(javaHome, jvmOptions, launch);
    }

    /**
     * Runs this JDK's {@code java} with {@code jvmOptions}, then {@code launch}: what selects the
     * application, such as {@code -cp PATH MAIN ARGS} or {@code -jar JAR}.
     */
    public static Result launch(List<String> jvmOptions, List<String> launch) throws IOException, InterruptedException {
        return launch(Path.of(System.getProperty("java.home")), jvmOptions, launch);
    }

    private static Result launch(Path javaHome, List<String> jvmOptions, List<String> launch)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        if (feature(javaHome) >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmOptions);
        command.addAll(launch);
        // Output goes to a file, not a pipe: a child that writes more than a pipe holds would
        // otherwise block until the timeout.
        Path log = Files.createTempFile("jvm-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("JVM did not finish in 120 s: " + command + "\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The feature release of the JDK at {@code javaHome}, from its {@code release} file. */
    static int feature(Path javaHome) throws IOException {
        for (String line : Files.readAllLines(javaHome.resolve("release"), StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        throw new IOException("no JAVA_VERSION in " + javaHome.resolve("release"));
    }

    static List<String> classPathWithout(Predicate<String> drop) {
        List<String> out = new ArrayList<>();
        for (String entry : classPath()) {
            if (!drop.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }
}
