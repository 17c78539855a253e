package dev.cryptopolicy.provider;

import static dev.cryptopolicy.provider.LateProviderAttempts.assertRefused;
import static dev.cryptopolicy.provider.LateProviderAttempts.assertServedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers that arrive after {@link CryptoPolicy#install} on the programmatic route (no agent), in
 * child JVMs that bundle the non-FIPS Bouncy Castle provider (bcprov) as applications do. The
 * front provider governs what it finds in the provider list at the next lookup that reaches it;
 * what this route cannot see is asserted too, as the README's security model states it.
 */
@Slow
class LateProvidersTest {

    /** bcprov, copied beside the build by the pom; bc-fips must not be on the same class path. */
    static final Path BCPROV = Path.of("target", "bcprov", "bcprov.jar");

    static Map<String, String> attempts(String route, String scenario, String... options) throws Exception {
        return LateProviderAttempts.parse(output(route, scenario, options));
    }

    static String output(String route, String scenario, String... options) throws Exception {
        return output(List.of(), route, scenario, options);
    }

    static String output(List<String> jvmOptions, String route, String scenario, String... options) throws Exception {
        assertTrue(Files.isRegularFile(BCPROV), "the build copies bcprov to " + BCPROV.toAbsolutePath());
        List<String> classPath = new ArrayList<>(Jvm.classPathWithout(entry -> entry.contains("bouncycastle")));
        classPath.add(BCPROV.toAbsolutePath().toString());
        List<String> args = new ArrayList<>(List.of(route, scenario));
        args.addAll(List.of(options));
        Jvm.Result result = Jvm.run(jvmOptions, classPath, LateProviderAttempts.class, args.toArray(new String[0]));
        assertEquals(0, result.exit(), result.output());
        return result.output();
    }

    @Test
    void withoutThePolicy_bouncyCastleServesEveryAttempt() throws Exception {
        Map<String, String> r = attempts("none", "add");
        for (String name : List.of(
                "sha1withrsa-bc",
                "md5-bc",
                "rsa1024-bc",
                "weak-rsa-key-sign-bc",
                "sha1withrsa-bc-object",
                "rsa1024-bc-object",
                "allowed-sha256withrsa-bc")) {
            assertServedBy(r, name, "BC");
        }
        for (String name : List.of("sha1withrsa", "md5", "rsa1024", "weak-rsa-key-sign", "aes128-gcm")) {
            assertTrue(r.get(name).startsWith("OK "), name + " in " + r);
        }
    }

    @Test
    void addProviderAfterInstall_theNextLookupGovernsIt_andThatLookupIsRefused() throws Exception {
        Map<String, String> r = attempts("install:DEFAULT", "add");
        // The lookup that finds Bouncy Castle ungoverned started on the list that still held it.
        assertRefused(
                r,
                "sha1withrsa",
                "ProviderException: Signature SHA1withRSA: provider BC was registered after policy DEFAULT");
        assertRefused(r, "sha1withrsa-again", "NoSuchAlgorithmException");
        assertRefused(r, "md5", "NoSuchAlgorithmException");
        assertRefused(
                r,
                "rsa1024",
                "InvalidParameterException: RSA key of 1024 bits is below the minimum of 2048 bits of policy DEFAULT");
        assertRefused(r, "weak-rsa-key-sign", "InvalidKeyException");
        assertRefused(r, "sha1withrsa-bc", "NoSuchAlgorithmException");
        assertRefused(r, "md5-bc", "NoSuchAlgorithmException");
        assertRefused(r, "rsa1024-bc", "InvalidParameterException");
        assertRefused(r, "weak-rsa-key-sign-bc", "InvalidKeyException");
        assertServedBy(r, "allowed-sha256-bc", "BC");
        assertServedBy(r, "allowed-sha256withrsa-bc", "BC");
        assertServedBy(r, "aes128-gcm", "CryptoPolicy");
        // Governed at the position it was registered at.
        String position = r.get("registered").split(" ")[0];
        assertEquals(
                position + " dev.cryptopolicy.provider.internal.WrapperProvider",
                r.get("registered-after"),
                r::toString);
        // What this route cannot see: the raw object the application still holds, passed to getInstance.
        assertServedBy(r, "sha1withrsa-bc-object", "BC");
        assertServedBy(r, "rsa1024-bc-object", "BC");
    }

    /**
     * With {@code sun.security.jca} exported, the front tells an unchanged list by the identity of
     * the JCA's list object instead of comparing the providers: every attempt of both scenarios
     * ends exactly as without it (asserted above), so nothing registered later goes unnoticed.
     */
    @Test
    void withTheProviderListObjectReadable_theChecksConstantTimeForm_governsTheSame() throws Exception {
        List<String> export = List.of("--add-exports=java.base/sun.security.jca=ALL-UNNAMED");
        for (String scenario : List.of("add", "insert1")) {
            Map<String, String> compared = attempts("install:DEFAULT", scenario);
            Map<String, String> identity = LateProviderAttempts.parse(output(export, "install:DEFAULT", scenario));
            // control: the option is what switches the constant-time form on
            assertEquals("false", compared.remove("constant-time-check"), compared::toString);
            assertEquals("true", identity.remove("constant-time-check"), identity::toString);
            assertEquals(compared, identity, scenario);
        }
    }

    @Test
    void insertProviderAtOneAfterInstall_servesRawUntilALookupReachesTheFront() throws Exception {
        Map<String, String> r = attempts("install:DEFAULT", "insert1");
        // Ahead of the front provider, Bouncy Castle answers every lookup it can serve, by name or not.
        for (String name : List.of(
                "sha1withrsa",
                "sha1withrsa-again",
                "md5",
                "rsa1024",
                "weak-rsa-key-sign",
                "sha1withrsa-bc",
                "rsa1024-bc")) {
            assertServedBy(r, name, "BC");
        }
        // The first lookup it cannot serve reaches the front, which governs it from then on.
        assertServedBy(r, "reach-front", "SunJSSE");
        assertRefused(r, "sha1withrsa-after-front", "NoSuchAlgorithmException");
        // Governed right after the front, which stays first.
        assertEquals("2 dev.cryptopolicy.provider.internal.WrapperProvider", r.get("registered-after"), r::toString);
    }

    @Test
    void underLegacy_sha1SignaturesThroughBouncyCastleStillWork_afterTheLookupThatGovernedIt() throws Exception {
        Map<String, String> r = attempts("install:LEGACY", "add");
        // The detecting lookup is refused whatever the policy says of the feature: a key the
        // front refused would have fallen through to the raw provider.
        assertRefused(
                r,
                "sha1withrsa",
                "ProviderException: Signature SHA1withRSA: provider BC was registered after policy LEGACY");
        assertServedBy(r, "sha1withrsa-again", "CryptoPolicy");
        assertServedBy(r, "sha1withrsa-bc", "BC");
        assertServedBy(r, "rsa1024-bc", "BC");
    }

    @Test
    void underFuture_aes128ThroughBouncyCastleIsRefused_aKeyTheFrontRefusesDoesNotFallThrough() throws Exception {
        Map<String, String> r = attempts("install:FUTURE", "add", "cipher-first");
        // As the lookup that finds Bouncy Castle ungoverned, and after it.
        assertRefused(
                r,
                "aes128-gcm-first",
                "ProviderException: Cipher AES/GCM/NoPadding: provider BC was registered after policy FUTURE");
        assertRefused(r, "aes128-gcm", "InvalidKeyException");
        assertRefused(r, "weak-rsa-key-sign-bc", "InvalidKeyException");
        assertServedBy(attempts("none", "add"), "aes128-gcm", "SunJCE");
    }

    @Test
    void auditMode_theDetectingLookupIsServed_andReported(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("audit.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nmode: audit\n");
        String out = output("install:" + policy, "add");
        Map<String, String> r = LateProviderAttempts.parse(out);
        assertTrue(r.get("sha1withrsa").startsWith("OK "), r::toString);
        assertServedBy(r, "rsa1024-bc", "BC");
        assertTrue(
                out.contains(
                        "cryptopolicy audit: would refuse: Signature SHA1withRSA: provider BC was registered after policy"),
                out);
        assertTrue(
                out.contains(
                        "cryptopolicy audit: provider BC (org.bouncycastle.jce.provider.BouncyCastleProvider) reached the JCA"),
                out);
    }

    @Test
    void removingTheFrontProvider_leavesLaterProvidersUnseen() throws Exception {
        // Nothing reaches a front that is no longer in the list: this route cannot see BC then.
        Map<String, String> r = attempts("install:DEFAULT", "remove-front");
        assertEquals("org.bouncycastle.jce.provider.BouncyCastleProvider", r.get("registered"), r::toString);
        assertServedBy(r, "sha1withrsa", "BC");
    }

    @Test
    void reAddedSunEcAfterInstall_isGoverned() throws Exception {
        Map<String, String> r = attempts("install:DEFAULT", "readd-sunec");
        if (Runtime.version().feature() >= 22) {
            // SunEC moved into java.base: ServiceLoader no longer makes a fresh one.
            assertEquals("ABSENT", r.get("sunec-from-serviceloader"), r::toString);
            return;
        }
        assertEquals("fresh=true", r.get("sunec-from-serviceloader"), r::toString);
        assertRefused(
                r, "sha1withecdsa", "ProviderException: Signature SHA1withECDSA: provider SunEC was registered after");
        assertRefused(r, "sha1withecdsa-again", "NoSuchAlgorithmException");
        assertRefused(r, "sha1withecdsa-sunec", "NoSuchAlgorithmException");
        assertServedBy(r, "allowed-sha256withecdsa-sunec", "SunEC");
        Map<String, String> control = attempts("none", "readd-sunec");
        assertServedBy(control, "sha1withecdsa", "SunEC");
    }

    @Test
    void serviceLoaderSunEcNeverRegistered_isNotSeenByThisRoute() throws Exception {
        Map<String, String> r = attempts("install:DEFAULT", "serviceloader");
        if (Runtime.version().feature() >= 22) {
            assertEquals("ABSENT", r.get("sunec-from-serviceloader"), r::toString);
            return;
        }
        assertServedBy(r, "sha1withecdsa-object", "SunEC");
    }
}
