package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configure-time check of PEP 644, at start-up: a baseline the JVM cannot meet is refused. */
@Slow
class RequiredFeaturesTest {

    static final String SHAKE_POLICY = String.join(
            "\n",
            "kind: policy",
            "extends: DEFAULT",
            "algorithms:",
            "  MessageDigest: [+SHAKE256]",
            "backends:",
            "  required:",
            "    MessageDigest: [SHAKE256, SHA-256]",
            "");

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    /** Entry point for the child JVM: installs the policy file given and prints the outcome. */
    public static void main(String[] args) throws Exception {
        try {
            Installation installation = CryptoPolicy.install(args[0]);
            MessageDigest shake = MessageDigest.getInstance("SHAKE256");
            System.out.println(
                    "installed; SHAKE256 from " + installation.features().get("MessageDigest SHAKE256") + " digest "
                            + HexFormat.of().formatHex(shake.digest(new byte[0])));
        } catch (PolicyInstallException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }

    @Test
    void requiredShake256_withoutBcFips_installsOnlyWhereTheJdkHasIt() throws Exception {
        Path policy = dir.resolve("shake.yaml");
        Files.writeString(policy, SHAKE_POLICY);
        List<String> withoutBc = Jvm.classPathWithout(entry -> entry.contains("bc-fips")
                || entry.contains("bctls-fips")
                || entry.contains("bcutil-fips")
                || entry.contains("bcpkix-fips"));
        Jvm.Result result = Jvm.run(List.of(), withoutBc, RequiredFeaturesTest.class, policy.toString());
        if (Runtime.version().feature() >= 25) {
            assertEquals(0, result.exit(), result.output());
            assertTrue(result.output().contains("SHAKE256 from SUN"), result.output());
        } else {
            assertEquals(3, result.exit(), result.output());
            assertTrue(
                    result.output()
                            .contains("MessageDigest SHAKE256: no backend; Temurin 25's SUN or bc-fips provide it"),
                    result.output());
            assertTrue(result.output().contains("BCFIPS") || result.output().contains("bc-fips"), result.output());
        }
    }

    @Test
    void requiredShake256_isServedByBcFipsWhenTheJdkLacksIt() throws Exception {
        Path policy = dir.resolve("shake.yaml");
        Files.writeString(policy, SHAKE_POLICY);
        Installation installation = CryptoPolicy.install(policy.toString());
        String backend = installation.features().get("MessageDigest SHAKE256");
        assertEquals(Runtime.version().feature() >= 25 ? "SUN" : "BCFIPS", backend);
        // SHAKE256 of the empty string, 32 bytes (FIPS 202 test vectors).
        assertEquals(
                "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f",
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHAKE256").digest())
                        .substring(0, 64));
    }

    @Test
    void unmetRequirement_isRefusedWithWhatWouldProvideIt_andLeavesTheJvmAsItWas() throws Exception {
        if (Runtime.version().feature() >= 24) {
            return; // JDK 24 and later have ML-KEM, and neither bc-fips 2.1 nor JDK 17 has it.
        }
        Path policy = dir.resolve("pq.yaml");
        Files.writeString(
                policy,
                "kind: policy\nextends: DEFAULT\nalgorithms:\n  KEM: [ML-KEM-768]\n"
                        + "backends:\n  required:\n    KEM: [ML-KEM-768]\n");
        List<String> before = CryptoPolicyTest.names(Security.getProviders());
        PolicyInstallException e =
                assertThrows(PolicyInstallException.class, () -> CryptoPolicy.install(policy.toString()));
        assertTrue(e.getMessage().contains("KEM ML-KEM-768: no backend; JDK 24 or later provides it"), e.getMessage());
        assertEquals(List.of("KEM ML-KEM-768: no backend; JDK 24 or later provides it (SunJCE / SUN)"), e.missing());
        assertEquals(before, CryptoPolicyTest.names(Security.getProviders()));
    }
}
