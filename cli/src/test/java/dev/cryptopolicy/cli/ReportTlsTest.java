package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS session lines in {@code report}: each component (protocol, suite, peer key, peer signature)
 * decided again under the candidate as the providers decide it, per calling location, in every
 * format; an EC P-256 TLS 1.3 session as the control; malformed TLS lines named by file and line.
 */
class ReportTlsTest {

    private static final String RSA_LOCATION = "com.example.Client.connect(Client.java:21)";
    private static final String EC_LOCATION = "com.example.Gateway.open(Gateway.java:8)";

    @TempDir
    Path dir;

    /** A TLS line as the inventory writes it. */
    static String tls(
            String protocol, String suite, String key, String size, String signature, String location, long count) {
        String cls = location.substring(0, location.lastIndexOf('.', location.indexOf('(')));
        return "{\"v\":1,\"policy\":\"DEFAULT\",\"pid\":1,\"service\":\"TLS\",\"algorithm\":\"" + suite + "\""
                + ",\"key\":\"" + key + "\"," + size + ",\"tls\":{\"protocol\":\"" + protocol
                + "\",\"peerSignature\":\"" + signature + "\"},\"scope\":\"tls\",\"location\":\"" + location
                + "\",\"class\":\"" + cls + "\",\"module\":\"unnamed\",\"source\":\"file:/srv/app.jar\",\"count\":"
                + count + "}";
    }

    private static final String RSA =
            tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "RSA", "\"bits\":2048", "SHA256withRSA", RSA_LOCATION, 3);
    private static final String EC = tls(
            "TLSv1.3",
            "TLS_AES_256_GCM_SHA384",
            "EC",
            "\"bits\":256,\"curve\":\"secp256r1\"",
            "SHA256withECDSA",
            EC_LOCATION,
            5);

    private Path inventory(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "inventory", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void handWrittenLines_followTheSchema() throws Exception {
        JsonSchema schema = InventorySchemaTest.schema();
        for (String line : List.of(RSA, EC)) {
            assertEquals(Set.of(), schema.validate(Json.parse(line)), line);
        }
        // Controls: a TLS line without its protocol, or a JCA line with a tls object, is not one.
        assertFalse(schema.validate(Json.parse(RSA.replace("\"protocol\":\"TLSv1.3\",", "")))
                .isEmpty());
        assertFalse(schema.validate(Json.parse(RSA.replace("\"service\":\"TLS\"", "\"service\":\"Signature\"")))
                .isEmpty());
    }

    @Test
    void futureRefusesTheRsa2048PeerKey_namingItsRuleAndCaller_andNotTheEcSession() throws Exception {
        Path file = inventory(RSA, EC);
        Cli.Result r = Cli.run("report", "--policy", "FUTURE", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(r.out().startsWith("policy FUTURE would refuse 3 of 8 recorded uses (1 findings"), r.toString());
        assertTrue(r.out().contains("TLS peer certificate RSA key of 2048 bits: 3 uses"), r.toString());
        assertTrue(r.out().contains("(keys.rsa.min_bits, FUTURE.yaml:"), r.toString());
        assertTrue(
                r.out()
                        .contains(
                                "  3  " + RSA_LOCATION + "  class com.example.Client  from file:/srv/app.jar"
                                        + "  in TLS session TLSv1.3 TLS_AES_256_GCM_SHA384 peer RSA key of 2048 bits signed SHA256withRSA"),
                r.toString());
        assertFalse(r.out().contains(EC_LOCATION), r.toString());
        // Control: DEFAULT, the policy the inventory was recorded under, refuses neither session.
        Cli.Result control = Cli.run("report", "--policy", "DEFAULT", file.toString());
        assertEquals(ExitStatus.OK, control.status(), control.toString());
        Cli.Result ec = Cli.run("report", "--policy", "FUTURE", inventory(EC).toString());
        assertEquals(ExitStatus.OK, ec.status(), ec.toString());
    }

    @Test
    void eachRefusedComponentIsAFindingOfItsOwn() throws Exception {
        String legacy = tls(
                "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "RSA",
                "\"bits\":2048",
                "SHA1withRSA",
                RSA_LOCATION,
                2);
        Cli.Result r = Cli.run("report", "--policy", "FUTURE", inventory(legacy).toString());
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(r.out().contains("TLS cipher suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 2 uses"), r.toString());
        assertTrue(r.out().contains("TLS peer certificate RSA key of 2048 bits: 2 uses"), r.toString());
        assertTrue(r.out().contains("TLS peer certificate signature algorithm SHA1withRSA: 2 uses"), r.toString());
        // Two refused components of one session: the session's 2 uses are counted once in the total.
        assertTrue(r.out().startsWith("policy FUTURE would refuse 2 of 2 recorded uses"), r.toString());
    }

    @Test
    void json_sarif_andCbom_holdTheTlsFinding() throws Exception {
        Path file = inventory(RSA, EC);
        JsonNode json = Json.parse(Cli.run("report", "--policy", "FUTURE", "--format", "json", file.toString())
                        .out())
                .get("result");
        JsonNode finding = json.get("findings").get(0);
        assertEquals(1, json.get("findings").size(), json.toString());
        assertEquals("TLS", finding.get("service").asText());
        assertEquals("keys.rsa.min_bits", finding.get("rule").asText());
        assertEquals(3, finding.get("count").asLong());
        JsonNode location = finding.get("locations").get(0);
        assertEquals("com.example.Client", location.get("class").asText());
        assertEquals("TLSv1.3", location.get("tls").get("protocol").asText());
        assertEquals(2048, location.get("tls").get("peerBits").asInt());

        JsonNode sarif = Json.parse(Cli.run("report", "--policy", "FUTURE", "--format", "sarif", file.toString())
                .out());
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertEquals("keys.rsa.min_bits", result.get("ruleId").asText());
        assertEquals(
                RSA_LOCATION,
                result.get("locations")
                        .get(0)
                        .get("logicalLocations")
                        .get(0)
                        .get("fullyQualifiedName")
                        .asText());

        String cbom = Cli.run("report", "--policy", "FUTURE", "--format", "cbom", file.toString())
                .out();
        List<ParseException> errors = new org.cyclonedx.parsers.JsonParser().validate(cbom, Version.VERSION_16);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + cbom);
        JsonNode components = Json.parse(cbom).get("components");
        assertEquals(2, components.size(), cbom);
        int refused = 0;
        for (JsonNode c : components) {
            JsonNode crypto = c.get("cryptoProperties");
            assertEquals("protocol", crypto.get("assetType").asText(), cbom);
            assertEquals("tls", crypto.get("protocolProperties").get("type").asText());
            assertEquals("1.3", crypto.get("protocolProperties").get("version").asText());
            assertEquals(
                    "TLS_AES_256_GCM_SHA384",
                    crypto.get("protocolProperties")
                            .get("cipherSuites")
                            .get(0)
                            .get("name")
                            .asText());
            for (JsonNode p : c.get("properties")) {
                if (p.get("name").asText().equals("cryptopolicy:verdict")
                        && p.get("value").asText().equals("refused")) {
                    refused++;
                }
            }
        }
        assertEquals(1, refused, cbom);
        // Control: the validator refuses a protocol asset of a type CycloneDX does not define.
        assertFalse(new org.cyclonedx.parsers.JsonParser()
                .validate(
                        cbom.replaceAll("\"type\"\\s*:\\s*\"tls\"", "\"type\":\"no-such-protocol\""),
                        Version.VERSION_16)
                .isEmpty());
    }

    @Test
    void malformedTlsLines_areNamedByFileAndLine() throws Exception {
        for (String broken : List.of(
                RSA.replace(",\"tls\":{\"protocol\":\"TLSv1.3\",\"peerSignature\":\"SHA256withRSA\"}", ""),
                RSA.replace("\"protocol\":\"TLSv1.3\",", ""),
                RSA.replace("\"protocol\":\"TLSv1.3\"", "\"protocol\":13"),
                RSA.replace("\"service\":\"TLS\"", "\"service\":\"TLS-ish\""))) {
            Path file = inventory(EC, broken);
            Cli.Result r =
                    Cli.run("report", "--policy", "FUTURE", file.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.USAGE, r.status(), broken + "\n" + r);
            assertTrue(r.err().contains(file + ":2: "), r.toString());
        }
    }

    @Test
    void theRepeatShortcut_keepsSessionsThatDifferOnlyInTheTlsObjectApart() throws Exception {
        String tls12 = RSA.replace("TLSv1.3", "TLSv1.1").replace("\"count\":3}", "\"count\":4}");
        assertNotNull(InventoryLineShape.use(RSA));
        assertFalse(InventoryLineShape.use(RSA).equals(InventoryLineShape.use(tls12)));
        // The same session from another JVM repeats the use text: only its count is read.
        String otherJvm = RSA.replace("\"pid\":1,", "\"pid\":9,").replace("\"count\":3}", "\"count\":6}");
        assertEquals(InventoryLineShape.use(RSA), InventoryLineShape.use(otherJvm));
        Cli.Result r = Cli.run(
                        "report",
                        "--policy",
                        "FUTURE",
                        inventory(RSA, tls12, otherJvm).toString())
                .assertNoStackTrace();
        assertTrue(r.out().contains("TLS peer certificate RSA key of 2048 bits: 13 uses"), r.toString());
        // TLS 1.1 is refused as a protocol for its 4 uses only, not for the TLS 1.3 session read first.
        assertTrue(r.out().contains("TLS protocol TLSv1.1: 4 uses"), r.toString());
    }

    @Test
    void theGroupAndTheSignatureScheme_areDecidedAgain_inEveryFormat() throws Exception {
        Path candidate = dir.resolve("NARROW.yaml");
        Files.writeString(
                candidate,
                "kind: policy\nextends: DEFAULT\ntls:\n  named_groups: [secp256r1]\n"
                        + "  signature_schemes: [ecdsa_secp256r1_sha256]\n");
        String x25519 = RSA.replace(
                "\"peerSignature\":\"SHA256withRSA\"}",
                "\"peerSignature\":\"SHA256withRSA\",\"group\":\"x25519\",\"signatureScheme\":\"rsa_pss_rsae_sha256\"}");
        String p256 = EC.replace(
                "\"peerSignature\":\"SHA256withECDSA\"}",
                "\"peerSignature\":\"SHA256withECDSA\",\"group\":\"secp256r1\""
                        + ",\"signatureScheme\":\"ecdsa_secp256r1_sha256\"}");
        assertEquals(Set.of(), InventorySchemaTest.schema().validate(Json.parse(x25519)), x25519);
        assertEquals(Set.of(), InventorySchemaTest.schema().validate(Json.parse(p256)), p256);
        Path file = inventory(x25519, p256);

        Cli.Result r = Cli.run("report", "--policy", candidate.toString(), file.toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(
                r.out().startsWith("policy " + candidate + " would refuse 3 of 8 recorded uses (2 findings"),
                r.toString());
        assertTrue(r.out().contains("TLS group x25519: 3 uses"), r.toString());
        assertTrue(r.out().contains("(tls.named_groups, " + candidate + ":4)"), r.toString());
        assertTrue(r.out().contains("TLS signature scheme rsa_pss_rsae_sha256: 3 uses"), r.toString());
        assertTrue(r.out().contains("(tls.signature_schemes, " + candidate + ":5)"), r.toString());
        assertTrue(
                r.out()
                        .contains("in TLS session TLSv1.3 TLS_AES_256_GCM_SHA384 peer RSA key of 2048 bits signed"
                                + " SHA256withRSA group x25519 signature scheme rsa_pss_rsae_sha256"),
                r.toString());
        // Control: the P-256 session, whose group and scheme the candidate lists, is not refused.
        assertFalse(r.out().contains(EC_LOCATION), r.toString());
        // Control: the policy the inventory was recorded under refuses neither.
        assertEquals(
                ExitStatus.OK,
                Cli.run("report", "--policy", "DEFAULT", file.toString()).status());

        JsonNode json = jsonResult(candidate, file);
        assertEquals(2, json.get("findings").size(), json.toString());
        for (JsonNode f : json.get("findings")) {
            JsonNode tls = f.get("locations").get(0).get("tls");
            assertEquals("x25519", tls.get("group").asText(), json.toString());
            assertEquals("rsa_pss_rsae_sha256", tls.get("signatureScheme").asText(), json.toString());
        }
        JsonNode sarif =
                Json.parse(Cli.run("report", "--policy", candidate.toString(), "--format", "sarif", file.toString())
                        .out());
        Set<String> rules = new java.util.TreeSet<>();
        sarif.get("runs")
                .get(0)
                .get("results")
                .forEach(x -> rules.add(x.get("ruleId").asText()));
        assertEquals(Set.of("tls.named_groups", "tls.signature_schemes"), rules, sarif.toString());

        String cbom = validCbom(candidate, file);
        Set<String> properties = new java.util.TreeSet<>();
        for (JsonNode c : Json.parse(cbom).get("components")) {
            for (JsonNode p : c.get("properties")) {
                if (p.get("name").asText().matches("cryptopolicy:(group|signatureScheme)")) {
                    properties.add(p.get("name").asText() + "=" + p.get("value").asText());
                }
            }
        }
        assertEquals(
                Set.of(
                        "cryptopolicy:group=x25519",
                        "cryptopolicy:group=secp256r1",
                        "cryptopolicy:signatureScheme=rsa_pss_rsae_sha256",
                        "cryptopolicy:signatureScheme=ecdsa_secp256r1_sha256"),
                properties,
                cbom);
    }

    /**
     * Mutual TLS: the client's handshake signature scheme is a component of its own, decided against
     * {@code tls.signature_schemes} as the server's is, on the server's line (the client's certificate
     * as its peer) and the client's alike.
     */
    @Test
    void theClientsSignatureScheme_isAFindingOfItsOwn_inEveryFormat() throws Exception {
        Path candidate = dir.resolve("NO-RSA-PSS.yaml");
        Files.writeString(
                candidate,
                "kind: policy\nextends: DEFAULT\ntls:\n  signature_schemes: [ecdsa_secp256r1_sha256, ed25519]\n");
        // The server's line: the client's RSA certificate as peer; the server signed with ECDSA.
        String server = RSA.replace(
                "\"peerSignature\":\"SHA256withRSA\"}",
                "\"peerSignature\":\"SHA256withRSA\",\"group\":\"x25519\",\"signatureScheme\":\"ecdsa_secp256r1_sha256\""
                        + ",\"clientSignatureScheme\":\"rsa_pss_rsae_sha256\"}");
        // The client's line: the server's EC certificate as peer, the same two schemes.
        String client = EC.replace(
                "\"peerSignature\":\"SHA256withECDSA\"}",
                "\"peerSignature\":\"SHA256withECDSA\",\"group\":\"x25519\",\"signatureScheme\":\"ecdsa_secp256r1_sha256\""
                        + ",\"clientSignatureScheme\":\"rsa_pss_rsae_sha256\"}");
        // Control: the same client session with an ECDSA client certificate, which the candidate lists.
        String ecClient = tls(
                        "TLSv1.3",
                        "TLS_AES_256_GCM_SHA384",
                        "EC",
                        "\"bits\":256,\"curve\":\"secp256r1\"",
                        "SHA256withECDSA",
                        "com.example.Agent.dial(Agent.java:5)",
                        7)
                .replace(
                        "\"peerSignature\":\"SHA256withECDSA\"}",
                        "\"peerSignature\":\"SHA256withECDSA\",\"signatureScheme\":\"ecdsa_secp256r1_sha256\""
                                + ",\"clientSignatureScheme\":\"ecdsa_secp256r1_sha256\"}");
        for (String line : List.of(server, client, ecClient)) {
            assertEquals(Set.of(), InventorySchemaTest.schema().validate(Json.parse(line)), line);
        }
        Path file = inventory(server, client, ecClient);

        Cli.Result r = Cli.run("report", "--policy", candidate.toString(), file.toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(
                r.out().startsWith("policy " + candidate + " would refuse 8 of 15 recorded uses (1 finding"),
                r.toString());
        assertTrue(r.out().contains("TLS client signature scheme rsa_pss_rsae_sha256: 8 uses"), r.toString());
        assertTrue(r.out().contains("(tls.signature_schemes, " + candidate + ":4)"), r.toString());
        assertTrue(r.out().contains(RSA_LOCATION) && r.out().contains(EC_LOCATION), r.toString());
        assertTrue(
                r.out().contains("signature scheme ecdsa_secp256r1_sha256 client signature scheme rsa_pss_rsae_sha256"),
                r.toString());
        assertFalse(r.out().contains("Agent.dial"), r.toString());
        // Control: the policy the inventory was recorded under refuses none of it.
        assertEquals(
                ExitStatus.OK,
                Cli.run("report", "--policy", "DEFAULT", file.toString()).status());

        JsonNode json = jsonResult(candidate, file);
        assertEquals(1, json.get("findings").size(), json.toString());
        for (JsonNode l : json.get("findings").get(0).get("locations")) {
            assertEquals(
                    "rsa_pss_rsae_sha256",
                    l.get("tls").get("clientSignatureScheme").asText(),
                    json.toString());
        }
        String cbom = validCbom(candidate, file);
        assertTrue(cbom.contains("\"cryptopolicy:clientSignatureScheme\""), cbom);
    }

    /** The {@code result} of {@code report --policy CANDIDATE --format json FILE}. */
    private static JsonNode jsonResult(Path candidate, Path file) throws Exception {
        return Json.parse(Cli.run("report", "--policy", candidate.toString(), "--format", "json", file.toString())
                        .out())
                .get("result");
    }

    /** {@code report --policy CANDIDATE --format cbom FILE}, validated against the CycloneDX 1.6 schema. */
    private static String validCbom(Path candidate, Path file) throws Exception {
        String cbom = Cli.run("report", "--policy", candidate.toString(), "--format", "cbom", file.toString())
                .out();
        List<ParseException> errors = new org.cyclonedx.parsers.JsonParser().validate(cbom, Version.VERSION_16);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + cbom);
        return cbom;
    }
}
