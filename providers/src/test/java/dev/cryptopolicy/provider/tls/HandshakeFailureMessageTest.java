package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * A handshake the policy makes fail names the policy's rule, not only JSSE's symptom: under
 * FUTURE (RSA keys of at least 3072 bits) a server presenting a 2048-bit RSA certificate fails,
 * and the exception the client sees names {@code keys.rsa.min_bits} and where FUTURE sets it,
 * whether the application starts the handshake ({@code startHandshake}), lets its first write or
 * read start it, or drives an {@code SSLEngine} (the exception of {@code wrap} or {@code unwrap}).
 */
@Slow
class HandshakeFailureMessageTest {

    private static final String RULE = "RSA key of 2048 bits is below the minimum of 3072 bits of policy FUTURE"
            + " (keys.rsa.min_bits, FUTURE.yaml:";

    @Test
    void installedFuture_against2048BitRsaServer_failsNamingTheKeySizeRule() throws Exception {
        String out = TlsPeer.installedAgainst(TestPki.rsa(), "FUTURE");
        assertTrue(out.contains("FUTURE SunJSSE REFUSED SSLHandshakeException: "), out);
        assertTrue(out.contains("(cryptopolicy: " + RULE), out);
    }

    @Test
    void implicitHandshakesAndEngines_failNamingTheKeySizeRule() throws Exception {
        TestPki.Identity rsa = TestPki.rsa();
        try (OpenSsl server = OpenSsl.server(rsa, 3, "-tls1_3")) {
            Jvm.Result r = Jvm.run(
                    List.of(),
                    Jvm.classPath(),
                    PeerHandshakeChild.class,
                    "implicit",
                    String.valueOf(server.port()),
                    rsa.certificate().toString());
            String out = r.output();
            assertEquals(0, r.exit(), out);
            for (String name : List.of("first-write", "first-read", "engine")) {
                assertTrue(out.contains("CASE " + name + " REFUSED SSLHandshakeException: "), name + "\n" + out);
                String line = out.lines()
                        .filter(l -> l.startsWith("CASE " + name + " "))
                        .findFirst()
                        .orElseThrow();
                assertTrue(line.contains("(cryptopolicy: " + RULE), line);
            }
        }
    }

    @Test
    void control_theSameServer_underDefault_handshakes() throws Exception {
        TestPki.Identity rsa = TestPki.rsa();
        SSLContext server = SSLContext.getInstance("TLS", Contexts.sunJsse());
        server.init(rsa.keyManagers(), null, null);
        SSLContext client = Contexts.initialised(Contexts.policy("DEFAULT"), rsa);
        assertEquals("TLSv1.3", Handshakes.sockets(client, server, socket -> {}));
    }
}
