package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import org.junit.jupiter.api.Test;

/**
 * Server sockets bind to 127.0.0.1 only; {@code createServerSocket(port)} and
 * {@code createServerSocket(port, backlog)}, which bind every interface, forward the same way and are
 * not exercised here.
 */
class PolicySSLServerSocketFactoryTest {

    @Test
    void boundAndUnboundServerSockets_startWithThePolicysProtocols() throws Exception {
        SSLServerSocketFactory factory =
                Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa()).getServerSocketFactory();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket bound = factory.createServerSocket(0, 1, loopback);
                ServerSocket unbound = factory.createServerSocket()) {
            unbound.bind(new InetSocketAddress(loopback, 0));
            for (ServerSocket socket : new ServerSocket[] {bound, unbound}) {
                SSLServerSocket ssl = assertInstanceOf(PolicySSLServerSocket.class, socket);
                assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, ssl.getEnabledProtocols());
            }
        }
    }

    @Test
    void defaultAndSupportedSuites_areThePolicysTheBackendHas() throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT:MOZILLA-MODERN"), TestPki.rsa());
        String[] expected = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"};
        assertArrayEquals(expected, context.getServerSocketFactory().getDefaultCipherSuites());
        assertArrayEquals(expected, context.getServerSocketFactory().getSupportedCipherSuites());
    }
}
