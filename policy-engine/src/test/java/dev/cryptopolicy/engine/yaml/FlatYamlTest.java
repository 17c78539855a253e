package dev.cryptopolicy.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatYaml} reads a document only when it builds exactly {@link StrictYamlReader}'s tree for
 * it (every key, value, type, order and line:column), and leaves everything else, above all every
 * malformed or hostile document, to that reader.
 */
class FlatYamlTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What the full reader makes of {@code bytes}: its tree, or null when it refuses them. */
    private static YamlNode strict(byte[] bytes) {
        try {
            return new StrictYamlReader().read(bytes);
        } catch (YamlSyntaxException e) {
            return null;
        }
    }

    /** @return whether the flat reader read the document (and then built the full reader's tree) */
    private static boolean agrees(byte[] bytes) {
        YamlMap flat = FlatYaml.read(bytes);
        if (flat == null) {
            return false;
        }
        YamlNode full = strict(bytes);
        assertNotNull(
                full, () -> "read a document the full reader refuses: " + new String(bytes, StandardCharsets.UTF_8));
        assertEquals(full, flat, () -> new String(bytes, StandardCharsets.UTF_8));
        return true;
    }

    @Test
    void aSitePolicy_isTheFullReadersTree() {
        byte[] site = utf8("kind: policy\nname: SITE\nextends: DEFAULT:NO-SHA1\n");
        assertTrue(agrees(site));
        YamlMap map = FlatYaml.read(site);
        assertEquals(
                List.of("kind", "name", "extends"), List.copyOf(map.fields().keySet()));
        assertEquals(
                new YamlScalar("DEFAULT:NO-SHA1", YamlScalar.Type.STRING, new Mark(3, 10)),
                map.fields().get("extends").value());
        assertTrue(agrees(utf8("# a site\n\nkind:   policy\nextends: site/base.yaml\nname: A_b-1.x/y")));
    }

    @Test
    void whatItCannotReadWithCertainty_goesToTheFullReader() {
        for (String s : List.of(
                "",
                "# only a comment\n",
                "kind: policy\nkind: modifier\n",
                "kind: policy\r\n",
                "kind: policy # comment\n",
                "kind: policy \n",
                " kind: policy\n",
                "kind:policy\n",
                "kind:\n",
                "kind: 'policy'\n",
                "kind: &a policy\n",
                "kind: !!str policy\n",
                "kind: yes\n",
                "kind: Off\n",
                "kind: NULL\n",
                "kind: 1.0\n",
                "kind: DEFAULT:\n",
                "kind: a: b\n",
                "kind: a::b\n",
                "kind: [a]\n",
                "---\nkind: policy\n",
                "kind: policy\n...\n",
                "kind:\tpolicy\n",
                "kind: polic\u00e9\n",
                "\uFEFFkind: policy\n",
                "kind: policy\nsha1:\n  signatures: deny\n")) {
            assertNull(FlatYaml.read(utf8(s)), s);
        }
        assertNull(FlatYaml.read(utf8("kind: policy\n" + "#".repeat(FlatYaml.MAX_BYTES))), "large");
    }

    @Test
    void theWordsItRefuses_areNotStringsToTheFullReader() {
        // Control: read as strings, these would build a tree unlike the full reader's, and the
        // comparison above would fail on them.
        for (String word : List.of("yes", "No", "TRUE", "false", "on", "OFF", "null", "Null")) {
            YamlMap full = (YamlMap) strict(utf8("kind: " + word + "\n"));
            YamlScalar value = (YamlScalar) full.fields().get("kind").value();
            YamlScalar asString = new YamlScalar(word, YamlScalar.Type.STRING, value.mark());
            if (value.type() != YamlScalar.Type.STRING) {
                assertNotEquals(
                        full,
                        new YamlMap(Map.of("kind", new YamlMap.Field("kind", new Mark(1, 1), asString)), full.mark()));
            }
        }
        // Control: a mark one column off is a different tree.
        YamlMap full = (YamlMap) strict(utf8("kind:  policy\n"));
        YamlMap flat = FlatYaml.read(utf8("kind:  policy\n"));
        assertEquals(full, flat);
        YamlMap shifted = new YamlMap(
                Map.of(
                        "kind",
                        new YamlMap.Field(
                                "kind",
                                new Mark(1, 1),
                                new YamlScalar("policy", YamlScalar.Type.STRING, new Mark(1, 7)))),
                new Mark(1, 1));
        assertNotEquals(full, shifted);
    }

    /** Documents made of pieces near the subset's edges: each is read as the full reader reads it, or not at all. */
    @Test
    void generatedDocuments_areReadExactlyAsTheFullReaderReadsThemOrNotAtAll() {
        String[] keys = {
            "kind",
            "name",
            "extends",
            "description",
            "x-y",
            "a_b",
            "K9",
            "-k",
            "9k",
            "k k",
            "\"k\"",
            "on",
            "true",
            "NULL",
            "Yes",
            "y",
            "n"
        };
        String[] separators = {": ", ":  ", ":", " : ", ":\t"};
        String[] values = {
            "policy",
            "modifier",
            "SITE",
            "DEFAULT:NO-SHA1",
            "DEFAULT:NO-SHA1:ECDHE-ONLY",
            "./site/base.yaml",
            "x.y/z",
            "a_b-c",
            "yes",
            "Yes",
            "y",
            "n",
            "NULL",
            "true",
            "on",
            "1.0",
            "0x1F",
            "-x",
            "~",
            ".inf",
            "inf",
            "nan",
            "e5",
            "a#b",
            "\"q\"",
            "'q'",
            "a: b",
            "a:b:c",
            "a::b",
            "DEFAULT:",
            ":a",
            "a:/b",
            "&x a",
            "*x",
            "!t a",
            "[a]",
            "{a: b}",
            "|",
            ">",
            "%x",
            "@x",
            "`x",
            "a,b",
            "a?b"
        };
        String[] extras = {"", "# comment\n", "\n", "---\n", "  \n", "#\u00e9\n", " # indented\n"};
        String[] endings = {"\n", "\n", "\n", "\r\n", "", " \n", " # c\n"};
        Random random = new Random(11);
        int read = 0;
        int refused = 0;
        for (int round = 0; round < 20000; round++) {
            StringBuilder doc = new StringBuilder();
            int lines = 1 + random.nextInt(5);
            for (int i = 0; i < lines; i++) {
                if (random.nextInt(4) == 0) {
                    doc.append(extras[random.nextInt(extras.length)]);
                }
                doc.append(random.nextInt(3) == 0 ? keys[random.nextInt(keys.length)] : keys[random.nextInt(3)]);
                doc.append(random.nextInt(3) == 0 ? separators[random.nextInt(separators.length)] : ": ");
                doc.append(random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : values[random.nextInt(7)]);
                doc.append(random.nextInt(3) == 0 ? endings[random.nextInt(endings.length)] : "\n");
            }
            if (agrees(utf8(doc.toString()))) {
                read++;
            } else {
                refused++;
            }
        }
        // Control: the sweep reaches both outcomes, often.
        assertTrue(read > 1000 && refused > 1000, read + " read, " + refused + " refused");
    }

    /** Every YAML file of the test data, hostile ones included. */
    @Test
    void everyTestDataFile_isReadAsTheFullReaderReadsItOrNotAtAll() throws IOException {
        int files = 0;
        try (Stream<Path> walk = Files.walk(TestData.root())) {
            for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
                agrees(Files.readAllBytes(f));
                files++;
            }
        }
        assertTrue(files > 10, files + " files");
    }
}
