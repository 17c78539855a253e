package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser, the composer and the compiler agree with the language's declaration
 * ({@link Grammar}): what it declares is accepted, nothing else is, and every refusal is located
 * at what the policy wrote.
 */
class LanguageAgreementTest {

    private static CompiledPolicy load(String name, String yaml) throws PolicyException {
        return TestPolicies.standard().with(name, yaml).loader().load(name);
    }

    private static Problem refusal(String name, String yaml) {
        PolicyException e = assertThrows(PolicyException.class, () -> load(name, yaml));
        return e.problems().get(0);
    }

    @Test
    void sslv2_isANameToDeny_butNotAProtocolAPolicyCanEnable() throws Exception {
        Problem p = refusal("X", TestPolicies.BASE.replace("min_protocol: TLSv1.2", "min_protocol: SSLv2"));
        assertEquals("known-protocol", p.rule());
        assertEquals("tls.min_protocol", p.origin().path());
        assertEquals(18, p.origin().line());
        assertTrue(p.message().contains("known: SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3"), p.message());
        PolicyException e = assertThrows(
                PolicyException.class,
                () -> TestPolicies.standard()
                        .with("Y", "kind: modifier\ntls:\n  max_protocol: sslv2\n")
                        .loader()
                        .load("BASE:Y"));
        Problem max = e.problems().get(0);
        assertEquals("known-protocol", max.rule());
        assertEquals("tls.max_protocol", max.origin().path());
        // Control: the oldest protocol the language declares is accepted, in any case, and SSLv2
        // stays a name a deny rule may name.
        assertEquals(
                "SSLv3",
                load("Z", TestPolicies.BASE.replace("min_protocol: TLSv1.2", "min_protocol: sslv3"))
                        .tls()
                        .minProtocol());
        CompiledPolicy denied = load("W", TestPolicies.BASE + "deny:\n  - algorithm: SSLv2\n");
        assertFalse(denied.decideTls(TlsKind.PROTOCOL, "SSLv2").allowed());
    }

    @Test
    void enumeratedKeys_acceptExactlyTheDeclaredValues() throws Exception {
        for (String path : List.of("kind", "mode", "host_restrictions", "keys.unmeasured")) {
            List<String> values = Grammar.key(path).values();
            for (String value : values) {
                if (value.equals("modifier")) {
                    TestPolicies.standard()
                            .with("OK", "kind: modifier\n")
                            .loader()
                            .load("BASE:OK");
                } else {
                    load("OK", document(path, value));
                }
            }
            Problem p = refusal("BAD", document(path, "sometimes"));
            assertEquals("known-value", p.rule(), path);
            assertEquals(path, p.origin().path());
            assertEquals(path + " must be '" + String.join("' or '", values) + "', not 'sometimes'", p.message(), path);
        }
        // The values map onto the engine's enums by name: the mapping cannot drift from the declaration.
        List<String> kinds = new ArrayList<>();
        for (PolicyDocument.Kind k : PolicyDocument.Kind.values()) {
            kinds.add(k.name().toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(kinds, Grammar.key("kind").values());
        assertTrue(load("A", document("mode", "audit")).mode() == Mode.AUDIT);
        assertTrue(load("R", document("host_restrictions", "replace")).replacesHostRestrictions());
        assertFalse(load("K", document("host_restrictions", "keep")).replacesHostRestrictions());
    }

    /** BASE with one enumerated key set (kind: the document's own). */
    private static String document(String path, String value) {
        if (path.equals("kind")) {
            return TestPolicies.BASE.replace("kind: policy", "kind: " + value);
        }
        if (path.equals("keys.unmeasured")) {
            return TestPolicies.BASE.replace("keys:\n", "keys:\n  unmeasured: " + value + "\n");
        }
        return TestPolicies.BASE + path + ": " + value + "\n";
    }

    @Test
    void aTlsNameRemovedByAnEdit_isLocatedAtTheRemoval() throws Exception {
        String base = TestPolicies.BASE
                + "  cipher_suites: [TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256]\n";
        CompiledPolicy p = TestPolicies.standard()
                .with("SUITES", base)
                .with("NO-AES128", "kind: modifier\ntls:\n  cipher_suites: [-TLS_AES_128_GCM_SHA256]\n")
                .loader()
                .load("SUITES:NO-AES128");
        Decision removed = p.decideTls(TlsKind.CIPHER_SUITE, "TLS_AES_128_GCM_SHA256");
        assertFalse(removed.allowed());
        assertEquals("NO-AES128.yaml", removed.origin().file());
        assertEquals(3, removed.origin().line());
        // Control: a suite the inherited list never had is located at that list, and one the edit
        // left alone is still allowed.
        Decision unlisted = p.decideTls(TlsKind.CIPHER_SUITE, "TLS_AES_128_CCM_SHA256");
        assertFalse(unlisted.allowed());
        assertEquals("SUITES.yaml", unlisted.origin().file());
        assertTrue(p.decideTls(TlsKind.CIPHER_SUITE, "TLS_AES_256_GCM_SHA384").allowed());
        // Added back by a later edit, it is allowed again: the removal is forgotten.
        CompiledPolicy back = TestPolicies.standard()
                .with("SUITES", base)
                .with("NO-AES128", "kind: modifier\ntls:\n  cipher_suites: [-TLS_AES_128_GCM_SHA256]\n")
                .with("AES128", "kind: modifier\ntls:\n  cipher_suites: [+TLS_AES_128_GCM_SHA256]\n")
                .loader()
                .load("SUITES:NO-AES128:AES128");
        assertTrue(
                back.decideTls(TlsKind.CIPHER_SUITE, "TLS_AES_128_GCM_SHA256").allowed());
    }
}
