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

    private Path agentJar() throws Exception {
        return agentJar(dir);
    }

    /** A jar with only the agent manifest; the classes come from the test class path. */
    static Path agentJar(Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", Agent.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        Path jar = dir.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }

    private String run(List<String> options, Map<String, String> env, int expectedExit) throws Exception {
        return run(options, env, expectedExit, AgentTest.class.getName());
    }

    private String run(List<String> options, Map<String, String> env, int expectedExit, String mainClass) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
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
    void underTheAgentWithDefault_theIssuesChecklistHolds() throws Exception {
        // dev.cryptopolicy.provider.Checks (providers test jar) runs the battery and prints name=result.
        String out = run(List.of("-javaagent:" + agentJar() + "=DEFAULT"), Map.of(), 0, "dev.cryptopolicy.provider.Checks");
        for (String refused : List.of("sha1withrsa=REFUSED: NoSuchAlgorithmException", "sha1withrsa-sunrsasign=REFUSED: NoSuchAlgorithmException",
                "rsa1024=REFUSED: InvalidParameterException: RSA key of 1024 bits is below the minimum of 2048 bits of policy DEFAULT",
                "rsa1024-sunrsasign=REFUSED", "des=REFUSED: NoSuchAlgorithmException")) {
            assertTrue(out.contains(refused), refused + " in " + out);
        }
        for (String ok : List.of("rsa2048", "aes128-gcm", "aes256-gcm", "ecdsa", "ed25519", "x25519", "sha3-256", "tls-default")) {
            assertTrue(out.contains(ok + "=OK"), ok + " in " + out);
        }
    }

    @Test
    void underTheAgentWithFuture_aes128IsRefused_andUnderLegacySha1SignaturesWork() throws Exception {
        String future = run(List.of("-javaagent:" + agentJar() + "=FUTURE"), Map.of(), 0, "dev.cryptopolicy.provider.Checks");
        assertTrue(future.contains("aes128-gcm=REFUSED") && future.contains("keys.symmetric.min_bits"), future);
        assertTrue(future.contains("aes256-gcm=OK"), future);
        String legacy = run(List.of("-javaagent:" + agentJar() + "=LEGACY"), Map.of(), 0, "dev.cryptopolicy.provider.Checks");
        assertTrue(legacy.contains("sha1-rsa-sign-legacy=OK"), legacy);
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
