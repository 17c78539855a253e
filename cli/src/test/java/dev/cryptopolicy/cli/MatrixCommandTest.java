package dev.cryptopolicy.cli;

import static dev.cryptopolicy.conformance.MadeUpRuns.T17;
import static dev.cryptopolicy.conformance.MadeUpRuns.T25;
import static dev.cryptopolicy.conformance.MadeUpRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.conformance.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cryptopolicy matrix}: options, the JDKs of {@code --java}, the environment and the default
 * discovery, the text and JSON output on made-up runs, and one real matrix on this JDK alone, with
 * its progress. The comparison and the matrix across JDK 17 and 25 are the conformance module's
 * {@code MatrixTest} and {@code ConformanceMatrixTest}.
 */
class MatrixCommandTest {

    @TempDir
    Path dir;

    // ---- options -------------------------------------------------------------------------------

    @Test
    void help_describesRoutesAndExitStatus() {
        Cli.Result r = Cli.run("matrix", "--help");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().startsWith("usage: cryptopolicy matrix [--policy REF]..."), r::toString);
        assertTrue(r.out().contains("--java <PATH>"), r::toString);
        assertTrue(r.out().contains("route"), r::toString);
        assertTrue(r.out().contains("exit status: 0"), r::toString);
    }

    @Test
    void usageErrors_exitTwo_withAPointerToTheHelp() {
        assertUsage(Cli.run("matrix", "--polcy", "DEFAULT"), "unknown option '--polcy'; did you mean '--policy'?");
        assertUsage(Cli.run("matrix", "DEFAULT"), "name policies with --policy");
        assertUsage(Cli.run("matrix", "--format", "yaml"), "unknown format 'yaml'");
        assertUsage(Cli.run("matrix", "--here"), "--here needs exactly one --policy");
        assertUsage(
                Cli.run("matrix", "--here", "--policy", "DEFAULT", "--policy", "FIPS"),
                "--here needs exactly one --policy");
        Cli.Result json = Cli.run("matrix", "--here", "--policy", "DEFAULT", "--format", "json");
        assertEquals(ExitStatus.USAGE, json.status(), json::toString);
        assertTrue(json.err().contains("do not apply"), json::toString);
        Envelope.assertError(json, "matrix", ExitStatus.USAGE, "usage");
        assertUsage(Cli.run("matrix", "--tls-only", "--policy", "DEFAULT"), "--tls-only goes with --here");
        assertUsage(
                Cli.run(
                        "matrix",
                        "--policy",
                        "DEFAULT",
                        "--java",
                        dir.resolve("no-jdk").toString()),
                "no java launcher at");
        assertUsage(Cli.run("matrix", "--policy", ""), "--policy needs a non-empty value");
        assertUsage(Cli.run("matrix", "--policy"), "option --policy needs a value (REF)");
    }

    @Test
    void policyThatCannotBeRead_exitsTwo_beforeAnyJvmStarts() {
        Cli.Result r = Cli.run(
                        "matrix",
                        "--policy",
                        "DEFAULT",
                        "--policy",
                        dir.resolve("absent.yaml").toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("cryptopolicy matrix: policy '"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    private static void assertUsage(Cli.Result r, String message) {
        r.assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains(message), () -> "expected '" + message + "' in\n" + r);
        assertTrue(r.err().contains("try 'cryptopolicy matrix --help'"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    // ---- output --------------------------------------------------------------------------------

    @Test
    void text_showsEachRuntime_theOperations_theDifferences_andWhyAPolicyCannotBeInstalled() {
        Matrix.Report report = report();
        String text = print(report);
        assertTrue(text.contains("  17: Java 17.0.15 (/jdk17/bin/java)"), text);
        assertTrue(
                Pattern.compile("(?m)^  policy DEFAULT +17 +25$").matcher(text).find(), text);
        assertTrue(
                Pattern.compile("(?m)^  op Signature SHA1withRSA +REFUSED:NoSuchAlgorithmException +"
                                + "REFUSED:NoSuchAlgorithmException$")
                        .matcher(text)
                        .find(),
                text);
        // The row name wraps so that the table fits in 100 columns.
        assertTrue(
                Pattern.compile("(?m)^  \\[export\\] feature MessageDigest +- +yes\n  SHAKE256$")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(
                Pattern.compile("(?m)^  status +UNSATISFIABLE +ok$")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(text.contains("  17: UNSATISFIABLE: policy FIPS cannot be installed: BCFIPS missing"), text);
        assertTrue(text.contains("matrix: 4 child JVMs in 1.5 s; 1 difference in 1 of 2 policies"), text);
        assertFalse(report.identical());
    }

    @Test
    void json_hasRuntimesRunsAndDifferences() throws IOException {
        JsonNode root = new ObjectMapper().readTree(MatrixCommand.json(report()).toString());
        assertFalse(root.path("identical").asBoolean());
        assertEquals(2, root.path("runtimes").size());
        assertEquals("17", root.path("runtimes").get(0).path("label").asText());
        JsonNode def = root.path("policies").get(0);
        assertEquals("DEFAULT", def.path("reference").asText());
        assertEquals(2, def.path("runs").size());
        assertEquals(
                "yes",
                def.path("runs")
                        .get(1)
                        .path("lines")
                        .path("feature MessageDigest SHAKE256")
                        .asText());
        assertEquals(
                "DEFAULT [export] feature MessageDigest SHAKE256: 17=-, 25=yes",
                def.path("differences").get(0).path("text").asText());
        JsonNode fips = root.path("policies").get(1);
        assertTrue(fips.path("identical").asBoolean());
        assertEquals("UNSATISFIABLE", fips.path("runs").get(0).path("status").asText());
    }

    @Test
    void text_fitsIn100Columns_withFourTargets_longNamesAndLongValues() {
        Matrix.Target f17 = new Matrix.Target(T17.jdk(), true);
        Matrix.Target f25 = new Matrix.Target(T25.jdk(), true);
        List<Matrix.Target> targets = List.of(T17, f17, T25, f25);
        List<Matrix.Run> runs = new java.util.ArrayList<>();
        for (Matrix.Target t : targets) {
            TreeMap<String, String> lines = new TreeMap<>();
            lines.put("op Cipher PBEWithHmacSHA512AndAES_256/CBC/PKCS5Padding with a long made-up name", "yes");
            lines.put("tls protocol TLSv1.3", "yes");
            lines.put("tls protocol TLSv1.2", "yes");
            lines.put(
                    "op Signature SHA1withRSA",
                    t.bcFips()
                            ? "REFUSED:NoSuchAlgorithmException: policy DEFAULT refuses it"
                            : "REFUSED:NoSuchAlgorithmException");
            runs.add(new Matrix.Run("DEFAULT", t, Matrix.Route.EXPORT, Matrix.Status.OK, lines, "", 1000));
        }
        Matrix.Report report = new Matrix.Report(
                targets, List.of("DEFAULT"), runs, Matrix.compare("DEFAULT", Matrix.Route.EXPORT, runs), 4000);
        String text = print(report);
        for (String line : text.split("\n")) {
            if (!line.contains(": Java ")) {
                assertTrue(
                        line.length() <= MatrixCommand.TABLE_WIDTH,
                        () -> line.length() + " columns: " + line + "\n" + text);
            }
        }
        assertTrue(text.contains("REFUSED:NoSuchAlgorithmException"), text);
        assertTrue(
                Pattern.compile("(?m)^  op Signature SHA1withRSA +REFUSED:NoSuchAlgorithmException")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(text.contains("17+bc-fips") && text.contains("25+bc-fips"), text);
    }

    @Test
    void wrap_breaksAfterCommasOrSpaces_andCutsWordsLongerThanTheColumn() {
        assertEquals(List.of("TLSv1.3,", "TLSv1.2"), MatrixCommand.wrap("TLSv1.3,TLSv1.2", 10));
        assertEquals(List.of("abcd", "efgh", "ij"), MatrixCommand.wrap("abcdefghij", 4));
        assertEquals(List.of("short"), MatrixCommand.wrap("short", 10));
    }

    private static Matrix.Report report() {
        Map<String, String> common = Map.of(
                "feature MessageDigest SHA-256", "yes", "op Signature SHA1withRSA", "REFUSED:NoSuchAlgorithmException");
        Matrix.Run d17 = run(T17, common);
        TreeMap<String, String> with = new TreeMap<>(common);
        with.put("feature MessageDigest SHAKE256", "yes");
        Matrix.Run d25 = run(T25, with);
        Matrix.Run f17 = new Matrix.Run(
                "FIPS",
                T17,
                Matrix.Route.EXPORT,
                Matrix.Status.UNSATISFIABLE,
                new TreeMap<>(),
                "policy FIPS cannot be installed: BCFIPS missing",
                1000);
        Matrix.Run f25 =
                new Matrix.Run("FIPS", T25, Matrix.Route.EXPORT, Matrix.Status.OK, new TreeMap<>(common), "", 1000);
        return new Matrix.Report(
                List.of(T17, T25),
                List.of("DEFAULT", "FIPS"),
                List.of(d17, d25, f17, f25),
                Matrix.compare("DEFAULT", Matrix.Route.EXPORT, List.of(d17, d25)),
                1500);
    }

    private static String print(Matrix.Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            MatrixCommand.printText(report, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---- JDKs ------------------------------------------------------------------------------------

    @Test
    void repeatedJava_givesEveryJdkInOrder_withDistinctLabels_andWinsOverTheEnvironment() throws Exception {
        String home = System.getProperty("java.home");
        String label = String.valueOf(Runtime.version().feature());
        List<Matrix.Jdk> jdks = MatrixCommand.jdks(
                List.of(home, home + "/bin/java"), dir.resolve("nowhere").toString(), Matrix.Jdk.current());
        assertEquals(
                List.of(label, label + "#2"),
                jdks.stream().map(Matrix.Jdk::label).toList());
        assertEquals(jdks.get(0).java(), jdks.get(1).java());
    }

    @Test
    void withoutJava_theJdksComeFromTheEnvironment_aPathList() throws Exception {
        String home = System.getProperty("java.home");
        Path fake = fakeJdk("jdk-21", "21.0.4");
        List<Matrix.Jdk> jdks = MatrixCommand.jdks(List.of(), fake + File.pathSeparator + home, Matrix.Jdk.current());
        assertEquals(
                List.of("21", String.valueOf(Runtime.version().feature())),
                jdks.stream().map(Matrix.Jdk::label).toList());
        assertEquals("21.0.4", jdks.get(0).version());
        UsageException bad = assertThrows(
                UsageException.class,
                () -> MatrixCommand.jdks(
                        List.of(), home + File.pathSeparator + dir.resolve("nowhere"), Matrix.Jdk.current()));
        assertTrue(
                bad.getMessage()
                        .startsWith(MatrixCommand.JAVA_ENV + " entry '" + dir.resolve("nowhere")
                                + "': no java launcher at"),
                bad.getMessage());
        UsageException empty = assertThrows(
                UsageException.class,
                () -> MatrixCommand.jdks(
                        List.of(), home + File.pathSeparator + File.pathSeparator + home, Matrix.Jdk.current()));
        assertTrue(empty.getMessage().contains("has an empty entry"), empty.getMessage());
    }

    @Test
    void withNeither_theDefaultIsThisJdk_andTheFirstJdkOfEachOtherTestedReleaseBesideIt() throws Exception {
        Path current = fakeJdk("a-current", "17.0.15");
        fakeJdk("b-temurin-25", "25.0.3");
        fakeJdk("c-temurin-25", "25.0.1");
        fakeJdk("d-jdk-21", "21.0.4");
        fakeJdk("e-other-17", "17.0.9");
        Files.createDirectories(dir.resolve("f-no-launcher").resolve("bin"));
        List<Matrix.Jdk> jdks = MatrixCommand.jdks(List.of(), " ", Matrix.Jdk.at(current));
        assertEquals(
                List.of(current.resolve("bin/java"), dir.resolve("b-temurin-25/bin/java")),
                jdks.stream().map(Matrix.Jdk::java).toList());
        assertEquals(List.of("17", "25"), jdks.stream().map(Matrix.Jdk::label).toList());
    }

    @Test
    void theEnvironmentVariable_isReadByTheCommand() throws Exception {
        Path nowhere = dir.resolve("nowhere");
        Cli.Result r = Cli.fresh(Map.of(MatrixCommand.JAVA_ENV, nowhere.toString()), "matrix", "--policy", "DEFAULT");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(
                r.err()
                        .contains("cryptopolicy matrix: " + MatrixCommand.JAVA_ENV + " entry '" + nowhere
                                + "': no java launcher at"),
                r::toString);
        assertEquals("", r.out(), r::toString);
    }

    /** A JDK home the version of which its {@code release} file tells; its launcher is never run. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    // ---- a real matrix, on this JDK only -------------------------------------------------------

    @Test
    void matrixOnThisJdk_withAndWithoutBcFips_isIdenticalForDefaultNoSha1_withProgressOnStderr() {
        Cli.Result r = Cli.run("matrix", "--policy", "DEFAULT:NO-SHA1", "--java", System.getProperty("java.home"));
        String label = String.valueOf(Runtime.version().feature());
        assertTrue(r.err().contains("4 child JVMs (1 policy x 2 runtimes x 2 routes)"), r::toString);
        for (int i = 1; i <= 4; i++) {
            assertTrue(
                    Pattern.compile("(?m)^cryptopolicy matrix: \\[" + i + "/4\\] DEFAULT:NO-SHA1 on " + label
                                    + "(\\+bc-fips)? \\[(install|export)\\]: ok in \\d+\\.\\d s$")
                            .matcher(r.err())
                            .find(),
                    r::toString);
        }
        assertTrue(
                Pattern.compile("(?m)^  policy DEFAULT:NO-SHA1 +" + label + " +" + label + "\\+bc-fips$")
                        .matcher(r.out())
                        .find(),
                r::toString);
        assertTrue(Pattern.compile("(?m)^  status +ok +ok$").matcher(r.out()).find(), r::toString);
        assertTrue(
                Pattern.compile("(?m)^  op Signature SHA1withRSA +REFUSED:NoSuchAlgorithmException +"
                                + "REFUSED:NoSuchAlgorithmException$")
                        .matcher(r.out())
                        .find(),
                r::toString);
        assertTrue(
                Pattern.compile("(?m)^  op Signature SHA256withECDSA +OK +OK$")
                        .matcher(r.out())
                        .find(),
                r::toString);
        assertTrue(r.out().contains("every policy gives the same results wherever it can be installed"), r::toString);
        assertEquals(ExitStatus.OK, r.status(), r::toString);
    }
}
