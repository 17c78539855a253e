package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cryptopolicy report} over a generated corpus of inventory files: each entry decided again
 * under the candidate policy, counts summed over files, and the four formats.
 */
class ReportCommandTest {

    private static final int FILES = 40;
    private static final int FILLER = 250;

    @TempDir
    Path dir;

    private final List<String> files = new ArrayList<>();

    private static String line(String service, String algorithm, String key, int bits, String location, long count) {
        String cls = location.substring(0, location.lastIndexOf('.', location.indexOf('(')));
        return "{\"v\":1,\"policy\":\"DEFAULT\",\"pid\":1,\"service\":\"" + service + "\",\"algorithm\":\"" + algorithm
                + "\""
                + (key == null ? "" : ",\"key\":\"" + key + "\",\"bits\":" + bits)
                + ",\"provider\":\"SUN\",\"scope\":\"any\",\"location\":\"" + location + "\",\"class\":\"" + cls
                + "\",\"module\":\"unnamed\",\"source\":\"file:/srv/app.jar\",\"count\":" + count + "}";
    }

    /** FILES inventories, each with the same three uses FUTURE refuses, SHA-1 (which it allows) and FILLER uses it allows. */
    @BeforeEach
    void corpus() throws Exception {
        for (int f = 0; f < FILES; f++) {
            Path file = dir.resolve("jvm-" + f + ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(line("MessageDigest", "MD5", null, 0, "com.example.Billing.checksum(Billing.java:42)", 3)
                        + "\n");
                out.write(line("MessageDigest", "SHA-1", null, 0, "com.example.Legacy.hash(Legacy.java:9)", 4) + "\n");
                out.write(line("KeyPairGenerator", "RSA", "RSA", 2048, "com.example.Keys.make(Keys.java:7)", 2) + "\n");
                out.write(line("Signature", "SHA256withRSA", "RSA", 2048, "com.example.Auth.sign(Auth.java:12)", 1)
                        + "\n");
                for (int i = 0; i < FILLER; i++) {
                    out.write(line(
                                    "MessageDigest",
                                    "SHA-256",
                                    null,
                                    0,
                                    "com.example.Filler.m" + i + "(Filler.java:" + i + ")",
                                    5)
                            + "\n");
                }
                out.write("\n");
            }
            files.add(file.toString());
        }
    }

    private Cli.Result report(String... options) {
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(List.of(options));
        args.addAll(files);
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void text_namesEachRefusedUseWithItsCallerAndSummedCount_andNothingElse() {
        Cli.Result r = report("--policy", "FUTURE").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(
                r.out()
                        .startsWith("policy FUTURE would refuse " + FILES * 6 + " of " + FILES * (10 + 5 * FILLER)
                                + " recorded uses (3 findings, " + FILES * (4 + FILLER) + " lines in " + FILES
                                + " files)"),
                r.toString());
        assertTrue(r.out().contains("MessageDigest MD5: " + FILES * 3 + " uses"), r.toString());
        assertTrue(
                r.out()
                        .contains("  " + FILES * 3
                                + "  com.example.Billing.checksum(Billing.java:42)  class com.example.Billing"),
                r.toString());
        assertTrue(
                r.out().contains("KeyPairGenerator RSA with RSA key of 2048 bits: " + FILES * 2 + " uses"),
                r.toString());
        assertTrue(
                r.out().contains("Signature SHA256withRSA with RSA key of 2048 bits: " + FILES + " uses"),
                r.toString());
        assertTrue(r.out().contains("keys.rsa.min_bits, FUTURE.yaml:"), r.toString());
        assertFalse(r.out().contains("Filler") || r.out().contains("Legacy"), r.toString());
    }

    @Test
    void theSameInventoryAnswersForAnotherCandidate() {
        // DEFAULT keeps SHA-1 digests and RSA-2048: of the corpus it refuses only MD5.
        Cli.Result r = report("--policy", "DEFAULT");
        assertEquals(ExitStatus.FAILED, r.status(), r.toString());
        assertTrue(
                r.out().startsWith("policy DEFAULT would refuse " + FILES * 3 + " of")
                        && r.out().contains("(1 findings,"),
                r.toString());
        // NO-SHA1 on top refuses the SHA-1 digest too.
        Cli.Result sha1 = report("--policy", "DEFAULT:NO-SHA1");
        assertTrue(
                sha1.out().contains("(2 findings,")
                        && sha1.out().contains("MessageDigest SHA-1: " + FILES * 4 + " uses"),
                sha1.toString());
        // Control: a policy that allows every use of the corpus reports nothing, exit 0.
        Path sha256Only = dir.resolve("sha256only.jsonl");
        try {
            Files.writeString(sha256Only, line("MessageDigest", "SHA-256", null, 0, "a.B.c(B.java:1)", 1) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli.Result ok = Cli.run("report", "--policy", "FUTURE", sha256Only.toString());
        assertEquals(ExitStatus.OK, ok.status(), ok.toString());
        assertTrue(ok.out().startsWith("policy FUTURE would refuse 0 of 1 recorded uses"), ok.toString());
    }

    @Test
    void json_andSarif_holdTheSameFindings() {
        JsonNode json =
                Json.parse(report("--policy", "FUTURE", "--format", "json").out());
        JsonNode findings = json.get("result").get("findings");
        assertEquals(3, findings.size(), json.toString());
        long total = 0;
        for (JsonNode f : findings) {
            total += f.get("count").asLong();
            assertEquals(1, f.get("locations").size(), f.toString());
            assertTrue(f.get("locations").get(0).get("class").asText().startsWith("com.example."), f.toString());
        }
        assertEquals(FILES * 6L, total);
        JsonNode sarif =
                Json.parse(report("--policy", "FUTURE", "--format", "sarif").out());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(3, sarif.get("runs").get(0).get("results").size(), sarif.toString());
    }

    @Test
    void cbom_validatesAgainstCycloneDx16() throws Exception {
        Cli.Result r = report("--policy", "FUTURE", "--format", "cbom");
        List<ParseException> errors = new org.cyclonedx.parsers.JsonParser().validate(r.out(), Version.VERSION_16);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + r.out());
        JsonNode bom = Json.parse(r.out());
        assertEquals("1.6", bom.get("specVersion").asText());
        // Every distinct asset of the corpus, each with the candidate's verdict.
        assertEquals(5, bom.get("components").size(), r.out());
        long refused = 0;
        for (JsonNode c : bom.get("components")) {
            assertEquals("cryptographic-asset", c.get("type").asText());
            for (JsonNode p : c.get("properties")) {
                if (p.get("name").asText().equals("cryptopolicy:verdict")
                        && p.get("value").asText().equals("refused")) {
                    refused++;
                }
            }
        }
        assertEquals(3, refused, r.out());
        // Control: the validator does reject a BOM that breaks the schema.
        String broken = r.out().replace("\"cryptographic-asset\"", "\"no-such-type\"");
        assertFalse(new org.cyclonedx.parsers.JsonParser()
                .validate(broken, Version.VERSION_16)
                .isEmpty());
    }

    @Test
    void aCountAnInventoryEstimated_isMarkedAsAnEstimate_inEveryFormat_andOnlyThere() throws Exception {
        String md5 = line("MessageDigest", "MD5", null, 0, "com.example.Hot.loop(Hot.java:5)", 12_288);
        String estimated = md5.replace(",\"count\":12288}", ",\"estimated\":true,\"count\":12288}");
        Path sampled = dir.resolve("sampled.jsonl");
        // The same use from two JVMs, one of which sampled its callers: one location, its count an estimate.
        Files.writeString(sampled, md5.replace("\"pid\":1,", "\"pid\":2,") + "\n" + estimated + "\n");
        files.add(sampled.toString());

        Cli.Result text = report("--policy", "FUTURE").assertNoStackTrace();
        assertTrue(text.out().contains("  ~24576  com.example.Hot.loop(Hot.java:5)"), text.toString());
        assertTrue(text.out().contains("(per location, some estimated: ~)"), text.toString());
        // Control: the corpus's exact counts carry no mark.
        assertTrue(text.out().contains("  " + FILES * 2 + "  com.example.Keys.make(Keys.java:7)"), text.toString());

        JsonNode findings = Json.parse(
                        report("--policy", "FUTURE", "--format", "json").out())
                .get("result")
                .get("findings");
        int marked = 0;
        for (JsonNode f : findings) {
            for (JsonNode l : f.get("locations")) {
                boolean hot = l.get("location").asText().startsWith("com.example.Hot");
                assertEquals(hot, l.has("estimated") && l.get("estimated").asBoolean(), l.toString());
                marked += hot ? 1 : 0;
            }
            assertEquals(
                    f.get("subject").asText().equals("MessageDigest MD5"),
                    f.has("estimated") && f.get("estimated").asBoolean(),
                    f.toString());
        }
        assertEquals(1, marked, findings.toString());

        JsonNode sarif =
                Json.parse(report("--policy", "FUTURE", "--format", "sarif").out());
        int about = 0;
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            boolean hot = r.get("message").get("text").asText().contains("com.example.Hot");
            assertEquals(hot, r.get("properties").has("estimated"), r.toString());
            assertEquals(hot, r.get("message").get("text").asText().contains("called about 24576 times"), r.toString());
            about += hot ? 1 : 0;
        }
        assertEquals(1, about, sarif.toString());

        Cli.Result cbom = report("--policy", "FUTURE", "--format", "cbom");
        List<ParseException> errors = new org.cyclonedx.parsers.JsonParser().validate(cbom.out(), Version.VERSION_16);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + cbom.out());
        for (JsonNode c : Json.parse(cbom.out()).get("components")) {
            boolean flagged = false;
            for (JsonNode p : c.get("properties")) {
                flagged |= p.get("name").asText().equals("cryptopolicy:estimated");
            }
            assertEquals(c.get("name").asText().equals("MD5"), flagged, c.toString());
        }
    }

    @Test
    void aLineThatIsNotAnInventoryLine_isNamedByFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, line("MessageDigest", "MD5", null, 0, "a.B.c(B.java:1)", 1) + "\n{\"v\":2}\n");
        Cli.Result r = Cli.run("report", "--policy", "FUTURE", bad.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r.toString());
        assertTrue(r.err().contains(bad + ":2: not an inventory line of format 1"), r.toString());
        Cli.Result none = Cli.run("report", "--policy", "FUTURE");
        assertEquals(ExitStatus.USAGE, none.status(), none.toString());
        assertTrue(none.err().contains("no inventory FILE given"), none.toString());
    }

    @Test
    void aLineRepeatingAUseAlreadyRead_isStillCheckedWhole() throws Exception {
        String md5 = line("MessageDigest", "MD5", null, 0, "a.B.c(B.java:1)", 2);
        // The same use from another JVM, whose use text is known by then: only its count is read, and checked.
        String otherJvm = md5.replace("\"pid\":1,", "\"pid\":77,").replace("\"count\":2}", "\"count\":5}");
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, md5 + "\n" + otherJvm + "\n");
        Cli.Result ok = Cli.run("report", "--policy", "FUTURE", good.toString()).assertNoStackTrace();
        assertTrue(ok.out().contains("MessageDigest MD5: 7 uses"), ok.toString());
        for (String broken : List.of(
                otherJvm.replace("\"count\":5}", "\"count\":5}x"),
                otherJvm.replace("\"count\":5}", "\"count\":5x}"),
                otherJvm.replace("\"pid\":77,", "\"pid\":77 x,"),
                otherJvm.replace("\"v\":1,", "\"v\":2,"),
                otherJvm.replace("\"policy\":\"DEFAULT\"", "\"policy\":\"DEF\"AULT\""))) {
            Path bad = dir.resolve("bad.jsonl");
            Files.writeString(bad, md5 + "\n" + broken + "\n");
            Cli.Result r =
                    Cli.run("report", "--policy", "FUTURE", bad.toString()).assertNoStackTrace();
            assertEquals(ExitStatus.USAGE, r.status(), broken + "\n" + r);
            assertTrue(r.err().contains(bad + ":2: "), r.toString());
        }
    }
}
