package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the tool in-process, capturing its output, for the command tests. */
final class Cli {

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {

        /** Both streams, for messages that may go to either. */
        String all() {
            return out + err;
        }

        /** Fails when either stream shows a stack trace or an exception class name. */
        Result assertNoStackTrace() {
            assertFalse(all().contains("Exception"), () -> "exception name in output:\n" + all());
            assertFalse(all().contains("\tat "), () -> "stack trace in output:\n" + all());
            return this;
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The shared test data folder (../shared beside the checkout). */
    static Path shared() {
        return Path.of(System.getProperty("cryptopolicy.shared", "../../shared")).toAbsolutePath().normalize();
    }
}
