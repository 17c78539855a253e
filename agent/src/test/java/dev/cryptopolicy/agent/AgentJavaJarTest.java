package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jars;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.provider.RetryOutcome;
import dev.cryptopolicy.provider.RetryingApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return Jars.write(
                dir.resolve("agent.jar"),
                Map.of(
                        "Premain-Class",
                        Agent.class.getName(),
                        "Can-Retransform-Classes",
                        "true",
                        "Class-Path",
                        Jars.classPathAttribute(Jvm.classPath())));
    }

    /** {@code java OPTIONS -cp LIBRARY -jar JAR}: what users write, and java -jar ignores the -cp. */
    private static Jvm.Result javaJar(List<String> options, Path jar) throws Exception {
        return Jvm.launch(
                options, List.of("-cp", String.join(File.pathSeparator, Jvm.classPath()), "-jar", jar.toString()));
    }

    @Test
    void javaJar_underTheAgent_holdsOnEveryRetry() throws Exception {
        Jvm.Result r = javaJar(List.of("-javaagent:" + agentJar() + "=DEFAULT"), appJar());
        assertEquals(0, r.exit(), r.output());
        RetryOutcome o = RetryOutcome.parse(r.output());
        o.assertNothingUnguarded();
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            assertTrue(o.guardedAfter(i), "attempt " + i + ": " + o.result(i, "providers"));
            assertTrue(o.result(i, "sha256").startsWith("OK CryptoPolicy("), o.result(i, "sha256"));
            assertTrue(
                    o.result(i, "sha1withrsa").startsWith("REFUSED NoSuchAlgorithmException"),
                    o.result(i, "sha1withrsa"));
        }
    }

    @Test
    void javaJar_withTheAgentMissing_doesNotStart() throws Exception {
        Jvm.Result r = javaJar(List.of("-javaagent:" + dir.resolve("no-such-agent.jar") + "=DEFAULT"), appJar());
        assertNotEquals(0, r.exit(), r.output());
        assertFalse(r.output().contains("attempt 1 "), "the application must not run: " + r.output());
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
        Jvm.Result r = javaJar(List.of("-Djava.security.properties=" + override), appJar());
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        RetryOutcome o = RetryOutcome.parse(out);
        assertTrue(o.result(1, "sha1withrsa").startsWith("OK SunRsaSign(sun.security.rsa.SunRsaSign)"), out);
        assertFalse(o.guardedAfter(50), out);
        assertNotEquals(RetryOutcome.FRONT, o.result(50, "providers").split(",")[0], out);
        assertEquals(
                RetryingApp.ATTEMPTS,
                out.lines().filter(l -> l.contains(" providers=")).count(),
                out);
    }
}
