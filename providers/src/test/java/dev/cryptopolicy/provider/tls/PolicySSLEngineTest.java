package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class PolicySSLEngineTest {

    private static SSLContext defaultContext() throws Exception {
        return Contexts.initialised(Contexts.policy("DEFAULT"), TestPki.rsa());
    }

    @Test
    void setEnabledProtocols_dropsWhatThePolicyForbids_andRefusesWhenNothingIsLeft() throws Exception {
        SSLEngine engine = defaultContext().createSSLEngine();
        engine.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        assertArrayEquals(new String[] {"TLSv1.2"}, engine.getEnabledProtocols());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> engine.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1"}));
        assertTrue(e.getMessage().contains("tls.min_protocol"), e.getMessage());
    }

    @Test
    void setSSLParameters_withTls11_keepsTls12() throws Exception {
        SSLEngine engine = defaultContext().createSSLEngine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        engine.setSSLParameters(parameters);
        assertArrayEquals(new String[] {"TLSv1.2"}, engine.getEnabledProtocols());
    }

    @Test
    void setEnabledCipherSuites_dropsSuitesThePolicyDoesNotList() throws Exception {
        SSLEngine engine = defaultContext().createSSLEngine();
        engine.setEnabledCipherSuites(new String[] {"TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"});
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, engine.getEnabledCipherSuites());
    }

    @Test
    void anEnginePair_negotiatesTls13() throws Exception {
        SSLContext context = defaultContext();
        assertEquals(
                "TLSv1.3", Handshakes.engines(context.createSSLEngine("localhost", 443), context.createSSLEngine()));
    }

    @Test
    void anEnginePairUnderMozillaModern_usesAPolicySuite() throws Exception {
        SSLContext context = Contexts.initialised(Contexts.policy("DEFAULT:MOZILLA-MODERN"), TestPki.ec());
        SSLEngine client = context.createSSLEngine("localhost", 443);
        assertEquals("TLSv1.3", Handshakes.engines(client, context.createSSLEngine()));
        assertEquals("TLS_AES_128_GCM_SHA256", client.getSession().getCipherSuite());
    }

    @Test
    void theApplicationProtocolSelector_seesThePolicyEngine() throws Exception {
        SSLContext context = defaultContext();
        SSLEngine client = context.createSSLEngine("localhost", 443);
        SSLEngine server = context.createSSLEngine();
        SSLParameters parameters = client.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        client.setSSLParameters(parameters);
        AtomicReference<SSLEngine> seen = new AtomicReference<>();
        server.setHandshakeApplicationProtocolSelector((engine, offered) -> {
            seen.set(engine);
            return offered.contains("h2") ? "h2" : null;
        });
        Handshakes.engines(client, server);
        assertSame(server, seen.get());
        assertEquals("h2", client.getApplicationProtocol());
        assertEquals("h2", server.getApplicationProtocol());
    }

    @Test
    void peerHostAndPort_areTheBackendEngines() throws Exception {
        SSLEngine engine = defaultContext().createSSLEngine("example.org", 8443);
        assertEquals("example.org", engine.getPeerHost());
        assertEquals(8443, engine.getPeerPort());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(engine.getSupportedProtocols()));
    }
}
