package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final String[][] BATTERY = {
        {"Signature", "SHA1withRSA"},
        {"Signature", "SHA256withRSA"},
        {"Signature", "SHA224withECDSA"},
        {"Signature", "SHA256withDSA"},
        {"Signature", "Ed25519"},
        {"MessageDigest", "SHA-1"},
        {"MessageDigest", "SHA-256"},
        {"Mac", "HmacSHA1"},
        {"Mac", "HmacSHA256"},
        {"Cipher", "AES/GCM/NoPadding"},
        {"Cipher", "AES_128/GCM/NoPadding"},
        {"Cipher", "DESede/CBC/PKCS5Padding"},
        {"Cipher", "RSA/ECB/PKCS1Padding"},
        {"KeyAgreement", "X25519"},
        {"KeyStore", "PKCS12"}
    };

    @TempDir
    Path tmp;

    @AfterEach
    void clearRoot() {
        System.clearProperty(HostPolicies.ROOT_PROPERTY);
    }

    private static Path ref(String name) {
        return TestData.path("crypto-policies").resolve(name);
    }

    @Test
    void importedYaml_decidesAsTheImportItself() throws Exception {
        for (String pol : new String[] {"DEFAULT.pol", "FUTURE.pol", "LEGACY.pol", "FIPS.pol"}) {
            Path out = tmp.resolve(pol + ".yaml");
            Cli.Result r =
                    Cli.run("import", ref(pol).toString(), "-o", out.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.OK, r.status(), r.toString());
            String yaml = Files.readString(out);
            assertTrue(yaml.contains("(" + pol + ":"), "no comment naming the source line: " + yaml);
            CompiledPolicy imported = PolicyLoader.standard().load(ref(pol).toString());
            CompiledPolicy written = PolicyLoader.standard().load(out.toString());
            for (String[] q : BATTERY) {
                ServiceType s = ServiceType.ofJcaNameOrNull(q[0]);
                assertEquals(
                        imported.decide(s, q[1], Scope.ANY).allowed(),
                        written.decide(s, q[1], Scope.ANY).allowed(),
                        pol + " " + q[0] + " " + q[1]);
            }
            for (int bits : new int[] {1024, 2048, 3072}) {
                assertEquals(
                        imported.decideKey("RSA", bits, null, Scope.TLS).allowed(),
                        written.decideKey("RSA", bits, null, Scope.TLS).allowed(),
                        pol + " RSA " + bits);
            }
            for (String suite : new String[] {
                "TLS_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
            }) {
                assertEquals(
                        imported.decideTls(TlsKind.CIPHER_SUITE, suite).allowed(),
                        written.decideTls(TlsKind.CIPHER_SUITE, suite).allowed(),
                        pol + " " + suite);
            }
        }
    }

    @Test
    void everyReferenceFile_imports_withNamedWarningsOnly() throws Exception {
        java.util.List<Path> files = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> s =
                java.util.stream.Stream.concat(Files.list(ref(".")), Files.list(ref("modules")))) {
            s.filter(p -> p.toString().endsWith(".pol") || p.toString().endsWith(".pmod"))
                    .sorted()
                    .forEach(files::add);
        }
        assertTrue(files.size() >= 19, files.toString());
        for (Path file : files) {
            Path out = tmp.resolve(file.getFileName() + ".yaml");
            Cli.Result r =
                    Cli.run("import", file.toString(), "-o", out.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.OK, r.status(), file + ": " + r);
            assertTrue(Files.readString(out).startsWith("# Imported from crypto-policies"), file.toString());
            for (String line : r.err().split("\n")) {
                assertTrue(
                        line.isEmpty() || line.matches(".*: warning: .* \\(rule: [a-z0-9-]+\\)(; .*)?"),
                        file + ": " + line);
            }
        }
    }

    @Test
    void emptyAndGostOnly_import_withWarningsNamingWhy_butDoNotInstall() throws Exception {
        for (String pol : new String[] {"EMPTY.pol", "GOST-ONLY.pol"}) {
            Path out = tmp.resolve(pol + ".yaml");
            Cli.Result r =
                    Cli.run("import", ref(pol).toString(), "-o", out.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.OK, r.status(), r.toString());
            assertTrue(
                    r.err().contains(pol + ":1:1: warning: " + ref(pol) + " leaves Java no cipher suite")
                            && r.err().contains("(rule: host-nothing-for-java)"),
                    r.err());
            assertTrue(
                    r.err()
                            .contains(
                                    "warning: tls.cipher_suites: the imported YAML cannot be installed: no cipher suite"
                                            + " is left once the rest of the policy is applied; TLS could not connect (rule: tls-not-empty)"),
                    r.err());
            assertTrue(
                    Files.readString(out)
                            .contains("# It leaves TLS no cipher suite, named group or signature scheme:"
                                    + " lint and install refuse it."),
                    Files.readString(out));
            // What it says: the written YAML, and the file itself, are refused by lint (and so by install).
            Cli.Result lint = Cli.run("lint", out.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.FAILED, lint.status(), lint.toString());
            assertTrue(
                    lint.out().contains("error: tls.cipher_suites")
                            || lint.err().contains("error: tls.cipher_suites"),
                    lint.toString());
            assertEquals(
                    ExitStatus.FAILED,
                    Cli.run("lint", ref(pol).toString()).assertNoStackTrace().status());
        }
        // control: a file with an error of its own still fails import
        Path bad = tmp.resolve("bad.pol");
        Files.writeString(bad, Files.readString(ref("EMPTY.pol")) + "\nmin_rsa_size = many\n");
        assertEquals(
                ExitStatus.FAILED,
                Cli.run("import", bad.toString()).assertNoStackTrace().status());
    }

    @Test
    void importOfASubPolicy_writesAModifier() throws Exception {
        Cli.Result r = Cli.run("import", ref("modules/NO-SHA1.pmod").toString()).assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r.toString());
        assertTrue(r.out().contains("kind: modifier"), r.out());
        Path mod = tmp.resolve("no-sha1.yaml");
        Files.writeString(mod, r.out());
        CompiledPolicy p = PolicyLoader.standard().load("LEGACY:" + mod);
        assertTrue(!p.decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY).allowed());
        // control: LEGACY alone allows it
        assertTrue(PolicyLoader.standard()
                .load("LEGACY")
                .decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY)
                .allowed());
    }

    @Test
    void system_lintShowImport_workAgainstATestRoot() throws Exception {
        Path root = tmp.resolve("root");
        Path share = root.resolve("usr/share/crypto-policies/policies");
        Files.createDirectories(share.resolve("modules"));
        Files.copy(ref("FUTURE.pol"), share.resolve("FUTURE.pol"));
        Files.copy(ref("modules/NO-SHA1.pmod"), share.resolve("modules/NO-SHA1.pmod"));
        Files.createDirectories(root.resolve("etc/crypto-policies"));
        Files.writeString(root.resolve("etc/crypto-policies/config"), "FUTURE:NO-SHA1\n");
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        assertEquals(
                ExitStatus.OK, Cli.run("show", "SYSTEM").assertNoStackTrace().status());
        Cli.Result imp = Cli.run("import", "SYSTEM").assertNoStackTrace();
        assertEquals(ExitStatus.OK, imp.status(), imp.toString());
        assertTrue(imp.out().contains("min_bits: 3072"), imp.out());
        Cli.Result lint = Cli.run("lint", "SYSTEM").assertNoStackTrace();
        assertTrue(lint.status() != ExitStatus.USAGE, lint.toString());
    }

    @Test
    void noCryptoPolicies_isUnreadableInput() {
        System.setProperty(HostPolicies.ROOT_PROPERTY, tmp.toString());
        Cli.Result r = Cli.run("import", "SYSTEM").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r.toString());
        assertTrue(r.err().contains("DEFAULT"), r.err());
    }

    @Test
    void json_isTheEnvelopeAroundTheYaml() {
        Cli.Result r = Cli.run("import", ref("FUTURE.pol").toString(), "--format", "json")
                .assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r.toString());
        assertTrue(r.out().contains("\"command\" : \"import\"") && r.out().contains("\"kind\" : \"policy\""), r.out());
        assertTrue(r.out().contains("host-no-java-meaning"), r.out());
    }

    @Test
    void lint_readsAPolFile_andLocatesItsErrors() throws Exception {
        Cli.Result ok = Cli.run("lint", ref("FUTURE.pol").toString()).assertNoStackTrace();
        assertTrue(ok.status() != ExitStatus.USAGE && !ok.toString().contains("malformed YAML"), ok.toString());
        Path bad = tmp.resolve("bad.pol");
        Files.writeString(bad, Files.readString(ref("FUTURE.pol")) + "\ncipher = AES-256-GMC\n");
        Cli.Result r = Cli.run("lint", bad.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        int last = Files.readAllLines(bad).size();
        assertTrue(
                r.toString().contains("bad.pol:" + last + ":10: error")
                        && r.toString().contains("AES-256-GCM"),
                r.toString());
        assertEquals(ExitStatus.FAILED, Cli.run("import", bad.toString()).status());
    }
}
