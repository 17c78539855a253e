package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.testkit.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory an installation writes is what {@code docs/inventory.schema.json} documents, and
 * what {@code report} reads: written, validated, then reported on.
 */
class InventorySchemaTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    static JsonSchema schema() throws Exception {
        Path file = TestData.root().getParent().resolve("docs").resolve("inventory.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void writtenLinesFollowTheSchema_andReportReadsThem() throws Exception {
        Path file = dir.resolve("inventory.jsonl");
        Installation installed = CryptoPolicy.install("DEFAULT").inventory(file, Duration.ofHours(1));
        MessageDigest.getInstance("SHA-256").digest(new byte[1]);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        g.generateKeyPair();
        try {
            MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException expected) {
            // Refused by DEFAULT; recorded all the same.
        }
        installed.writeInventory();
        CryptoPolicy.uninstall();
        JsonSchema schema = schema();
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.size() >= 3, lines::toString);
        for (String line : lines) {
            assertEquals(java.util.Set.of(), schema.validate(Json.parse(line)), line);
        }
        // Control: the schema does reject a line with a field it does not document.
        JsonNode extra = Json.parse(lines.get(0).replace("{\"v\":1,", "{\"v\":1,\"extra\":true,"));
        assertFalse(schema.validate(extra).isEmpty());
        Cli.Result r = Cli.run("report", "--policy", "FUTURE", file.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(
                r.out().contains("MessageDigest MD5: 1 use")
                        && r.out().contains("KeyPairGenerator RSA with RSA key of 2048 bits")
                        && r.out().contains("class " + InventorySchemaTest.class.getName()),
                r.toString());
        assertFalse(r.out().contains("SHA-256:"), r.toString());
    }
}
