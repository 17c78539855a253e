package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.apps.Apps.Agent;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's keytool and jarsigner with the agent in {@code JAVA_TOOL_OPTIONS} (as a platform team
 * sets it for every JVM), each request compared with the same tool run without it. Both runs lift
 * the JDK's own TLS 1.1 ban, so that a refused TLS 1.1 handshake is the policy's.
 */
class JdkToolsTest {

    @TempDir
    static Path dir;

    /** An RSA-2048 key (alias server, certificate for 127.0.0.1) and an RSA-1024 key (alias weak), made without the agent. */
    private static Path keys;

    private static Path weakKeys;
    private static Path jar;

    @BeforeAll
    static void keysAndJar() throws Exception {
        keys = Apps.keyStore(dir, "server", 2048);
        weakKeys = Apps.keyStore(dir, "weak", 1024);
        jar = dir.resolve("unsigned.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("hello.txt"));
            j.write("hello".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }

    /** Runs a JDK tool with {@code JAVA_TOOL_OPTIONS} set as a platform team would, and checks the JVM picked it up. */
    private static Processes.Finished tool(Agent agent, String tool, String... arguments) throws Exception {
        List<String> options = new ArrayList<>(agent.options());
        options.add("-Djava.security.properties=" + Apps.tls11Allowed());
        List<String> command = new ArrayList<>(List.of(Apps.tool(tool)));
        command.addAll(List.of(arguments));
        Processes.Finished run = Apps.run(command, Map.of("JAVA_TOOL_OPTIONS", String.join(" ", options)), dir);
        assertTrue(run.output().contains("Picked up JAVA_TOOL_OPTIONS: " + String.join(" ", options)), run.describe());
        return run;
    }

    private static Processes.Finished genkey(Agent agent, String alias, String keysize, String sigalg)
            throws Exception {
        Path store = dir.resolve(agent + "-" + alias + ".p12");
        return tool(
                agent,
                "keytool",
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                keysize,
                "-sigalg",
                sigalg,
                "-dname",
                "CN=" + alias,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                Apps.STOREPASS,
                "-keypass",
                Apps.STOREPASS);
    }

    private static Processes.Finished sign(Agent agent, Path store, String alias, String sigalg, String... more)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                Apps.STOREPASS,
                "-keypass",
                Apps.STOREPASS,
                "-sigalg",
                sigalg,
                "-digestalg",
                "SHA-256",
                "-signedjar",
                dir.resolve(agent + "-" + alias + "-" + sigalg + more.length + ".jar")
                        .toString()));
        arguments.addAll(List.of(more));
        arguments.add(jar.toString());
        arguments.add(alias);
        return tool(agent, "jarsigner", arguments.toArray(String[]::new));
    }

    private static void assertRefused(Processes.Finished run, String... expected) {
        assertNotEquals(0, run.exit(), () -> "must be refused: " + run.describe());
        for (String part : expected) {
            assertTrue(run.output().contains(part), () -> "must be refused with " + part + ": " + run.describe());
        }
    }

    @Test
    void keytool_underTheAgent_startsAndMakesAnRsa2048KeySignedWithSha256() throws Exception {
        Processes.Finished run = genkey(Agent.DEFAULT, "good", "2048", "SHA256withRSA");
        assertEquals(0, run.exit(), run.describe());
        Processes.Finished list = tool(
                Agent.DEFAULT,
                "keytool",
                "-list",
                "-keystore",
                dir.resolve("DEFAULT-good.p12").toString(),
                "-storepass",
                Apps.STOREPASS);
        assertEquals(0, list.exit(), list.describe());
        assertTrue(list.output().contains("good,"), list.describe());
    }

    @Test
    void keytool_underTheAgent_refusesAnRsa1024Key_whichItMakesWithout() throws Exception {
        assertEquals(0, genkey(Agent.NONE, "weak", "1024", "SHA256withRSA").exit());
        assertRefused(genkey(Agent.DEFAULT, "weak", "1024", "SHA256withRSA"), "keys.rsa.min_bits");
    }

    @Test
    void keytool_underTheAgent_refusesASha1WithRsaCertificate_whichItMakesWithout() throws Exception {
        assertEquals(0, genkey(Agent.NONE, "sha1", "2048", "SHA1withRSA").exit());
        assertRefused(genkey(Agent.DEFAULT, "sha1", "2048", "SHA1withRSA"), "SHA1withRSA", "policy DEFAULT");
    }

    @Test
    void keytool_underTheAgent_refusesATls11Server_whoseCertificateItPrintsWithout() throws Exception {
        try (TlsPeers.Tls11Server server = new TlsPeers.Tls11Server(keys)) {
            String address = "127.0.0.1:" + server.port();
            Processes.Finished without = tool(Agent.NONE, "keytool", "-printcert", "-sslserver", address);
            assertEquals(0, without.exit(), without.describe());
            assertTrue(without.output().contains("CN=localhost"), without.describe());
            assertEquals(List.of("TLSv1.1"), server.handshakes());
            Processes.Finished held = tool(Agent.DEFAULT, "keytool", "-printcert", "-sslserver", address);
            assertNotEquals(0, held.exit(), held.describe());
            assertEquals(
                    List.of("TLSv1.1"),
                    server.handshakes(),
                    () -> "no TLS 1.1 handshake under the policy: " + held.describe());
        }
    }

    @Test
    void jarsigner_underTheAgent_signsWithSha256AndRsa2048_andVerifies() throws Exception {
        Processes.Finished signed = sign(Agent.DEFAULT, keys, "server", "SHA256withRSA");
        assertEquals(0, signed.exit(), signed.describe());
        Processes.Finished verified = tool(
                Agent.DEFAULT,
                "jarsigner",
                "-verify",
                dir.resolve("DEFAULT-server-SHA256withRSA0.jar").toString());
        assertEquals(0, verified.exit(), verified.describe());
        assertTrue(verified.output().contains("jar verified."), verified.describe());
    }

    @Test
    void jarsigner_underTheAgent_refusesSha1WithRsa_whichItSignsWithout() throws Exception {
        assertEquals(0, sign(Agent.NONE, keys, "server", "SHA1withRSA").exit());
        assertRefused(sign(Agent.DEFAULT, keys, "server", "SHA1withRSA"), "SHA1withRSA");
    }

    @Test
    void jarsigner_underTheAgent_refusesAnRsa1024Key_whichItSignsWithWithout() throws Exception {
        assertEquals(0, sign(Agent.NONE, weakKeys, "weak", "SHA256withRSA").exit());
        // The policy refuses the key where the key store decodes it; jarsigner reports only
        // "key associated with weak not a private key", without the policy's message.
        assertRefused(sign(Agent.DEFAULT, weakKeys, "weak", "SHA256withRSA"), "weak");
    }

    @Test
    void jarsigner_underTheAgent_refusesATls11TimestampAuthority_whichItReachesWithout() throws Exception {
        try (TlsPeers.Tls11Server server = new TlsPeers.Tls11Server(keys)) {
            String[] tsa = {
                "-tsa",
                "https://127.0.0.1:" + server.port() + "/",
                "-J-Djavax.net.ssl.trustStore=" + keys,
                "-J-Djavax.net.ssl.trustStorePassword=" + Apps.STOREPASS,
                "-J-Djavax.net.ssl.trustStoreType=PKCS12"
            };
            // Without the policy the handshake completes (jarsigner may retry); the 503 answer then fails the signing.
            Processes.Finished without = sign(Agent.NONE, keys, "server", "SHA256withRSA", tsa);
            List<String> reached = server.handshakes();
            assertTrue(!reached.isEmpty() && reached.stream().allMatch("TLSv1.1"::equals), without.describe());
            Processes.Finished held = sign(Agent.DEFAULT, keys, "server", "SHA256withRSA", tsa);
            assertNotEquals(0, held.exit(), held.describe());
            assertEquals(
                    reached, server.handshakes(), () -> "no TLS 1.1 handshake under the policy: " + held.describe());
        }
    }
}
