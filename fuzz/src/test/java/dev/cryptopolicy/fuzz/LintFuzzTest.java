package dev.cryptopolicy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cryptopolicy.cli.ExitStatus;
import dev.cryptopolicy.cli.Main;
import dev.cryptopolicy.testkit.Slow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * {@code cryptopolicy lint} of any file, as a CI pipeline runs it on a merge request's policy, in
 * every output format, answers with exit status 0, 1 or 2: never the internal-error status 3
 * that the command returns when an exception escapes a command.
 */
@Slow
class LintFuzzTest {

    private static final String[] FORMATS = {"text", "json", "sarif"};

    private static Path folder;
    private static Path policy;

    @BeforeAll
    static void createFile() throws IOException {
        folder = Files.createTempDirectory("cryptopolicy-fuzz-lint");
        policy = folder.resolve("policy.yaml");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(policy);
        Files.delete(folder);
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void lintOfAnyFile_answersWithAStatusNotAnInternalError(byte[] data) throws IOException {
        Files.write(policy, data);
        // The format follows the input's length, so that the corpus covers all three.
        String format = FORMATS[data.length % FORMATS.length];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(new String[] {"lint", "--format", format, policy.toString()}, o, e);
        }
        if (status != ExitStatus.OK && status != ExitStatus.FAILED && status != ExitStatus.USAGE) {
            throw new AssertionError(
                    "lint --format " + format + " exited " + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }
}
