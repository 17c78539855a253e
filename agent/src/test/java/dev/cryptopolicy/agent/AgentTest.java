package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-code-change route, in child JVMs started with {@code -javaagent} or {@code JAVA_TOOL_OPTIONS}. */
class AgentTest {

    @TempDir
    Path dir;

    /** The child JVM's application: knows nothing of cryptopolicy. */
    public static void main(String[] args) {
        System.out.println("front=" + Security.getProviders()[0].getName());
        try {
            Signature.getInstance("SHA1withRSA", "SunRsaSign");
            System.out.println("sha1withrsa=OK");
        } catch (Exception e) {
            System.out.println("sha1withrsa=REFUSED " + e.getClass().getSimpleName());
        }
    }

    /** A jar with only the agent manifest; the classes come from the test class path. */
    private Path agentJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", Agent.class.getName());
        Path jar = dir.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }

    private String run(List<String> options, Map<String, String> env, int expectedExit) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(AgentTest.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (expectedExit == 0) {
            assertEquals(0, p.exitValue(), out);
        } else {
            assertNotEquals(0, p.exitValue(), out);
        }
        return out;
    }

    @Test
    void javaagentOption_installsThePolicyBeforeMain() throws Exception {
        String out = run(List.of("-javaagent:" + agentJar() + "=DEFAULT"), Map.of(), 0);
        assertTrue(out.contains("front=CryptoPolicy"), out);
        assertTrue(out.contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), out);
    }

    @Test
    void javaToolOptions_installTheSamePolicy() throws Exception {
        String out = run(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar() + "=LEGACY"), 0);
        assertTrue(out.contains("front=CryptoPolicy"), out);
        assertTrue(out.contains("sha1withrsa=OK"), out);
    }

    @Test
    void brokenPolicy_stopsTheJvmFromStarting() throws Exception {
        Path policy = dir.resolve("broken.yaml");
        Files.writeString(policy, "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        String out = run(List.of("-javaagent:" + agentJar() + "=" + policy), Map.of(), 1);
        assertTrue(out.contains("cryptopolicy agent: the JVM must not start without its crypto policy"), out);
        assertTrue(out.contains(policy + ":3:15: error"), out);
        assertTrue(out.contains("did you mean 'SHA256withRSA'"), out);
        assertTrue(!out.contains("front="), "main must not run: " + out);
    }
}
