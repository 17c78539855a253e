package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.tls.HostRestrictionsChild;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing a policy keeps what the host already forbids: on a host whose security properties
 * are crypto-policies' FUTURE output ({@code RSA keySize < 3072}, here as a
 * {@code -Djava.security.properties} override), DEFAULT (which allows 2048-bit RSA) leaves that
 * entry in place and a 2048-bit RSA server certificate is refused, on JDK 17 and 25; only an explicit
 * {@code host_restrictions: replace} lets it through.
 */
@Slow
class NeverLoosenTest {
    private static final String FUTURE_RSA = "RSA keySize < 3072";

    @TempDir
    Path dir;

    @Test
    void rule_addsTheHostsMissingEntries_comparedTrimmedIgnoringCase_keepingConstraintsAsWritten() {
        String policy = "SSLv3, rsa keySize < 2048, include jdk.disabled.namedCurves";
        List<String> kept = KeptRestrictions.missing(
                policy,
                " sslv3 ,RSA keySize < 3072,, INCLUDE jdk.disabled.namedCurves, SHA1 jdkCA & usage TLSServer",
                "SSLv3, TLSv1");
        assertEquals(List.of("RSA keySize < 3072", "SHA1 jdkCA & usage TLSServer"), kept);
        assertEquals(
                policy + ", RSA keySize < 3072, SHA1 jdkCA & usage TLSServer", KeptRestrictions.union(policy, kept));
        // A host value that keeps one of the JDK's entries the policy drops keeps it too: TLSv1 stays off.
        assertEquals(
                List.of("TLSv1", "DH keySize < 3072"),
                KeptRestrictions.missing(policy, "TLSv1, DH keySize < 3072", "SSLv3, TLSv1"));
        assertEquals("SSLv3", KeptRestrictions.union("SSLv3", List.of()));
        assertEquals("", KeptRestrictions.union("", List.of()));
    }

    @Test
    void rule_replacesTheJdksOwnDefault_inAnyOrderAndCase_butNotAnUnsetOneThatTheHostSet() {
        assertEquals(List.of(), KeptRestrictions.missing("SSLv3", "tlsv1 , SSLv3", "SSLv3, TLSv1"));
        assertEquals(List.of(), KeptRestrictions.missing("SSLv3", null, null));
        assertEquals(List.of(), KeptRestrictions.missing("SSLv3", "", null));
        assertEquals(List.of("secp256k1"), KeptRestrictions.missing("SSLv3", "secp256k1", null));
        // An unreadable shipped file (null) makes every value the host's.
        assertEquals(List.of("TLSv1"), KeptRestrictions.missing("SSLv3", "SSLv3, TLSv1", null));
    }

    @Test
    void futureHost_underDefault_stillRefusesA2048BitRsaServer_onJdk17() throws Exception {
        futureHost(DeadlockTest.jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"));
    }

    @Test
    void futureHost_underDefault_stillRefusesA2048BitRsaServer_onJdk25() throws Exception {
        futureHost(DeadlockTest.jdk("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    private void futureHost(Path javaHome) throws Exception {
        // As crypto-policies' FUTURE java output (testdata/crypto-policies/java-outputs/FUTURE-java.txt) sets them.
        Jvm.Result host = child(javaHome, List.of("-Djava.security.properties=" + override(FUTURE_RSA)), "DEFAULT");
        assertEquals(0, host.exit(), host.output());
        for (String key : List.of("jdk.tls.disabledAlgorithms", "jdk.certpath.disabledAlgorithms")) {
            assertTrue(
                    property(host.output(), key).contains(FUTURE_RSA),
                    key + " lost the host's entry:\n" + host.output());
        }
        assertTrue(host.output().contains("handshake failed"), host.output());
        // Counted on the start-up line, the installation's one INFO line; listed on one DEBUG line.
        assertTrue(
                java.util.regex.Pattern.compile(
                                "(?m)^INFO cryptopolicy: policy DEFAULT .* installed by route programmatic;"
                                        + " backends SUN, .*; kept \\d+ of the JVM's restrictions \\(listed at DEBUG\\)$")
                        .matcher(host.output())
                        .find(),
                host.output());
        assertTrue(
                host.output()
                        .contains("FINE cryptopolicy: kept the JVM's own restrictions beside the policy's:"
                                + " jdk.tls.disabledAlgorithms += " + FUTURE_RSA),
                host.output());

        // Controls: the same host file with 2048 for 3072 connects, so the kept RSA entry is what
        // refuses; without the override the same handshake under DEFAULT succeeds, also after FUTURE
        // was installed first (what is kept is the JVM's value, not an earlier policy's).
        Jvm.Result rsa2048 =
                child(javaHome, List.of("-Djava.security.properties=" + override("RSA keySize < 2048")), "DEFAULT");
        assertEquals(0, rsa2048.exit(), rsa2048.output());
        assertTrue(rsa2048.output().contains("handshake TLSv1.3"), rsa2048.output());
        Jvm.Result stock = child(javaHome, List.of(), "FUTURE", "DEFAULT");
        assertEquals(0, stock.exit(), stock.output());
        assertFalse(property(stock.output(), "jdk.tls.disabledAlgorithms").contains(FUTURE_RSA), stock.output());
        assertFalse(property(stock.output(), "jdk.certpath.disabledAlgorithms").contains(FUTURE_RSA), stock.output());
        assertTrue(stock.output().contains("handshake TLSv1.3"), stock.output());

        // Replacing the host's restrictions takes an explicit setting: with host_restrictions: replace
        // the same FUTURE host connects, the entry is gone, and the start-up line says so.
        Path replace = Files.writeString(dir.resolve("replace.yaml"), "kind: modifier\nhost_restrictions: replace\n");
        Jvm.Result replaced =
                child(javaHome, List.of("-Djava.security.properties=" + override(FUTURE_RSA)), "DEFAULT:" + replace);
        assertEquals(0, replaced.exit(), replaced.output());
        assertFalse(property(replaced.output(), "jdk.tls.disabledAlgorithms").contains(FUTURE_RSA), replaced.output());
        assertFalse(
                property(replaced.output(), "jdk.certpath.disabledAlgorithms").contains(FUTURE_RSA), replaced.output());
        assertTrue(replaced.output().contains("handshake TLSv1.3"), replaced.output());
        assertTrue(
                java.util.regex.Pattern.compile(
                                "(?m)^INFO cryptopolicy: policy DEFAULT:.* installed by route programmatic;"
                                        + " .*; replaced \\d+ of the JVM's restrictions as host_restrictions: replace asks \\(listed at DEBUG\\)$")
                        .matcher(replaced.output())
                        .find(),
                replaced.output());
        assertTrue(
                replaced.output()
                        .contains("FINE cryptopolicy: dropped the JVM's own restrictions, as the policy's"
                                + " host_restrictions: replace asks: jdk.tls.disabledAlgorithms -= " + FUTURE_RSA),
                replaced.output());
    }

    private Path override(String rsa) throws java.io.IOException {
        Path file = Files.createTempFile(dir, "host", ".security");
        Files.writeString(
                file,
                "jdk.certpath.disabledAlgorithms=MD2, MD5, SHA1, " + rsa + ", DSA keySize < 3072\n"
                        + "jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, " + rsa + ", DH keySize < 3072,"
                        + " include jdk.disabled.namedCurves\n");
        return file;
    }

    private static Jvm.Result child(Path javaHome, List<String> options, String... references) throws Exception {
        List<String> all = new java.util.ArrayList<>(options);
        all.addAll(List.of(
                "-Dkeystore.pkcs12.keyPbeIterationCount=1",
                "-Dkeystore.pkcs12.macIterationCount=1",
                "-Dkeystore.pkcs12.certPbeIterationCount=1"));
        return Jvm.run(javaHome, all, Jvm.classPath(), HostRestrictionsChild.class, references);
    }

    private static String property(String output, String key) {
        for (String line : output.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line;
            }
        }
        throw new AssertionError("no " + key + " in\n" + output);
    }
}
