package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code host_restrictions: keep|replace}: whether an installation keeps the JVM's own restrictions
 * beside the policy's (the default) or replaces them, the one way to do the latter, and a lint
 * warning at the line that asks for it.
 */
class HostRestrictionsSettingTest {
    private static TestPolicies policies() {
        return TestPolicies.standard()
                .with("REPLACE", "kind: modifier\n# drop the host's\nhost_restrictions: replace\n")
                .with("KEEP", "kind: modifier\nhost_restrictions: keep\n")
                .with("LOOSE", "kind: modifier\nhost_restrictions: loosen\n");
    }

    private static List<Problem> warnings(CompiledPolicy p, String rule) {
        return p.warnings().stream().filter(w -> w.rule().equals(rule)).toList();
    }

    @Test
    void keepIsTheDefault_withoutAWarning() throws Exception {
        CompiledPolicy p = policies().loader().load("BASE");
        assertFalse(p.replacesHostRestrictions());
        assertEquals(List.of(), warnings(p, "host-restrictions"));
        assertTrue(PolicyWriter.yaml(p).contains("host_restrictions: keep"), PolicyWriter.yaml(p));
    }

    @Test
    void replace_isExplicit_andLintWarnsAtItsLine() throws Exception {
        CompiledPolicy p = policies().loader().load("BASE:REPLACE");
        assertTrue(p.replacesHostRestrictions());
        List<Problem> w = warnings(p, "host-restrictions");
        assertEquals(1, w.size(), p.warnings().toString());
        assertEquals("REPLACE.yaml:3:20", w.get(0).origin().location());
        assertEquals("replace", w.get(0).value());
        assertTrue(
                w.get(0)
                        .format()
                        .startsWith("REPLACE.yaml:3:20: warning: host_restrictions: host_restrictions: replace drops"
                                + " the JVM's own restrictions"),
                w.get(0).format());
        // Shown, so that an exported or shown policy keeps the choice.
        assertTrue(PolicyWriter.yaml(p).contains("host_restrictions: replace"), PolicyWriter.yaml(p));
    }

    @Test
    void aLaterKeep_undoesAnEarlierReplace() throws Exception {
        CompiledPolicy p = policies().loader().load("BASE:REPLACE:KEEP");
        assertFalse(p.replacesHostRestrictions());
        assertEquals(List.of(), warnings(p, "host-restrictions"));
    }

    @Test
    void anyOtherValue_isAnErrorNamingItAndItsPlace() {
        PolicyException e =
                assertThrows(PolicyException.class, () -> policies().loader().load("BASE:LOOSE"));
        Problem p = e.problems().get(0);
        assertEquals("LOOSE.yaml:2:20", p.origin().location());
        assertEquals("known-value", p.rule());
        assertEquals("loosen", p.value());
        assertTrue(p.message().contains("'keep' or 'replace'"), p.message());
    }
}
