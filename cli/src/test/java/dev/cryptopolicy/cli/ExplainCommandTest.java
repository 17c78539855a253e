package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    private static final Pattern LOCATION = Pattern.compile("[A-Z-]+\\.yaml:\\d+:\\d+");

    @TempDir
    Path dir;

    @Test
    void sha1WithRsa_isDeniedUnderDefault_andSaysWhyAndWhere() {
        Cli.Result r = explain("DEFAULT", "Signature", "SHA1withRSA").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().startsWith("DENY"), r::toString);
        assertTrue(r.out().contains("reason: Signature SHA1withRSA "), r::toString);
        assertTrue(r.out().contains("rule:"), r::toString);
        assertTrue(LOCATION.matcher(r.out()).find(), r::toString);
    }

    @Test
    void sha1WithRsa_isAllowedUnderLegacy() {
        Cli.Result r = explain("LEGACY", "Signature", "SHA1withRSA").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().startsWith("ALLOW"), r::toString);
        assertTrue(r.out().contains("LEGACY.yaml:"), r::toString);
    }

    @Test
    void rsa1024KeyPair_isDeniedUnderDefault_byTheKeySizeRule() {
        Cli.Result r = explain("DEFAULT", "KeyPairGenerator", "RSA", "--key-size", "1024");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().startsWith("DENY"), r::toString);
        assertTrue(r.out().contains("RSA key of 1024 bits"), r::toString);
        assertTrue(r.out().contains("keys.rsa.min_bits"), r::toString);
        assertTrue(LOCATION.matcher(r.out()).find(), r::toString);
    }

    @Test
    void rsa2048KeyPair_isAllowedUnderDefault() {
        Cli.Result r = explain("DEFAULT", "KeyPairGenerator", "RSA", "--key-size", "2048");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().startsWith("ALLOW"), r::toString);
    }

    @Test
    void rsa2048KeyPair_isDeniedUnderFuture() {
        Cli.Result r = explain("FUTURE", "KeyPairGenerator", "RSA", "--key-size", "2048");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("3072"), r::toString);
    }

    @Test
    void curveOutsideThePolicy_isDenied() {
        Cli.Result r = explain("DEFAULT", "KeyAgreement", "ECDH", "--curve", "secp256k1");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("keys.ec.curves"), r::toString);
    }

    @Test
    void scope_isPassedToThePolicy() {
        Cli.Result r = explain("DEFAULT", "Signature", "SHA256withECDSA", "--scope", "tls");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("scope tls"), r::toString);
    }

    @Test
    void auditMode_stillReportsDeny_andSaysItWouldOnlyBeRecorded() throws IOException {
        Path audit = Files.writeString(dir.resolve("audit.yaml"), "kind: policy\nextends: DEFAULT\nmode: audit\n");
        Cli.Result r = explain(audit.toString(), "Signature", "SHA1withRSA").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().startsWith("DENY"), r::toString);
        assertTrue(r.out().contains("only be recorded"), r::toString);
    }

    @Test
    void unknownAlgorithm_isDenied_withSuggestion() {
        Cli.Result r = explain("DEFAULT", "Signature", "SHA256withRAS");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("did you mean 'SHA256withRSA'?"), r::toString);
    }

    @Test
    void jsonOutput_carriesVerdictRuleAndOrigin() throws IOException {
        Cli.Result r = explain("DEFAULT", "KeyPairGenerator", "RSA", "--key-size", "1024", "--format", "json");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        JsonNode root = Envelope.result(r, "explain");
        assertEquals("DENY", root.get("verdict").asText());
        assertEquals("keys.rsa.min_bits", root.get("rule").asText());
        assertEquals("DEFAULT.yaml", root.get("origin").get("file").asText());
        assertTrue(root.get("origin").get("line").asInt() > 0);
        assertEquals(1024, root.get("request").get("keyBits").asInt());
        assertTrue(root.get("enforced").asBoolean());
    }

    @Test
    void unknownServiceType_isAUsageError_listingValidTypes() {
        Cli.Result r = explain("DEFAULT", "Signatur", "SHA256withRSA").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean 'Signature'?"), r::toString);
        assertTrue(r.err().contains("MessageDigest"), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy explain --help'"), r::toString);
    }

    @Test
    void unknownScope_isAUsageError() {
        Cli.Result r = explain("DEFAULT", "Signature", "SHA256withRSA", "--scope", "tsl");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean 'tls'?"), r::toString);
    }

    @Test
    void keySizeAndCurveTogether_isAUsageError() {
        Cli.Result r = explain("DEFAULT", "KeyPairGenerator", "EC", "--key-size", "256", "--curve", "secp256r1");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
    }

    @Test
    void keySizeThatIsNotANumber_isAUsageError() {
        Cli.Result r = explain("DEFAULT", "KeyPairGenerator", "RSA", "--key-size", "big")
                .assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("'big'"), r::toString);
    }

    @Test
    void missingPolicy_isAUsageError() {
        Cli.Result r = Cli.run("explain", "--service", "Signature", "--algorithm", "SHA256withRSA");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("--policy"), r::toString);
    }

    @Test
    void policyWithErrors_exitsOne_withLocatedErrorsOnStderr() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: policy\nextends: DEFAULT\nmode: sometimes\n");
        Cli.Result r = explain(bad.toString(), "Signature", "SHA256withRSA").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.err().contains(bad + ":3:"), r::toString);
        assertEquals("", r.out());
    }

    private static Cli.Result explain(String policy, String service, String algorithm, String... more) {
        String[] base = {"explain", "--policy", policy, "--service", service, "--algorithm", algorithm};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }
}
