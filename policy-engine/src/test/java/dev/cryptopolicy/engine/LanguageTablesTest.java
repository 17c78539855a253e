package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's tables of the policy language say what {@link Grammar} declares, both ways: every
 * declared key has its row (key, type, default and meaning as declared) and every row is a
 * declared key.
 */
class LanguageTablesTest {

    /** README heading → the Grammar path whose keys its table lists, and whether it has a type column. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("Top-level keys", "");
        TABLES.put("`deny`: rules that win", "deny[]");
        TABLES.put("`keys`", "keys");
        TABLES.put("`sha1`", "sha1");
        TABLES.put("`tls`", "tls");
        TABLES.put("`backends`", "backends");
    }

    @Test
    void everyTableOfTheLanguage_isTheDeclaration_bothWays() throws IOException {
        Map<String, List<List<String>>> tables =
                tables(Files.readString(PolicySchemaTest.checkout().resolve("README.md")));
        assertEquals(TABLES.keySet(), tables.keySet(), "the language's sections with a table of keys");
        for (Map.Entry<String, String> t : TABLES.entrySet()) {
            assertEquals(expected(t.getValue()), tables.get(t.getKey()), "README table of section " + t.getKey());
        }
    }

    @Test
    void theComparison_seesAChangedDefault_andARowThatIsNotDeclared() throws IOException {
        String readme = Files.readString(PolicySchemaTest.checkout().resolve("README.md"));
        String row = "| `rsa.min_bits` | 2048 | RSA and RSASSA-PSS keys |";
        assertTrue(readme.contains(row));
        assertNotEquals(
                expected("keys"),
                tables(readme.replace(row, row.replace("2048", "3072"))).get("`keys`"));
        assertNotEquals(
                expected("keys"),
                tables(readme.replace(row, row + "\n| `rsa.max_bits` | none | x |"))
                        .get("`keys`"));
        assertEquals(expected("keys"), tables(readme).get("`keys`"), "control: the README as it is");
    }

    @Test
    void theReadme_documentsTheSchemaComment_forAFileThatExists() throws IOException {
        String readme = Files.readString(PolicySchemaTest.checkout().resolve("README.md"));
        assertTrue(readme.contains("# yaml-language-server: $schema=../docs/policy.schema.json"));
        assertTrue(Files.isRegularFile(PolicySchemaTest.checkout().resolve("docs/policy.schema.json")));
    }

    /** The rows the declaration gives for a table: key (relative to the section), [type,] default, meaning. */
    private static List<List<String>> expected(String parent) {
        boolean typed = parent.isEmpty() || parent.equals("deny[]");
        String prefix = parent.isEmpty() ? "" : parent + ".";
        List<List<String>> rows = new ArrayList<>();
        for (Grammar.Key k : Grammar.keys()) {
            String rest = k.path().startsWith(prefix) ? k.path().substring(prefix.length()) : null;
            if (rest == null || rest.isEmpty() || (parent.isEmpty() && (rest.contains(".") || rest.contains("[]")))) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add("`" + rest + "`");
            if (typed) {
                row.add(k.typeText());
            }
            row.add(k.readmeDefault());
            row.add(k.meaning());
            rows.add(row);
        }
        return rows;
    }

    /** The first table under each {@code ###} heading of "The policy language" whose header starts with "key". */
    static Map<String, List<List<String>>> tables(String readme) {
        int start = readme.indexOf("\n## The policy language\n");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        String heading = null;
        List<List<String>> rows = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                heading = line.substring(4).strip();
                rows = null;
            } else if (line.startsWith("| key |") && heading != null && !out.containsKey(heading)) {
                rows = new ArrayList<>();
                out.put(heading, rows);
            } else if (rows != null && line.startsWith("|") && !line.startsWith("|---")) {
                List<String> cells = new ArrayList<>();
                for (String c : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
                    cells.add(c.strip());
                }
                rows.add(cells);
            } else if (!line.startsWith("|")) {
                rows = null;
            }
        }
        return out;
    }
}
