package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.agent.AgentTest.Run;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicyWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent starts nothing of the application's logging before {@code main}: {@code java.util.logging}
 * reads {@code java.util.logging.manager} and its formatter's format once, when it starts, and
 * applications set both in {@code main}. Child JVMs run {@link App} with the packaged agent and
 * without it; {@code startup-line=logger} is the control that shows what starting it early does.
 */
class AgentLoggingTest {

    private static final String FORMAT = "app-format [%4$s] %5$s%n";

    @TempDir
    Path dir;

    /** A log manager of the application's own, chosen in its main. */
    public static final class ApplicationLogManager extends java.util.logging.LogManager {}

    /**
     * The child JVM's application: chooses its manager and its format, logs, then uses cryptography.
     * A class of its own, which names nothing of cryptopolicy: the child's class path is the test classes only.
     */
    public static final class App {
        private App() {}

        public static void main(String[] args) {
            System.setProperty("java.util.logging.manager", ApplicationLogManager.class.getName());
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
            System.out.println("manager="
                    + java.util.logging.LogManager.getLogManager().getClass().getName());
            Logger.getLogger("app").info("started");
            try {
                Signature.getInstance("SHA1withRSA", "SunRsaSign");
                System.out.println("sha1withrsa=OK");
            } catch (Exception e) {
                System.out.println("sha1withrsa=REFUSED " + e.getClass().getSimpleName());
            }
        }
    }

    private Run run(String agentOptions) throws Exception {
        List<String> options =
                agentOptions == null ? List.of() : List.of("-javaagent:" + AgentTest.agentJar() + agentOptions);
        return AgentTest.run(options, Map.of(), List.of(AgentTest.testClasses()), App.class.getName(), dir);
    }

    @Test
    void underTheAgent_theApplicationsOwnLogManagerAndFormatHold_andThePolicyIsInForce() throws Exception {
        Run r = run("=DEFAULT");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("manager=" + ApplicationLogManager.class.getName()), r.all());
        assertTrue(r.err().contains("app-format [INFO] started"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), r.all());
        // The start-up line came first, from the agent itself, in no logger's format.
        assertTrue(r.errLines().get(0).startsWith("cryptopolicy: policy DEFAULT (enforce, sha256 "), r.all());
    }

    @Test
    void withoutTheAgent_theSameApplicationGetsTheSame_andItsRequestSucceeds() throws Exception {
        Run r = run(null);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("manager=" + ApplicationLogManager.class.getName()), r.all());
        assertTrue(r.err().contains("app-format [INFO] started"), r.all());
        assertTrue(r.out().contains("sha1withrsa=OK"), r.all());
    }

    @Test
    void startUpLineLogger_logsThroughSystemLogger_whichStartsJavaUtilLoggingBeforeMain() throws Exception {
        Run r = run("=DEFAULT,startup-line=logger");
        assertEquals(0, r.exit(), r.all());
        // What the default avoids: java.util.logging started with the JDK's manager and format.
        assertTrue(r.out().contains("manager=java.util.logging.LogManager"), r.all());
        assertFalse(r.err().contains("app-format"), r.all());
        assertTrue(
                r.err().contains("INFO: cryptopolicy: policy DEFAULT (enforce, sha256 "),
                "the line is a java.util.logging record: " + r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), r.all());
    }

    @Test
    void aWatchedFileOnARestrictedHost_itsLinesGoToStderrToo_andTheApplicationsLoggingHolds() throws Exception {
        Path policy = dir.resolve("site.yaml");
        Files.writeString(policy, "kind: policy\nname: SITE\nextends: DEFAULT:NO-SHA1\n");
        Path host = dir.resolve("host.security");
        Files.writeString(host, "jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RSA keySize < 3072\n");
        Run r = AgentTest.run(
                List.of(
                        "-Djava.security.properties=" + host,
                        "-javaagent:" + AgentTest.agentJar() + "=" + policy + ",watch=true"),
                Map.of(),
                List.of(AgentTest.testClasses()),
                App.class.getName(),
                dir);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("manager=" + ApplicationLogManager.class.getName()), r.all());
        assertTrue(r.err().contains("app-format [INFO] started"), r.all());
        List<String> lines = r.errLines();
        // The digest of a file's policy is computed at install (through the JDK's SUN, with the hook in place).
        CompiledPolicy site = PolicyLoader.standard().load(policy.toString());
        String digest = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(PolicyWriter.json(site).getBytes(StandardCharsets.UTF_8)),
                        0,
                        8);
        assertTrue(
                lines.get(0).startsWith("cryptopolicy: policy " + site.name() + " (enforce, sha256 " + digest + ")")
                        && lines.get(0).endsWith("kept 1 of the JVM's restrictions (listed on the next line)"),
                r.all());
        assertEquals(
                "cryptopolicy: kept the JVM's own restrictions beside the policy's: jdk.tls.disabledAlgorithms"
                        + " += RSA keySize < 3072",
                lines.get(1),
                r.all());
        assertTrue(lines.get(2).startsWith("cryptopolicy: watching [" + policy.toRealPath()), r.all());
    }

    @Test
    void startUpLineOff_writesNothing_andThePolicyIsInForce() throws Exception {
        Run r = run("=DEFAULT,startup-line=off");
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.err().contains("cryptopolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED NoSuchAlgorithmException"), r.all());
    }
}
