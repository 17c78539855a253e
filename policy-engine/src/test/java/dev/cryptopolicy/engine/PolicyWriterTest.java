package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective policy written out with Jackson's streaming generators (no databind). */
class PolicyWriterTest {

    /** Every kind of value the writer handles: deny rules, per-scope SHA-1, backend maps and lists. */
    private static final String SITE = String.join(
            "\n",
            "kind: modifier",
            "deny:",
            "  - algorithm: RSA",
            "    key_size_below: 3072",
            "    scopes: [tls]",
            "    reason: \"TLS peers: RSA-3072, or better\"",
            "sha1:",
            "  hmac: {any: allow, tls: deny}",
            "backends:",
            "  min_versions: {SunJCE: \"17\"}",
            "  required:",
            "    MessageDigest: [SHA-256]",
            "");

    @TempDir
    Path dir;

    private static CompiledPolicy policy() throws PolicyException {
        return TestPolicies.standard().with("SITE", SITE).loader().load("BASE:NO-SHA1:BIG-RSA:SITE");
    }

    @Test
    void yaml_loadsBackIntoAPolicyWithTheSameEffectiveSettings() throws Exception {
        CompiledPolicy policy = policy();
        String yaml = PolicyWriter.yaml(policy);
        assertTrue(yaml.startsWith("# Effective policy "), yaml);
        Path file = Files.writeString(dir.resolve("effective.yaml"), yaml);

        CompiledPolicy reloaded = TestPolicies.standard().loader().load(file.toString());

        // The name of a loaded file is its reference; everything else is the same.
        Map<String, Object> written = new LinkedHashMap<>(PolicyWriter.tree(policy));
        Map<String, Object> read = new LinkedHashMap<>(PolicyWriter.tree(reloaded));
        assertEquals(file.toString(), read.remove("name"));
        written.remove("name");
        assertEquals(written, read);
        assertTrue(
                yaml.contains("key_size_below: 3072") && yaml.contains("reason: \"TLS peers: RSA-3072, or better\""),
                yaml);
    }

    @Test
    void json_isTheSameTree_indented() throws Exception {
        String json = PolicyWriter.json(policy());

        assertTrue(json.startsWith("{\n  \"kind\" : \"policy\",\n"), json);
        assertTrue(json.contains("\"min_bits\" : 3072") && json.contains("\"fips_only\" : false"), json);
        assertTrue(json.contains("\"hmac\" : {\n      \"any\" : \"allow\",\n      \"tls\" : \"deny\"\n    }"), json);
        assertTrue(json.endsWith("}\n"), json);
    }

    /** A policy that sets every key the writer may leave out when it is empty. */
    private static final String EVERYTHING = String.join(
            "\n",
            "kind: modifier",
            "description: every key",
            "deny:",
            "  - algorithm: RSA",
            "    services: [KeyFactory]",
            "    key_size_below: 3072",
            "    scopes: [tls]",
            "    reason: why",
            "backends:",
            "  preference: [SUN]",
            "  min_versions: {SunJCE: \"17\"}",
            "  required:",
            "    MessageDigest: [SHA-256]",
            "");

    @Test
    void show_writesEveryKeyOfTheLanguage() throws Exception {
        CompiledPolicy policy =
                TestPolicies.standard().with("ALL", EVERYTHING).loader().load("BASE:ALL");
        Map<String, Object> tree = PolicyWriter.tree(policy);
        for (Grammar.Key key : Grammar.keys()) {
            if (key.path().equals("extends")) {
                assertFalse(tree.containsKey("extends"), "a written policy is resolved: it extends nothing");
                continue;
            }
            Object node = tree;
            for (String part : key.path().split("\\.")) {
                if (node instanceof List<?> list) {
                    node = list.get(0);
                }
                String name = part.replace("[]", "");
                assertTrue(node instanceof Map<?, ?> m && m.containsKey(name), key.path() + " is not written: " + tree);
                node = ((Map<?, ?>) node).get(name);
            }
        }
    }

    @Test
    void aKeyTheWriterDoesNotKnow_failsShow_ratherThanBeingDropped() throws Exception {
        CompiledPolicy policy = policy();
        List<Grammar.Key> more = new ArrayList<>(Grammar.keys());
        more.add(new Grammar.Key("keys.rsa.max_bits", Grammar.Type.INTEGER, List.of(), 0, 1, "", 1, null, "new"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PolicyWriter.tree(policy, more));
        assertTrue(e.getMessage().contains("keys.rsa.max_bits"), e.getMessage());
        more.set(
                more.size() - 1,
                new Grammar.Key("limits", Grammar.Type.MAP, List.of(), 0, 0, "map", null, "none", "new"));
        assertThrows(IllegalStateException.class, () -> PolicyWriter.tree(policy, more));
        // Control: the language as declared is written.
        assertEquals(PolicyWriter.tree(policy), PolicyWriter.tree(policy, Grammar.keys()));
    }

    @Test
    void jacksonOfThisRun_isTheVersionTheBuildAskedFor() {
        // The build runs these tests on the project's Jackson and again on the lowest it claims.
        String expected = System.getProperty("cryptopolicy.jackson.expected");
        assertEquals(expected, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        assertEquals(expected, com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
    }
}
