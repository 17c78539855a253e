package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.testkit.Slow;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy-held contexts against real peers: {@code openssl s_server} and {@code s_client} on
 * 127.0.0.1 (testdata/README.md).
 *
 * <p>The JDK refuses TLS 1.1 on its own ({@code jdk.tls.disabledAlgorithms}), so the TLS 1.1 tests
 * run the Java side in a child JVM whose {@code java.security} override re-enables TLS 1.1 for the
 * JDK; that SunJSSE alone then negotiates TLS 1.1 is checked in the same run, so a refusal is the
 * policy's.
 *
 * <p>Named groups: on JDK 20 and later they are set per connection, and the in-process tests show
 * a policy without secp521r1 refusing a secp521r1-only peer. On JDK 17 they cannot be set per
 * connection; those tests are skipped there, and the child-JVM test shows the process-wide route
 * ({@link TlsEnforcement#systemPropertiesFor}) doing the same on every JDK.
 */
@Slow
class OpenSslInteropTest {
    /** JDK 17's jdk.tls.disabledAlgorithms without TLSv1 and TLSv1.1. */
    private static final String TLS11_FOR_THE_JDK = "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA,"
            + " DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n";

    private static final String[] TLS11_ONLY = {"-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"};

    @TempDir
    Path dir;

    private final TestPki.Identity rsa = TestPki.rsa();

    private List<String> tls11EnabledForTheJdk() throws Exception {
        Path file = dir.resolve("tls11.security");
        Files.writeString(file, TLS11_FOR_THE_JDK);
        return List.of("-Djava.security.properties=" + file);
    }

    /** A policy client trusting the test identity connects to 127.0.0.1:{@code port}; the protocol negotiated. */
    private String connect(CompiledPolicy policy, int port) throws Exception {
        SSLContext context = Contexts.uninitialised(policy, "TLS");
        context.init(null, rsa.trustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), Handshakes.TIMEOUT_MILLIS);
            socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** Serves one handshake with a policy server on 127.0.0.1 while {@code s_client} runs with {@code options}. */
    private record Served(OpenSsl.Result client, String server) {}

    private Served serve(CompiledPolicy policy, String... clientOptions) throws Exception {
        SSLContext context = Contexts.initialised(policy, rsa);
        try (SSLServerSocket listener = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
            CompletableFuture<String> server = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                    accepted.startHandshake();
                    return "CONNECTED " + accepted.getSession().getProtocol();
                } catch (Exception e) {
                    return "REFUSED " + e;
                }
            });
            OpenSsl.Result client = OpenSsl.client(listener.getLocalPort(), clientOptions);
            return new Served(client, server.get(2L * Handshakes.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    // ---- protocols ---------------------------------------------------------------------------

    @Test
    void aTls13OnlyOpenSslServer_isReachedByADefaultClient() throws Exception {
        try (OpenSsl server = OpenSsl.server(rsa, 1, "-tls1_3")) {
            assertEquals("TLSv1.3", connect(Contexts.policy("DEFAULT"), server.port()));
        }
    }

    @Test
    void aTls11OnlyServer_isRefusedByADefaultClient_evenWhenItAsksForTls11_whereTheJdkAndLegacyConnect()
            throws Exception {
        try (OpenSsl server = OpenSsl.server(rsa, 4, TLS11_ONLY)) {
            String out = TlsPeer.Run.run(
                    tls11EnabledForTheJdk(),
                    "client",
                    String.valueOf(server.port()),
                    rsa.certificate().toString(),
                    "JDK=TLSv1.1",
                    "LEGACY=TLSv1.1",
                    "DEFAULT=TLSv1.1",
                    "DEFAULT=TLSv1.1,TLSv1.2",
                    "DEFAULT");
            assertTrue(
                    out.contains("JDK=TLSv1.1 CONNECTED TLSv1.1"),
                    "SunJSSE alone must negotiate TLS 1.1 here:\n" + out);
            assertTrue(out.contains("LEGACY=TLSv1.1 CONNECTED TLSv1.1"), out);
            assertTrue(
                    out.contains(
                            "DEFAULT=TLSv1.1 REFUSED IllegalArgumentException: none of the requested protocols [TLSv1.1]"
                                    + " may be enabled: protocol TLSv1.1 is below the minimum protocol TLSv1.2 of policy DEFAULT (tls.min_protocol"),
                    out);
            assertTrue(out.contains("DEFAULT=TLSv1.1,TLSv1.2 REFUSED SSLHandshakeException"), out);
            assertTrue(out.contains("DEFAULT REFUSED SSLHandshakeException"), out);
            assertTrue(out.contains("cryptopolicy: not enabled: protocol TLSv1.1"), "the drop is logged:\n" + out);
        }
    }

    @Test
    void aDefaultJavaServer_refusesATls11OpenSslClient_whereALegacyServerServesIt() throws Exception {
        List<String> jvm = tls11EnabledForTheJdk();
        for (String policy : List.of("DEFAULT", "LEGACY")) {
            try (TlsPeer.Run server = TlsPeer.Run.start(
                    jvm,
                    "server",
                    policy,
                    rsa.certificate().toString(),
                    rsa.privateKey().toString(),
                    rsa.keyAlgorithm())) {
                OpenSsl.Result client = OpenSsl.client(server.port(), TLS11_ONLY);
                String served = server.awaitEnd();
                if (policy.equals("DEFAULT")) {
                    assertFalse(client.connected("TLSv1.1"), client.output());
                    assertTrue(served.contains("DEFAULT REFUSED SSLHandshakeException"), served);
                } else {
                    assertTrue(client.connected("TLSv1.1"), "the JDK serves TLS 1.1 here:\n" + client.output());
                    assertTrue(served.contains("LEGACY CONNECTED TLSv1.1"), served);
                }
            }
        }
    }

    @Test
    void aDefaultJavaServer_servesATls13OpenSslClient_andRefusesTls11() throws Exception {
        Served tls13 = serve(Contexts.policy("DEFAULT"), "-tls1_3");
        assertTrue(tls13.client().connected("TLSv1.3"), tls13.client().output());
        assertEquals("CONNECTED TLSv1.3", tls13.server());
        Served tls11 = serve(Contexts.policy("DEFAULT"), TLS11_ONLY);
        assertFalse(tls11.client().connected("TLSv1.1"), tls11.client().output());
        assertTrue(tls11.server().startsWith("REFUSED javax.net.ssl.SSLHandshakeException"), tls11.server());
    }

    // ---- named groups ------------------------------------------------------------------------

    @Test
    void aServerOfferingOnlyAForbiddenGroup_isRefused_whereGroupsAreSetPerConnection() throws Exception {
        assumeTrue(
                TlsEnforcement.setsGroupsAndSchemesPerConnection(),
                "JDK " + Runtime.version().feature()
                        + " cannot set named groups per connection (JDK 20+); see theGroupSystemProperties_refuseAForbiddenGroup");
        try (OpenSsl server = OpenSsl.server(rsa, 2, "-tls1_3", "-groups", "secp521r1")) {
            assertEquals("TLSv1.3", connect(Contexts.policy("DEFAULT"), server.port()), "DEFAULT allows secp521r1");
            CompiledPolicy noP521 = Contexts.withoutP521(dir);
            assertThrows(SSLHandshakeException.class, () -> connect(noP521, server.port()));
        }
    }

    @Test
    void aJavaServer_refusesAClientOfferingOnlyAForbiddenGroup_whereGroupsAreSetPerConnection() throws Exception {
        assumeTrue(
                TlsEnforcement.setsGroupsAndSchemesPerConnection(),
                "JDK " + Runtime.version().feature() + " cannot set named groups per connection (JDK 20+)");
        CompiledPolicy noP521 = Contexts.withoutP521(dir);
        Served allowed = serve(noP521, "-tls1_3", "-groups", "secp384r1");
        assertTrue(allowed.client().connected("TLSv1.3"), allowed.client().output());
        Served forbidden = serve(noP521, "-tls1_3", "-groups", "secp521r1");
        assertFalse(forbidden.client().connected("TLSv1.3"), forbidden.client().output());
        assertTrue(
                forbidden.server().startsWith("REFUSED javax.net.ssl.")
                        && forbidden.server().contains("No common named group"),
                forbidden.server());
    }

    @Test
    void theGroupSystemProperties_refuseAForbiddenGroup_onEveryJdk() throws Exception {
        CompiledPolicy noP521 = Contexts.withoutP521(dir);
        List<String> jvm = new ArrayList<>();
        TlsEnforcement.systemPropertiesFor(noP521).forEach((property, value) -> jvm.add("-D" + property + "=" + value));
        try (OpenSsl server = OpenSsl.server(rsa, 2, "-tls1_3", "-groups", "secp521r1")) {
            assertEquals(
                    "TLSv1.3",
                    connect(Contexts.policy("DEFAULT"), server.port()),
                    "this JVM, without the properties, connects");
            String out = TlsPeer.Run.run(
                    jvm,
                    "client",
                    String.valueOf(server.port()),
                    rsa.certificate().toString(),
                    dir.resolve("NO-P521.yaml").toString());
            assertTrue(out.contains("NO-P521.yaml REFUSED SSLHandshakeException"), out);
        }
    }
}
