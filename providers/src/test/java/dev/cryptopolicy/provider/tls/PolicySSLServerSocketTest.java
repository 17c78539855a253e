package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class PolicySSLServerSocketTest {

    private static SSLServerSocket listening() throws Exception {
        return (SSLServerSocket) Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa())
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void setEnabledProtocols_dropsWhatThePolicyForbids_andRefusesWhenNothingIsLeft() throws Exception {
        try (SSLServerSocket server = listening()) {
            server.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
            assertArrayEquals(new String[] {"TLSv1.2"}, server.getEnabledProtocols());
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> server.setEnabledProtocols(new String[] {"TLSv1.1"}));
            assertTrue(e.getMessage().contains("tls.min_protocol"), e.getMessage());
        }
    }

    @Test
    void setSSLParametersAndSuites_areFilteredToo() throws Exception {
        try (SSLServerSocket server = listening()) {
            SSLParameters parameters = server.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.1", "TLSv1.3"});
            parameters.setCipherSuites(new String[] {"TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"});
            server.setSSLParameters(parameters);
            assertArrayEquals(new String[] {"TLSv1.3"}, server.getEnabledProtocols());
            assertArrayEquals(new String[] {"TLS_AES_256_GCM_SHA384"}, server.getEnabledCipherSuites());
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, server.getSupportedProtocols());
        }
    }

    @Test
    void acceptedSockets_areHeldToThePolicy() throws Exception {
        try (SSLServerSocket server = listening();
                Socket client = new Socket()) {
            server.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
            client.connect(
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), Handshakes.TIMEOUT_MILLIS);
            try (SSLSocket accepted = assertInstanceOf(PolicySSLSocket.class, server.accept())) {
                accepted.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
                assertArrayEquals(new String[] {"TLSv1.2"}, accepted.getEnabledProtocols());
            }
        }
    }
}
