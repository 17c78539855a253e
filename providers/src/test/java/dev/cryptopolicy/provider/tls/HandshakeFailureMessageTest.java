package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * A handshake the policy makes fail names the policy's rule, not only JSSE's symptom: under
 * FUTURE (RSA keys of at least 3072 bits) a server presenting a 2048-bit RSA certificate fails,
 * and the client's exception names {@code keys.rsa.min_bits} and where FUTURE sets it.
 */
@Slow
class HandshakeFailureMessageTest {

    @Test
    void installedFuture_against2048BitRsaServer_failsNamingTheKeySizeRule() throws Exception {
        TestPki.Identity rsa = TestPki.rsa();
        try (OpenSsl server = OpenSsl.server(rsa, 1, "-tls1_3")) {
            String out = TlsPeer.Run.run(
                    List.of(),
                    "installed",
                    String.valueOf(server.port()),
                    rsa.certificate().toString(),
                    "FUTURE");
            assertTrue(out.contains("FUTURE SunJSSE REFUSED SSLHandshakeException: "), out);
            assertTrue(out.contains("(cryptopolicy: "), out);
            assertTrue(out.contains("RSA key of 2048 bits"), out);
            assertTrue(out.contains("keys.rsa.min_bits, FUTURE.yaml:"), out);
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
