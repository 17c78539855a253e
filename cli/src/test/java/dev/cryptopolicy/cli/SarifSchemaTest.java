package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cryptopolicy.testkit.TestData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF logs of {@code scan} and {@code lint} are valid under the OASIS SARIF 2.1.0 JSON schema
 * ({@code testdata/sarif/}) and carry what GitHub code scanning requires: each rule with a full
 * description and help, each result with a physical location. The control: the same validator
 * rejects a log that breaks the schema.
 */
class SarifSchemaTest {

    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(TestData.path("sarif/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    @Test
    void scanLog_ofKeysThePolicyRefuses_isValid() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path small = pem("small rsa.pem", rsa.generateKeyPair().getPublic().getEncoded());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path p256 = pem("p256.pem", ec.generateKeyPair().getPublic().getEncoded());
        Path policy = Files.writeString(dir.resolve("p384.yaml"), ScanCommandTest.P384);
        Cli.Result r =
                Cli.run("scan", "--policy", policy.toString(), "--format", "sarif", small.toString(), p256.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        JsonNode log = Json.parse(r.out());
        assertValid(log);
        ScanCommandTest.assertSarif(log, 2);
        // Control: a scan that finds nothing is a valid log too, with no results.
        Cli.Result clean = Cli.run("scan", "--policy", "DEFAULT", "--format", "sarif", p256.toString());
        assertEquals(ExitStatus.OK, clean.status(), clean::toString);
        assertValid(Json.parse(clean.out()));
    }

    @Test
    void lintLog_withProblemsInAFile_andInAReference_isValid_andEveryResultHasALocation() throws Exception {
        Path typo = Files.writeString(
                dir.resolve("typo.yaml"), "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        Cli.Result r = Cli.run("lint", "--format", "sarif", typo.toString(), "DEFAULT:NO-SUCH");
        // A reference that leads to no policy is unreadable: exit status 2, still one log.
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        JsonNode log = Json.parse(r.out());
        assertValid(log);
        JsonNode results = log.get("runs").get(0).get("results");
        ScanCommandTest.assertSarif(log, results.size());
        boolean sawReference = false;
        for (JsonNode result : results) {
            String uri = result.get("locations")
                    .get(0)
                    .get("physicalLocation")
                    .get("artifactLocation")
                    .get("uri")
                    .asText();
            sawReference |= uri.equals("DEFAULT%3ANO-SUCH");
        }
        assertTrue(sawReference, r::toString);
    }

    @Test
    void theValidator_rejectsALogThatBreaksTheSchema() throws Exception {
        Path typo = Files.writeString(
                dir.resolve("typo.yaml"), "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        ObjectNode log = (ObjectNode)
                Json.parse(Cli.run("lint", "--format", "sarif", typo.toString()).out());
        assertValid(log);
        ObjectNode result = (ObjectNode) log.get("runs").get(0).get("results").get(0);
        result.put("level", "fatal");
        assertFalse(schema.validate(log).isEmpty(), "a level the schema does not know");
        result.put("level", "error");
        ((ObjectNode) result.get("locations").get(0).get("physicalLocation").get("region")).put("startLine", 0);
        assertFalse(schema.validate(log).isEmpty(), "a line before the first");
    }

    private static void assertValid(JsonNode log) {
        Set<ValidationMessage> errors = schema.validate(log);
        assertEquals(Set.of(), errors, log::toPrettyString);
    }

    private Path pem(String name, byte[] spki) throws Exception {
        return Files.writeString(
                dir.resolve(name),
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(spki)
                        + "\n-----END PUBLIC KEY-----\n",
                StandardCharsets.US_ASCII);
    }
}
