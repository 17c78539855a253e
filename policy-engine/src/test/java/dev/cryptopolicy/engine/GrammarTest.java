package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declaration says what the code's own vocabularies say, and the parser follows it. */
class GrammarTest {

    @Test
    void enumeratedValues_areTheEnginesOwn() {
        List<String> protocols = new ArrayList<>();
        for (TlsName p : AlgorithmCatalog.standard().tls(TlsKind.PROTOCOL)) {
            protocols.add(p.name());
        }
        // The catalog also knows SSLv2 (as a name to deny); the language offers SSLv3 and later.
        assertEquals(
                protocols.subList(protocols.indexOf("SSLv3"), protocols.size()),
                Grammar.key("tls.min_protocol").values());
        assertEquals(
                Grammar.key("tls.min_protocol").values(),
                Grammar.key("tls.max_protocol").values());
        List<String> modes = new ArrayList<>();
        for (Mode m : Mode.values()) {
            modes.add(m.yamlName());
        }
        assertEquals(modes, Grammar.key("mode").values());
        List<String> uses = new ArrayList<>();
        for (Sha1Use u : Sha1Use.values()) {
            uses.add(u.key());
        }
        assertEquals(uses, Grammar.namesUnder("sha1"));
        assertEquals(List.of("rsa", "dsa", "dh", "ec", "symmetric", "unmeasured"), Grammar.namesUnder("keys"));
        assertEquals(List.of("min_bits", "curves"), Grammar.namesUnder("keys.ec"));
    }

    @Test
    void theParser_takesItsBoundsFromTheDeclaration() throws Exception {
        int max = Grammar.key("keys.rsa.min_bits").max();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bits", ".yaml");
        try {
            java.nio.file.Files.writeString(file, "kind: modifier\nkeys:\n  rsa: {min_bits: " + (max + 1) + "}\n");
            PolicyException e = assertThrows(
                    PolicyException.class,
                    () -> TestPolicies.standard().loader().load("BASE:" + file));
            assertEquals("range", e.problems().get(0).rule());
            // Control: the bound itself is accepted.
            java.nio.file.Files.writeString(file, "kind: modifier\nkeys:\n  rsa: {min_bits: " + max + "}\n");
            assertEquals(
                    max,
                    TestPolicies.standard()
                            .loader()
                            .load("BASE:" + file)
                            .minKeyBits(dev.cryptopolicy.engine.algorithms.KeyFamily.RSA, Scope.ANY));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void anUndeclaredKey_isNoKey() {
        assertThrows(IllegalArgumentException.class, () -> Grammar.key("keys.rsa.max_bits"));
        assertEquals(List.of(), Grammar.namesUnder("keys.rsa.min_bits"));
    }
}
