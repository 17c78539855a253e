package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * TLS names an application passes (enabled suites and protocols, {@link SSLParameters} named
 * groups) spelt with look-alike characters: JSSE compares group and scheme names with
 * {@code equalsIgnoreCase}, so {@code secp256r1} with U+017F LONG S is secp256r1 to it. Under a
 * policy such a name is no name the policy knows, so it is dropped, and a request of nothing else
 * is refused; the ASCII spellings, in any case, are kept.
 */
class LookAlikeTlsNamesTest {

    private static final CompiledPolicy DEFAULT = Contexts.policy("DEFAULT");

    @Test
    void theFilter_knowsNoLookAlike_andEveryAsciiCase() {
        TlsFilter filter = Contexts.filter(DEFAULT);
        String[][] pairs = {
            {"TLS_AES_128_GCM_SHA256", "TL\u017F_AES_128_GCM_SHA256"},
            {"tls_aes_128_gcm_sha256", "TLS_AE\u017F_128_GCM_SHA256"},
        };
        for (String[] p : pairs) {
            assertTrue(filter.allows(TlsKind.CIPHER_SUITE, p[0]), p[0]);
            assertFalse(filter.allows(TlsKind.CIPHER_SUITE, p[1]), p[1]);
        }
        assertTrue(filter.allows(TlsKind.PROTOCOL, "TLSv1.3"));
        assertFalse(filter.allows(TlsKind.PROTOCOL, "TL\u017Fv1.3"));
        assertTrue(filter.allows(TlsKind.NAMED_GROUP, "SECP256R1"));
        assertFalse(filter.allows(TlsKind.NAMED_GROUP, "\u017Fecp256r1"));
        assertTrue(filter.allows(TlsKind.SIGNATURE_SCHEME, "ECDSA_SECP256R1_SHA256"));
        assertFalse(filter.allows(TlsKind.SIGNATURE_SCHEME, "ecd\u017Fa_secp256r1_sha256"));
        assertFalse(DEFAULT.decideTls(TlsKind.NAMED_GROUP, "\u017Fecp256r1").allowed());
    }

    @Test
    void anEngine_dropsLookAlikeSuitesAndGroups_andRefusesALookAlikeProtocolAlone() throws Exception {
        SSLEngine engine = Contexts.ready(DEFAULT, "TLS").createSSLEngine();
        engine.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TL\u017F_AES_256_GCM_SHA384"});
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, engine.getEnabledCipherSuites());
        IllegalArgumentException protocol = assertThrows(
                IllegalArgumentException.class, () -> engine.setEnabledProtocols(new String[] {"TL\u017Fv1.3"}));
        assertTrue(protocol.getMessage().contains("policy DEFAULT"), protocol::getMessage);
        if (ExtendedParameters.perConnection()) {
            // JDK 20 and later: JSSE would take the look-alike for secp256r1.
            SSLParameters parameters = engine.getSSLParameters();
            ExtendedParameters.setNamedGroups(parameters, new String[] {"\u017Fecp256r1", "x25519"});
            engine.setSSLParameters(parameters);
            assertArrayEquals(new String[] {"x25519"}, ExtendedParameters.namedGroups(engine.getSSLParameters()));
        }
    }
}
