package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After {@code Installation.replace} raises the RSA minimum for TLS from 2048 to 3072 bits (a
 * {@code deny} rule in scope {@code tls}, so the JCA's own key checks still accept 2048 bits), a
 * new handshake checks the peer's certificate key under the new policy, through a context made
 * before the replacement as through a new one; a connection made before keeps the policy it was
 * made under. A context of the policy's SPI that was never installed checks it by its own policy.
 * Each refusal has its control: the same handshake connects under DEFAULT.
 */
@Slow
class ReplacedPolicyPeerTest {
    private static final String RULE = "RSA key of 2048 bits is below the minimum of 3072 bits of policy ";

    private static Map<String, String> outcomes;

    @BeforeAll
    static void run() throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), PeerHandshakeChild.class, "replace");
        assertEquals(0, r.exit(), r.output());
        outcomes = r.output()
                .lines()
                .filter(l -> l.startsWith("CASE "))
                .map(l -> l.substring(5).split(" ", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    @Test
    void beforeTheReplacement_bothEndsConnect() {
        assertEquals("CONNECTED TLSv1.3", outcomes.get("before-sockets"), outcomes::toString);
        assertEquals("CONNECTED TLSv1.3", outcomes.get("before-engines"), outcomes::toString);
    }

    @Test
    void afterTheReplacement_newHandshakesRefuseThePeersKey_namingTheNewRule() {
        for (String name : List.of("after-sockets", "after-engines", "after-new-context")) {
            String outcome = outcomes.get(name);
            assertTrue(
                    outcome.startsWith("REFUSED SSLHandshakeException: the peer's certificate CN=localhost"),
                    name + ": " + outcome);
            assertTrue(outcome.contains("(cryptopolicy: " + RULE), name + ": " + outcome);
            assertTrue(outcome.contains("RSA-3072-TLS.yaml (deny[0], "), name + ": " + outcome);
            assertTrue(outcome.contains("RSA-3072-TLS.yaml:4))"), name + ": " + outcome);
        }
    }

    @Test
    void anEngineMadeBeforeTheReplacement_keepsItsPolicy() {
        assertEquals("CONNECTED TLSv1.3", outcomes.get("engine-made-before"), outcomes::toString);
    }

    @Test
    void theUninstalledSpi_checksThePeersKeyByItsOwnPolicy_andDefaultConnects() {
        for (String name : List.of("uninstalled-RSA-3072-TLS-sockets", "uninstalled-RSA-3072-TLS-engines")) {
            String outcome = outcomes.get(name);
            assertTrue(
                    outcome.startsWith("REFUSED SSLHandshakeException: the peer's certificate CN=localhost"),
                    name + ": " + outcome);
            assertTrue(outcome.contains("(cryptopolicy: " + RULE), name + ": " + outcome);
        }
        assertEquals("CONNECTED TLSv1.3", outcomes.get("uninstalled-DEFAULT-sockets"), outcomes::toString);
        assertEquals("CONNECTED TLSv1.3", outcomes.get("uninstalled-DEFAULT-engines"), outcomes::toString);
    }
}
