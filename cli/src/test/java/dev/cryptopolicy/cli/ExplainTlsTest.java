package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain --tls-suite/--tls-group/--tls-scheme/--protocol}: each refusal names the component
 * that causes it, written in a policy that differs from DEFAULT in that one rule; the control is
 * DEFAULT, which allows the same parameter.
 */
class ExplainTlsTest {

    @TempDir
    Path dir;

    @Test
    void suiteWithADeniedMac_isRefusedByTheMac() throws IOException {
        assertComponent(
                policy("nosha1mac", "sha1:\n  hmac: deny\n"),
                "--tls-suite",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "MAC");
    }

    @Test
    void suiteWithASmallCipherKey_isRefusedByTheCipherKeySize() throws IOException {
        assertComponent(
                policy("aes256", "keys:\n  symmetric:\n    min_bits: 256\n"),
                "--tls-suite",
                "TLS_AES_128_GCM_SHA256",
                "cipher key size");
    }

    @Test
    void suiteWithADeniedKeyExchange_isRefusedByTheKeyExchange() throws IOException {
        assertComponent(
                policy("nodh", "algorithms:\n  KeyAgreement: [-DiffieHellman]\n"),
                "--tls-suite",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "key exchange");
    }

    @Test
    void groupBelowTheDhMinimum_isRefusedByTheKeySize() throws IOException {
        assertComponent(policy("dh3072", "keys:\n  dh:\n    min_bits: 3072\n"), "--tls-group", "ffdhe2048", "key size");
    }

    @Test
    void sha1Scheme_andAnOldProtocol_underDefault() {
        Cli.Result scheme = Cli.run("explain", "--policy", "DEFAULT", "--tls-scheme", "rsa_pkcs1_sha1")
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, scheme.status(), scheme::toString);
        assertTrue(scheme.out().contains("decided by: "), scheme::toString);
        Cli.Result protocol = Cli.run("explain", "--policy", "DEFAULT", "--protocol", "TLSv1.1")
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, protocol.status(), protocol::toString);
        assertTrue(protocol.out().contains("decided by: the protocol range"), protocol::toString);
        assertTrue(protocol.out().contains("tls.min_protocol"), protocol::toString);
        assertEquals(
                ExitStatus.OK,
                Cli.run("explain", "--policy", "DEFAULT", "--protocol", "TLSv1.2")
                        .status());
    }

    @Test
    void anAllowedSuite_showsItsPlaceInThePreferenceOrder() {
        Cli.Result r = Cli.run("explain", "--policy", "DEFAULT", "--tls-suite", "TLS_AES_256_GCM_SHA384")
                .assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(
                r.out().startsWith("ALLOW: TLS cipher suite TLS_AES_256_GCM_SHA384 under policy DEFAULT"), r::toString);
        assertTrue(r.out().matches("(?s).*order:  \\d+ of \\d+ enabled cipher suites.*"), r::toString);
    }

    @Test
    void aTlsSuiteAskedAsACipher_pointsToTlsSuite() {
        Cli.Result r = Cli.run(
                        "explain",
                        "--policy",
                        "FUTURE",
                        "--service",
                        "Cipher",
                        "--algorithm",
                        "TLS_RSA_WITH_AES_256_GCM_SHA384",
                        "--scope",
                        "tls")
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(
                r.out()
                        .contains(
                                "hint:   TLS_RSA_WITH_AES_256_GCM_SHA384 is a TLS cipher suite, not a Cipher algorithm:"
                                        + " ask 'cryptopolicy explain --policy FUTURE --tls-suite TLS_RSA_WITH_AES_256_GCM_SHA384'"),
                r::toString);
        Cli.Result suite = Cli.run("explain", "--policy", "FUTURE", "--tls-suite", "TLS_RSA_WITH_AES_256_GCM_SHA384");
        assertEquals(ExitStatus.FAILED, suite.status(), suite::toString);
        assertTrue(suite.out().contains("FUTURE.yaml:"), suite::toString);
    }

    @Test
    void json_namesTheComponent() throws IOException {
        Path p = policy("aes256", "keys:\n  symmetric:\n    min_bits: 256\n");
        JsonNode result = Envelope.result(
                Cli.run(
                        "explain",
                        "--policy",
                        p.toString(),
                        "--tls-suite",
                        "TLS_AES_128_GCM_SHA256",
                        "--format",
                        "json"),
                "explain");
        assertEquals("DENY", result.get("verdict").asText());
        assertEquals("cipher key size", result.get("component").asText());
        assertEquals("keys.symmetric.min_bits", result.get("rule").asText());
        assertTrue(
                result.get("origin").get("location").asText().startsWith(p.toString() + ":"), result::toPrettyString);
    }

    @Test
    void usage_oneTlsOptionAlone_andSpellingHints() {
        assertEquals(
                ExitStatus.USAGE,
                Cli.run("explain", "--policy", "DEFAULT", "--tls-suite", "A", "--tls-group", "B")
                        .status());
        assertEquals(
                ExitStatus.USAGE,
                Cli.run("explain", "--policy", "DEFAULT", "--tls-group", "x25519", "--service", "Cipher")
                        .status());
        Cli.Result typo = Cli.run("explain", "--policy", "DEFAULT", "--tls-group", "x2551");
        assertEquals(ExitStatus.FAILED, typo.status(), typo::toString);
        assertTrue(typo.out().contains("x25519"), typo::toString);
    }

    private void assertComponent(Path policy, String option, String name, String component) {
        Cli.Result r =
                Cli.run("explain", "--policy", policy.toString(), option, name).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("decided by: " + component + "\n"), r::toString);
        assertTrue(r.out().contains("where:  " + policy + ":"), r::toString);
        Cli.Result control = Cli.run("explain", "--policy", "DEFAULT", option, name);
        assertEquals(ExitStatus.OK, control.status(), control::toString);
    }

    private Path policy(String name, String body) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".yaml"),
                "kind: policy\nname: " + name.toUpperCase(java.util.Locale.ROOT) + "\nextends: DEFAULT\n" + body);
    }
}
