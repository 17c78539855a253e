package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched policy file: a new content takes effect, a broken one leaves the policy in force and
 * says why (file:line:col), and a directory whose {@code ..data} link is swapped atomically (how
 * Kubernetes updates a mounted ConfigMap) is followed. The request used, {@code SHA1withRSA}, is
 * allowed by LEGACY and refused by FUTURE: the control is the same request before the change.
 */
@Slow
class PolicyWatchTest {
    private static final String LEGACY = "kind: policy\nextends: LEGACY\n";
    private static final String FUTURE = "kind: policy\nextends: FUTURE\n";
    private static final long WAIT_MILLIS = 20_000;

    @AfterEach
    void uninstall() {
        CryptoPolicy.uninstall();
    }

    @Test
    void rewrittenFile_takesEffect_andABrokenOneKeepsThePolicyInForce(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("site.yaml");
        Files.writeString(policy, LEGACY);
        Installation installation = CryptoPolicy.install(policy.toString());
        assertTrue(sha1WithRsaAllowed(), "control: LEGACY allows SHA1withRSA");
        try (PolicyWatch watch = installation.watch()) {
            Files.writeString(policy, FUTURE);
            // The count goes up once replace has returned, after the new policy is in force.
            await(
                    () -> watch.replacements() == 1 && !sha1WithRsaAllowed(),
                    "the rewritten file (FUTURE) did not take effect");
            NoSuchAlgorithmException refused =
                    assertThrows(NoSuchAlgorithmException.class, () -> Signature.getInstance("SHA1withRSA"));
            assertTrue(refused.getMessage().contains("FUTURE.yaml"), refused.getMessage());
            assertEquals(1, watch.replacements());

            Files.writeString(policy, "kind: policy\nextends: NO-SUCH-POLICY\n");
            await(() -> watch.lastRefusal() != null, "the broken file was not reported");
            assertTrue(watch.lastRefusal().contains("site.yaml:2:"), watch.lastRefusal());
            assertFalse(sha1WithRsaAllowed(), "the broken file must leave FUTURE in force");
            assertEquals(1, watch.replacements());

            Files.writeString(policy, LEGACY);
            await(
                    () -> watch.replacements() == 2 && sha1WithRsaAllowed(),
                    "the repaired file (LEGACY) did not take effect");
            assertNull(watch.lastRefusal());
        }
    }

    @Test
    void configMapStyleLinkSwap_takesEffect_andUninstallEndsTheWatch(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectory(dir.resolve("..2026_12_01_1"));
        Files.writeString(first.resolve("policy.yaml"), LEGACY);
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Path policy = Files.createSymbolicLink(dir.resolve("policy.yaml"), Path.of("..data", "policy.yaml"));
        Installation installation = CryptoPolicy.install(policy.toString());
        PolicyWatch watch = installation.watch();
        assertTrue(sha1WithRsaAllowed(), "control: LEGACY allows SHA1withRSA");

        Path second = Files.createDirectory(dir.resolve("..2026_12_01_2"));
        Files.writeString(second.resolve("policy.yaml"), FUTURE);
        Path staged = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
        Files.move(staged, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await(() -> !sha1WithRsaAllowed(), "the swapped ..data link (FUTURE) did not take effect");

        CryptoPolicy.uninstall();
        await(() -> !watch.running(), "uninstall did not end the watch");
    }

    @Test
    void aReferenceWithoutFiles_cannotBeWatched() throws Exception {
        Installation installation = CryptoPolicy.install("DEFAULT");
        IllegalStateException e = assertThrows(IllegalStateException.class, installation::watch);
        assertTrue(e.getMessage().contains("names no file to watch"), e.getMessage());
    }

    @Test
    void replaceWithAPolicyThatCannotBeLoaded_leavesThePolicyInForce(@TempDir Path dir) throws Exception {
        Installation installation = CryptoPolicy.install("LEGACY");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "kind: policy\nextends: FUTURE\nkeys:\n  rsa: {min_bits: many}\n");
        PolicyException e = assertThrows(PolicyException.class, () -> installation.replace(broken.toString()));
        assertTrue(e.getMessage().contains("broken.yaml:4:"), e.getMessage());
        assertEquals("LEGACY", installation.policy().name());
        assertTrue(sha1WithRsaAllowed(), "LEGACY stays in force");
        installation.replace("FUTURE");
        assertFalse(sha1WithRsaAllowed(), "control: the same replace with a good policy takes effect");
    }

    private static boolean sha1WithRsaAllowed() {
        try {
            Signature.getInstance("SHA1withRSA");
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(failure + " within " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(50);
        }
    }
}
