package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class TlsEnforcementTest {
    private final CompiledPolicy defaultPolicy = Contexts.policy("DEFAULT");

    @Test
    void aContextOfTheBackend_followsThePolicy() throws Exception {
        SSLContext context = Contexts.context(
                TlsEnforcement.of(defaultPolicy, Contexts.keys(defaultPolicy)).sslContextSpi("TLS", Contexts.sunJsse()),
                Contexts.sunJsse(),
                "TLS");
        context.init(null, null, null);
        assertArrayEquals(
                new String[] {"TLSv1.3", "TLSv1.2"},
                context.getDefaultSSLParameters().getProtocols());
    }

    @Test
    void theStaticShorthand_makesTheSameContext() throws Exception {
        SSLContext context = Contexts.ready(Contexts.policy("DEFAULT:MOZILLA-MODERN"), "TLS");
        assertArrayEquals(
                new String[] {"TLSv1.3"}, context.getDefaultSSLParameters().getProtocols());
    }

    @Test
    void dtls_isNotOffered_becauseThePolicyLanguageHasNoDtlsVersions() {
        NoSuchAlgorithmException e = assertThrows(
                NoSuchAlgorithmException.class,
                () -> TlsEnforcement.sslContextSpi(
                        "DTLS", Contexts.sunJsse(), defaultPolicy, Contexts.keys(defaultPolicy)));
        assertTrue(e.getMessage().contains("policy DEFAULT"), e.getMessage());
    }

    @Test
    void aProtocolTheBackendLacks_isNoSuchAlgorithm() {
        assertThrows(
                NoSuchAlgorithmException.class,
                () -> TlsEnforcement.sslContextSpi(
                        "TLSv9", Contexts.sunJsse(), defaultPolicy, Contexts.keys(defaultPolicy)));
    }

    @Test
    void systemProperties_carryThePolicysGroupsAndSchemes_inPreferenceOrder() {
        CompiledPolicy modern = Contexts.policy("DEFAULT:MOZILLA-MODERN");
        Map<String, String> properties = TlsEnforcement.systemPropertiesFor(modern);
        assertEquals(
                List.of("jdk.tls.namedGroups", "jdk.tls.client.SignatureSchemes", "jdk.tls.server.SignatureSchemes"),
                List.copyOf(properties.keySet()));
        assertEquals("x25519,secp256r1,secp384r1", properties.get("jdk.tls.namedGroups"));
        String schemes = String.join(",", modern.tls().signatureSchemes());
        assertEquals(schemes, properties.get("jdk.tls.client.SignatureSchemes"));
        assertEquals(schemes, properties.get("jdk.tls.server.SignatureSchemes"));
    }

    @Test
    void groupsAndSchemesPerConnection_onJdk20AndLater() {
        assertEquals(Runtime.version().feature() >= 20, TlsEnforcement.setsGroupsAndSchemesPerConnection());
    }

    @Test
    void whereGroupsCannotBeSetPerConnection_theSystemPropertiesToSetAreLogged_atDebug() {
        // At DEBUG: an installation's one INFO line names them (StartUpLineTest).
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.cryptopolicy");
        java.util.logging.Level level = logger.getLevel();
        logger.setLevel(java.util.logging.Level.FINE);
        try (LogCapture log = new LogCapture()) {
            TlsEnforcement.of(defaultPolicy, Contexts.keys(defaultPolicy));
            long expected = TlsEnforcement.setsGroupsAndSchemesPerConnection() ? 0 : 1;
            assertEquals(
                    expected,
                    log.count("-Djdk.tls.namedGroups="
                            + String.join(",", defaultPolicy.tls().namedGroups())),
                    log.messages().toString());
            assertEquals(0, log.count("INFO "), log.messages().toString());
        } finally {
            logger.setLevel(level);
        }
    }
}
