package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import dev.cryptopolicy.testkit.Slow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export route: each shipped policy, written as JDK security properties, loads in a fresh JDK
 * ({@code SSLContext.getDefault()} works) and the JDK then enforces it.
 */
@Slow
class JavaSecurityExportTest {

    @TempDir
    Path dir;

    /** Child JVM: prints the default TLS protocols and cipher suites, one line each. */
    public static void main(String[] args) throws Exception {
        SSLParameters params = SSLContext.getDefault().getDefaultSSLParameters();
        System.out.println("protocols=" + String.join(",", params.getProtocols()));
        System.out.println("suites=" + String.join(",", params.getCipherSuites()));
    }

    private List<String> run(String reference, String line) throws Exception {
        CompiledPolicy policy = PolicyLoader.standard().load(reference);
        Path file = dir.resolve(reference.replace(':', '_') + ".security");
        Files.writeString(file, JavaSecurityExporter.export(policy));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.security.properties=" + file);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(JavaSecurityExportTest.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        for (String l : out.split("\n")) {
            if (l.startsWith(line + "=")) {
                return Arrays.asList(l.substring(line.length() + 1).trim().split(","));
            }
        }
        throw new AssertionError("no " + line + " line in " + out);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DEFAULT",
                "FUTURE",
                "FIPS",
                "DEFAULT:NO-SHA1",
                "DEFAULT:ECDHE-ONLY",
                "FIPS:OSPP",
                "DEFAULT:MOZILLA-INTERMEDIATE",
                "DEFAULT:MOZILLA-MODERN",
                "DEFAULT:PQ"
            })
    void export_loadsAndTheJdkKeepsToTheProtocolRange(String reference) throws Exception {
        CompiledPolicy policy = PolicyLoader.standard().load(reference);
        List<String> protocols = run(reference, "protocols");
        assertFalse(protocols.contains("TLSv1.1"), protocols::toString);
        assertFalse(protocols.contains("TLSv1"), protocols::toString);
        assertTrue(
                policy.tls().protocols().containsAll(protocols),
                protocols + " vs " + policy.tls().protocols());
        List<String> suites = run(reference, "suites");
        for (String suite : suites) {
            if (!suite.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")) {
                assertTrue(
                        policy.tls().cipherSuites().contains(suite),
                        suite + " is enabled by the JDK but not by " + reference);
            }
        }
        assertFalse(suites.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEGACY", "LEGACY:SHA1"})
    void legacyExport_letsTheJdkUseTls11Again(String reference) throws Exception {
        // The JDK disables TLS 1.1 by default; the exported property replaces that default.
        assertTrue(run(reference, "protocols").contains("TLSv1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FUTURE"})
    void futureExport_hasNoRsaKeyExchangeSuites(String reference) throws Exception {
        assertTrue(
                run(reference, "suites").stream().noneMatch(s -> s.startsWith("TLS_RSA_") || s.startsWith("SSL_RSA_")));
    }
}
