package dev.cryptopolicy.agent;

import static dev.cryptopolicy.provider.LateProviderAttempts.assertRefused;
import static dev.cryptopolicy.provider.LateProviderAttempts.assertServedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.LateProviderAttempts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers that arrive after start-up under the agent, which instruments
 * {@code Security.insertProviderAt}/{@code addProvider} and the JCA's {@code getInstance(...,
 * Provider)}: each is governed as it arrives, so no lookup ever sees it raw. Child JVMs bundle the
 * non-FIPS Bouncy Castle provider (bcprov) as applications do; the battery is the providers
 * module's {@code LateProviderAttempts}.
 */
class LateProvidersAgentTest {
    private static final String WRAPPER = "dev.cryptopolicy.provider.internal.WrapperProvider";

    @TempDir
    Path dir;

    private Map<String, String> attempts(String policy, String scenario) throws Exception {
        return attempts(policy, scenario, new ArrayList<>());
    }

    private Map<String, String> attempts(String policy, String scenario, List<String> output) throws Exception {
        return attempts(policy, scenario, output, 1);
    }

    /** Runs the battery under {@code agents} copies of the agent option; {@code output} receives every line the child printed. */
    private Map<String, String> attempts(String policy, String scenario, List<String> output, int agents)
            throws Exception {
        return attempts(
                LateProviderAttempts.class.getName(),
                policy,
                policy == null ? "none" : "agent",
                scenario,
                output,
                agents);
    }

    /**
     * Runs {@code mainClass} with {@code route} and {@code scenario} (see {@link LateProviderAttempts}),
     * under {@code agents} copies of the agent option when {@code policy} is not null.
     */
    private Map<String, String> attempts(
            String mainClass, String policy, String route, String scenario, List<String> output, int agents)
            throws Exception {
        List<Path> bcprovJars = AgentTest.jarsIn(AgentTest.itJars("bcprov"));
        assertEquals(1, bcprovJars.size(), "the build copies one bcprov jar: " + bcprovJars);
        Path bcprov = bcprovJars.get(0);
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            if (!entry.contains("bouncycastle")) {
                classPath.add(entry);
            }
        }
        classPath.add(bcprov.toAbsolutePath().toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (policy != null) {
            for (int i = 0; i < agents; i++) {
                command.add("-javaagent:" + AgentTest.agentJar() + "=" + policy);
            }
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), mainClass, route, scenario));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("JVM did not finish in 120 s: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        output.addAll(List.of(out.split("\n")));
        return LateProviderAttempts.parse(out);
    }

    /** What every registration route must give under DEFAULT: every attempt refused, by the policy's own exceptions. */
    private static void assertGovernedUnderDefault(Map<String, String> r) {
        for (String name : List.of(
                "sha1withrsa",
                "sha1withrsa-again",
                "md5",
                "sha1withrsa-bc",
                "md5-bc",
                "sha1withrsa-bc-object",
                "sha1withrsa-after-front")) {
            assertRefused(r, name, "NoSuchAlgorithmException");
        }
        for (String name : List.of("rsa1024", "rsa1024-bc", "rsa1024-bc-object")) {
            assertRefused(
                    r,
                    name,
                    "InvalidParameterException: RSA key of 1024 bits is below the minimum of 2048 bits of policy DEFAULT");
        }
        assertRefused(r, "weak-rsa-key-sign", "InvalidKeyException");
        assertRefused(r, "weak-rsa-key-sign-bc", "InvalidKeyException");
        assertServedBy(r, "allowed-sha256-bc", "BC");
        assertServedBy(r, "allowed-sha256withrsa-bc", "BC");
        assertServedBy(r, "allowed-sha256withrsa-bc-object", "BC");
    }

    @Test
    void addProvider_registersThePolicyWrapper_andEveryAttemptIsRefused() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "add");
        assertTrue(r.get("registered").endsWith(" " + WRAPPER), r::toString);
        assertGovernedUnderDefault(r);
        // What no route governs (README, security model): an SPI made from the provider's service directly.
        assertServedBy(r, "rsa1024-bc-spi", "BC");
    }

    @Test
    void underTheAgent_theLateProviderCheckIsConstantTime_andALateProviderIsStillGoverned() throws Exception {
        String app = ProviderListCheckApp.class.getName();
        // The agent exports sun.security.jca to its own code before installing: the front's check
        // compares the JCA's provider list object instead of walking the providers.
        Map<String, String> r = attempts(app, "DEFAULT", "agent", "add", new ArrayList<>(), 1);
        assertEquals("CryptoPolicy", r.get("front-provider"), r::toString);
        assertEquals("true", r.get("installed-constant-time-check"), r::toString);
        assertTrue(r.get("registered").endsWith(" " + WRAPPER), r::toString);
        assertGovernedUnderDefault(r);
        // Control: installed by the programmatic route, without the agent's export, the check walks the list.
        Map<String, String> programmatic = attempts(app, null, "install:DEFAULT", "add", new ArrayList<>(), 0);
        assertEquals("CryptoPolicy", programmatic.get("front-provider"), programmatic::toString);
        assertEquals("false", programmatic.get("installed-constant-time-check"), programmatic::toString);
    }

    @Test
    void insertProviderAtOne_registersThePolicyWrapperRightAfterTheFront_andEveryAttemptIsRefused() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "insert1");
        // Asked for position 1, registered right after the front, which stays first.
        assertEquals("2 " + WRAPPER, r.get("registered"), r::toString);
        assertEquals("1", r.get("front"), r::toString);
        assertGovernedUnderDefault(r);
    }

    @Test
    void withoutTheAgent_theSameAttemptsAreServedByBouncyCastle_andUnderLegacyTheyAreAllowed() throws Exception {
        Map<String, String> none = attempts(null, "insert1");
        for (String name : List.of(
                "sha1withrsa",
                "md5",
                "rsa1024",
                "weak-rsa-key-sign",
                "sha1withrsa-bc",
                "sha1withrsa-bc-object",
                "rsa1024-bc-object")) {
            assertServedBy(none, name, "BC");
        }
        Map<String, String> legacy = attempts("LEGACY", "add");
        assertServedBy(legacy, "sha1withrsa", "CryptoPolicy");
        assertServedBy(legacy, "sha1withrsa-bc", "BC");
        assertServedBy(legacy, "sha1withrsa-bc-object", "BC");
        assertServedBy(legacy, "rsa1024-bc-object", "BC");
    }

    @Test
    void theAgentGivenTwice_instrumentsOnce_andStillGoverns() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "add", new ArrayList<>(), 2);
        assertTrue(r.get("registered").endsWith(" " + WRAPPER), r::toString);
        assertRefused(r, "sha1withrsa-bc-object", "NoSuchAlgorithmException");
    }

    @Test
    void removingTheFrontProvider_doesNotSwitchGovernanceOff() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "remove-front");
        assertEquals(WRAPPER, r.get("registered"), r::toString);
        assertRefused(r, "sha1withrsa", "NoSuchAlgorithmException");
        assertRefused(r, "sha1withrsa-bc", "NoSuchAlgorithmException");
    }

    @Test
    void auditMode_servesLateProviders_andReportsThem() throws Exception {
        Path policy = dir.resolve("audit.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nmode: audit\n");
        List<String> lines = new ArrayList<>();
        Map<String, String> r = attempts(policy.toString(), "add", lines);
        assertServedBy(r, "sha1withrsa-bc-object", "BC");
        assertServedBy(r, "rsa1024-bc", "BC");
        String out = String.join("\n", lines);
        assertTrue(
                out.contains(
                        "cryptopolicy audit: provider BC (org.bouncycastle.jce.provider.BouncyCastleProvider) reached the JCA"
                                + " after policy"),
                out);
        assertTrue(
                out.contains("cryptopolicy audit: would refuse: Signature SHA1WITHRSA is not in the feature set"), out);
    }

    @Test
    void serviceLoaderSunEc_passedStraightToGetInstance_isGoverned() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "serviceloader");
        if (Runtime.version().feature() >= 22) {
            assertEquals("ABSENT", r.get("sunec-from-serviceloader"), r::toString);
            return;
        }
        assertEquals("fresh=true", r.get("sunec-from-serviceloader"), r::toString);
        assertRefused(r, "sha1withecdsa-object", "NoSuchAlgorithmException");
        assertServedBy(r, "allowed-sha256withecdsa-object", "SunEC");
        assertServedBy(attempts(null, "serviceloader"), "sha1withecdsa-object", "SunEC");
    }

    @Test
    void removedAndReAddedSunEc_isGovernedAsItIsRegistered() throws Exception {
        Map<String, String> r = attempts("DEFAULT", "readd-sunec");
        if (Runtime.version().feature() >= 22) {
            assertEquals("ABSENT", r.get("sunec-from-serviceloader"), r::toString);
            return;
        }
        assertEquals(WRAPPER, r.get("registered"), r::toString);
        for (String name : List.of("sha1withecdsa", "sha1withecdsa-again", "sha1withecdsa-sunec")) {
            assertRefused(r, name, "NoSuchAlgorithmException");
        }
        assertServedBy(r, "allowed-sha256withecdsa-sunec", "SunEC");
    }
}
