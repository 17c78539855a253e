package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cryptopolicy matrix}: options, the comparison, the text and JSON output on made-up runs,
 * the class path without Bouncy Castle FIPS, and one real matrix on this JDK alone. The matrix
 * across JDK 17 and 25 is {@link ConformanceMatrixTest}.
 */
class MatrixCommandTest {

    private static final Matrix.Jdk JDK17 = new Matrix.Jdk("17", Path.of("/jdk17/bin/java"), 17, "17.0.15");
    private static final Matrix.Jdk JDK25 = new Matrix.Jdk("25", Path.of("/jdk25/bin/java"), 25, "25.0.3");
    private static final Matrix.Target T17 = new Matrix.Target(JDK17, false);
    private static final Matrix.Target T25 = new Matrix.Target(JDK25, false);

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
        assertUsage(Cli.run("matrix", "--here", "--policy", "DEFAULT", "--policy", "FIPS"),
                "--here needs exactly one --policy");
        Cli.Result json = Cli.run("matrix", "--here", "--policy", "DEFAULT", "--format", "json");
        assertEquals(ExitStatus.USAGE, json.status(), json::toString);
        assertTrue(json.err().contains("do not apply"), json::toString);
        Envelope.assertError(json, "matrix", ExitStatus.USAGE, "usage");
        assertUsage(Cli.run("matrix", "--tls-only", "--policy", "DEFAULT"), "--tls-only goes with --here");
        assertUsage(Cli.run("matrix", "--policy", "DEFAULT", "--java", dir.resolve("no-jdk").toString()),
                "no java launcher at");
        assertUsage(Cli.run("matrix", "--policy", ""), "--policy needs a non-empty value");
        assertUsage(Cli.run("matrix", "--policy"), "option --policy needs a value (REF)");
    }

    @Test
    void policyThatCannotBeRead_exitsTwo_beforeAnyJvmStarts() {
        Cli.Result r = Cli.run("matrix", "--policy", "DEFAULT", "--policy", dir.resolve("absent.yaml").toString())
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

    // ---- comparison ----------------------------------------------------------------------------

    @Test
    void compare_reportsEveryDisagreement_withAbsentKeysAsADash() {
        Matrix.Run a = run(T17, Map.of("feature MessageDigest SHA-256", "yes", "op MessageDigest MD5",
                "REFUSED:NoSuchAlgorithmException"));
        Matrix.Run b = run(T25, Map.of("feature MessageDigest SHA-256", "yes", "feature MessageDigest SHAKE256", "yes",
                "op MessageDigest MD5", "OK"));
        List<Matrix.Difference> d = Matrix.compare("DEFAULT", Matrix.Route.EXPORT, List.of(a, b));
        assertEquals(2, d.size(), d::toString);
        assertEquals("DEFAULT [export] feature MessageDigest SHAKE256: 17=-, 25=yes", d.get(0).describe());
        assertEquals("DEFAULT [export] op MessageDigest MD5: 17=REFUSED:NoSuchAlgorithmException, 25=OK",
                d.get(1).describe());
    }

    @Test
    void compare_skipsWhatOneJdkHasNoApiFor_andTheKeysBelowIt() {
        Matrix.Run a = run(T17, Map.of("tls group", "n/a", "op KEM ML-KEM-768", "n/a", "tls protocol TLSv1.3", "yes"));
        Matrix.Run b = run(T25, Map.of("tls group x25519", "yes", "op KEM ML-KEM-768", "REFUSED:NoSuchAlgorithmException",
                "tls protocol TLSv1.3", "yes", "tls protocol TLSv1.2", "yes"));
        List<Matrix.Difference> d = Matrix.compare("DEFAULT", Matrix.Route.INSTALL, List.of(a, b));
        assertEquals(List.of("DEFAULT [install] tls protocol TLSv1.2: 17=-, 25=yes"),
                d.stream().map(Matrix.Difference::describe).toList());
    }

    @Test
    void compare_ofOneRun_findsNothing() {
        assertEquals(List.of(), Matrix.compare("FIPS", Matrix.Route.EXPORT, List.of(run(T17, Map.of("a", "b")))));
    }

    // ---- output --------------------------------------------------------------------------------

    @Test
    void text_showsEachRuntime_theOperations_theDifferences_andWhyAPolicyCannotBeInstalled() {
        Matrix.Report report = report();
        String text = print(report);
        assertTrue(text.contains("  17: Java 17.0.15 (/jdk17/bin/java)"), text);
        assertTrue(Pattern.compile("(?m)^  policy DEFAULT +17 +25$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^  op Signature SHA1withRSA +REFUSED:NoSuchAlgorithmException +"
                + "REFUSED:NoSuchAlgorithmException$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^  \\[export\\] feature MessageDigest SHAKE256 +- +yes$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^  status +UNSATISFIABLE +ok$").matcher(text).find(), text);
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
        assertEquals("yes", def.path("runs").get(1).path("lines").path("feature MessageDigest SHAKE256").asText());
        assertEquals("DEFAULT [export] feature MessageDigest SHAKE256: 17=-, 25=yes",
                def.path("differences").get(0).path("text").asText());
        JsonNode fips = root.path("policies").get(1);
        assertTrue(fips.path("identical").asBoolean());
        assertEquals("UNSATISFIABLE", fips.path("runs").get(0).path("status").asText());
    }

    private static Matrix.Report report() {
        Map<String, String> common = Map.of("feature MessageDigest SHA-256", "yes",
                "op Signature SHA1withRSA", "REFUSED:NoSuchAlgorithmException");
        Matrix.Run d17 = run(T17, common);
        TreeMap<String, String> with = new TreeMap<>(common);
        with.put("feature MessageDigest SHAKE256", "yes");
        Matrix.Run d25 = run(T25, with);
        Matrix.Run f17 = new Matrix.Run("FIPS", T17, Matrix.Route.EXPORT, Matrix.Status.UNSATISFIABLE, new TreeMap<>(),
                "policy FIPS cannot be installed: BCFIPS missing", 1000);
        Matrix.Run f25 = new Matrix.Run("FIPS", T25, Matrix.Route.EXPORT, Matrix.Status.OK, new TreeMap<>(common), "", 1000);
        return new Matrix.Report(List.of(T17, T25), List.of("DEFAULT", "FIPS"), List.of(d17, d25, f17, f25),
                Matrix.compare("DEFAULT", Matrix.Route.EXPORT, List.of(d17, d25)), 1500);
    }

    private static Matrix.Run run(Matrix.Target target, Map<String, String> lines) {
        return new Matrix.Run("DEFAULT", target, Matrix.Route.EXPORT, Matrix.Status.OK, new TreeMap<>(lines), "", 1000);
    }

    private static String print(Matrix.Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            MatrixCommand.printText(report, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---- class path ----------------------------------------------------------------------------

    @Test
    void bcFipsJars_areRecognisedByName() {
        assertTrue(Matrix.isBcFips("/lib/bc-fips-2.1.3.jar"));
        assertTrue(Matrix.isBcFips("/m2/org/bouncycastle/bctls-fips/2.1.20/bctls-fips-2.1.20.jar"));
        assertTrue(Matrix.isBcFips("bcutil-fips-2.1.5.jar"));
        assertTrue(Matrix.isBcFips("/lib/bcpkix-fips-2.1.10.jar"));
        assertFalse(Matrix.isBcFips("/lib/bcprov-jdk18on-1.80.jar"));
        assertFalse(Matrix.isBcFips("/lib/cryptopolicy-providers-0.1.0.jar"));
    }

    @Test
    void withoutBcFips_dropsTheJars_andJarsWhoseManifestBringsThemIn() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path bc = Files.writeString(lib.resolve("bc-fips-2.1.3.jar"), "");
        Path providers = jar(lib.resolve("providers.jar"), null);
        Path agent = jar(lib.resolve("agent.jar"), "providers.jar bc-fips-2.1.3.jar");
        Path plain = jar(lib.resolve("plain.jar"), "providers.jar");
        List<String> classPath = List.of(agent.toString(), plain.toString(), bc.toString());
        assertTrue(Matrix.hasBcFips(classPath));
        assertTrue(Matrix.hasBcFips(List.of(agent.toString())), "through the agent jar's manifest");
        assertFalse(Matrix.hasBcFips(List.of(plain.toString(), providers.toString())));
        assertEquals(List.of(providers.toString(), plain.toString()), Matrix.withoutBcFips(classPath));
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    // ---- a real matrix, on this JDK only -------------------------------------------------------

    @Test
    void matrixOnThisJdk_withAndWithoutBcFips_isIdenticalForDefaultNoSha1() {
        Cli.Result r = Cli.run("matrix", "--policy", "DEFAULT:NO-SHA1", "--java", System.getProperty("java.home"));
        String label = String.valueOf(Runtime.version().feature());
        assertTrue(r.err().contains("4 child JVMs (1 policy x 2 runtimes x 2 routes)"), r::toString);
        assertTrue(Pattern.compile("(?m)^  policy DEFAULT:NO-SHA1 +" + label + " +" + label + "\\+bc-fips$")
                .matcher(r.out()).find(), r::toString);
        assertTrue(Pattern.compile("(?m)^  status +ok +ok$").matcher(r.out()).find(), r::toString);
        assertTrue(Pattern.compile("(?m)^  op Signature SHA1withRSA +REFUSED:NoSuchAlgorithmException +"
                + "REFUSED:NoSuchAlgorithmException$").matcher(r.out()).find(), r::toString);
        assertTrue(Pattern.compile("(?m)^  op Signature SHA256withECDSA +OK +OK$").matcher(r.out()).find(), r::toString);
        assertTrue(r.out().contains("every policy gives the same results wherever it can be installed"), r::toString);
        assertEquals(ExitStatus.OK, r.status(), r::toString);
    }
}
