package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {

    /** A feature line: {@code MessageDigest SHA-256  <chosen backend>  <probe results>}. */
    private static final Pattern SHA256_LINE = Pattern.compile("(?m)^  MessageDigest SHA-256 +(\\S+) +(.+)$");

    /** A policy that needs ML-KEM-768, which the JDK offers from JDK 24 on (SunJCE). */
    private static final String ML_KEM_POLICY = """
            kind: policy
            extends: DEFAULT
            algorithms:
              KEM: [ML-KEM-768]
            backends:
              required:
                KEM: [ML-KEM-768]
            """;

    @TempDir
    Path dir;

    @Test
    void probeOfDefault_exitsZero_listsSun_andTheBackendChosenForSha256() {
        Cli.Result r = Cli.run("probe").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().startsWith("policy DEFAULT (mode enforce) on Java " + Runtime.version()), r::toString);
        assertTrue(r.out().contains("\nbackends:\n"), r::toString);
        assertTrue(Pattern.compile("(?m)^  SUN +\\S+ +no +").matcher(r.out()).find(), r::toString);
        Matcher sha256 = SHA256_LINE.matcher(r.out());
        assertTrue(sha256.find(), r::toString);
        assertFalse(sha256.group(1).equals("none"), r::toString);
        assertTrue(sha256.group(2).contains(sha256.group(1) + " passed"), r::toString);
        assertTrue(r.out().contains("unmet requirements: none"), r::toString);
        assertTrue(r.out().contains("rejected backends: none"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void jsonOutput_parses_andHasBackendsFeaturesAndMissing() throws IOException {
        Cli.Result r =
                Cli.run("probe", "--policy", "DEFAULT", "--format", "json").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        JsonNode root = Envelope.result(r, "probe");
        assertEquals("DEFAULT", root.path("policy").path("name").asText(), r::toString);
        assertEquals(
                Runtime.version().feature(), root.path("jdk").path("feature").asInt(), r::toString);
        assertTrue(root.path("satisfiable").asBoolean(), r::toString);
        assertTrue(root.path("ok").asBoolean(), r::toString);
        assertTrue(root.path("backends").isArray() && root.path("backends").size() > 0, r::toString);
        boolean sun = false;
        for (JsonNode b : root.path("backends")) {
            sun |= b.path("name").asText().equals("SUN") && !b.path("fips").asBoolean();
        }
        assertTrue(sun, r::toString);
        JsonNode sha256 = null;
        for (JsonNode f : root.path("features")) {
            if (f.path("service").asText().equals("MessageDigest")
                    && f.path("algorithm").asText().equals("SHA-256")) {
                sha256 = f;
            }
        }
        assertNotNull(sha256, r::toString);
        String chosen = sha256.path("chosen").asText();
        assertFalse(sha256.path("chosen").isNull(), r::toString);
        boolean chosenPassed = false;
        for (JsonNode p : sha256.path("probes")) {
            chosenPassed |= p.path("backend").asText().equals(chosen)
                    && p.path("status").asText().equals("PASSED");
        }
        assertTrue(chosenPassed, r::toString);
        assertTrue(root.path("missing").isArray(), r::toString);
        assertEquals(0, root.path("missing").size(), r::toString);
        assertTrue(root.path("rejected").isArray(), r::toString);
    }

    @Test
    void requiredMlKem768_isUnmetBeforeJdk24_andMetFromJdk24() throws IOException {
        Path policy = Files.writeString(dir.resolve("ml-kem.yaml"), ML_KEM_POLICY);
        Cli.Result r = Cli.run("probe", "--policy", policy.toString());
        // Probe reasons may name the exception a backend threw (BCFIPS refusing AES/KW); no stack traces.
        assertFalse(r.all().contains("\tat "), r::toString);
        if (Runtime.version().feature() < 24) {
            assertEquals(ExitStatus.FAILED, r.status(), r::toString);
            assertTrue(r.out().contains("unmet requirements:\n"), r::toString);
            assertTrue(r.out().contains("KEM ML-KEM-768: no backend"), r::toString);
            assertTrue(r.out().contains("cannot be installed on this JVM: 1 unmet requirement"), r::toString);
        } else {
            assertEquals(ExitStatus.OK, r.status(), r::toString);
            assertTrue(
                    Pattern.compile("(?m)^  KEM ML-KEM-768 \\(required\\) +(\\S+) +.*\\1 passed")
                            .matcher(r.out())
                            .find(),
                    r::toString);
            assertTrue(r.out().contains("unmet requirements: none"), r::toString);
        }
    }

    @Test
    void unknownOption_isAUsageError() {
        Cli.Result r = Cli.run("probe", "--polcy", "DEFAULT").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("unknown option '--polcy'; did you mean '--policy'?"), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy probe --help'"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void positionalArgument_andUnknownFormat_areUsageErrors() {
        Cli.Result positional = Cli.run("probe", "DEFAULT");
        assertEquals(ExitStatus.USAGE, positional.status(), positional::toString);
        assertTrue(positional.err().contains("name the policy with --policy"), positional::toString);
        Cli.Result format = Cli.run("probe", "--format", "yaml");
        assertEquals(ExitStatus.USAGE, format.status(), format::toString);
        assertTrue(format.err().contains("unknown format 'yaml'"), format::toString);
    }

    @Test
    void policyThatCannotBeLoaded_exitsTwo_andSaysWhy() {
        Cli.Result r = Cli.run("probe", "--policy", dir.resolve("absent.yaml").toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("cryptopolicy probe: policy '"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void probeOfAMozillaProfile_reportsWhatTlsWillOfferAndWhatTheBackendLacks() throws IOException {
        Cli.Result r = Cli.run("probe", "--policy", "DEFAULT:MOZILLA-MODERN").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("tls (SunJSSE): protocols TLSv1.3;"), r::toString);
        JsonNode tls = Envelope.result(
                        Cli.run("probe", "--policy", "DEFAULT:MOZILLA-INTERMEDIATE", "--format", "json"), "probe")
                .path("tls");
        assertEquals("SunJSSE", tls.path("backend").asText(), tls::toString);
        assertTrue(tls.path("cipherSuites").size() > 0, tls::toString);
        for (JsonNode suite : tls.path("cipherSuites")) {
            assertFalse(suite.asText().contains("CBC"), "intermediate has no CBC suites: " + tls);
        }
    }
}
