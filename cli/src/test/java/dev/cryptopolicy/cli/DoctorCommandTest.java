package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.provider.Jars;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.provider.RetryingApp;
import dev.cryptopolicy.testkit.Slow;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cryptopolicy doctor -- JAVA COMMAND LINE}, each case probing a real JVM. */
@Slow
class DoctorCommandTest {

    @TempDir
    Path dir;

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static String testClassPath() {
        return String.join(File.pathSeparator, Jvm.classPath());
    }

    /** An agent jar whose classes come through its manifest Class-Path, so that it also works with -jar. */
    private Path agentJar() throws Exception {
        return Jars.write(
                dir.resolve("agent.jar"),
                Map.of(
                        "Premain-Class",
                        "dev.cryptopolicy.agent.Agent",
                        "Can-Retransform-Classes",
                        "true",
                        "Class-Path",
                        Jars.classPathAttribute(Jvm.classPath())));
    }

    private Path appJar() throws Exception {
        return Jars.write(dir.resolve("app.jar"), Map.of("Main-Class", RetryingApp.class.getName()), RetryingApp.class);
    }

    /** The override {@code cryptopolicy export --with-providers} writes. */
    private Path override(String reference) throws Exception {
        Path file = dir.resolve("app.security");
        Cli.Result r =
                Cli.run("export", "--policy", reference, "--with-providers", "--on-class-path", "-o", file.toString());
        assertEquals(0, r.status(), r.toString());
        return file;
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void plainJvm_hasNoPolicy_exit1_andTheWeakRequestsAreAllowed() throws Exception {
        Cli.Result r = Cli.run("doctor", "--", JAVA, "-cp", testClassPath(), RetryingApp.class.getName(), "app-arg");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("no policy in force: no route installs one"), r.toString());
        assertTrue(
                r.out().contains("Signature SHA1withRSA: allowed SunRsaSign(sun.security.rsa.SunRsaSign)"),
                r.toString());
        assertTrue(r.out().contains("KeyPairGenerator RSA, 1024-bit key pair: allowed"), r.toString());
        assertTrue(r.out().contains("MessageDigest MD5: allowed"), r.toString());
    }

    @Test
    void underTheAgent_reportsThePolicyTheRouteAndWhatItRefuses() throws Exception {
        Cli.Result r = Cli.run(
                "doctor",
                "--format",
                "json",
                "--",
                JAVA,
                "-javaagent:" + agentJar() + "=DEFAULT",
                "-cp",
                testClassPath(),
                RetryingApp.class.getName());
        assertEquals(0, r.status(), r.toString());
        JsonNode envelope = json(r);
        assertEquals("cryptopolicy", envelope.get("tool").asText());
        assertTrue(envelope.has("version"), r.out());
        assertEquals("doctor", envelope.get("command").asText(), r.out());
        assertTrue(envelope.get("ok").asBoolean(), r.out());
        assertEquals(0, envelope.get("exitStatus").asInt());
        assertEquals(0, envelope.get("errors").size(), r.out());
        JsonNode doc = envelope.get("result");
        assertTrue(doc.get("inForce").asBoolean(), r.out());
        assertEquals("DEFAULT", doc.get("policy").asText(), r.out());
        assertEquals("agent", doc.get("route").asText(), r.out());
        for (JsonNode request : doc.get("requests")) {
            assertEquals("refused", request.get("result").asText(), request.toString());
        }
    }

    @Test
    void javaSecurityOverride_isReportedAsThatRoute() throws Exception {
        Cli.Result r = Cli.run(
                "doctor",
                "--",
                JAVA,
                "-Djava.security.properties=" + override("DEFAULT:NO-SHA1"),
                "-cp",
                testClassPath(),
                RetryingApp.class.getName());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("policy in force: DEFAULT:NO-SHA1 (route: java.security)"), r.toString());
        assertTrue(r.out().contains("java.security: security.provider.1=CryptoPolicy DEFAULT:NO-SHA1"), r.toString());
        assertTrue(r.out().contains("Signature SHA1withRSA: refused"), r.toString());
        assertTrue(r.out().contains("SSLEngine with TLSv1.1 enabled: refused"), r.toString());
    }

    @Test
    void javaSecurityOverrideWhosePolicyBrokeSinceTheExport_isNoPolicy_andNamesTheProblem() throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, "kind: policy\nextends: DEFAULT\n");
        Path file = override(site.toString());
        Files.writeString(site, "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        Cli.Result r = Cli.run(
                "doctor",
                "--",
                JAVA,
                "-Djava.security.properties=" + file,
                "-cp",
                testClassPath(),
                RetryingApp.class.getName());
        assertEquals(1, r.status(), r.toString());
        assertTrue(
                r.out().startsWith("no policy in force: the CryptoPolicy provider could not apply its policy"),
                r.toString());
        assertTrue(
                r.out().contains(site + ":3:15: error") && r.out().contains("did you mean 'SHA256withRSA'"),
                r.toString());
    }

    @Test
    void javaToolOptions_carryingTheAgent_areSeen() throws Exception {
        // The doctor itself runs in a child JVM here, so that JAVA_TOOL_OPTIONS reaches it and,
        // through it, the JVM it probes.
        List<String> command = List.of(
                JAVA,
                "-cp",
                testClassPath(),
                Main.class.getName(),
                "doctor",
                "--format",
                "json",
                "--",
                JAVA,
                "-cp",
                testClassPath(),
                RetryingApp.class.getName());
        Path out = dir.resolve("doctor.out");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("doctor.err").toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar() + "=LEGACY");
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text + Files.readString(dir.resolve("doctor.err")));
        JsonNode doc = new ObjectMapper().readTree(text).get("result");
        assertEquals("LEGACY", doc.get("policy").asText(), text);
        assertEquals("agent", doc.get("route").asText(), text);
        assertEquals(
                "-javaagent:" + agentJar() + "=LEGACY", doc.get("agents").get(0).asText(), text);
        // LEGACY allows what DEFAULT refuses: the refusals above are the policy's.
        assertEquals("allowed", doc.get("requests").get(0).get("result").asText(), text);
    }

    @Test
    void javaJar_withTheConfigurationOnlyRoute_isNoPolicy_andPointsToTheAgent() throws Exception {
        // java -jar ignores -cp: the JDK cannot load CryptoPolicy and skips it.
        Cli.Result r = Cli.run(
                "doctor",
                "--",
                JAVA,
                "-Djava.security.properties=" + override("DEFAULT"),
                "-cp",
                testClassPath(),
                "-jar",
                appJar().toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("the JDK could not load it and skipped it"), r.toString());
        assertTrue(r.out().contains("-javaagent:lib/cryptopolicy-agent.jar=REF"), r.toString());
        assertTrue(
                r.out().contains("Signature SHA1withRSA: allowed SunRsaSign(sun.security.rsa.SunRsaSign)"),
                r.toString());
    }

    @Test
    void javaJar_underTheAgent_hasThePolicy() throws Exception {
        Cli.Result r =
                Cli.run("doctor", "--", JAVA, "-javaagent:" + agentJar() + "=FUTURE", "-jar", appJar().toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("policy in force: FUTURE (route: agent)"), r.toString());
    }

    @Test
    void agentThatRefusesToStartTheJvm_isNoPolicy_withWhatTheJvmSaid() throws Exception {
        Cli.Result r = Cli.run(
                "doctor", "--", JAVA, "-javaagent:" + agentJar() + "=DEFAULT:NO-SUCH", "-jar", appJar().toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("no policy in force: the JVM exited with status"), r.toString());
        assertTrue(r.out().contains("NO-SUCH"), r.toString());
    }

    @Test
    void usageErrors_exit2() {
        assertEquals(2, Cli.run("doctor").status());
        assertEquals(2, Cli.run("doctor", "--", JAVA, "-version").status());
        assertEquals(2, Cli.run("doctor", "--", JAVA, "-cp", "x").status());
        assertEquals(2, Cli.run("doctor", "--", JAVA, "@args.txt").status());
        assertEquals(
                2,
                Cli.run("doctor", "--", dir.resolve("no-such-java").toString(), "-jar", "app.jar")
                        .status());
    }

    @Test
    void json_onAJvmThatCannotStart_andOnAUsageError_isTheSharedEnvelopeWithTheError() throws Exception {
        Cli.Result r = Cli.run(
                "doctor", "--format", "json", "--", dir.resolve("no-such-java").toString(), "-jar", "app.jar");
        assertEquals(2, r.status(), r.toString());
        JsonNode doc = json(r);
        assertEquals("doctor", doc.get("command").asText(), r.out());
        assertFalse(doc.get("ok").asBoolean(), r.out());
        assertEquals(2, doc.get("exitStatus").asInt(), r.out());
        assertTrue(doc.get("result").isNull(), r.out());
        assertEquals("usage", doc.get("errors").get(0).get("rule").asText(), r.out());
        assertTrue(doc.get("errors").get(0).get("message").asText().contains("no-such-java"), r.out());

        Cli.Result usage = Cli.run("doctor", "--format", "json", "--", JAVA, "-version");
        assertEquals(2, usage.status(), usage.toString());
        assertEquals("usage", json(usage).get("errors").get(0).get("rule").asText(), usage.out());
        assertEquals("doctor", json(usage).get("command").asText(), usage.out());
    }

    @Test
    void probeCommand_replacesTheMainAndKeepsTheOptions() throws Exception {
        Path probe = dir.resolve("probe");
        List<String> c = DoctorCommand.probeCommand(
                List.of(
                        "java",
                        "-Dx=1",
                        "-cp",
                        "lib/*",
                        "--add-opens",
                        "a/b=ALL-UNNAMED",
                        "-jar",
                        "app.jar",
                        "--app-option"),
                probe,
                "env-cp");
        assertEquals(
                List.of(
                        "java",
                        "-Dx=1",
                        "--add-opens",
                        "a/b=ALL-UNNAMED",
                        "-cp",
                        "app.jar" + File.pathSeparator + probe,
                        DoctorProbe.class.getName()),
                c);
        assertEquals(
                List.of("java", "-cp", "env-cp" + File.pathSeparator + probe, DoctorProbe.class.getName()),
                DoctorCommand.probeCommand(List.of("java", "com.example.Main", "-cp", "ignored"), probe, "env-cp"));
        assertEquals(
                List.of("java", "-Dy=2", "-cp", "." + File.pathSeparator + probe, DoctorProbe.class.getName()),
                DoctorCommand.probeCommand(List.of("java", "-Dy=2", "--source", "17", "App.java"), probe, null));
    }
}
