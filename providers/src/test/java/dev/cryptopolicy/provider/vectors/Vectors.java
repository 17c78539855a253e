package dev.cryptopolicy.provider.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one loader for outside known-answer vectors: Project Wycheproof JSON files and NIST CAVP
 * response ({@code .rsp}) files from the repository's {@code testdata/} (found by {@link TestData}).
 */
final class Vectors {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    /** What a Wycheproof vector says about itself. */
    enum Expected {
        /** Must be accepted, with the stated output. */
        VALID,
        /** Must be rejected. */
        INVALID,
        /** Either is fine; an accepted one must still give the stated output. */
        ACCEPTABLE;

        static Expected of(String result) {
            return switch (result) {
                case "valid" -> VALID;
                case "invalid" -> INVALID;
                case "acceptable" -> ACCEPTABLE;
                default ->
                    throw new IllegalArgumentException(
                            "unknown Wycheproof result [" + result + "]; expected valid, invalid or acceptable");
            };
        }

        /**
         * Whether an answer conforms: {@code correct} means accepted with the stated output,
         * {@code refused} means rejected or failed.
         */
        boolean admits(boolean correct, boolean refused) {
            return switch (this) {
                case VALID -> correct;
                case INVALID -> refused;
                case ACCEPTABLE -> correct || refused;
            };
        }
    }

    /** One Wycheproof file: its algorithm and groups, each group with its shared parameters. */
    record Wycheproof(String file, String algorithm, List<Group> groups) {

        /** Every test case, in file order. */
        List<Case> cases() {
            List<Case> out = new ArrayList<>();
            for (Group g : groups) {
                out.addAll(g.tests());
            }
            return out;
        }
    }

    /** A Wycheproof test group: the parameters its tests share (key, sizes, hash) and the tests. */
    record Group(JsonNode node, List<Case> tests) {

        String string(String field) {
            return required(node, field).asText();
        }

        int integer(String field) {
            return required(node, field).asInt();
        }

        byte[] bytes(String field) {
            return hex(string(field));
        }
    }

    /** One Wycheproof test case. */
    record Case(
            String file, Group group, int tcId, String comment, List<String> flags, Expected expected, JsonNode node) {

        byte[] bytes(String field) {
            return hex(required(node, field).asText());
        }

        /** For messages: {@code ecdsa_secp256r1_sha256_test.json tcId 6 (invalid, MissingZero: comment)}. */
        String label() {
            return file + " tcId " + tcId + " (" + expected.name().toLowerCase(Locale.ROOT)
                    + (flags.isEmpty() ? "" : ", " + String.join(",", flags))
                    + (comment.isEmpty() ? "" : ": " + comment) + ")";
        }
    }

    /**
     * One record of a NIST response file: the {@code [section]} it is under, the line it starts
     * on, and its {@code Name = value} fields in file order.
     */
    record Rsp(String file, String section, int line, Map<String, String> fields) {

        String get(String name) {
            String v = fields.get(name);
            if (v == null) {
                throw new IllegalStateException(
                        file + ":" + line + " has no field [" + name + "]; fields are " + fields.keySet());
            }
            return v;
        }

        byte[] bytes(String name) {
            return hex(get(name));
        }

        int integer(String name) {
            return Integer.parseInt(get(name));
        }

        /**
         * The message: {@code Msg} cut to {@code Len} bits when the record has {@code Len}. CAVP
         * writes the empty message as {@code Len = 0} with {@code Msg = 00}.
         */
        byte[] message() {
            byte[] msg = bytes("Msg");
            if (!fields.containsKey("Len")) {
                return msg;
            }
            int bits = integer("Len");
            if (bits % 8 != 0 || bits / 8 > msg.length) {
                throw new IllegalStateException(file + ":" + line + " has Len [" + bits + "] bits for " + msg.length
                        + " bytes of Msg; only whole bytes are supported");
            }
            return java.util.Arrays.copyOf(msg, bits / 8);
        }

        String label() {
            return file + ":" + line + (fields.containsKey("Count") ? " Count " + fields.get("Count") : "")
                    + (fields.containsKey("Len") ? " Len " + fields.get("Len") : "");
        }
    }

    /** Reads {@code testdata/wycheproof/<file>} and checks that it holds as many tests as it says. */
    static Wycheproof wycheproof(String file) {
        Path path = TestData.path("wycheproof/" + file);
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Wycheproof file [" + path + "]", e);
        }
        List<Group> groups = new ArrayList<>();
        int count = 0;
        for (JsonNode g : required(root, "testGroups")) {
            List<Case> tests = new ArrayList<>();
            Group group = new Group(g, tests);
            for (JsonNode t : required(g, "tests")) {
                List<String> flags = new ArrayList<>();
                t.path("flags").forEach(f -> flags.add(f.asText()));
                tests.add(new Case(
                        file,
                        group,
                        required(t, "tcId").asInt(),
                        t.path("comment").asText(""),
                        List.copyOf(flags),
                        Expected.of(required(t, "result").asText()),
                        t));
            }
            groups.add(group);
            count += tests.size();
        }
        int declared = required(root, "numberOfTests").asInt();
        if (count != declared) {
            throw new IllegalStateException(file + " declares numberOfTests " + declared + " but holds " + count);
        }
        return new Wycheproof(file, required(root, "algorithm").asText(), List.copyOf(groups));
    }

    /** Reads {@code testdata/nist/<file>}: every record that has at least one field. */
    static List<Rsp> nist(String file) {
        Path path = TestData.path("nist/" + file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NIST response file [" + path + "]", e);
        }
        List<Rsp> out = new ArrayList<>();
        String section = "";
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (line.isEmpty() || line.startsWith("[")) {
                if (!fields.isEmpty()) {
                    out.add(new Rsp(file, section, start, java.util.Collections.unmodifiableMap(fields)));
                    fields = new LinkedHashMap<>();
                }
                if (line.startsWith("[")) {
                    section = line.substring(1, line.length() - 1).strip();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + " is neither [section], # comment nor "
                        + "Name = value: [" + line + "]");
            }
            if (fields.isEmpty()) {
                start = i + 1;
            }
            fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return List.copyOf(out);
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException("Wycheproof node has no field [" + field + "]");
        }
        return v;
    }
}
