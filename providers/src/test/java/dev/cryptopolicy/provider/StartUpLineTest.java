package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route logs one INFO line when it installs: the policy, its mode, the digest of the
 * effective policy and the backends used, and nothing else at INFO (JDK 17's long TLS notice is
 * folded into it). The agent's line is checked in the agent module's {@code AgentTest}.
 */
class StartUpLineTest {
    private static final Pattern LINE = Pattern.compile(
            "cryptopolicy: policy (\\S+) \\((enforce|audit), sha256 ([0-9a-f]{16})\\) installed by route (\\S+); backends (SUN, .*)");

    /** Held so that the handler stays attached. */
    private static final Logger LOG = Logger.getLogger("dev.cryptopolicy");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void attach() {
        CryptoPolicy.uninstall();
        LOG.addHandler(capture);
    }

    @AfterEach
    void detach() {
        LOG.removeHandler(capture);
        CryptoPolicy.uninstall();
    }

    private List<String> infoLines() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(LogRecord::getMessage)
                .toList();
    }

    private Matcher onlyLine() {
        List<String> lines = infoLines();
        assertEquals(1, lines.size(), lines.toString());
        Matcher m = LINE.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertTrue(lines.get(0).length() < 400, lines.get(0));
        return m;
    }

    @Test
    void theDigest_isTakenFromTheJdksSunProvider_notFromItsWrapper() throws Exception {
        Provider jdk = Security.getProvider("SUN");
        assertEquals(jdk, InstallPipeline.digestProvider(), "nothing installed: the provider listed");
        // A modifier is compiled here, so its digest is computed at install.
        CompiledPolicy modified = InstallPipeline.load("DEFAULT:NO-SHA1");
        assertNull(modified.knownJsonSha256());
        String expected = sha256Prefix(jdk, modified);
        CryptoPolicy.install("DEFAULT:NO-SHA1");
        // Control: the name now finds the wrapper.
        assertNotEquals(jdk.getClass(), Security.getProvider("SUN").getClass());
        assertTrue(jdk == InstallPipeline.digestProvider(), "the JDK's own SUN, not its wrapper");
        assertEquals(expected, onlyLine().group(3));
    }

    @Test
    void aShippedPolicysDigest_isTheOneItsCompiledFormCarries_andTheSameAsComputed() throws Exception {
        CompiledPolicy shipped = InstallPipeline.load("DEFAULT");
        assertNotNull(shipped.knownJsonSha256(), "DEFAULT is read from its compiled form");
        String computed = sha256Prefix(Security.getProvider("SUN"), shipped);
        CryptoPolicy.install("DEFAULT");
        assertEquals(computed, onlyLine().group(3));
        assertEquals(shipped.knownJsonSha256().substring(0, 16), computed);
    }

    private static String sha256Prefix(Provider sun, CompiledPolicy policy) throws Exception {
        String json = dev.cryptopolicy.engine.PolicyWriter.json(policy);
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256", sun)
                .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash, 0, 8);
    }

    @Test
    void programmaticRoute_logsOneLine_andTheDigestFollowsThePolicy() throws Exception {
        CryptoPolicy.install("DEFAULT");
        Matcher line = onlyLine();
        assertEquals("DEFAULT", line.group(1));
        assertEquals("enforce", line.group(2));
        assertEquals("programmatic", line.group(4));
        assertTrue(line.group(5).contains("SunRsaSign") && line.group(5).contains("SunEC"), line.group(5));
        String digest = line.group(3);
        if (!TlsEnforcement.setsGroupsAndSchemesPerConnection() && System.getProperty("jdk.tls.namedGroups") == null) {
            assertTrue(
                    infoLines().get(0).contains("-D jdk.tls.namedGroups"),
                    infoLines().toString());
        }

        records.clear();
        CryptoPolicy.install("DEFAULT");
        assertEquals(digest, onlyLine().group(3), "the same policy, the same digest");
        records.clear();
        CryptoPolicy.install("FUTURE");
        Matcher future = onlyLine();
        assertEquals("FUTURE", future.group(1));
        assertNotEquals(digest, future.group(3), "another policy, another digest");
    }

    @Test
    void javaSecurityRoute_logsOneLine_atTheInstallingLookup() {
        Provider p = new CryptoPolicyProvider().configure("DEFAULT:NO-SHA1");
        // As the JDK does with the entry; uninstall (after each test) takes it out again.
        Security.insertProviderAt(p, 1);
        assertEquals(List.of(), infoLines(), "configure only loads: the line comes with the installation");
        p.getService("MessageDigest", "SHA-256");
        Matcher line = onlyLine();
        assertEquals("DEFAULT:NO-SHA1", line.group(1));
        assertEquals("java.security", line.group(4));
    }

    @Test
    void failedInstall_logsNoInstallLine() {
        assertThrows(PolicyException.class, () -> CryptoPolicy.install("no-such-policy.yaml"));
        assertEquals(List.of(), infoLines());
    }
}
