package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilterTest {
    private final CompiledPolicy defaultPolicy = Contexts.policy("DEFAULT");

    @TempDir
    Path dir;

    @Test
    void restrict_keepsWhatThePolicyAllows_inTheApplicationsOrder() {
        TlsFilter filter = Contexts.filter(defaultPolicy);
        assertArrayEquals(
                new String[] {"TLSv1.2", "TLSv1.3"},
                filter.restrict(TlsKind.PROTOCOL, new String[] {"TLSv1.2", "TLSv1.1", "TLSv1.3"}));
    }

    @Test
    void restrict_whenNothingIsAllowed_throwsNamingEachRule() {
        TlsFilter filter = Contexts.filter(defaultPolicy);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> filter.restrict(TlsKind.PROTOCOL, new String[] {"TLSv1.1", "SSLv3"}));
        assertTrue(
                e.getMessage()
                        .contains("protocol TLSv1.1 is below the minimum protocol TLSv1.2 of policy DEFAULT"
                                + " (tls.min_protocol, DEFAULT.yaml:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("protocol SSLv3 "), e.getMessage());
    }

    @Test
    void restrict_ofAnEmptyList_isAnEmptyList_likeTheJdk() {
        assertArrayEquals(new String[0], Contexts.filter(defaultPolicy).restrict(TlsKind.CIPHER_SUITE, new String[0]));
    }

    @Test
    void restrict_ofNullOrANullName_isAnIllegalArgument_likeTheJdk() {
        TlsFilter filter = Contexts.filter(defaultPolicy);
        assertThrows(IllegalArgumentException.class, () -> filter.restrict(TlsKind.PROTOCOL, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> filter.restrict(TlsKind.PROTOCOL, new String[] {"TLSv1.3", null}));
    }

    @Test
    void eachDroppedValue_isLoggedOnce_withTheRule() {
        TlsFilter filter = Contexts.filter(defaultPolicy);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                filter.restrict(TlsKind.PROTOCOL, new String[] {"TLSv1.1", "TLSv1.2"});
                filter.restrict(TlsKind.PROTOCOL, new String[] {"tlsv1.1", "TLSv1.3"});
            }
            filter.restrict(
                    TlsKind.CIPHER_SUITE,
                    new String[] {"TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"});
            assertEquals(
                    1,
                    log.count("protocol TLSv1.1 is below the minimum protocol TLSv1.2"),
                    log.messages().toString());
            assertEquals(0, log.count("protocol tlsv1.1"), "any case is the same value: " + log.messages());
            assertEquals(
                    1,
                    log.count("cipher suite TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"),
                    log.messages().toString());
            assertEquals(2, log.messages().size(), log.messages().toString());
            assertTrue(
                    log.messages().get(0).startsWith("WARNING cryptopolicy: not enabled: "),
                    log.messages().toString());
        }
    }

    @Test
    void sunJsseSslPrefix_isReadAsTheIanaTlsName() {
        String jdkName = "SSL_RSA_WITH_3DES_EDE_CBC_SHA";
        TlsFilter legacy = Contexts.filter(Contexts.policy("LEGACY"));
        assertArrayEquals(new String[] {jdkName}, legacy.restrict(TlsKind.CIPHER_SUITE, new String[] {jdkName}));
        assertArrayEquals(new String[] {jdkName}, legacy.supported(TlsKind.CIPHER_SUITE, new String[] {jdkName}));
        TlsFilter defaults = Contexts.filter(defaultPolicy);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> defaults.restrict(TlsKind.CIPHER_SUITE, new String[] {jdkName}));
        assertTrue(e.getMessage().contains(jdkName), e.getMessage());
    }

    @Test
    void supported_isTheAllowedSubset_inThePolicysOrder_withoutLogging() {
        TlsFilter filter = Contexts.filter(defaultPolicy);
        List<String> policyOrder = defaultPolicy.tls().cipherSuites();
        String[] offered = {
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
            policyOrder.get(5),
            "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
            policyOrder.get(0),
            policyOrder.get(2)
        };
        try (LogCapture log = new LogCapture()) {
            assertArrayEquals(
                    new String[] {policyOrder.get(0), policyOrder.get(2), policyOrder.get(5)},
                    filter.supported(TlsKind.CIPHER_SUITE, offered));
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void restrictedParameters_areACopyWithEveryOtherSettingKept() {
        SSLParameters requested = new SSLParameters(
                new String[] {"TLS_AES_128_GCM_SHA256", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"},
                new String[] {"TLSv1.1", "TLSv1.3"});
        requested.setServerNames(List.of(new SNIHostName("example.org")));
        requested.setEndpointIdentificationAlgorithm("HTTPS");
        requested.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        requested.setNeedClientAuth(true);
        requested.setUseCipherSuitesOrder(true);
        requested.setEnableRetransmissions(false);
        requested.setMaximumPacketSize(1200);

        SSLParameters restricted = Contexts.filter(defaultPolicy).restrict(requested);

        assertArrayEquals(new String[] {"TLSv1.3"}, restricted.getProtocols());
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, restricted.getCipherSuites());
        assertEquals(requested.getServerNames(), restricted.getServerNames());
        assertEquals("HTTPS", restricted.getEndpointIdentificationAlgorithm());
        assertArrayEquals(new String[] {"h2", "http/1.1"}, restricted.getApplicationProtocols());
        assertTrue(restricted.getNeedClientAuth());
        assertTrue(restricted.getUseCipherSuitesOrder());
        assertFalse(restricted.getEnableRetransmissions());
        assertEquals(1200, restricted.getMaximumPacketSize());
        assertArrayEquals(
                new String[] {"TLSv1.1", "TLSv1.3"}, requested.getProtocols(), "the caller's object is untouched");
    }

    @Test
    void restrictedParameters_leaveUnsetProtocolsAndSuitesUnset() {
        SSLParameters restricted = Contexts.filter(defaultPolicy).restrict(new SSLParameters());
        assertNull(restricted.getProtocols());
        assertNull(restricted.getCipherSuites());
    }

    @Test
    void restrictedParameters_carryThePolicysGroupsAndSchemes_whereTheJdkHasThem() {
        assumeTrue(
                ExtendedParameters.perConnection(),
                "JDK " + Runtime.version().feature()
                        + " has no SSLParameters.setNamedGroups (JDK 20+); see TlsEnforcementTest for the system properties");
        TlsFilter filter = Contexts.filter(Contexts.policy("DEFAULT:MOZILLA-MODERN"));
        SSLParameters unset = filter.restrict(new SSLParameters());
        assertArrayEquals(new String[] {"x25519", "secp256r1", "secp384r1"}, ExtendedParameters.namedGroups(unset));
        assertEquals(
                Contexts.policy("DEFAULT:MOZILLA-MODERN").tls().signatureSchemes(),
                List.of(ExtendedParameters.signatureSchemes(unset)));

        SSLParameters requested = new SSLParameters();
        ExtendedParameters.setNamedGroups(requested, new String[] {"ffdhe2048", "secp384r1"});
        ExtendedParameters.setSignatureSchemes(requested, new String[] {"rsa_pkcs1_sha1", "ed25519"});
        SSLParameters restricted = filter.restrict(requested);
        assertArrayEquals(new String[] {"secp384r1"}, ExtendedParameters.namedGroups(restricted));
        assertArrayEquals(new String[] {"ed25519"}, ExtendedParameters.signatureSchemes(restricted));
    }

    @Test
    void underAnAuditPolicy_nothingIsDropped_butEveryWouldBeDropIsLogged() throws Exception {
        TlsFilter filter = Contexts.filter(Contexts.auditDefault(dir));
        try (LogCapture log = new LogCapture()) {
            assertArrayEquals(new String[] {"TLSv1.1"}, filter.restrict(TlsKind.PROTOCOL, new String[] {"TLSv1.1"}));
            String[] offered = {"TLSv1.1", "TLSv1.3"};
            assertArrayEquals(offered, filter.supported(TlsKind.PROTOCOL, offered));
            assertEquals(
                    1,
                    log.count("cryptopolicy audit: would not enable: protocol TLSv1.1"),
                    log.messages().toString());
        }
    }
}
