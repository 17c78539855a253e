package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.testkit.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} on key stores, certificates, keys and signed jars made in the test with the JDK's
 * own keytool and jarsigner, and on an {@code openssl s_server} endpoint on 127.0.0.1. Each refusal
 * has a control: the same kind of artifact with an allowed key, signature or date scans clean.
 */
@Slow
class ScanCommandTest {

    private static final String PASSWORD = "changeit-7Q";

    /** DEFAULT with P-384 as its only curve. */
    static final String P384 = """
            kind: policy
            name: P384
            extends: DEFAULT
            keys:
              ec:
                curves: [secp384r1]
            """;

    /** Key stores made once for the class: each keytool run starts a JVM. */
    @TempDir
    static Path stores;

    private static Path weakExpired;
    private static Path weak;
    private static Path good;
    private static Path ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void keyStores() throws Exception {
        weakExpired =
                genkey("weak.p12", "PKCS12", "RSA", "1024", "SHA1withRSA", "-startdate", "-400d", "-validity", "30");
        weak = genkey("weak1024.p12", "PKCS12", "RSA", "1024", "SHA256withRSA");
        good = genkey("good.p12", "PKCS12", "RSA", "2048", "SHA256withRSA");
        ec = genkey("ec.p12", "PKCS12", "EC", "256", "SHA256withECDSA");
    }

    @Test
    void pkcs12_withSmallKey_sha1Signature_andExpiredCertificate_violatesEachRule() throws Exception {
        Path store = weakExpired;
        Cli.Result r = scan("DEFAULT", store.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("alias 'k' certificate 0 'CN=weak'"), r::toString);
        assertTrue(
                r.out().contains("RSA key of 1024 bits") && r.out().contains("keys.rsa.min_bits, DEFAULT.yaml:"),
                r::toString);
        assertTrue(
                r.out()
                        .contains("signature algorithm SHA1withRSA is not in the feature set of policy DEFAULT"
                                + " (algorithms.Signature, DEFAULT.yaml:"),
                r::toString);
        assertTrue(r.out().contains("certificate expired on"), r::toString);
        assertFalse(r.all().contains(PASSWORD), r::toString);
    }

    @Test
    void pkcs12_withAllowedKeyAndSignature_isClean() throws Exception {
        Path store = good;
        Cli.Result r = scan("DEFAULT", store.toString());
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("nothing violates"), r::toString);
    }

    @Test
    void theSameKeyStore_violatesFuture_byTheKeySizeRule() throws Exception {
        Path store = good;
        Cli.Result r = scan("FUTURE", store.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("RSA key of 2048 bits") && r.out().contains("FUTURE.yaml:"), r::toString);
    }

    @Test
    void jks_isReadWithThePasswordFromAFile() throws Exception {
        Path store = toJks(weak, dir.resolve("weak.jks"));
        Path secret = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        Cli.Result r = Cli.run("scan", "--policy", "DEFAULT", "--password-file", secret.toString(), store.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("RSA key of 1024 bits"), r::toString);
    }

    @Test
    void passwordFromTheEnvironment_inAFreshJvm() throws Exception {
        Path store = weak;
        Cli.Result r = Cli.fresh(
                Map.of("STOREPASS", PASSWORD),
                "scan",
                "--policy",
                "DEFAULT",
                "--password-env",
                "STOREPASS",
                store.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("RSA key of 1024 bits"), r::toString);
        assertFalse(r.all().contains(PASSWORD), r::toString);
    }

    @Test
    void wrongPassword_isUnreadable_andNotEchoed() throws Exception {
        Path store = good;
        Cli.Result r = Cli.run("scan", "--policy", "DEFAULT", "--password", "wrong-Z9", store.toString());
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("good.p12"), r::toString);
        assertFalse(r.all().contains("wrong-Z9"), r::toString);
        Cli.Result none = Cli.run("scan", "--policy", "DEFAULT", store.toString());
        assertEquals(ExitStatus.USAGE, none.status(), none::toString);
        assertTrue(none.err().contains("needs a password"), none::toString);
    }

    @Test
    void pemAndDerCertificates_areRecognizedByContent_notByName() throws Exception {
        Path store = weak;
        Path pem = export(store, "cert.txt", true);
        Path der = export(store, "cert.bin", false);
        for (Path p : List.of(pem, der)) {
            Cli.Result r = scan("DEFAULT", p.toString());
            assertEquals(ExitStatus.FAILED, r.status(), r::toString);
            assertTrue(
                    r.out().contains("certificate 0 'CN=weak1024'") && r.out().contains("keys.rsa.min_bits"),
                    r::toString);
        }
        Path goodPem = export(good, "good.pem", true);
        assertEquals(ExitStatus.OK, scan("DEFAULT", goodPem.toString()).status());
        // A BEGIN line without its END line does not hide the block after it.
        Path torn = Files.writeString(
                dir.resolve("torn.pem"), "-----BEGIN RSA PRIVATE KEY-----\nno end\n" + Files.readString(pem));
        Cli.Result r = scan("DEFAULT", torn.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("torn.pem: certificate 0 'CN=weak1024'"), r::toString);
    }

    @Test
    void ecCurve_outsideThePolicysCurves_inPkcs12AndBcfks_isRefusedByTheCurveRule() throws Exception {
        Path policy = Files.writeString(dir.resolve("p384.yaml"), P384);
        for (Path store : List.of(ec, toBcfks(ec, dir.resolve("ec.bcfks")))) {
            Cli.Result r = scan(policy.toString(), store.toString());
            assertEquals(ExitStatus.FAILED, r.status(), r::toString);
            assertTrue(
                    r.out().contains("EC key on curve")
                            && r.out().contains("(keys.ec.curves, ")
                            && r.out().contains("p384.yaml:"),
                    r::toString);
            assertEquals(ExitStatus.OK, scan("DEFAULT", store.toString()).status(), "control: DEFAULT allows P-256");
        }
    }

    @Test
    void signedJar_withSha1AndASmallSignerKey_violates_andAStrongOneIsClean() throws Exception {
        Path weakJar = sign(jar("weak.jar"), weak, "SHA1withRSA", "SHA-1");
        Cli.Result r = scan("DEFAULT", weakJar.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("META-INF/K.RSA: Signature SHA1withRSA"), r::toString);
        assertTrue(r.out().contains("RSA key of 1024 bits"), r::toString);

        Path goodJar = sign(jar("good.jar"), good, "SHA256withRSA", "SHA-256");
        Cli.Result clean = scan("DEFAULT", goodJar.toString());
        assertEquals(ExitStatus.OK, clean.status(), clean::toString);
        assertTrue(clean.out().contains("2 item(s)") || clean.out().contains("item(s) scanned"), clean::toString);
    }

    @Test
    void directory_isScannedRecursively_byContent_withoutFollowingALinkLoop() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Path store = weak;
        export(store, "tree/a/b/noext", true);
        Files.writeString(dir.resolve("tree/a/readme.md"), "not a certificate\n");
        Files.createSymbolicLink(tree.resolve("loop"), dir.resolve("tree"));
        Cli.Result r = scan("DEFAULT", dir.resolve("tree").toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("noext: certificate 0"), r::toString);
        assertFalse(r.out().contains("loop"), r::toString);
    }

    @Test
    void hostileFileNames_areShownEscaped_andANulInATarget_isAUsageError() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("names"));
        export(weak, "names/evil\u001b[31m.pem", true);
        Cli.Result r = scan("DEFAULT", tree.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertFalse(r.all().contains("\u001b"), r::toString);
        assertTrue(r.out().contains("keys.rsa.min_bits"), r::toString);
        Cli.Result nul = Cli.run("scan", "--policy", "DEFAULT", "a\u0000b").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, nul.status(), nul::toString);
    }

    @Test
    void json_andSarif_carryEveryFindingWithItsRuleAndLocation() throws Exception {
        Path store = weakExpired;
        JsonNode result = Envelope.result(
                Cli.run("scan", "--policy", "DEFAULT", "--password", PASSWORD, "--format", "json", store.toString()),
                "scan");
        assertEquals(3, result.get("violations").asInt(), result::toPrettyString);
        for (JsonNode f : result.get("findings")) {
            boolean validity = f.get("rule").asText().equals("certificate.validity");
            assertEquals(
                    !validity, f.get("origin").get("location").asText().startsWith("DEFAULT.yaml:"), f::toPrettyString);
            assertFalse(f.get("item").asText().isEmpty());
        }
        Cli.Result s =
                Cli.run("scan", "--policy", "DEFAULT", "--password", PASSWORD, "--format", "sarif", store.toString());
        assertEquals(ExitStatus.FAILED, s.status(), s::toString);
        assertSarif(new ObjectMapper().readTree(s.out()), 3);
    }

    @Test
    void tlsEndpoint_presentingASmallKey_violates_andA2048BitOneIsClean() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Cli.Result weak = scanServer("rsa:1024");
        assertEquals(ExitStatus.FAILED, weak.status(), weak::toString);
        assertTrue(weak.out().contains("server certificate 0 'CN=localhost': RSA key of 1024 bits"), weak::toString);
        Cli.Result good = scanServer("rsa:2048");
        assertEquals(ExitStatus.OK, good.status(), good::toString);
        assertTrue(good.out().contains("nothing violates"), good::toString);
    }

    @Test
    void bcfks_withSmallKey_sha1Signature_andExpiredCertificate_violatesEachRule() throws Exception {
        Path store = toBcfks(weakExpired, dir.resolve("weak.bcfks"));
        Cli.Result r = scan("DEFAULT", store.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(
                r.out().contains("weak.bcfks: alias 'k' certificate 0 'CN=weak': RSA key of 1024 bits"), r::toString);
        assertTrue(r.out().contains("keys.rsa.min_bits, DEFAULT.yaml:"), r::toString);
        assertTrue(r.out().contains("(algorithms.Signature, DEFAULT.yaml:"), r::toString);
        assertTrue(r.out().toUpperCase(java.util.Locale.ROOT).contains("SIGNATURE ALGORITHM SHA1WITHRSA"), r::toString);
        assertTrue(r.out().contains("certificate expired on"), r::toString);
        assertFalse(r.all().contains(PASSWORD), r::toString);
        // Control: the same kind of store with an allowed key and signature is clean.
        Cli.Result clean =
                scan("DEFAULT", toBcfks(good, dir.resolve("good.bcfks")).toString());
        assertEquals(ExitStatus.OK, clean.status(), clean::toString);
        assertTrue(clean.out().contains("item(s) scanned"), clean::toString);
    }

    @Test
    void bcfks_wrongOrNoPassword_isAClearError_andThePasswordIsNotEchoed() throws Exception {
        Path store = toBcfks(good, dir.resolve("good.bcfks"));
        assertPasswordRefusals(
                store,
                "good.bcfks: a BCFKS key store that the password given does not open",
                "a BCFKS key store needs a password");
    }

    @Test
    void pemKeys_pkcs1_pkcs8Encrypted_andLegacyEncrypted_areEachChecked() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path rsa = openssl("rsa1024.pem", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");
        Path pkcs1 = openssl("pkcs1.pem", "rsa", "-in", rsa.toString(), "-traditional");
        Path pkcs8 = openssl("pkcs8.pem", "pkcs8", "-topk8", "-in", rsa.toString(), "-passout", "pass:" + PASSWORD);
        Path legacy = openssl(
                "legacy.pem", "rsa", "-in", rsa.toString(), "-aes256", "-traditional", "-passout", "pass:" + PASSWORD);
        assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(Files.readString(pkcs8).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertTrue(Files.readString(legacy).contains("Proc-Type: 4,ENCRYPTED"));
        for (Path key : List.of(rsa, pkcs1, pkcs8, legacy)) {
            Cli.Result r = scan("DEFAULT", key.toString());
            assertEquals(ExitStatus.FAILED, r.status(), r::toString);
            assertTrue(
                    r.out().contains(key.getFileName() + ": PEM block 0 (")
                            && r.out().contains("RSA key of 1024 bits")
                            && r.out().contains("keys.rsa.min_bits, DEFAULT.yaml:"),
                    r::toString);
            assertFalse(r.all().contains(PASSWORD), r::toString);
        }
        // Control: the same encodings of a 2048-bit key are clean.
        Path strong = openssl("rsa2048.pem", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
        Path strongLegacy = openssl(
                "strong-legacy.pem",
                "rsa",
                "-in",
                strong.toString(),
                "-aes256",
                "-traditional",
                "-passout",
                "pass:" + PASSWORD);
        Path strongPkcs8 = openssl(
                "strong-pkcs8.pem", "pkcs8", "-topk8", "-in", strong.toString(), "-passout", "pass:" + PASSWORD);
        for (Path key : List.of(strongLegacy, strongPkcs8)) {
            Cli.Result clean = scan("DEFAULT", key.toString());
            assertEquals(ExitStatus.OK, clean.status(), clean::toString);
        }
    }

    @Test
    void pemEcPrivateKey_onACurveThePolicyRefuses_isRefusedByTheCurveRule() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path generated = openssl("ec8.pem", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        Path sec1 = openssl("sec1.pem", "ec", "-in", generated.toString());
        assertTrue(Files.readString(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        Path policy = Files.writeString(dir.resolve("p384.yaml"), P384);
        Cli.Result r = scan(policy.toString(), sec1.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(
                r.out().contains("sec1.pem: PEM block 0 (EC PRIVATE KEY): EC key on curve")
                        && r.out().contains("(keys.ec.curves, "),
                r::toString);
        assertEquals(ExitStatus.OK, scan("DEFAULT", sec1.toString()).status(), "control: DEFAULT allows P-256");
    }

    @Test
    void encryptedPemKey_wrongOrNoPassword_isAClearError_andThePasswordIsNotEchoed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path rsa = openssl("k.pem", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");
        Path pkcs8 = openssl("enc8.pem", "pkcs8", "-topk8", "-in", rsa.toString(), "-passout", "pass:" + PASSWORD);
        Path legacy = openssl(
                "enc1.pem", "rsa", "-in", rsa.toString(), "-aes256", "-traditional", "-passout", "pass:" + PASSWORD);
        for (Path key : List.of(pkcs8, legacy)) {
            assertPasswordRefusals(
                    key, "cannot be decrypted with the password given", "is an encrypted key; it needs a password");
        }
    }

    /** A wrong password and none at all are each a usage error saying so, the password never printed. */
    private static void assertPasswordRefusals(Path target, String wrongMessage, String noneMessage) {
        Cli.Result wrong = Cli.run("scan", "--policy", "DEFAULT", "--password", "wrong-Z9", target.toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, wrong.status(), wrong::toString);
        assertTrue(wrong.err().contains(wrongMessage), wrong::toString);
        assertFalse(wrong.all().contains("wrong-Z9"), wrong::toString);
        Cli.Result none =
                Cli.run("scan", "--policy", "DEFAULT", target.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, none.status(), none::toString);
        assertTrue(none.err().contains(noneMessage), none::toString);
    }

    @Test
    void usage_andUnreadableTargets() throws Exception {
        assertEquals(ExitStatus.USAGE, Cli.run("scan", "--policy", "DEFAULT").status());
        Cli.Result missing = scan("DEFAULT", dir.resolve("absent").toString());
        assertEquals(ExitStatus.USAGE, missing.status(), missing::toString);
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Cli.Result other = scan("DEFAULT", text.toString());
        assertEquals(ExitStatus.USAGE, other.status(), other::toString);
        assertTrue(other.err().contains("not a key store, certificate, key or jar"), other::toString);
        assertEquals(
                ExitStatus.USAGE,
                Cli.run("scan", "--policy", "DEFAULT", "--password", "a", "--password-env", "B", text.toString())
                        .status());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The fields GitHub code scanning requires of a SARIF 2.1.0 log, checked one by one. */
    static void assertSarif(JsonNode log, int results) {
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.get("$schema").asText().contains("sarif-2.1.0"));
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("cryptopolicy", driver.get("name").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            ids.add(rule.get("id").asText());
            assertFalse(rule.get("shortDescription").get("text").asText().isEmpty());
            assertFalse(rule.get("fullDescription").get("text").asText().isEmpty());
            assertFalse(rule.get("help").get("text").asText().isEmpty());
        }
        assertEquals(results, run.get("results").size(), log::toPrettyString);
        for (JsonNode result : run.get("results")) {
            assertEquals(
                    ids.get(result.get("ruleIndex").asInt()),
                    result.get("ruleId").asText());
            assertFalse(result.get("message").get("text").asText().isEmpty());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertFalse(physical.get("artifactLocation").get("uri").asText().isEmpty());
            assertTrue(physical.get("region").get("startLine").asInt() >= 1);
        }
    }

    private Cli.Result scan(String policy, String target) {
        return Cli.run("scan", "--policy", policy, "--password", PASSWORD, target)
                .assertNoStackTrace();
    }

    private static Path genkey(String name, String type, String keyAlg, String size, String sigAlg, String... extra)
            throws Exception {
        Path store = stores.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                type,
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-alias",
                "k",
                "-keyalg",
                keyAlg,
                "-keysize",
                size,
                "-sigalg",
                sigAlg,
                "-dname",
                "CN=" + name.substring(0, name.indexOf('.'))));
        args.addAll(List.of(extra));
        if (!List.of(extra).contains("-validity")) {
            args.addAll(List.of("-validity", "30"));
        }
        tool("keytool", args);
        return store;
    }

    /** The certificate of alias {@code k}, written as PEM or DER by the JDK's own encoder. */
    private Path export(Path store, String name, boolean pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        byte[] der = ks.getCertificate("k").getEncoded();
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        if (pem) {
            Files.writeString(
                    file,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(der)
                            + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } else {
            Files.write(file, der);
        }
        return file;
    }

    /** The same entry in a JKS key store. */
    private static Path toJks(Path pkcs12, Path jks) throws Exception {
        char[] password = PASSWORD.toCharArray();
        KeyStore from = KeyStore.getInstance(pkcs12.toFile(), password);
        KeyStore to = KeyStore.getInstance("JKS");
        to.load(null, null);
        to.setEntry(
                "k",
                from.getEntry("k", new KeyStore.PasswordProtection(password)),
                new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(jks)) {
            to.store(out, password);
        }
        return jks;
    }

    /**
     * The same entry in a BCFKS key store, written by a BCFIPS provider made here (not installed,
     * so that scan finds none and makes its own for reading).
     */
    private static Path toBcfks(Path pkcs12, Path bcfks) throws Exception {
        char[] password = PASSWORD.toCharArray();
        KeyStore from = KeyStore.getInstance(pkcs12.toFile(), password);
        KeyStore to = KeyStore.getInstance("BCFKS", new BouncyCastleFipsProvider());
        to.load(null, null);
        KeyStore.PrivateKeyEntry entry =
                (KeyStore.PrivateKeyEntry) from.getEntry("k", new KeyStore.PasswordProtection(password));
        to.setKeyEntry("k", entry.getPrivateKey(), password, entry.getCertificateChain());
        try (OutputStream out = Files.newOutputStream(bcfks)) {
            to.store(out, password);
        }
        return bcfks;
    }

    /** Runs {@code openssl ARGS -out FILE} and returns FILE. */
    private Path openssl(String file, String... args) throws Exception {
        Path out = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        command.addAll(List.of("-out", out.toString()));
        run(command);
        return out;
    }

    private Path jar(String name) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("a/Hello.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private Path sign(Path jar, Path store, String sigAlg, String digestAlg) throws Exception {
        tool(
                "jarsigner",
                List.of(
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD,
                        "-sigalg",
                        sigAlg,
                        "-digestalg",
                        digestAlg,
                        "-sigfile",
                        "K",
                        jar.toString(),
                        "k"));
        return jar;
    }

    private static void tool(String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not finish in 60 s");
        }
        assertEquals(0, p.exitValue(), () -> name + " failed: " + output);
    }

    /** Starts {@code openssl s_server} on 127.0.0.1 with a fresh key, scans it once and stops it. */
    private Cli.Result scanServer(String key) throws Exception {
        Path k = dir.resolve("server-key.pem");
        Path c = dir.resolve("server-cert.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                key,
                "-nodes",
                "-keyout",
                k.toString(),
                "-out",
                c.toString(),
                "-subj",
                "/CN=localhost",
                "-days",
                "2",
                "-sha256"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process server = new ProcessBuilder(
                        "openssl",
                        "s_server",
                        "-accept",
                        "127.0.0.1:" + port,
                        "-cert",
                        c.toString(),
                        "-key",
                        k.toString(),
                        "-naccept",
                        "1",
                        "-cipher",
                        "DEFAULT:@SECLEVEL=0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("ACCEPT")) {
                assertTrue(System.nanoTime() < deadline, "openssl s_server did not start");
            }
            assertTrue(line != null, "openssl s_server stopped before it listened");
            return Cli.run("scan", "--policy", "DEFAULT", "127.0.0.1:" + port).assertNoStackTrace();
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), () -> command + ": " + output);
    }
}
