package dev.cryptopolicy.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrictYamlReaderTest {

    static Stream<Path> badYaml() throws IOException {
        Path root = TestData.path("bad-yaml");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static YamlSyntaxException reject(String yaml) {
        return assertThrows(
                YamlSyntaxException.class, () -> new StrictYamlReader().read(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("badYaml")
    void everyHostileOrMalformedFile_isRejectedQuicklyWithAPosition(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        YamlSyntaxException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(YamlSyntaxException.class, () -> new StrictYamlReader().read(bytes)));
        assertTrue(e.mark().line() >= 1 && e.mark().column() >= 1);
        assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void badYamlFolder_isPresent() throws IOException {
        assertTrue(badYaml().count() >= 19, "expected the bad-yaml corpus at " + TestData.path("bad-yaml"));
    }

    @Test
    void classInstantiationTag_isRefusedAsATag() {
        YamlSyntaxException e = reject("kind: !!javax.script.ScriptEngineManager [x]\n");
        assertEquals("no-tags", e.rule());
    }

    @Test
    void anchorsAndAliases_areRefused() {
        assertEquals("no-anchors", reject("a: &x [1]\nb: 2\n").rule());
        assertEquals("no-aliases", reject("a: [1]\nb: *x\n").rule());
    }

    @Test
    void anAnchorOnAScalarValue_isRefusedAtItsPlace() throws YamlSyntaxException {
        YamlSyntaxException e = reject("kind: policy\nname: &a x\n");
        assertEquals("no-anchors", e.rule());
        assertEquals(new Mark(2, 7), e.mark());
        // Control: the same document without the anchor is read.
        assertEquals(
                "x",
                ((YamlMap) new StrictYamlReader().read("kind: policy\nname: x\n".getBytes(StandardCharsets.UTF_8)))
                                        .fields()
                                        .get("name")
                                        .value()
                                instanceof YamlScalar s
                        ? s.text()
                        : null);
    }

    @Test
    void duplicateKey_isRefusedWithBothPositions() {
        YamlSyntaxException e = reject("a: 1\nb: 2\na: 3\n");
        assertEquals("duplicate-key", e.rule());
        assertEquals(new Mark(3, 1), e.mark());
        assertTrue(e.getMessage().contains("line 1, column 1"), e.getMessage());
    }

    @Test
    void nestingBeyondTheLimit_isRefused() {
        String deep = "a: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertEquals("max-depth", reject(deep).rule());
    }

    @Test
    void secondDocument_isRefused() {
        assertEquals("single-document", reject("a: 1\n---\nb: 2\n").rule());
    }

    @Test
    void invalidUtf8_isRefusedWithItsPosition() {
        byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xff, '\n'};
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> new StrictYamlReader().read(bytes));
        assertEquals("utf-8", e.rule());
        assertEquals(2, e.mark().line());
    }

    @Test
    void oversizedSource_isRefusedBeforeParsing() {
        byte[] big = new byte[StrictYamlReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> new StrictYamlReader().read(big));
        assertEquals("max-size", e.rule());
    }

    @Test
    void scalars_keepTheirTypesAndPositions() throws Exception {
        YamlMap map = assertInstanceOf(
                YamlMap.class,
                new StrictYamlReader()
                        .read("n: 2048\ns: \"2048\"\nb: true\nz: ~\nl: [x, y]\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                YamlScalar.Type.INTEGER, ((YamlScalar) map.fields().get("n").value()).type());
        assertEquals(YamlScalar.Type.STRING, ((YamlScalar) map.fields().get("s").value()).type());
        assertEquals(
                YamlScalar.Type.BOOLEAN, ((YamlScalar) map.fields().get("b").value()).type());
        assertEquals(YamlScalar.Type.NULL, ((YamlScalar) map.fields().get("z").value()).type());
        YamlSeq list = assertInstanceOf(YamlSeq.class, map.fields().get("l").value());
        assertEquals(new Mark(5, 8), list.items().get(1).mark());
    }
}
