package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.backend.BackendLoad;
import java.nio.file.Path;
import java.security.Provider;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BCJSSE in FIPS mode asks the policy's constraints on its parameters too: a policy whose only
 * difference from FIPS is a key rule (RSA of at least 3072 bits) refuses the 2048-bit RSA peer that
 * FIPS accepts, a rule BCJSSE itself knows nothing of. The protocols, suites, groups and schemes of
 * the two policies are the same, so only the constraints differ.
 */
class BcJsseConstraintsTest {

    @Test
    void aKeyRuleOfThePolicy_refusesTheHandshake_overBcJsse(@TempDir Path dir) throws Exception {
        Provider bcJsse = bcJsse();
        CompiledPolicy rsa3072 = Contexts.policyFile(
                dir, "FIPS-RSA3072", "kind: policy\nextends: FIPS\nkeys:\n  rsa:\n    min_bits: 3072\n");
        SSLContext context = initialised(bcJsse, rsa3072);
        SSLException refused = assertThrows(
                SSLException.class,
                () -> Handshakes.engines(context.createSSLEngine("localhost", 443), context.createSSLEngine()));
        // BCJSSE's server asks the constraints about its own RSA-2048 key and finds no credential.
        assertTrue(refused.getMessage().contains("handshake_failure"), String.valueOf(refused));
    }

    @Test
    void control_underFips_theSameHandshakeSucceeds() throws Exception {
        Provider bcJsse = bcJsse();
        SSLContext context = initialised(bcJsse, Contexts.policy("FIPS"));
        assertEquals(
                "TLSv1.3", Handshakes.engines(context.createSSLEngine("localhost", 443), context.createSSLEngine()));
    }

    private static SSLContext initialised(Provider bcJsse, CompiledPolicy policy) throws Exception {
        SSLContext context = Contexts.context(
                TlsEnforcement.sslContextSpi("TLS", bcJsse, policy, Contexts.keys(policy)), bcJsse, "TLS");
        context.init(TestPki.rsa().keyManagers(), TestPki.rsa().trustManagers(), null);
        return context;
    }

    private static Provider bcJsse() {
        BackendLoad load = new BackendDiscovery().bcJsseFips();
        return load.backend()
                .orElseThrow(() -> new AssertionError(load.reason()))
                .provider();
    }
}
