package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile policy input given to the agent, in a JVM of 256 MiB: each stops the JVM before main with
 * one clean line naming where the problem is, never a hang, a StackOverflowError, an
 * OutOfMemoryError or an agent abort.
 */
class HostileAgentTest {

    @TempDir
    Path dir;

    private AgentTest.Run app(Path policy) throws Exception {
        return AgentTest.run(
                List.of("-Xmx256m", "-Xss512k", "-javaagent:" + AgentTest.agentJar() + "=" + policy),
                Map.of(),
                List.of(AgentTest.testClasses(), AgentTest.batteryClasses()),
                AgentTest.class.getName(),
                dir);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertRefused(AgentTest.Run r, String where) {
        AgentTest.assertCleanRefusal(r, 1);
        assertTrue(r.err().contains(where + ": error"), r.all());
        for (String crash : List.of("StackOverflowError", "OutOfMemoryError", "abort")) {
            assertFalse(r.all().contains(crash), r.all());
        }
    }

    @Test
    void deviceAndFifo_asThePolicyOrItsExtends_areRefusedWithoutBeingRead() throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString())
                .redirectErrorStream(true)
                .start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo here");
        Path child = write("zero.yaml", "kind: policy\nextends: /dev/zero\n");
        assertRefused(app(child), child + ":2:10");
        AgentTest.Run r = app(pipe);
        AgentTest.assertCleanRefusal(r, 1);
        assertTrue(r.err().contains("not a regular file: " + pipe), r.all());
    }

    @Test
    void chainOf3000Files_andAHundredThousandModifiers_areOneCleanRefusalEach() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("chain"));
        for (int i = 0; i < 3000; i++) {
            Files.writeString(
                    folder.resolve("c" + i + ".yaml"),
                    "kind: policy\nextends: " + (i == 2999 ? "DEFAULT" : "c" + (i + 1) + ".yaml") + "\n");
        }
        assertRefused(app(folder.resolve("c0.yaml")), folder.resolve("c63.yaml") + ":2:10");
        Path modifiers = write("modifiers.yaml", "kind: policy\nextends: DEFAULT" + ":NO-SHA1".repeat(100_000) + "\n");
        assertRefused(app(modifiers), modifiers + ":2:10");
        // Control: a chain within the limit starts the application under the policy.
        AgentTest.Run ok = app(folder.resolve("c2950.yaml"));
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.out().contains("sha1withrsa=REFUSED"), ok.all());
    }
}
