package dev.cryptopolicy.conformance;

import static dev.cryptopolicy.conformance.MadeUpRuns.T17;
import static dev.cryptopolicy.conformance.MadeUpRuns.T25;
import static dev.cryptopolicy.conformance.MadeUpRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Matrix} without child JVMs: the comparison of made-up runs and the class path without
 * Bouncy Castle FIPS. The matrix across JDK 17 and 25 is {@link ConformanceMatrixTest}.
 */
class MatrixTest {

    @TempDir
    Path dir;

    // ---- comparison ----------------------------------------------------------------------------

    @Test
    void compare_reportsEveryDisagreement_withAbsentKeysAsADash() {
        Matrix.Run a = run(
                T17,
                Map.of(
                        "feature MessageDigest SHA-256",
                        "yes",
                        "op MessageDigest MD5",
                        "REFUSED:NoSuchAlgorithmException"));
        Matrix.Run b = run(
                T25,
                Map.of(
                        "feature MessageDigest SHA-256",
                        "yes",
                        "feature MessageDigest SHAKE256",
                        "yes",
                        "op MessageDigest MD5",
                        "OK"));
        List<Matrix.Difference> d = Matrix.compare("DEFAULT", Matrix.Route.EXPORT, List.of(a, b));
        assertEquals(2, d.size(), d::toString);
        assertEquals(
                "DEFAULT [export] feature MessageDigest SHAKE256: 17=-, 25=yes",
                d.get(0).describe());
        assertEquals(
                "DEFAULT [export] op MessageDigest MD5: 17=REFUSED:NoSuchAlgorithmException, 25=OK",
                d.get(1).describe());
    }

    @Test
    void compare_skipsWhatOneJdkHasNoApiFor_andTheKeysBelowIt() {
        Matrix.Run a = run(T17, Map.of("tls group", "n/a", "op KEM ML-KEM-768", "n/a", "tls protocol TLSv1.3", "yes"));
        Matrix.Run b = run(
                T25,
                Map.of(
                        "tls group x25519",
                        "yes",
                        "op KEM ML-KEM-768",
                        "REFUSED:NoSuchAlgorithmException",
                        "tls protocol TLSv1.3",
                        "yes",
                        "tls protocol TLSv1.2",
                        "yes"));
        List<Matrix.Difference> d = Matrix.compare("DEFAULT", Matrix.Route.INSTALL, List.of(a, b));
        assertEquals(
                List.of("DEFAULT [install] tls protocol TLSv1.2: 17=-, 25=yes"),
                d.stream().map(Matrix.Difference::describe).toList());
    }

    @Test
    void compare_ofOneRun_findsNothing() {
        assertEquals(List.of(), Matrix.compare("FIPS", Matrix.Route.EXPORT, List.of(run(T17, Map.of("a", "b")))));
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
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
