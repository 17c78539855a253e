package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jars;
import dev.cryptopolicy.provider.RetryOutcome;
import dev.cryptopolicy.provider.RetryingApp;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar app.jar}, where {@code -cp} is ignored: the configuration-only route cannot
 * load the CryptoPolicy provider there, and the JDK skips it in silence; the agent is the route
 * that holds, and a missing agent stops the JVM. The application is {@link RetryingApp}, alone in
 * a jar with a {@code Main-Class} manifest.
 */
class AgentJavaJarTest {

    @TempDir
    Path dir;

    private Path appJar() throws Exception {
        return Jars.write(dir.resolve("app.jar"), Map.of("Main-Class", RetryingApp.class.getName()), RetryingApp.class);
    }

    /** The agent as shipped: its classes come through its manifest Class-Path, not -cp. */
    private Path agentJar() throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator));
        return Jars.write(dir.resolve("agent.jar"), Map.of("Premain-Class", Agent.class.getName(),
                "Class-Path", Jars.classPathAttribute(classPath)));
    }

    private static String javaJar(List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(options);
        // What users write and java -jar ignores: the library on -cp.
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile("app", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar did not finish: " + command);
            return "exit=" + p.exitValue() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void javaJar_underTheAgent_holdsOnEveryRetry() throws Exception {
        String out = javaJar(List.of("-javaagent:" + agentJar() + "=DEFAULT"), appJar());
        assertTrue(out.startsWith("exit=0\n"), out);
        RetryOutcome o = RetryOutcome.parse(out);
        o.assertNothingUnguarded();
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            assertTrue(o.guardedAfter(i), "attempt " + i + ": " + o.result(i, "providers"));
            assertTrue(o.result(i, "sha256").startsWith("OK CryptoPolicy("), o.result(i, "sha256"));
            assertTrue(o.result(i, "sha1withrsa").startsWith("REFUSED NoSuchAlgorithmException"), o.result(i, "sha1withrsa"));
        }
    }

    @Test
    void javaJar_withTheAgentMissing_doesNotStart() throws Exception {
        String out = javaJar(List.of("-javaagent:" + dir.resolve("no-such-agent.jar") + "=DEFAULT"), appJar());
        assertFalse(out.startsWith("exit=0\n"), out);
        assertFalse(out.contains("attempt 1 "), "the application must not run: " + out);
    }

    @Test
    void javaJar_withTheConfigurationOnlyRoute_runsUnguarded_whichIsWhyItNeedsTheAgent() throws Exception {
        // The JDK skips a security.provider entry whose class it cannot load, with no message: no
        // java.security layout can make that fail, since the JDK's own providers load without ours.
        List<String> lines = new ArrayList<>();
        lines.add("security.provider.1=CryptoPolicy DEFAULT");
        int n = 2;
        for (Provider p : Security.getProviders()) {
            lines.add("security.provider." + n++ + "=" + p.getName());
        }
        Path override = Files.write(dir.resolve("app.security"), lines);
        String out = javaJar(List.of("-Djava.security.properties=" + override), appJar());
        assertTrue(out.startsWith("exit=0\n"), out);
        RetryOutcome o = RetryOutcome.parse(out);
        assertTrue(o.result(1, "sha1withrsa").startsWith("OK SunRsaSign(sun.security.rsa.SunRsaSign)"), out);
        assertFalse(o.guardedAfter(50), out);
        assertNotEquals(RetryOutcome.FRONT, o.result(50, "providers").split(",")[0], out);
        assertEquals(RetryingApp.ATTEMPTS, out.lines().filter(l -> l.contains(" providers=")).count(), out);
    }
}
