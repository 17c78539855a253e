package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    /** Every difference from DEFAULT to FUTURE, as reviewed against FUTURE.yaml's intent, without locations. */
    private static final String DEFAULT_TO_FUTURE = """
                algorithms.MessageDigest: SHA-224: allowed -> denied
                algorithms.MessageDigest: SHA-512/224: allowed -> denied
                algorithms.MessageDigest: SHA3-224: allowed -> denied
                algorithms.Mac: HmacSHA1: allowed -> denied
                algorithms.Mac: HmacSHA224: allowed -> denied
                algorithms.Mac: HmacSHA512/224: allowed -> denied
                algorithms.Mac: HmacSHA3-224: allowed -> denied
                algorithms.Cipher: AES_128/GCM/NoPadding: allowed -> denied
                algorithms.Cipher: AES_128/CCM/NoPadding: allowed -> denied
                algorithms.Cipher: AES_128/CBC/NoPadding: allowed -> denied
                algorithms.Cipher: AES_128/CBC/PKCS5Padding: allowed -> denied
                algorithms.Cipher: AES_128/CTR/NoPadding: allowed -> denied
                algorithms.Cipher: AES_128/KW/NoPadding: allowed -> denied
                algorithms.Cipher: AES_128/KW/PKCS5Padding: allowed -> denied
                algorithms.Cipher: AES_128/KWP/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/GCM/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/CCM/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/CBC/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/CBC/PKCS5Padding: allowed -> denied
                algorithms.Cipher: AES_192/CTR/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/KW/NoPadding: allowed -> denied
                algorithms.Cipher: AES_192/KW/PKCS5Padding: allowed -> denied
                algorithms.Cipher: AES_192/KWP/NoPadding: allowed -> denied
                algorithms.Cipher: AESWrap_128: allowed -> denied
                algorithms.Cipher: AESWrapPad_128: allowed -> denied
                algorithms.Cipher: AESWrap_192: allowed -> denied
                algorithms.Cipher: AESWrapPad_192: allowed -> denied
                algorithms.Cipher: RSA/ECB/PKCS1Padding: allowed -> denied
                algorithms.Cipher: PBEWithHmacSHA256AndAES_128: allowed -> denied
                algorithms.Cipher: PBEWithHmacSHA384AndAES_128: allowed -> denied
                algorithms.Cipher: PBEWithHmacSHA512AndAES_128: allowed -> denied
                algorithms.Signature: SHA224withRSA: allowed -> denied
                algorithms.Signature: SHA3-224withRSA: allowed -> denied
                algorithms.Signature: SHA224withECDSA: allowed -> denied
                algorithms.Signature: SHA224withECDSAinP1363Format: allowed -> denied
                algorithms.Signature: SHA3-224withECDSA: allowed -> denied
                algorithms.Signature: SHA3-224withECDSAinP1363Format: allowed -> denied
                algorithms.Signature: SHA224withRSA/PSS: allowed -> denied
                algorithms.Signature: SHA3-224withRSA/PSS: allowed -> denied
                algorithms.KeyGenerator: HmacSHA1: allowed -> denied
                algorithms.KeyGenerator: HmacSHA224: allowed -> denied
                algorithms.KeyGenerator: HmacSHA512/224: allowed -> denied
                algorithms.KeyGenerator: HmacSHA3-224: allowed -> denied
                algorithms.SecretKeyFactory: PBKDF2WithHmacSHA1: allowed -> denied
                algorithms.SecretKeyFactory: PBKDF2WithHmacSHA224: allowed -> denied
                algorithms.SecretKeyFactory: PBEWithHmacSHA256AndAES_128: allowed -> denied
                algorithms.SecretKeyFactory: PBEWithHmacSHA384AndAES_128: allowed -> denied
                algorithms.SecretKeyFactory: PBEWithHmacSHA512AndAES_128: allowed -> denied
                algorithms.SecureRandom: SHA1PRNG: allowed -> denied
                algorithms.AlgorithmParameters: PBEWithHmacSHA256AndAES_128: allowed -> denied
                algorithms.AlgorithmParameters: PBEWithHmacSHA384AndAES_128: allowed -> denied
                algorithms.AlgorithmParameters: PBEWithHmacSHA512AndAES_128: allowed -> denied
                keys.rsa.min_bits: 2048 -> 3072
                keys.dsa.min_bits: 2048 -> 3072
                keys.dh.min_bits: 2048 -> 3072
                keys.symmetric.min_bits: 128 -> 256
                sha1.hmac: Mac HmacSHA1: allowed -> denied
                tls.cipher_suites: TLS_AES_128_GCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_AES_128_CCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_128_CCM: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_128_CCM: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_256_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_256_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_DHE_RSA_WITH_AES_128_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_256_GCM_SHA384: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_128_GCM_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_256_CCM: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_128_CCM: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_256_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_128_CBC_SHA256: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_256_CBC_SHA: enabled -> disabled
                tls.cipher_suites: TLS_RSA_WITH_AES_128_CBC_SHA: enabled -> disabled
                tls.named_groups: ffdhe2048: enabled -> disabled
                tls.signature_schemes: ecdsa_sha224: enabled -> disabled
                tls.signature_schemes: rsa_sha224: enabled -> disabled
                """;

    private static final Pattern LOCATED = Pattern.compile(
            "\\((DEFAULT|FUTURE)\\.yaml:\\d+:\\d+\\) -> .*" + "\\((DEFAULT|FUTURE)\\.yaml:\\d+:\\d+\\)$");

    @TempDir
    Path dir;

    @Test
    void defaultToFuture_isTheReviewedSetOfDifferences_eachLocatedOnBothSides() {
        Cli.Result r = Cli.run("diff", "DEFAULT", "FUTURE").assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        String summary = lines.remove(lines.size() - 1);
        assertEquals("DEFAULT -> FUTURE: " + expected().size() + " difference(s)", summary);
        List<String> unlocated = new ArrayList<>();
        for (String line : lines) {
            assertTrue(LOCATED.matcher(line).find(), () -> "not located on both sides: " + line);
            unlocated.add(line.replaceAll(" \\([^()]*\\.yaml:\\d+:\\d+\\)", ""));
        }
        assertEquals(expected(), unlocated);
    }

    @Test
    void json_carriesTheSameDifferences_withBothOrigins() {
        JsonNode result = Envelope.result(Cli.run("diff", "--format", "json", "DEFAULT", "FUTURE"), "diff");
        assertFalse(result.get("same").asBoolean());
        assertEquals(expected().size(), result.get("changes").size());
        JsonNode rsa = null;
        for (JsonNode c : result.get("changes")) {
            if (c.get("area").asText().equals("keys.rsa.min_bits")) {
                rsa = c;
            }
        }
        assertTrue(rsa != null, result::toPrettyString);
        assertEquals("2048", rsa.get("a").asText());
        assertEquals("3072", rsa.get("b").asText());
        assertEquals("DEFAULT.yaml", rsa.get("aOrigin").get("file").asText());
        assertEquals("FUTURE.yaml", rsa.get("bOrigin").get("file").asText());
    }

    @Test
    void aPolicyAgainstItself_decidesTheSame() {
        for (String p : List.of("DEFAULT", "FUTURE", "LEGACY:NO-SHA1")) {
            Cli.Result r = Cli.run("diff", p, p);
            assertEquals(ExitStatus.OK, r.status(), r::toString);
            assertEquals(p + " -> " + p + ": they decide the same", r.out().strip());
        }
    }

    @Test
    void modeAlone_isADifference_locatedInTheFile() throws Exception {
        Path audit = Files.writeString(
                dir.resolve("audit.yaml"), "kind: policy\nname: AUDITED\nextends: DEFAULT\nmode: audit\n");
        Cli.Result r = Cli.run("diff", "DEFAULT", audit.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().startsWith("mode: enforce (DEFAULT.yaml:"), r::toString);
        assertTrue(r.out().contains("-> audit (" + audit + ":4:7)"), r::toString);
        assertTrue(r.out().contains(": 1 difference(s)"), r::toString);
    }

    @Test
    void usage_andUnreadablePolicies() {
        assertEquals(ExitStatus.USAGE, Cli.run("diff", "DEFAULT").status());
        assertEquals(
                ExitStatus.USAGE, Cli.run("diff", "DEFAULT", "NO-SUCH-POLICY").status());
        Envelope.assertError(Cli.run("diff", "--format", "json", "DEFAULT"), "diff", ExitStatus.USAGE, "usage");
    }

    private static List<String> expected() {
        return DEFAULT_TO_FUTURE.lines().map(String::strip).toList();
    }
}
