package dev.cryptopolicy.provider;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs a class of the test class path in a fresh JVM, for routes that act at JVM start-up. */
public final class Jvm {

    /** Exit code and combined output of a finished JVM. */
    public record Result(int exit, String output) {
    }

    private Jvm() {
    }

    /** The test class path, as entries (surefire passes the real one in a property). */
    public static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }

    public static Result run(List<String> jvmOptions, List<String> classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>(List.of("-cp", String.join(File.pathSeparator, classPath), main.getName()));
        launch.addAll(List.of(args));
        return launch(jvmOptions, launch);
    }

    /**
     * Runs this JDK's {@code java} with {@code jvmOptions}, then {@code launch}: what selects the
     * application, such as {@code -cp PATH MAIN ARGS} or {@code -jar JAR}.
     */
    public static Result launch(List<String> jvmOptions, List<String> launch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmOptions);
        command.addAll(launch);
        // Output goes to a file: a child that writes more than a pipe holds would block otherwise.
        Path log = java.nio.file.Files.createTempFile("jvm", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("JVM did not finish in 120 s: " + command);
            }
            return new Result(process.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
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
