package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective policy written out with Jackson's streaming generators (no databind). */
class PolicyWriterTest {

    /** Every kind of value the writer handles: deny rules, per-scope SHA-1, backend maps and lists. */
    private static final String SITE = String.join("\n",
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
        assertTrue(yaml.contains("key_size_below: 3072") && yaml.contains("reason: \"TLS peers: RSA-3072, or better\""), yaml);
    }

    @Test
    void json_isTheSameTree_indented() throws Exception {
        String json = PolicyWriter.json(policy());

        assertTrue(json.startsWith("{\n  \"kind\" : \"policy\",\n"), json);
        assertTrue(json.contains("\"min_bits\" : 3072") && json.contains("\"fips_only\" : false"), json);
        assertTrue(json.contains("\"hmac\" : {\n      \"any\" : \"allow\",\n      \"tls\" : \"deny\"\n    }"), json);
        assertTrue(json.endsWith("}\n"), json);
    }

    @Test
    void jacksonOfThisRun_isTheVersionTheBuildAskedFor() {
        // The build runs these tests on the project's Jackson and again on the lowest it claims.
        String expected = System.getProperty("cryptopolicy.jackson.expected");
        assertEquals(expected, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        assertEquals(expected, com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
    }
}
