package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText} writes what Jackson's pretty printer wrote, byte for byte: the start-up line's
 * digest is the SHA-256 of this form, and the digests existing installations printed must not
 * change. The reference below is the Jackson writer {@link PolicyWriter#json} used before.
 */
class JsonTextTest {

    private static final Path SHIPPED =
            PolicySchemaTest.checkout().resolve("policies/src/main/resources/dev/cryptopolicy/policies");
    private static final Path HOST = PolicySchemaTest.checkout().resolve("testdata/crypto-policies");

    /** Jackson's JSON form of a tree, as PolicyWriter wrote it with jackson-core's streaming generator. */
    static String jackson(Object tree) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            jackson(generator, tree);
        }
        return out + "\n";
    }

    private static void jackson(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                jackson(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                jackson(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else {
            generator.writeString((String) value);
        }
    }

    /** The shipped policies and modifiers as the checkout holds them (the engine does not depend on them). */
    private static PolicyLoader shippedLoader() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(SHIPPED.resolve("index.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.trim());
            }
        }
        return new PolicyLoader(new PolicySource() {
            @Override
            public Optional<byte[]> read(String name) throws IOException {
                Path file = SHIPPED.resolve(name + ".yaml");
                return names.contains(name) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public List<String> names() {
                return List.copyOf(names);
            }
        });
    }

    private static void assertSameAsJackson(CompiledPolicy policy) throws IOException {
        assertEquals(jackson(PolicyWriter.tree(policy)), PolicyWriter.json(policy), policy.name());
    }

    @Test
    void everyShippedPolicy_andEachModifierOnDefault_isWrittenAsJacksonWroteIt() throws Exception {
        PolicyLoader loader = shippedLoader();
        int policies = 0;
        int modifiers = 0;
        for (String name : loader.shippedNames()) {
            String kind = Files.readString(SHIPPED.resolve(name + ".yaml"));
            boolean modifier = kind.lines().anyMatch(l -> l.equals("kind: modifier"));
            assertSameAsJackson(loader.load(modifier ? "DEFAULT:" + name : name));
            if (modifier) {
                modifiers++;
            } else {
                policies++;
            }
        }
        assertSameAsJackson(loader.load("DEFAULT:NO-SHA1:ECDHE-ONLY"));
        assertTrue(policies >= 4 && modifiers >= 3, policies + " policies, " + modifiers + " modifiers");
    }

    @Test
    void everyTestDataPolicyThatLoads_isWrittenAsJacksonWroteIt() throws Exception {
        PolicyLoader loader = shippedLoader();
        List<String> references = new ArrayList<>();
        List<Path> modules;
        try (Stream<Path> pols = Files.list(HOST);
                Stream<Path> pmods = Files.list(HOST.resolve("modules"))) {
            for (Path pol :
                    pols.filter(p -> p.toString().endsWith(".pol")).sorted().toList()) {
                references.add(pol.toString());
            }
            modules = pmods.filter(p -> p.toString().endsWith(".pmod")).sorted().toList();
        }
        for (Path pmod : modules) {
            references.add(HOST.resolve("DEFAULT.pol") + ":" + pmod);
        }
        try (Stream<Path> yaml = Files.walk(PolicySchemaTest.checkout().resolve("testdata"))) {
            for (Path file :
                    yaml.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                references.add(file.toString());
            }
        }
        int loaded = 0;
        for (String reference : references) {
            CompiledPolicy policy;
            try {
                policy = loader.load(reference);
            } catch (PolicyException e) {
                // Test data that is not a valid policy (the bad-YAML corpus, a .pol the engine refuses).
                continue;
            }
            assertSameAsJackson(policy);
            loaded++;
        }
        assertTrue(loaded >= 10, loaded + " of " + references.size() + " test data references loaded");
    }

    /** Characters Jackson escapes, or could be thought to: every control, quotes, slashes, separators, surrogates. */
    private static final String HOSTILE = buildHostile();

    private static String buildHostile() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            s.append(c);
        }
        s.append("\"\\/'<>&\u007f\u0080\u009f\u00a0\u00e9\u2028\u2029\ufeff\ufffe\uffff");
        s.append("\ud83d\ude00"); // a surrogate pair (U+1F600)
        s.append('\ud800').append('x').append('\udfff'); // lone surrogates
        s.append("\udc00\ud800"); // a pair in the wrong order
        return s.toString();
    }

    @Test
    void hostileStrings_asValuesAndKeys_areWrittenAsJacksonWroteThem() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("all", HOSTILE);
        for (int i = 0; i < HOSTILE.length(); i++) {
            String one = String.valueOf(HOSTILE.charAt(i));
            tree.put("key " + one, List.of(one, "a" + one + "b", one + one));
        }
        tree.put(HOSTILE, Map.of(HOSTILE, List.of(HOSTILE)));
        String jackson = jackson(tree);
        assertEquals(jackson, PolicyWriter.jsonTree(tree));
        // The comparison reaches every way of escaping: by name, by code, and none.
        for (String escape :
                List.of("\\\"", "\\\\", "\\b", "\\t", "\\n", "\\f", "\\r", "\\u0000", "\\u001F", "\u2028")) {
            assertTrue(jackson.contains(escape), escape);
        }
        // The bytes of a lone surrogate are those of the same string written by Jackson (UTF-8's '?').
        assertEquals(
                Arrays.toString(jackson.getBytes(StandardCharsets.UTF_8)),
                Arrays.toString(PolicyWriter.jsonTree(tree).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHostileDescription_inAPolicy_isWrittenAsJacksonWroteIt() throws Exception {
        String yaml = "kind: modifier\ndescription: \"tab\\t nul\\0 bell\\a esc\\e quote\\\" backslash\\\\"
                + " ls\\L ps\\P nbsp\\_ \\u00e9 \\U0001F600 \u4e2d\"\n";
        CompiledPolicy policy =
                TestPolicies.standard().with("ODD", yaml).loader().load("BASE:ODD");
        // The engine keeps a description's controls and separators escaped; non-ASCII stays as it is.
        String description = policy.settings().description();
        assertTrue(description.contains("\\u2028") && description.contains("\u4e2d"), description);
        assertSameAsJackson(policy);
    }

    @Test
    void randomTrees_ofHostileStrings_areWrittenAsJacksonWroteThem() throws Exception {
        Random random = new Random(20261201);
        for (int i = 0; i < 2000; i++) {
            Object tree = randomValue(random, 0);
            assertEquals(jackson(tree), PolicyWriter.jsonTree(tree), "tree " + i);
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 4 : 7);
        switch (kind) {
            case 0:
                return randomString(random);
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt();
            case 3:
                return random.nextLong();
            case 4:
            case 5: {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = random.nextInt(4);
                for (int j = 0; j < n; j++) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int j = 0; j < n; j++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.append(
                    random.nextInt(3) == 0
                            ? (char) random.nextInt(0x10000)
                            : HOSTILE.charAt(random.nextInt(HOSTILE.length())));
        }
        return s.toString();
    }

    @Test
    void aValueOutsideTheTree_isRefused_notWritten() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThrows(IllegalStateException.class, () -> PolicyWriter.jsonTree(withNull));
        assertThrows(IllegalStateException.class, () -> PolicyWriter.jsonTree(Map.of("a", 1.5)));
        // Control: the same tree with a value the tree may hold is written.
        assertEquals("{\n  \"a\" : 1\n}\n", PolicyWriter.jsonTree(Map.of("a", 1)));
    }

    @Test
    void emptyCollections_andNesting_keepJacksonsLayout() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("empty map", Map.of());
        tree.put("empty list", List.of());
        tree.put("maps in a list", List.of(Map.of("a", List.of(Map.of())), Map.of(), List.of(List.of())));
        tree.put("deep", Map.of("b", Map.of("c", Map.of("d", "e"))));
        assertEquals(jackson(tree), PolicyWriter.jsonTree(tree));
        assertEquals(jackson(Map.of()), PolicyWriter.jsonTree(Map.of()));
        assertEquals(jackson(List.of()), PolicyWriter.jsonTree(List.of()));
        assertEquals(jackson("top"), PolicyWriter.jsonTree("top"));
    }
}
