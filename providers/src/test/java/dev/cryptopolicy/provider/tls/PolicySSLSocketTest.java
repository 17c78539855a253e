package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySSLSocketTest {

    private static SSLSocket unconnected() throws Exception {
        return (SSLSocket) Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa())
                .getSocketFactory()
                .createSocket();
    }

    @Test
    void setEnabledProtocols_dropsWhatThePolicyForbids() throws Exception {
        try (SSLSocket socket = unconnected()) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
            assertArrayEquals(new String[] {"TLSv1.2"}, socket.getEnabledProtocols());
        }
    }

    @Test
    void setEnabledProtocols_withNothingAllowed_throwsNamingTheRule() throws Exception {
        try (SSLSocket socket = unconnected()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> socket.setEnabledProtocols(new String[] {"TLSv1.1"}));
            assertTrue(e.getMessage().contains("(tls.min_protocol, DEFAULT.yaml:"), e.getMessage());
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, socket.getEnabledProtocols(), "nothing changed");
        }
    }

    @Test
    void setEnabledCipherSuites_dropsSuitesThePolicyDoesNotList() throws Exception {
        try (SSLSocket socket = unconnected()) {
            socket.setEnabledCipherSuites(
                    new String[] {"TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"});
            assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, socket.getEnabledCipherSuites());
        }
    }

    @Test
    void setSSLParameters_withTls11_keepsOnlyWhatThePolicyAllows() throws Exception {
        try (SSLSocket socket = unconnected()) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
            socket.setSSLParameters(parameters);
            assertArrayEquals(new String[] {"TLSv1.2"}, socket.getEnabledProtocols());

            parameters.setProtocols(new String[] {"TLSv1.1"});
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> socket.setSSLParameters(parameters));
            assertTrue(e.getMessage().contains("tls.min_protocol"), e.getMessage());
        }
    }

    @Test
    void supportedLists_areWhatThePolicyAllows() throws Exception {
        try (SSLSocket socket = unconnected()) {
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, socket.getSupportedProtocols());
            assertFalse(List.of(socket.getSupportedCipherSuites()).contains("TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"));
        }
    }

    static Stream<TestPki.Identity> identities() {
        return Stream.of(TestPki.rsa(), TestPki.ec());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void policyClientAndServer_negotiateTls13_overLoopback(TestPki.Identity identity) throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT"), identity);
        assertEquals("TLSv1.3", Handshakes.sockets(context, context, socket -> {}));
    }

    @Test
    void aClientAskingForTls11And12_getsTls12() throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa());
        assertEquals(
                "TLSv1.2",
                Handshakes.sockets(
                        context, context, socket -> socket.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"})));
    }

    @Test
    void handshakeListeners_seeThePolicySocket() throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa());
        CompletableFuture<HandshakeCompletedEvent> completed = new CompletableFuture<>();
        SSLSocket[] client = new SSLSocket[1];
        Handshakes.sockets(context, context, socket -> {
            client[0] = socket;
            socket.addHandshakeCompletedListener(completed::complete);
        });
        HandshakeCompletedEvent event = completed.get(Handshakes.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertSame(client[0], event.getSocket());
        assertEquals("TLSv1.3", event.getSession().getProtocol());
    }

    @Test
    void removingAListenerThatWasNeverAdded_isAnIllegalArgument_likeTheJdk() throws Exception {
        try (SSLSocket socket = unconnected()) {
            HandshakeCompletedListener listener = event -> {};
            assertThrows(IllegalArgumentException.class, () -> socket.removeHandshakeCompletedListener(listener));
            socket.addHandshakeCompletedListener(listener);
            socket.removeHandshakeCompletedListener(listener);
            assertThrows(IllegalArgumentException.class, () -> socket.removeHandshakeCompletedListener(listener));
        }
    }

    @Test
    void theApplicationProtocolSelector_isTheApplicationsOwn() throws Exception {
        try (SSLSocket socket = unconnected()) {
            BiFunction<SSLSocket, List<String>, String> selector = (s, offered) -> offered.get(0);
            socket.setHandshakeApplicationProtocolSelector(selector);
            assertSame(selector, socket.getHandshakeApplicationProtocolSelector());
        }
    }

    @Test
    void socketOptionsAndClose_reachTheBackendsSocket() throws Exception {
        SSLSocket socket = unconnected();
        socket.setSoTimeout(1234);
        socket.setTcpNoDelay(true);
        assertEquals(1234, socket.getSoTimeout());
        assertTrue(socket.getTcpNoDelay());
        assertFalse(socket.isConnected());
        socket.close();
        assertTrue(socket.isClosed());
    }
}
