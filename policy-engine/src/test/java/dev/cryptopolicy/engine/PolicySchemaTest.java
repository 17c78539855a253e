package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/policy.schema.json is the schema the {@link Grammar} generates; every shipped policy
 * conforms to it; and what it refuses, the loader refuses too.
 */
class PolicySchemaTest {

    /** Set to {@code true} to rewrite the schema file from the declaration. */
    static final String WRITE = "cryptopolicy.schema.write";

    static Path checkout() {
        return TestData.root().getParent();
    }

    @TempDir
    Path dir;

    @Test
    void schemaFile_isTheOneTheGrammarGenerates() throws IOException {
        Path file = checkout().resolve("docs/policy.schema.json");
        String generated = PolicySchema.json();
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(file, generated);
        }
        assertEquals(
                generated,
                Files.readString(file),
                "docs/policy.schema.json is out of date; run this test with -D" + WRITE + "=true");
    }

    @Test
    void everyShippedPolicy_conformsToTheSchema() throws Exception {
        Path shipped = checkout().resolve("policies/src/main/resources/dev/cryptopolicy/policies");
        List<Path> files;
        try (Stream<Path> s = Files.list(shipped)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, files::toString);
        for (Path f : files) {
            assertEquals(
                    List.of(),
                    SchemaCheck.violations(PolicySchema.tree(), SchemaCheck.instance(Files.readAllBytes(f))),
                    f.getFileName().toString());
        }
    }

    @Test
    void whatTheSchemaRefuses_theLoaderRefuses_andTheControlPassesBoth() throws Exception {
        String ok = "kind: modifier\nkeys:\n  rsa: {min_bits: 3072}\nbackends:\n  min_versions: {BCFIPS: \"2.1\"}\n";
        List<String> refused = List.of(
                "kind: modifier\nkeys:\n  rsa: {min_bitz: 3072}\n",
                "kind: modifier\nextends: BASE\n",
                "kind: modifier\nbackends:\n  min_versions: {BCFIPS: \"02.1\"}\n",
                "kind: modifier\nkeys:\n  rsa: {min_bits: 70000}\n",
                "kind: modifier\nmode: enforced\n",
                "kind: modifier\nsha1:\n  hmac: {tls: maybe}\n",
                "kind: modifier\ndeny:\n  - services: [Signature]\n",
                "kind: policy\nname: no algorithms\n",
                "name: no kind\n",
                "kind: modifier\nalgorithms:\n  messagedigest: [+SHA-256]\n");
        assertConforms(ok, true);
        for (String yaml : refused) {
            assertConforms(yaml, false);
        }
    }

    private void assertConforms(String yaml, boolean conforms) throws Exception {
        List<String> violations = SchemaCheck.violations(
                PolicySchema.tree(), SchemaCheck.instance(yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(conforms, violations.isEmpty(), yaml + violations);
        Path file = Files.writeString(dir.resolve("p.yaml"), yaml);
        String reference = yaml.startsWith("kind: modifier") ? "BASE:" + file : file.toString();
        if (conforms) {
            TestPolicies.standard().loader().load(reference);
        } else {
            assertThrows(
                    PolicyException.class,
                    () -> TestPolicies.standard().loader().load(reference),
                    yaml);
        }
    }

    @Test
    void theChecker_refusesASchemaKeywordItDoesNotCheck() {
        // Control for the checker itself: a keyword it ignored would let a schema pass unchecked.
        assertThrows(
                IllegalArgumentException.class,
                () -> SchemaCheck.violations(java.util.Map.of("uniqueItems", true), List.of(1, 1)));
        assertFalse(
                SchemaCheck.violations(java.util.Map.of("type", "string"), 1L).isEmpty());
    }
}
