package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration-only route: {@code security.provider.1=CryptoPolicy DEFAULT} in a java.security
 * override. Every case runs {@link RetryingApp} in its own JVM, which asks 50 times (more than the
 * JDK's 30 attempts at loading a provider) and catches everything: however the route fails, no
 * request may ever be served by a provider the policy does not hold.
 */
@Slow
class JavaSecurityRouteTest {

    @TempDir
    Path dir;

    /** The override a user writes: {@code entry} first, then the JDK's own list renumbered. */
    private Path override(String entry) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("security.provider.1=" + entry);
        int n = 2;
        for (Provider p : Security.getProviders()) {
            lines.add("security.provider." + n++ + "=" + p.getName());
        }
        Path file = dir.resolve("cryptopolicy.security");
        Files.write(file, lines);
        return file;
    }

    private RetryOutcome retry(String entry, List<String> classPath) throws Exception {
        Jvm.Result r = Jvm.run(List.of("-Djava.security.properties=" + override(entry)), classPath, RetryingApp.class);
        assertEquals(0, r.exit(), r.output());
        return RetryOutcome.parse(r.output());
    }

    private static List<String> withoutBcFips() {
        return Jvm.classPathWithout(entry -> entry.contains("bc-fips")
                || entry.contains("bctls-fips")
                || entry.contains("bcutil-fips")
                || entry.contains("bcpkix-fips"));
    }

    /** A child JVM's main: the first lookup, the one that makes the JDK load and configure the entry. */
    static final class FirstLookup {
        public static void main(String[] args) {
            System.out.println(
                    "first-lookup=" + Checks.attempt(() -> java.security.Signature.getInstance("SHA1withRSA")));
            System.out.println(
                    "second-lookup=" + Checks.attempt(() -> java.security.Signature.getInstance("SHA1withRSA")));
        }
    }

    @Test
    void javaSecurityOverride_refusesEvenTheLookupThatConfiguresIt() throws Exception {
        // The battery under this route is the conformance module's JavaSecurityRouteBatteryTest.
        Jvm.Result r = Jvm.run(
                List.of("-Djava.security.properties=" + override("CryptoPolicy DEFAULT")),
                Jvm.classPath(),
                FirstLookup.class);
        assertEquals(0, r.exit(), r.output());
        // The lookup that triggers installation began on the JDK's list as configured: it is
        // refused with an unchecked ProviderException rather than falling through to SunRsaSign.
        assertTrue(
                r.output()
                        .contains(
                                "first-lookup=REFUSED: ProviderException: Signature SHA1withRSA is not in the feature set"),
                r.output());
        assertTrue(r.output().contains("second-lookup=REFUSED: NoSuchAlgorithmException"), r.output());
        Jvm.Result plain = Jvm.run(List.of(), Jvm.classPath(), FirstLookup.class);
        assertTrue(plain.output().contains("first-lookup=OK"), plain.output());
    }

    @Test
    void workingPolicy_holdsOnEveryRetry_andServesSha256() throws Exception {
        RetryOutcome o = retry("CryptoPolicy DEFAULT", Jvm.classPath());
        o.assertNothingUnguarded();
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            assertTrue(o.guardedAfter(i), "attempt " + i + " in " + o.output());
            assertTrue(o.result(i, "sha256").startsWith("OK CryptoPolicy("), o.result(i, "sha256"));
        }
        assertTrue(
                o.result(2, "sha1withrsa").startsWith("REFUSED NoSuchAlgorithmException"), o.result(2, "sha1withrsa"));
        assertTrue(o.result(1, "rsa1024").contains("keys.rsa.min_bits"), o.result(1, "rsa1024"));
    }

    @Test
    void control_withoutThePolicy_theSameRequestsSucceed_soTheRefusalsAboveAreThePolicys() throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), RetryingApp.class);
        assertEquals(0, r.exit(), r.output());
        RetryOutcome o = RetryOutcome.parse(r.output());
        assertTrue(o.result(1, "sha1withrsa").startsWith("OK SunRsaSign("), o.output());
        assertTrue(o.result(1, "rsa1024").startsWith("OK SunRsaSign("), o.output());
        assertTrue(o.result(50, "sha256").startsWith("OK SUN(sun.security.provider.Sun)"), o.output());
        // Under LEGACY the policy allows what DEFAULT refuses: SHA1withRSA and RSA-1024.
        RetryOutcome legacy = retry("CryptoPolicy LEGACY", Jvm.classPath());
        assertTrue(legacy.result(50, "sha1withrsa").startsWith("OK CryptoPolicy("), legacy.output());
        assertTrue(legacy.result(50, "rsa1024").startsWith("OK CryptoPolicy("), legacy.output());
        assertTrue(legacy.guardedAfter(50), legacy.output());
    }

    @Test
    void entryWithoutPolicyReference_refusesEveryLookup_onEveryRetry() throws Exception {
        RetryOutcome o = retry("CryptoPolicy", Jvm.classPath());
        o.assertEverythingRefused("security.provider entry 'CryptoPolicy' has no policy reference");
    }

    @Test
    void entryWithoutPolicyReference_alsoStopsWeakRequestsThatNameAJdkProvider() throws Exception {
        // A lookup naming SunRsaSign never asks the front provider; the JDK's implementation then
        // needs a digest or the default SecureRandom from the list, which the front refuses.
        Jvm.Result r = Jvm.run(
                List.of("-Djava.security.properties=" + override("CryptoPolicy")),
                Jvm.classPath(),
                RetryingApp.class,
                "named");
        assertEquals(0, r.exit(), r.output());
        RetryOutcome o = RetryOutcome.parse(r.output());
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            assertTrue(o.result(i, "sha1withrsa").startsWith("REFUSED "), o.result(i, "sha1withrsa"));
            assertTrue(
                    o.result(i, "rsa1024").startsWith("REFUSED ")
                            && o.result(i, "rsa1024").contains("SunRsaSign"),
                    o.result(i, "rsa1024"));
        }
    }

    /** A child JVM's main: the default random generator, which the JDK chooses without naming an algorithm. */
    static final class DefaultRandom {
        public static void main(String[] args) {
            try {
                new java.security.SecureRandom().nextInt();
                System.out.println("default-random=OK");
            } catch (RuntimeException e) {
                System.out.println("default-random=REFUSED " + e.getMessage());
            }
        }
    }

    @Test
    void entryWithoutPolicyReference_refusesTheDefaultSecureRandom_whichWorksWithoutIt() throws Exception {
        Jvm.Result refused = Jvm.run(
                List.of("-Djava.security.properties=" + override("CryptoPolicy")),
                Jvm.classPath(),
                DefaultRandom.class);
        assertTrue(
                refused.output()
                        .contains("default-random=REFUSED SecureRandom CryptoPolicyRefusal is refused: "
                                + "cryptopolicy: security.provider entry 'CryptoPolicy' has no policy reference"),
                refused.output());
        Jvm.Result plain = Jvm.run(List.of(), Jvm.classPath(), DefaultRandom.class);
        assertTrue(plain.output().contains("default-random=OK"), plain.output());
    }

    @Test
    void policyThatCannotBeLoaded_refusesEveryLookup_pastTheJdksThirtyAttempts() throws Exception {
        RetryOutcome o = retry("CryptoPolicy DEFAULT:NO-SUCH-MODIFIER", Jvm.classPath());
        o.assertEverythingRefused("policy DEFAULT:NO-SUCH-MODIFIER from java.security cannot be loaded");
        assertTrue(o.result(50, "sha256").contains("unknown modifier 'NO-SUCH-MODIFIER'"), o.result(50, "sha256"));
    }

    @Test
    void policyThatCannotBeInstalled_keepsItsProviderFirst_andRefusesEveryLookup() throws Exception {
        RetryOutcome o = retry("CryptoPolicy FIPS", withoutBcFips());
        o.assertEverythingRefused("security.provider entry 'CryptoPolicy FIPS': policy FIPS cannot be installed");
        assertTrue(o.result(50, "sha1withrsa").contains("put bc-fips on the class path"), o.result(50, "sha1withrsa"));
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            assertTrue(
                    o.result(i, "providers").startsWith(RetryOutcome.FRONT + ",SUN(sun.security.provider.Sun)"),
                    "attempt " + i + ": " + o.result(i, "providers"));
        }
    }

    @Test
    void providerWhoseOwnDependenciesAreMissing_refusesEveryLookup() throws Exception {
        // A fat jar or hand-made class path with cryptopolicy but without Jackson: a policy file
        // needs the YAML parser, so installing meets a NoClassDefFoundError, which the JDK would
        // answer by dropping the provider after 30 tries.
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, "kind: policy\nextends: DEFAULT\ndescription: without Jackson\n");
        List<String> withoutJackson = Jvm.classPathWithout(entry -> entry.contains("jackson"));
        RetryOutcome o = retry("CryptoPolicy " + site, withoutJackson);
        o.assertEverythingRefused("java.lang.NoClassDefFoundError: com/fasterxml/jackson/");
        // Control: a shipped policy loads from its precompiled form and its digest is written without
        // Jackson, so the same class path installs DEFAULT, which refuses only what DEFAULT refuses.
        RetryOutcome shipped = retry("CryptoPolicy DEFAULT", withoutJackson);
        shipped.assertNothingUnguarded();
        assertTrue(shipped.result(1, "sha256").startsWith("OK"), shipped.result(1, "sha256"));
        assertTrue(
                shipped.result(1, "sha1withrsa").contains("is not in the feature set of policy DEFAULT"),
                shipped.result(1, "sha1withrsa"));
    }

    @Test
    void providerThatCannotBeLoadedAtAll_isSkippedByTheJdk_soThisRouteNeedsTheClassPath() throws Exception {
        // What the JDK does with java -jar (where -cp is ignored) or a fat jar without cryptopolicy:
        // an entry it cannot load is skipped in silence, and no java.security layout changes that.
        // The agent is the route for java -jar (AgentJavaJarTest); cryptopolicy doctor shows this case.
        RetryOutcome o = retry(
                "CryptoPolicy DEFAULT",
                Jvm.classPathWithout(entry ->
                        entry.endsWith("providers/target/classes") || entry.contains("cryptopolicy-providers-")));
        assertTrue(o.result(1, "sha1withrsa").startsWith("OK SunRsaSign(sun.security.rsa.SunRsaSign)"), o.output());
        assertTrue(!o.guardedAfter(50), o.output());
    }
}
