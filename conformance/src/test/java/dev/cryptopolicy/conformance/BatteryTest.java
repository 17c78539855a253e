package dev.cryptopolicy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.testkit.Slow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The battery in this JVM: the operations under the shipped policies installed in-process (the
 * library route), against the same operations with no policy, and the child's arguments.
 */
@Slow
class BatteryTest {

    /** Operations every shipped policy but FIPS serves, and the JDK without a policy. */
    private static final List<String> SERVED = List.of(
            "KeyPairGenerator RSA 3072",
            "Cipher AES/GCM/NoPadding AES-256",
            "Signature SHA256withECDSA",
            "Signature Ed25519",
            "KeyAgreement X25519",
            "MessageDigest SHA3-256");

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void control_withoutAPolicy_theOperationsThePoliciesRefuseRun() {
        List<String> refusedByPolicies = List.of(
                "Signature SHA1withRSA",
                "Signature SHA1withRSA from SunRsaSign",
                "KeyPairGenerator RSA 1024",
                "KeyPairGenerator RSA 1024 from SunRsaSign",
                "Cipher DES/CBC/PKCS5Padding",
                "Cipher AES/GCM/NoPadding AES-128",
                "Cipher AES/GCM/NoPadding AES-128 key from bytes",
                "MessageDigest MD5");
        Map<String, String> r =
                Battery.operations(true, name -> refusedByPolicies.contains(name) || SERVED.contains(name));
        assertEquals(refusedByPolicies.size() + SERVED.size(), r.size(), r::toString);
        assertOk(r, refusedByPolicies);
        assertOk(r, SERVED);
    }

    @Test
    void defaultPolicy_passesTheIssuesChecklist() throws Exception {
        CryptoPolicy.install("DEFAULT");
        Map<String, String> r = Battery.operations(true);
        assertTrue(r.get("op Signature SHA1withRSA").startsWith("REFUSED:NoSuchAlgorithmException"), r::toString);
        assertTrue(
                r.get("op Signature SHA1withRSA from SunRsaSign").startsWith("REFUSED:NoSuchAlgorithmException"),
                r::toString);
        assertTrue(
                r.get("op KeyPairGenerator RSA 1024")
                        .contains("RSA key of 1024 bits is below the minimum of 2048 bits of "
                                + "policy DEFAULT (keys.rsa.min_bits, DEFAULT.yaml:"),
                r::toString);
        assertTrue(r.get("op KeyPairGenerator RSA 1024 from SunRsaSign").contains("keys.rsa.min_bits"), r::toString);
        assertTrue(r.get("op Cipher DES/CBC/PKCS5Padding").startsWith("REFUSED:NoSuchAlgorithmException"), r::toString);
        assertTrue(r.get("op MessageDigest MD5").startsWith("REFUSED:NoSuchAlgorithmException"), r::toString);
        assertOk(
                r,
                List.of(
                        "KeyPairGenerator RSA 2048",
                        "Cipher AES/GCM/NoPadding AES-128",
                        "Cipher AES/GCM/NoPadding AES-128 key from bytes"));
        assertOk(r, SERVED);
        assertEquals("OK:2048 bits", r.get("op KeyPairGenerator RSA uninitialised"), "the same size on every JDK");
    }

    @Test
    void futurePolicy_refusesAes128KeysHoweverTheyArrive() throws Exception {
        CryptoPolicy.install("FUTURE");
        Map<String, String> r = Battery.operations(true);
        assertTrue(r.get("op Cipher AES/GCM/NoPadding AES-128").contains("keys.symmetric.min_bits"), r::toString);
        assertTrue(
                r.get("op Cipher AES/GCM/NoPadding AES-128 key from bytes").contains("keys.symmetric.min_bits"),
                r::toString);
        assertEquals(
                "OK:256 bits",
                r.get("op KeyGenerator AES uninitialised"),
                "an uninitialised generator makes keys the policy accepts, on every JDK");
        assertTrue(r.get("op KeyPairGenerator RSA 2048").contains("keys.rsa.min_bits"), r::toString);
        assertOk(r, SERVED);
    }

    @Test
    void childArguments_thatAreWrong_orAPolicyThatCannotBeLoaded_exitTwo_beforeAnythingRuns() {
        assertChild(Battery.EXIT_USAGE, "unexpected argument '--polcy'", "--polcy", "DEFAULT");
        assertChild(Battery.EXIT_USAGE, "unexpected argument '--policy'", "--policy");
        assertChild(Battery.EXIT_USAGE, "unexpected argument '--tls-only'", "--tls-only", "--tls-only");
        assertChild(Battery.EXIT_USAGE, "policy 'NO-SUCH-POLICY' cannot be loaded", "--policy", "NO-SUCH-POLICY");
    }

    private static void assertOk(Map<String, String> results, List<String> operations) {
        for (String op : operations) {
            assertEquals("OK", results.get("op " + op), op + " in " + results);
        }
    }

    private static void assertChild(int status, String message, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Battery.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(status, exit, text);
        assertTrue(text.contains(message), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
