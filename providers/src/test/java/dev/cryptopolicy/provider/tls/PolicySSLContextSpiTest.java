package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.backend.BackendLoad;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySSLContextSpiTest {

    @TempDir
    Path dir;

    /** What plain SunJSSE supports, for the expected intersections. */
    private static Set<String> backendSuites() throws Exception {
        return Set.of(Contexts.plain().getSupportedSSLParameters().getCipherSuites());
    }

    private static List<String> expectedSuites(CompiledPolicy policy) throws Exception {
        Set<String> backend = backendSuites();
        return policy.tls().cipherSuites().stream().filter(backend::contains).toList();
    }

    @Test
    void defaultParameters_underDefault_haveNoTls11_andExactlyThePolicysSuitesTheBackendHas() throws Exception {
        CompiledPolicy policy = Contexts.policy("DEFAULT");
        SSLParameters defaults = Contexts.ready(policy, "TLS").getDefaultSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, defaults.getProtocols());
        assertEquals(expectedSuites(policy), List.of(defaults.getCipherSuites()));
        assertFalse(List.of(defaults.getCipherSuites()).contains("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));
    }

    @Test
    void defaultParameters_underMozillaModern_areTls13Only_withThePolicysSuites() throws Exception {
        CompiledPolicy policy = Contexts.policy("DEFAULT:MOZILLA-MODERN");
        SSLParameters defaults = Contexts.ready(policy, "TLS").getDefaultSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3"}, defaults.getProtocols());
        assertEquals(expectedSuites(policy), List.of(defaults.getCipherSuites()));
        assertEquals(
                List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"),
                List.of(defaults.getCipherSuites()));
    }

    @Test
    void supportedParameters_areWhatThePolicyAllows() throws Exception {
        CompiledPolicy policy = Contexts.policy("DEFAULT");
        SSLParameters supported = Contexts.ready(policy, "TLS").getSupportedSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, supported.getProtocols());
        assertEquals(expectedSuites(policy), List.of(supported.getCipherSuites()));
    }

    @Test
    void groupsAndSchemes_areThePolicys_whereTheJdkSetsThemPerConnection() throws Exception {
        assumeTrue(
                ExtendedParameters.perConnection(),
                "JDK " + Runtime.version().feature()
                        + ": named groups and signature schemes are process-wide system properties (TlsEnforcement.systemPropertiesFor)");
        CompiledPolicy policy = Contexts.policy("DEFAULT:MOZILLA-MODERN");
        SSLContext context = Contexts.initialised(policy, TestPki.rsa());
        for (SSLParameters parameters : List.of(
                context.getDefaultSSLParameters(), context.createSSLEngine().getSSLParameters())) {
            assertEquals(policy.tls().namedGroups(), List.of(ExtendedParameters.namedGroups(parameters)));
            assertEquals(policy.tls().signatureSchemes(), List.of(ExtendedParameters.signatureSchemes(parameters)));
        }
    }

    @Test
    void beforeInit_theBackendsRuleStands_likeTheJdk() throws Exception {
        SSLContext context = Contexts.uninitialised(Contexts.policy("DEFAULT"), "TLS");
        assertThrows(IllegalStateException.class, context::getDefaultSSLParameters);
        assertThrows(IllegalStateException.class, context::getSocketFactory);
        assertThrows(IllegalStateException.class, context::createSSLEngine);
    }

    @Test
    void aContextForOneVersion_enablesNothingNewer() throws Exception {
        assertArrayEquals(
                new String[] {"TLSv1.2"},
                Contexts.ready(Contexts.policy("DEFAULT"), "TLSv1.2")
                        .getDefaultSSLParameters()
                        .getProtocols());
    }

    @Test
    void aContextForAVersionThePolicyDenies_isNoSuchAlgorithm_namingTheRule() {
        NoSuchAlgorithmException old = assertThrows(
                NoSuchAlgorithmException.class, () -> Contexts.uninitialised(Contexts.policy("DEFAULT"), "TLSv1.1"));
        assertTrue(
                old.getMessage()
                        .contains("protocol TLSv1.1 is below the minimum protocol TLSv1.2 of policy DEFAULT"
                                + " (tls.min_protocol, DEFAULT.yaml:"),
                old.getMessage());
        NoSuchAlgorithmException tooOld = assertThrows(
                NoSuchAlgorithmException.class,
                () -> Contexts.uninitialised(Contexts.policy("DEFAULT:MOZILLA-MODERN"), "TLSv1.2"));
        assertTrue(tooOld.getMessage().contains("tls.min_protocol"), tooOld.getMessage());
    }

    @Test
    void theDefaultContext_isInitialisedAlready_andRefusesInit_likeTheJdk() throws Exception {
        SSLContext context = Contexts.uninitialised(Contexts.policy("DEFAULT"), "Default");
        KeyManagementException e = assertThrows(KeyManagementException.class, () -> context.init(null, null, null));
        assertEquals("Default SSLContext is initialized automatically", e.getMessage());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, socket.getEnabledProtocols());
        }
    }

    @Test
    void everythingHandedOut_isHeldToThePolicy_fromTheStart() throws Exception {
        CompiledPolicy policy = Contexts.policy("DEFAULT:MOZILLA-MODERN");
        SSLContext context = Contexts.initialised(policy, TestPki.rsa());
        String[] suites = expectedSuites(policy).toArray(String[]::new);
        SSLEngine engine = context.createSSLEngine("localhost", 443);
        assertInstanceOf(PolicySSLEngine.class, engine);
        assertArrayEquals(new String[] {"TLSv1.3"}, engine.getEnabledProtocols());
        assertArrayEquals(suites, engine.getEnabledCipherSuites());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
                SSLServerSocket server = (SSLServerSocket)
                        context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertInstanceOf(PolicySSLSocket.class, socket);
            assertInstanceOf(PolicySSLServerSocket.class, server);
            assertArrayEquals(new String[] {"TLSv1.3"}, socket.getEnabledProtocols());
            assertArrayEquals(suites, socket.getEnabledCipherSuites());
            assertArrayEquals(new String[] {"TLSv1.3"}, server.getEnabledProtocols());
            assertArrayEquals(suites, server.getEnabledCipherSuites());
        }
        assertArrayEquals(suites, context.getSocketFactory().getDefaultCipherSuites());
        assertArrayEquals(suites, context.getServerSocketFactory().getSupportedCipherSuites());
        assertTrue(context.getClientSessionContext() != null && context.getServerSessionContext() != null);
    }

    @Test
    void overBcJsseInFipsMode_theFipsPolicyHolds_andEnginesAndSocketsHandshake() throws Exception {
        BackendLoad load = new BackendDiscovery().bcJsseFips();
        Provider bcJsse = load.backend()
                .orElseThrow(() -> new AssertionError(load.reason()))
                .provider();
        CompiledPolicy fips = Contexts.policy("FIPS");
        SSLContext plain = SSLContext.getInstance("TLS", bcJsse);
        plain.init(null, null, null);
        Set<String> backend = Set.of(plain.getSupportedSSLParameters().getCipherSuites());
        SSLContext context =
                Contexts.context(TlsEnforcement.sslContextSpi("TLS", bcJsse, fips, Contexts.keys(fips)), bcJsse, "TLS");
        context.init(TestPki.rsa().keyManagers(), TestPki.rsa().trustManagers(), null);

        SSLParameters defaults = context.getDefaultSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, defaults.getProtocols());
        assertEquals(
                fips.tls().cipherSuites().stream().filter(backend::contains).toList(),
                List.of(defaults.getCipherSuites()));
        SSLEngine engine = assertInstanceOf(PolicySSLEngine.class, context.createSSLEngine());
        engine.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        assertArrayEquals(new String[] {"TLSv1.2"}, engine.getEnabledProtocols());
        assertEquals(
                "TLSv1.3", Handshakes.engines(context.createSSLEngine("localhost", 443), context.createSSLEngine()));
        assertEquals("TLSv1.3", Handshakes.sockets(context, context, socket -> {}));
    }

    @Test
    void underAnAuditPolicy_theBackendsDefaultsStand() throws Exception {
        SSLContext audited = Contexts.ready(Contexts.auditDefault(dir), "TLS");
        SSLContext plain = Contexts.plain();
        assertEquals(
                Arrays.asList(plain.getDefaultSSLParameters().getProtocols()),
                Arrays.asList(audited.getDefaultSSLParameters().getProtocols()));
        assertEquals(
                Arrays.asList(plain.getDefaultSSLParameters().getCipherSuites()),
                Arrays.asList(audited.getDefaultSSLParameters().getCipherSuites()));
    }
}
