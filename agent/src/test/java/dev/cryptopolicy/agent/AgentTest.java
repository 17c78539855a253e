package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.conformance.Battery;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-code-change route, in child JVMs started with {@code -javaagent} or {@code JAVA_TOOL_OPTIONS}
 * and the packaged agent jar (these tests run after {@code package}). The applications' class paths
 * hold only the applications: the agent brings everything else.
 */
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

    /** Exit status, stdout and stderr of a finished child JVM. */
    record Run(int exit, String out, String err) {
        /** Both streams, for assertion messages. */
        String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** The stderr lines that are not the JVM's own notice of {@code JAVA_TOOL_OPTIONS}. */
        List<String> errLines() {
            return err.lines()
                    .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                    .toList();
        }
    }

    /** The packaged agent jar (cryptopolicy-agent.jar), as the build made it. */
    static Path agentJar() {
        return Path.of(System.getProperty("cryptopolicy.agent.jar"));
    }

    /** A directory of jars resolved from Maven Central for the test applications (see the POM). */
    static Path itJars(String name) {
        return Path.of(System.getProperty("cryptopolicy.it.jars"), name);
    }

    /** The jars of {@link #itJars(String)}, sorted. */
    static List<Path> jarsIn(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Where this module's test classes are: the test applications' own code. */
    static Path testClasses() throws Exception {
        return Path.of(AgentTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** Where the conformance battery is ({@link Battery}, a test dependency); the agent brings what it needs. */
    static Path batteryClasses() throws Exception {
        return Path.of(Battery.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** Starts {@code mainClass} in a fresh JVM with exactly {@code classPath} and waits for it. */
    static Run run(
            List<String> options,
            Map<String, String> env,
            List<Path> classPath,
            String mainClass,
            Path scratch,
            String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(options);
        List<String> entries = new ArrayList<>();
        classPath.forEach(p -> entries.add(p.toString()));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, entries));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectError(err.toFile()).directory(scratch.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("CRYPTOPOLICY_DEBUG");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("JVM did not finish in 120 s: " + command);
        }
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private Run run(List<String> options, Map<String, String> env, String mainClass, String... args) throws Exception {
        return run(options, env, List.of(testClasses(), batteryClasses()), mainClass, dir, args);
    }

    /** The conformance battery with its refusals' messages, under {@code -javaagent:...=policy}. */
    private Run battery(String policy) throws Exception {
        return run(List.of("-javaagent:" + agentJar() + "=" + policy), Map.of(), Battery.class.getName(), "--detailed");
    }

    private Run app(String agentOptions) throws Exception {
        return run(List.of("-javaagent:" + agentJar() + agentOptions), Map.of(), AgentTest.class.getName());
    }

    /** A refusal is one line on stderr, with none of the JVM's agent machinery or a stack trace. */
    static void assertCleanRefusal(Run r, int exit) {
        assertEquals(exit, r.exit(), r.all());
        assertEquals(1, r.errLines().size(), "one line on stderr: " + r.all());
        assertTrue(r.err().startsWith("cryptopolicy agent: ") || r.err().contains("\ncryptopolicy agent: "), r.all());
        for (String noise :
                List.of("\tat ", "InvocationTargetException", "JPLIS", "ASSERTION FAILED", "Exception in thread")) {
            assertFalse(r.all().contains(noise), "'" + noise + "' in " + r.all());
        }
        assertFalse(r.out().contains("front="), "main must not run: " + r.all());
    }

    @Test
    void javaagentOption_installsThePolicyBeforeMain() throws Exception {
        Run r = app("=DEFAULT");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), r.all());
        // Control: the same application without the agent.
        Run plain = run(List.of(), Map.of(), AgentTest.class.getName());
        assertTrue(plain.out().contains("sha1withrsa=OK") && !plain.out().contains("front=CryptoPolicy"), plain.all());
    }

    @Test
    void startUp_writesOneLineToStderr_namingThePolicyItsModeDigestAndBackends() throws Exception {
        Run r = app("=DEFAULT");
        assertEquals(0, r.exit(), r.all());
        // The agent's own line, not a logger's record: nothing before main starts the application's logging.
        assertEquals(1, r.errLines().size(), r.all());
        String line = r.errLines().get(0);
        assertTrue(
                line.matches("cryptopolicy: policy DEFAULT \\(enforce, sha256 [0-9a-f]{16}\\) installed by route agent;"
                        + " backends SUN, .*"),
                r.all());
        // The agent sets the TLS properties JDK 17 reads once: nothing to add about them, and no long TLS notice.
        assertFalse(r.err().contains("jdk.tls."), r.all());
        assertTrue(r.err().length() < 400, r.all());
        // Another policy, another digest: the line names what was installed.
        Run legacy = app("=LEGACY");
        assertTrue(legacy.err().startsWith("cryptopolicy: policy LEGACY (enforce, sha256 "), legacy.all());
        assertFalse(legacy.err().contains(line.substring(line.indexOf("sha256"), line.indexOf(')'))), legacy.all());
    }

    @Test
    void withoutOptions_theAgentInstallsDefault() throws Exception {
        Run r = app("");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy") && r.out().contains("sha1withrsa=REFUSED"), r.all());
    }

    @Test
    void underTheAgentWithDefault_theIssuesChecklistHolds() throws Exception {
        // The conformance battery, in the JVM as the agent left it (no policy of its own).
        Run r = battery("DEFAULT");
        String out = r.out();
        assertEquals(0, r.exit(), r.all());
        for (String refused : List.of(
                "op Signature SHA1withRSA = REFUSED:NoSuchAlgorithmException",
                "op Signature SHA1withRSA from SunRsaSign = REFUSED:NoSuchAlgorithmException",
                "op KeyPairGenerator RSA 1024 = REFUSED:InvalidParameterException: RSA key of 1024 bits is below the minimum "
                        + "of 2048 bits of policy DEFAULT",
                "op KeyPairGenerator RSA 1024 from SunRsaSign = REFUSED:",
                "op Cipher DES/CBC/PKCS5Padding = REFUSED:NoSuchAlgorithmException")) {
            assertTrue(out.contains(refused), refused + " in " + out);
        }
        for (String ok : List.of(
                "op KeyPairGenerator RSA 2048",
                "op Cipher AES/GCM/NoPadding AES-128",
                "op Cipher AES/GCM/NoPadding AES-256",
                "op Signature SHA256withECDSA",
                "op Signature Ed25519",
                "op KeyAgreement X25519",
                "op MessageDigest SHA3-256",
                "tls context")) {
            assertTrue(out.contains(ok + " = OK\n"), ok + " in " + out);
        }
        // Control: the same battery without the agent (on this test's class path) runs what DEFAULT refuses.
        List<Path> testClassPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            testClassPath.add(Path.of(entry));
        }
        Run plain = run(List.of(), Map.of(), testClassPath, Battery.class.getName(), dir);
        assertTrue(
                plain.out().contains("op Signature SHA1withRSA = OK\n")
                        && plain.out().contains("op KeyPairGenerator RSA 1024 = OK\n"),
                plain.all());
    }

    @Test
    void underTheAgentWithFuture_aes128IsRefused_andUnderLegacySha1SignaturesWork() throws Exception {
        String future = battery("FUTURE").out();
        assertTrue(
                future.contains("op Cipher AES/GCM/NoPadding AES-128 = REFUSED:")
                        && future.contains("keys.symmetric.min_bits"),
                future);
        assertTrue(future.contains("op Cipher AES/GCM/NoPadding AES-256 = OK\n"), future);
        String legacy = battery("LEGACY").out();
        assertTrue(legacy.contains("op Signature SHA1withRSA = OK\n"), legacy);
    }

    @Test
    void javaToolOptions_installTheSamePolicy() throws Exception {
        Run r = run(
                List.of(),
                Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar() + "=LEGACY"),
                AgentTest.class.getName());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=OK"), r.all());
    }

    @Test
    void brokenPolicy_stopsTheJvm_withOneLineNamingThePolicyAndEveryProblem() throws Exception {
        Path policy = dir.resolve("broken.yaml");
        Files.writeString(
                policy, "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n  Cipher: [AES/GCM/NoPaddin]\n");
        Run r = app("=" + policy);
        assertCleanRefusal(r, 1);
        assertTrue(
                r.err()
                        .contains(
                                "cryptopolicy agent: policy " + policy + " cannot be loaded, the JVM does not start: "),
                r.all());
        assertTrue(
                r.err().contains(policy + ":3:15: error") && r.err().contains("did you mean 'SHA256withRSA'"), r.all());
        assertTrue(r.err().contains(policy + ":4:12: error"), "the second problem too: " + r.all());
    }

    @Test
    void brokenPolicy_underJavaToolOptions_isTheSameCleanRefusal() throws Exception {
        Path policy = dir.resolve("typo.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nmdoe: enforce\n");
        Run r = run(
                List.of(),
                Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar() + "=" + policy),
                AgentTest.class.getName());
        assertCleanRefusal(r, 1);
        assertTrue(r.err().contains(policy + ":3:1: error"), r.all());
    }

    @Test
    void unknownOption_isAUsageError_namingTheOptionAndTheGrammar() throws Exception {
        Run r = app("=DEFAULT,bcfip=/opt/bc");
        assertCleanRefusal(r, 2);
        assertTrue(r.err().contains("unknown option 'bcfip'") && r.err().contains("[=[POLICY][,bcfips=DIR]"), r.all());
    }

    @Test
    void givenTwiceWithOtherOptions_isAUsageError_andMainNeverRuns() throws Exception {
        Run r = run(
                List.of("-javaagent:" + agentJar() + "=DEFAULT", "-javaagent:" + agentJar() + "=LEGACY"),
                Map.of(),
                AgentTest.class.getName());
        assertEquals(2, r.exit(), r.all());
        assertTrue(
                r.err().contains("cryptopolicy agent: given twice with different options ('DEFAULT', then 'LEGACY')"),
                r.all());
        assertFalse(r.out().contains("front="), "main must not run: " + r.all());
        // Control: the same option twice installs once, and main runs under DEFAULT.
        Run same = run(
                List.of("-javaagent:" + agentJar() + "=DEFAULT", "-javaagent:" + agentJar() + "=DEFAULT"),
                Map.of(),
                AgentTest.class.getName());
        assertEquals(0, same.exit(), same.all());
        assertTrue(same.out().contains("front=CryptoPolicy") && same.out().contains("sha1withrsa=REFUSED"), same.all());
    }

    @Test
    void watchOfAReferenceWithoutFiles_orABadWatchValue_isAUsageError() throws Exception {
        // Found once the policy is loaded (its sources name the files): after the install line, before main.
        Run shipped = app("=DEFAULT,watch=true");
        assertEquals(2, shipped.exit(), shipped.all());
        assertTrue(
                shipped.err().contains("watch=true") && shipped.err().contains("names no file to watch"),
                shipped.all());
        assertFalse(shipped.out().contains("front="), "main must not run: " + shipped.all());
        Run bad = app("=DEFAULT,watch=yes");
        assertCleanRefusal(bad, 2);
        assertTrue(bad.err().contains("watch=yes: expected true or false"), bad.all());
        // Control: watching a policy file starts, and main runs under it.
        Path policy = dir.resolve("watched.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\n");
        Run watched = app("=" + policy + ",watch=true");
        assertEquals(0, watched.exit(), watched.all());
        assertTrue(watched.out().contains("sha1withrsa=REFUSED"), watched.all());
    }

    @Test
    void bcfipsDirectoryThatDoesNotExist_isAUsageError() throws Exception {
        Run r = app("=DEFAULT,bcfips=" + dir.resolve("nowhere"));
        assertCleanRefusal(r, 2);
        assertTrue(r.err().contains("is not a directory"), r.all());
    }

    @Test
    void internalError_isOneLine_andTheStackTraceOnlyOnRequest() throws Exception {
        // A jar whose manifest names the agent but holds nothing else: the agent cannot find its own classes.
        Path broken = dir.resolve("broken-agent.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", Agent.class.getName());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(broken), manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("dev/cryptopolicy/agent/Agent.class"));
            try (var in = Agent.class.getResourceAsStream("Agent.class")) {
                out.write(in.readAllBytes());
            }
        }
        Run r = run(List.of("-javaagent:" + broken), Map.of(), List.of(testClasses()), AgentTest.class.getName(), dir);
        assertCleanRefusal(r, 3);
        assertTrue(
                r.err().contains("internal error") && r.err().contains("set CRYPTOPOLICY_DEBUG=1 for the stack trace"),
                r.all());
        Run debug = run(
                List.of("-javaagent:" + broken),
                Map.of("CRYPTOPOLICY_DEBUG", "1"),
                List.of(testClasses()),
                AgentTest.class.getName(),
                dir);
        assertEquals(3, debug.exit(), debug.all());
        assertTrue(debug.err().contains("\tat "), "stack trace with CRYPTOPOLICY_DEBUG=1: " + debug.all());
    }

    @Test
    void attachedToARunningJvm_aBrokenPolicyFailsTheAttachOnly_andAGoodOneInstalls() throws Exception {
        Path policy = dir.resolve("broken.yaml");
        Files.writeString(policy, "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        Run r = run(
                List.of("-Djdk.attach.allowAttachSelf=true"),
                Map.of(),
                List.of(testClasses()),
                AttachApp.class.getName(),
                dir,
                agentJar().toString(),
                policy.toString(),
                "DEFAULT");
        assertEquals(0, r.exit(), "a running JVM is not stopped: " + r.all());
        assertTrue(
                r.out().contains("attach " + policy + "=FAILED AgentInitializationException\nstill running, front=SUN"),
                r.all());
        assertTrue(
                r.err()
                        .contains("cryptopolicy agent: policy " + policy + " cannot be loaded, nothing installed: "
                                + policy + ":3:15: error"),
                r.all());
        assertTrue(r.out().contains("attach DEFAULT=OK\nstill running, front=CryptoPolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), r.all());
    }
}
