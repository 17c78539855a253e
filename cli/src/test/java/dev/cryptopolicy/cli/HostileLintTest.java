package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile policy input through the command line: each is answered in bounded time with an exit
 * status and located errors, never a stack trace, a hang or an internal error.
 */
@Slow
class HostileLintTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Cli.Result lint(String reference) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run("lint", reference))
                .assertNoStackTrace();
    }

    /** The error lines of a run: {@code file:line:col: error: ...}. */
    private static List<String> errors(Cli.Result r) {
        return r.all().lines().filter(l -> l.contains(": error: ")).toList();
    }

    private static void assertOneLocatedError(Cli.Result r, int status, String where, String text) {
        assertEquals(status, r.status(), r::toString);
        List<String> errors = errors(r);
        assertEquals(1, errors.size(), r::toString);
        assertTrue(
                errors.get(0).startsWith(where + ": error: ") && errors.get(0).contains(text), r::toString);
    }

    private boolean fifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void devicesAndFifos_asTheFile_andAsTheTargetOfExtends_areRefusedByType() throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        Assumptions.assumeTrue(fifo(pipe), "no mkfifo here");
        for (String target : List.of("/dev/zero", "/dev/urandom", pipe.toString())) {
            assertOneLocatedError(lint(target), ExitStatus.USAGE, target, "not a regular file: " + target);
            Path child = write("child.yaml", "kind: policy\nextends: " + target + "\n");
            assertOneLocatedError(lint(child.toString()), ExitStatus.USAGE, child + ":2:10", "not a regular file");
        }
        // Control: the same extends of a shipped policy is clean.
        Path child = write("child.yaml", "kind: policy\nextends: DEFAULT\n");
        assertEquals(ExitStatus.OK, lint(child.toString()).status());
    }

    @Test
    void showAndExplain_refuseAFifo_asLintDoes() throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        Assumptions.assumeTrue(fifo(pipe), "no mkfifo here");
        for (String[] args : List.of(new String[] {"show", pipe.toString()}, new String[] {
            "explain", "--policy", pipe.toString(), "--service", "Signature", "--algorithm", "SHA1withRSA"
        })) {
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(args))
                    .assertNoStackTrace();
            assertEquals(ExitStatus.USAGE, r.status(), r::toString);
            assertTrue(r.all().contains("not a regular file: " + pipe), r::toString);
        }
    }

    @Test
    void chainOf3000Files_isOneLocatedError_inA256MiBJvm() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("chain"));
        for (int i = 0; i < 3000; i++) {
            Files.writeString(
                    folder.resolve("c" + i + ".yaml"),
                    "kind: policy\nextends: " + (i == 2999 ? "DEFAULT" : "c" + (i + 1) + ".yaml") + "\n");
        }
        Cli.Result r = Cli.fresh(
                        Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m -Xss512k"),
                        "lint",
                        folder.resolve("c0.yaml").toString())
                .assertNoStackTrace();
        assertOneLocatedError(r, ExitStatus.FAILED, folder.resolve("c63.yaml") + ":2:10", "longer than 64 files");
    }

    @Test
    void modifiers_areCapped_withOneLocatedError() {
        String reference = "DEFAULT" + ":NO-SHA1".repeat(100_000);
        assertOneLocatedError(lint(reference), ExitStatus.USAGE, reference, "the limit is 64");
        // Control: within the limit, the same modifier composes.
        assertEquals(ExitStatus.OK, lint("DEFAULT" + ":NO-SHA1".repeat(64)).status());
    }

    @Test
    void deepNesting_andOneLineOf1MiB_areAnswered() throws IOException {
        Path deep = write("deep.yaml", "[".repeat(500_000));
        assertOneLocatedError(lint(deep.toString()), ExitStatus.FAILED, deep + ":1:33", "nesting");
        Path line = write(
                "line.yaml", "{kind: policy, extends: DEFAULT, description: \"" + "x".repeat((1 << 20) - 64) + "\"}");
        assertEquals(ExitStatus.OK, lint(line.toString()).status());
    }

    @Test
    void unknownNames30000_reportTheFirst100_andCountTheRest() throws IOException {
        StringBuilder yaml = new StringBuilder("kind: policy\nextends: DEFAULT\nalgorithms:\n");
        for (String type : List.of(
                "Signature",
                "Cipher",
                "MessageDigest",
                "Mac",
                "KeyAgreement",
                "KeyPairGenerator",
                "KeyFactory",
                "KeyGenerator")) {
            yaml.append("  ").append(type).append(":\n");
            for (int i = 0; i < 3750; i++) {
                yaml.append("    - Unknown").append(type).append(i).append('\n');
            }
        }
        Cli.Result r = lint(write("unknown.yaml", yaml.toString()).toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        List<String> errors = errors(r);
        assertEquals(101, errors.size(), r::toString);
        assertTrue(errors.get(100).contains("and 29900 more problems not shown"), errors.get(100));
        assertFalse(errors.stream().anyMatch(l -> !l.matches(".*unknown\\.yaml:\\d+:\\d+: error: .*")), r::toString);
    }
}
