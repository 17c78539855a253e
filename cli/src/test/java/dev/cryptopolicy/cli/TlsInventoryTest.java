package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.provider.tls.TlsSessionsChild;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real handshakes (sockets on 127.0.0.1, an RSA-2048 and an EC P-256 server) in a JVM under
 * DEFAULT recording an inventory: each session is a TLS line of the documented schema, and
 * {@code report --policy FUTURE} over it names the RSA key rule and the calling class, and not the
 * EC P-256 TLS 1.3 session.
 */
@Slow
class TlsInventoryTest {

    @TempDir
    Path dir;

    @Test
    void handshakesUnderDefault_writeTlsLines_thatFutureReportsOn() throws Exception {
        Path file = dir.resolve("inventory.jsonl");
        Jvm.Result child = Jvm.run(List.of(), Jvm.classPath(), TlsSessionsChild.class, "inventory", file.toString());
        assertEquals(0, child.exit(), child.output());
        JsonSchema schema = InventorySchemaTest.schema();
        List<String> tls = Files.readAllLines(file).stream()
                .filter(l -> l.contains("\"service\":\"TLS\""))
                .toList();
        for (String line : Files.readAllLines(file)) {
            assertEquals(Set.of(), schema.validate(Json.parse(line)), line);
        }
        String handshakes = "dev.cryptopolicy.provider.tls.Handshakes";
        // Each session from the client's and the server's side (their own calling locations).
        assertTrue(
                tls.stream()
                        .map(Json::parse)
                        .anyMatch(j -> j.get("key").asText().equals("RSA")
                                && j.get("bits").asInt() == 2048
                                && j.get("tls").get("protocol").asText().equals("TLSv1.3")
                                && j.get("tls").get("peerSignature").asText().equals("SHA256withRSA")
                                && j.get("tls").get("signatureScheme").asText().equals("rsa_pss_rsae_sha256")
                                && j.get("scope").asText().equals("tls")
                                && j.get("class").asText().equals(handshakes)),
                () -> String.join("\n", tls));
        assertTrue(
                tls.stream()
                        .map(Json::parse)
                        .anyMatch(j -> j.path("key").asText().equals("EC")
                                && j.path("bits").asInt() == 256
                                && j.has("curve")),
                () -> String.join("\n", tls));

        // Every full TLS 1.3 handshake made a key exchange of a named group and a server signature.
        for (String line : tls) {
            JsonNode j = Json.parse(line);
            assertTrue(j.get("tls").has("group") && j.get("tls").has("signatureScheme"), line);
        }

        Cli.Result r = Cli.run("report", "--policy", "FUTURE", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(r.out().contains("TLS peer certificate RSA key of 2048 bits: "), r.toString());
        assertTrue(r.out().contains("(keys.rsa.min_bits, FUTURE.yaml:"), r.toString());
        assertTrue(r.out().contains("class " + handshakes), r.toString());
        // Control: the EC P-256 TLS 1.3 sessions are not refused, and DEFAULT refuses nothing.
        assertFalse(r.out().contains("peer EC key"), r.toString());
        JsonNode json = Json.parse(Cli.run("report", "--policy", "FUTURE", "--format", "json", file.toString())
                        .out())
                .get("result");
        for (JsonNode f : json.get("findings")) {
            if (f.get("service").asText().equals("TLS")) {
                assertEquals("keys.rsa.min_bits", f.get("rule").asText(), json.toString());
            }
        }
        assertEquals(
                ExitStatus.OK,
                Cli.run("report", "--policy", "DEFAULT", file.toString()).status());
    }
}
