package dev.cryptopolicy.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts processes with their output (stdout and stderr together) in a file, bounds each by a
 * timeout, and kills each with its descendants when the test is done with it.
 */
final class Processes {

    private Processes() {}

    /** A finished process: what ran, its exit code and its combined output. */
    record Finished(List<String> command, int exit, String output) {

        /** Exit code, command and output, for assertion messages. */
        String describe() {
            return "exit " + exit + " of " + String.join(" ", command) + "\n" + output;
        }
    }

    /** A process that is still running; closing it kills it and its descendants. */
    static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final Path log;

        private Running(List<String> command, Process process, Path log) {
            this.command = command;
            this.process = process;
            this.log = log;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** The output so far. */
        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Waits until the output has a line matching {@code line} and returns its first group.
         *
         * @throws AssertionError if the process ends first or the timeout passes
         */
        String await(Pattern line, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher matcher = line.matcher(output());
                if (matcher.find()) {
                    return matcher.group(1);
                }
                if (!process.isAlive()) {
                    throw new AssertionError("ended (exit " + process.exitValue() + ") before printing " + line + ": "
                            + String.join(" ", command) + "\n" + output());
                }
                Thread.sleep(100);
            }
            throw new AssertionError(
                    "no " + line + " within " + timeout + ": " + String.join(" ", command) + "\n" + output());
        }

        @Override
        public void close() {
            try {
                kill(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping process " + process.pid(), e);
            }
        }
    }

    /** Runs {@code command} in {@code directory} to its end, killing it after {@code timeout}. */
    static Finished run(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "process", ".log");
        Process process = started(builder(command, environment, directory, log));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("did not end within " + timeout + ": " + String.join(" ", command) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            kill(process);
        }
        return new Finished(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Starts {@code command} in {@code directory}; the caller closes what this returns. */
    static Running start(List<String> command, Map<String, String> environment, Path directory) throws IOException {
        Path log = Files.createTempFile(directory, "process", ".log");
        return new Running(command, started(builder(command, environment, directory, log)), log);
    }

    private static ProcessBuilder builder(
            List<String> command, Map<String, String> environment, Path directory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what a test passes reaches the child: an inherited JAVA_TOOL_OPTIONS would change every run.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        return builder;
    }

    /** Starts the process with its input closed, as a service's would be. */
    private static Process started(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " did not die");
        }
    }
}
