package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shippedPolicies_areClean_exitZero() {
        Cli.Result r = Cli.run("lint", "DEFAULT", "LEGACY", "FUTURE", "FIPS").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        for (String name : List.of("DEFAULT", "LEGACY", "FUTURE", "FIPS")) {
            assertTrue(r.out().contains(name + ": ok"), r::toString);
        }
    }

    @Test
    void composedReference_isLinted() {
        Cli.Result r = Cli.run("lint", "DEFAULT:NO-SHA1").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
    }

    @Test
    void misspeltAlgorithm_isAnError_withFileLineColumnAndSuggestion() throws IOException {
        Path file = write("typo.yaml", """
                kind: policy
                algorithms:
                  MessageDigest: [SHA-256]
                  Signature: [SHA256withECDSA, SHA256withRAS]
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertErrorAt(r, file, 4);
        assertTrue(r.out().contains("SHA256withRAS"), r::toString);
        assertTrue(r.out().contains("did you mean 'SHA256withRSA'?"), r::toString);
    }

    @Test
    void duplicateKey_isAnError_withFileLineColumn() throws IOException {
        Path file = write("dup.yaml", """
                kind: policy
                extends: DEFAULT
                mode: enforce
                mode: audit
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertErrorAt(r, file, 4);
        assertTrue(r.out().contains("duplicate"), r::toString);
    }

    @Test
    void wrongType_isAnError_withFileLineColumn() throws IOException {
        Path file = write("type.yaml", """
                kind: policy
                extends: DEFAULT
                keys:
                  rsa:
                    min_bits: lots
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertErrorAt(r, file, 5);
        assertTrue(r.out().contains("keys.rsa.min_bits"), r::toString);
    }

    @Test
    void brokenYaml_isAnError_withFileLineColumn() throws IOException {
        Path file = write("broken.yaml", """
                kind: policy
                extends: DEFAULT
                algorithms:
                  Signature: [SHA256withRSA
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertErrorAt(r, file, -1);
    }

    @Test
    void everyReference_isReported_evenAfterAnError() throws IOException {
        Path file = write("type.yaml", "kind: policy\nextends: DEFAULT\nmode: 3\n");
        Cli.Result r = Cli.run("lint", file.toString(), "DEFAULT").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains(file + ": 1 error"), r::toString);
        assertTrue(r.out().contains("DEFAULT: ok"), r::toString);
    }

    @Test
    void warnings_passByDefault_butFailWithStrict() {
        assertEquals(ExitStatus.OK, Cli.run("lint", "LEGACY").status());
        Cli.Result strict = Cli.run("lint", "--strict", "LEGACY").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, strict.status(), strict::toString);
        assertTrue(
                Pattern.compile("^LEGACY\\.yaml:\\d+:\\d+: warning: ", Pattern.MULTILINE)
                        .matcher(strict.out())
                        .find(),
                strict::toString);
    }

    @Test
    void missingFile_exitsTwo_withoutStackTrace() {
        Path missing = dir.resolve("missing.yaml");
        Cli.Result r = Cli.run("lint", missing.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.out().contains("missing.yaml"), r::toString);
    }

    @Test
    void unknownShippedName_exitsTwo() {
        Cli.Result r = Cli.run("lint", "DEFALT").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.out().contains("DEFALT"), r::toString);
    }

    @Test
    void noReference_isAUsageError() {
        Cli.Result r = Cli.run("lint");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy lint --help'"), r::toString);
    }

    @Test
    void unknownFormat_isAUsageError_withSuggestion() {
        Cli.Result r = Cli.run("lint", "--format", "sarf", "DEFAULT");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean 'sarif'?"), r::toString);
    }

    @Test
    void unknownOption_isAUsageError_withSuggestion() {
        Cli.Result r = Cli.run("lint", "--strikt", "DEFAULT");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean '--strict'?"), r::toString);
    }

    @Test
    void jsonOutput_listsEveryProblemWithAllFields() throws IOException {
        Path file = write("typo.yaml", "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        Cli.Result r = Cli.run("lint", "--format", "json", file.toString(), "DEFAULT");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        JsonNode root = Envelope.result(r, "lint");
        assertEquals(1, JSON.readTree(r.out()).get("exitStatus").asInt());
        JsonNode first = root.get("policies").get(0);
        assertEquals(file.toString(), first.get("reference").asText());
        assertEquals("errors", first.get("status").asText());
        JsonNode problem = first.get("problems").get(0);
        for (String field : List.of(
                "severity", "file", "line", "column", "path", "value", "rule", "message", "suggestion", "text")) {
            assertTrue(problem.has(field), () -> "missing " + field + " in " + problem);
        }
        assertEquals("error", problem.get("severity").asText());
        assertEquals("known-algorithm", problem.get("rule").asText());
        assertEquals(3, problem.get("line").asInt());
        assertEquals("SHA256withRAS", problem.get("value").asText());
        String second = root.get("policies").get(1).get("status").asText();
        assertTrue(second.equals("ok") || second.equals("warnings"), second);
    }

    @Test
    void sarifOutput_isASarif210Log_withRulesResultsAndLocations() throws IOException {
        Path file = write("typo.yaml", "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        Cli.Result r = Cli.run("lint", "--format", "sarif", file.toString(), "LEGACY");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        JsonNode log = JSON.readTree(r.out());
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.get("$schema").asText().contains("sarif-2.1.0"));
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("cryptopolicy", driver.get("name").asText());
        JsonNode rules = driver.get("rules");
        // The rule table is the engine's Rule enum, in its order, each with its descriptions and help.
        assertEquals(dev.cryptopolicy.engine.Rule.values().length, rules.size());
        for (dev.cryptopolicy.engine.Rule rule : dev.cryptopolicy.engine.Rule.values()) {
            JsonNode entry = rules.get(rule.ordinal());
            assertEquals(rule.id(), entry.get("id").asText());
            assertEquals(
                    rule.shortDescription(),
                    entry.get("shortDescription").get("text").asText());
            assertEquals(
                    rule.fullDescription(),
                    entry.get("fullDescription").get("text").asText());
            assertFalse(entry.get("help").get("text").asText().isEmpty(), rule.id());
        }
        JsonNode results = run.get("results");
        assertTrue(results.size() >= 2, r::toString);
        boolean sawError = false;
        boolean sawWarning = false;
        for (JsonNode result : results) {
            String level = result.get("level").asText();
            assertTrue(level.equals("error") || level.equals("warning"), level);
            sawError |= level.equals("error");
            sawWarning |= level.equals("warning");
            assertEquals(
                    result.get("ruleId").asText(),
                    rules.get(result.get("ruleIndex").asInt()).get("id").asText());
            assertFalse(result.get("message").get("text").asText().isEmpty());
        }
        assertTrue(sawError && sawWarning, r::toString);
        JsonNode error = results.get(0);
        assertEquals("known-algorithm", error.get("ruleId").asText());
        JsonNode physical = error.get("locations").get(0).get("physicalLocation");
        assertEquals(
                file.toUri().toString(),
                physical.get("artifactLocation").get("uri").asText());
        assertEquals(3, physical.get("region").get("startLine").asInt());
        assertTrue(physical.get("region").get("startColumn").asInt() > 0);
    }

    @Test
    void sarifOutput_forCleanPolicies_hasNoResults() throws IOException {
        Cli.Result r = Cli.run("lint", "--format", "sarif", "FIPS");
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        for (JsonNode result : run.get("results")) {
            assertEquals("warning", result.get("level").asText());
        }
        assertEquals(ExitStatus.OK, r.status(), r::toString);
    }

    /** Every malformed or hostile YAML file is rejected with a located error, quickly, without a crash. */
    @TestFactory
    Stream<DynamicTest> badYaml_isRejected_withLocatedError_withoutStackTrace() throws IOException {
        Path badYaml = TestData.path("bad-yaml");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(badYaml)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty());
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(badYaml.relativize(file).toString(), () -> {
                    Cli.Result r =
                            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run("lint", file.toString()));
                    r.assertNoStackTrace();
                    boolean unreadable =
                            r.status() == ExitStatus.USAGE && r.out().contains("(rule: unreadable)");
                    assertTrue(r.status() == ExitStatus.FAILED || unreadable, r::toString);
                    if (!unreadable) {
                        assertErrorAt(r, file, -1);
                    }
                }));
    }

    @Test
    void minVersionOutsideTheGrammar_isAnError_beforeAnythingIsInstalled() throws IOException {
        Path file = write("versions.yaml", """
                kind: policy
                extends: DEFAULT
                backends:
                  min_versions: {SUN: "99999999999", SunJCE: "2.x"}
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(
                r.out()
                        .contains(file + ":4:23: error: backends.min_versions.SUN: '99999999999' is not a version: "
                                + "a number in a version has at most 9 digits"),
                r::toString);
        assertTrue(
                r.out().contains(file + ":4:46: error: backends.min_versions.SunJCE: '2.x' is not a version"),
                r::toString);
        // The same policy through the install planning that used to throw NumberFormatException.
        Cli.Result probe = Cli.run("probe", "--policy", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, probe.status(), probe::toString);
        assertEquals("", probe.out(), probe::toString);
    }

    @Test
    void control_aMinVersionInTheGrammar_lintsClean_andIsApplied() throws IOException {
        Path file = write("versions.yaml", """
                kind: policy
                extends: DEFAULT
                backends:
                  min_versions: {sun: "999999999"}
                """);
        Cli.Result r = Cli.run("lint", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        // SUN's version is below that minimum (the name matched ignoring case), so no feature is
        // served by it; under DEFAULT alone SUN serves some.
        assertFalse(chosen(file.toString()).contains("SUN"));
        assertTrue(chosen("DEFAULT").contains("SUN"));
    }

    /** The backends probe would choose for the features of a policy. */
    private static List<String> chosen(String reference) {
        Cli.Result probe = Cli.run("probe", "--policy", reference, "--format", "json");
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode feature : Envelope.document(probe, "probe").path("result").path("features")) {
            out.add(feature.path("chosen").asText());
        }
        assertFalse(out.isEmpty(), probe::toString);
        return out;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Asserts an {@code file:line:col: error:} line for that file (any line when {@code line < 0}). */
    private static void assertErrorAt(Cli.Result r, Path file, int line) {
        String lineText = line < 0 ? "\\d+" : Integer.toString(line);
        Pattern p = Pattern.compile(
                "^" + Pattern.quote(file.toString()) + ":" + lineText + ":\\d+: error: ", Pattern.MULTILINE);
        assertTrue(p.matcher(r.out()).find(), () -> "no " + file + ":" + lineText + ":col: error: in\n" + r);
    }
}
