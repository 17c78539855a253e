package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class PolicySSLSocketFactoryTest {

    /** Every way of making a socket, connected to a plain TCP listener on 127.0.0.1 (no handshake happens). */
    @Test
    void everyKindOfSocket_startsWithThePolicysProtocols_andFiltersLaterSetters() throws Exception {
        SSLSocketFactory factory =
                Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa()).getSocketFactory();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<Socket> sockets = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, loopback)) {
            int port = listener.getLocalPort();
            sockets.add(factory.createSocket());
            sockets.add(factory.createSocket("127.0.0.1", port));
            sockets.add(factory.createSocket("127.0.0.1", port, loopback, 0));
            sockets.add(factory.createSocket(loopback, port));
            sockets.add(factory.createSocket(loopback, port, loopback, 0));
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(loopback, port), Handshakes.TIMEOUT_MILLIS);
            sockets.add(factory.createSocket(plain, "localhost", port, true));
            Socket plainServerSide = new Socket();
            plainServerSide.connect(new InetSocketAddress(loopback, port), Handshakes.TIMEOUT_MILLIS);
            sockets.add(factory.createSocket(plainServerSide, null, true));
            for (Socket socket : sockets) {
                SSLSocket ssl = assertInstanceOf(PolicySSLSocket.class, socket);
                assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, ssl.getEnabledProtocols(), ssl.toString());
                ssl.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
                assertArrayEquals(new String[] {"TLSv1.2"}, ssl.getEnabledProtocols(), ssl.toString());
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void defaultAndSupportedSuites_areThePolicysTheBackendHas() throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT:MOZILLA-MODERN"), TestPki.rsa());
        String[] expected = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"};
        assertArrayEquals(expected, context.getSocketFactory().getDefaultCipherSuites());
        assertArrayEquals(expected, context.getSocketFactory().getSupportedCipherSuites());
    }
}
