package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's tools are applications: {@code keytool} and {@code jarsigner}, started with the agent
 * in {@code JAVA_TOOL_OPTIONS}, get the policy. Under DEFAULT they refuse SHA-1 signatures and DSA
 * keys with a message that names the rule; under LEGACY the same commands work (the control).
 */
class JdkToolsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private Path agentJar;

    /**
     * An agent jar whose manifest names the test class path: the tools start with their own class
     * path, so the agent brings the library with it.
     */
    @BeforeEach
    void agentJar() throws Exception {
        StringJoiner classPath = new StringJoiner(" ");
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toString());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", Agent.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString());
        agentJar = dir.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(agentJar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
    }

    /** Runs a JDK tool, with the agent installing {@code policy} when it is not null. */
    private String tool(String policy, int expect, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (policy != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar + "=" + policy);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (expect == 0) {
            assertEquals(0, p.exitValue(), command + " under " + policy + ":\n" + out);
        } else {
            assertNotEquals(0, p.exitValue(), command + " under " + policy + " must fail:\n" + out);
        }
        if (policy != null) {
            assertTrue(out.contains("Picked up JAVA_TOOL_OPTIONS"), "the agent was not picked up: " + out);
        }
        return out;
    }

    private String genkeypair(String policy, int expect, String store, String keyalg, String sigalg) throws Exception {
        return tool(
                policy,
                expect,
                "keytool",
                "-genkeypair",
                "-alias",
                "k",
                "-dname",
                "CN=cryptopolicy",
                "-keyalg",
                keyalg,
                "-keysize",
                "2048",
                "-sigalg",
                sigalg,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store,
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
    }

    private static void assertNamesTheRule(String out) {
        assertTrue(
                out.contains("policy DEFAULT") && out.contains("DEFAULT.yaml:"),
                "the refusal names the policy's rule: " + out);
    }

    @Test
    void keytoolSha1WithRsaCertificate_isRefusedUnderDefault_andMadeUnderLegacy() throws Exception {
        assertNamesTheRule(genkeypair("DEFAULT", 1, "default.p12", "RSA", "SHA1withRSA"));
        assertTrue(Files.notExists(dir.resolve("default.p12")) || Files.size(dir.resolve("default.p12")) == 0);
        genkeypair("DEFAULT", 0, "sha256.p12", "RSA", "SHA256withRSA");
        genkeypair("LEGACY", 0, "legacy.p12", "RSA", "SHA1withRSA");
        String listed = tool(null, 0, "keytool", "-list", "-v", "-keystore", "legacy.p12", "-storepass", PASSWORD);
        assertTrue(listed.contains("SHA1withRSA"), listed);
    }

    @Test
    void keytoolDsaKey_isRefusedUnderDefault_andMadeUnderLegacy() throws Exception {
        assertNamesTheRule(genkeypair("DEFAULT", 1, "dsa-default.p12", "DSA", "SHA256withDSA"));
        genkeypair("LEGACY", 0, "dsa-legacy.p12", "DSA", "SHA256withDSA");
    }

    @Test
    void jarsignerSha1WithRsa_isRefusedUnderDefault_andSignsUnderLegacy() throws Exception {
        genkeypair(null, 0, "signer.p12", "RSA", "SHA256withRSA");
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            j.putNextEntry(new JarEntry("hello.txt"));
            j.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        List<String> sign = List.of(
                "-keystore",
                "signer.p12",
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-sigalg",
                "SHA1withRSA",
                "-digestalg",
                "SHA-256");
        List<String> refused = new ArrayList<>(sign);
        refused.addAll(List.of("-signedjar", "default-signed.jar", "app.jar", "k"));
        assertNamesTheRule(tool("DEFAULT", 1, "jarsigner", refused.toArray(String[]::new)));
        List<String> legacy = new ArrayList<>(sign);
        legacy.addAll(List.of("-signedjar", "legacy-signed.jar", "app.jar", "k"));
        tool("LEGACY", 0, "jarsigner", legacy.toArray(String[]::new));
        assertTrue(Files.size(dir.resolve("legacy-signed.jar")) > Files.size(jar));
    }
}
