package dev.cryptopolicy.engine.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads one YAML document into a {@link YamlNode} tree, refusing everything a policy has no use
 * for and everything hostile: anchors, aliases, tags, duplicate keys, several documents, nesting
 * deeper than {@link #MAX_DEPTH}, more than {@link #MAX_VALUES} values, sources larger than
 * {@link #MAX_BYTES} and bytes that are not
 * UTF-8. Nothing in a document ever instantiates a class: only Jackson's streaming parser runs,
 * and this class builds plain records from its tokens.
 */
public final class StrictYamlReader {

    /** The largest source accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;

    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 32;

    /**
     * The most values (scalars, mappings and lists) one document may hold: a shipped policy has
     * a few hundred. It bounds the tree built from a source of {@link #MAX_BYTES}, which could
     * otherwise hold half a million one-character values.
     */
    public static final int MAX_VALUES = 1 << 16;

    private final YAMLFactory factory;
    private final LoaderOptions options;

    /** A reader with this library's limits. */
    public StrictYamlReader() {
        LoaderOptions options = new LoaderOptions();
        this.options = options;
        // Duplicate keys are detected by this reader, which can name both places.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(MAX_BYTES);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 1)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .build();
    }

    /**
     * Parses {@code bytes} as one YAML document.
     *
     * @return the root node, or null when the document is empty
     * @throws YamlSyntaxException when the source is malformed, too large, too deep, not UTF-8, or
     *     uses anchors, aliases, tags, duplicate keys or several documents
     */
    public YamlNode read(byte[] bytes) throws YamlSyntaxException {
        if (bytes.length > MAX_BYTES) {
            throw new YamlSyntaxException(
                    new Mark(1, 1),
                    "max-size",
                    "file is " + bytes.length + " bytes; the limit is " + MAX_BYTES + " bytes");
        }
        String text = decodeUtf8(bytes);
        refuseNonPrintable(text);
        try (JsonParser parser = factory.createParser(text)) {
            YAMLParser yaml = (YAMLParser) parser;
            JsonToken first = yaml.nextToken();
            if (first == null) {
                refuseDirectivesWithoutDocument(text);
                return null;
            }
            YamlNode root = readValue(yaml, first, 0, new int[1]);
            JsonToken after = yaml.nextToken();
            if (after != null) {
                throw new YamlSyntaxException(
                        markOf(yaml),
                        "single-document",
                        "a policy file holds exactly one YAML document; found a second one");
            }
            refuseScalarAnchors(text);
            return root;
        } catch (JsonProcessingException e) {
            throw translate(e, text);
        } catch (IOException e) {
            throw new YamlSyntaxException(new Mark(1, 1), "yaml-syntax", "cannot read YAML: " + e.getMessage());
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            throw new YamlSyntaxException(
                    markAt(text, e.getPosition()), "yaml-syntax", "malformed YAML: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals some scanner states with unchecked exceptions; they are bad input,
            // not bugs, and must never escape as a crash.
            throw new YamlSyntaxException(
                    new Mark(1, 1), "yaml-syntax", "malformed YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * @param values how many values were read so far, one element: counted here, against
     *     {@link #MAX_VALUES}
     */
    private YamlNode readValue(YAMLParser p, JsonToken token, int depth, int[] values)
            throws IOException, YamlSyntaxException {
        Mark mark = markOf(p);
        if (++values[0] > MAX_VALUES) {
            throw new YamlSyntaxException(
                    mark,
                    "max-values",
                    "more than " + MAX_VALUES + " values in one file; a policy never needs that many");
        }
        refuseAnchorsAliasesAndTags(p, mark);
        switch (token) {
            case START_OBJECT:
                return readMap(p, mark, depth + 1, values);
            case START_ARRAY:
                return readSeq(p, mark, depth + 1, values);
            case VALUE_STRING:
                return new YamlScalar(p.getText(), YamlScalar.Type.STRING, mark);
            case VALUE_NUMBER_INT:
                return new YamlScalar(p.getText(), YamlScalar.Type.INTEGER, mark);
            case VALUE_NUMBER_FLOAT:
                return new YamlScalar(p.getText(), YamlScalar.Type.FLOAT, mark);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlScalar(p.getText(), YamlScalar.Type.BOOLEAN, mark);
            case VALUE_NULL:
                return new YamlScalar(p.getText() == null ? "" : p.getText(), YamlScalar.Type.NULL, mark);
            default:
                throw new YamlSyntaxException(mark, "yaml-syntax", "unexpected YAML token " + token);
        }
    }

    /** A directive or marker with no document after it is malformed YAML, not an empty file. */
    private static void refuseDirectivesWithoutDocument(String text) throws YamlSyntaxException {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                throw new YamlSyntaxException(
                        new Mark(i + 1, 1),
                        "yaml-syntax",
                        "malformed YAML: {value} is not followed by a document",
                        line);
            }
        }
    }

    private static void checkDepth(Mark mark, int depth) throws YamlSyntaxException {
        if (depth > MAX_DEPTH) {
            throw new YamlSyntaxException(
                    mark, "max-depth", "nesting deeper than " + MAX_DEPTH + " levels; a policy never needs that");
        }
    }

    private YamlMap readMap(YAMLParser p, Mark mark, int depth, int[] values) throws IOException, YamlSyntaxException {
        checkDepth(mark, depth);
        Map<String, YamlMap.Field> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new YamlSyntaxException(markOf(p), "yaml-syntax", "expected a mapping key, found " + t);
            }
            Mark keyMark = markOf(p);
            refuseAnchorsAliasesAndTags(p, keyMark);
            String key = p.currentName();
            JsonToken valueToken = p.nextToken();
            if (valueToken == null) {
                throw new YamlSyntaxException(
                        keyMark, "yaml-syntax", "unexpected end of document after key {value}", key);
            }
            YamlNode value = readValue(p, valueToken, depth, values);
            YamlMap.Field previous = fields.get(key);
            if (previous != null) {
                throw new YamlSyntaxException(
                        keyMark,
                        "duplicate-key",
                        "duplicate key {value} (first defined at line "
                                + previous.keyMark().line() + ", column "
                                + previous.keyMark().column() + ")",
                        key);
            }
            fields.put(key, new YamlMap.Field(key, keyMark, value));
        }
        return new YamlMap(fields, mark);
    }

    private YamlSeq readSeq(YAMLParser p, Mark mark, int depth, int[] values) throws IOException, YamlSyntaxException {
        checkDepth(mark, depth);
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new YamlSyntaxException(mark, "yaml-syntax", "list is never closed");
            }
            items.add(readValue(p, t, depth, values));
        }
        return new YamlSeq(items, mark);
    }

    private static void refuseAnchorsAliasesAndTags(YAMLParser p, Mark mark) throws IOException, YamlSyntaxException {
        if (p.isCurrentAlias()) {
            throw new YamlSyntaxException(
                    mark,
                    "no-aliases",
                    "YAML alias {value} is not allowed in a policy; write the value out",
                    "*" + p.getText());
        }
        String anchor = p.getObjectId() == null ? null : String.valueOf(p.getObjectId());
        if (anchor != null) {
            throw new YamlSyntaxException(
                    mark, "no-anchors", "YAML anchor {value} is not allowed in a policy", "&" + anchor);
        }
        String tag = p.getTypeId() == null ? null : String.valueOf(p.getTypeId());
        if (tag != null) {
            throw new YamlSyntaxException(
                    mark,
                    "no-tags",
                    "YAML tag {value} is not allowed in a policy; tags never create objects here",
                    tag);
        }
    }

    /**
     * Refuses an anchor on a scalar ({@code name: &a x}), which Jackson's parser does not report (it
     * reports anchors on keys, mappings and lists). Runs SnakeYAML's event parser over a document
     * Jackson has already read whole, so it only produces events: nothing is constructed.
     */
    private void refuseScalarAnchors(String text) throws YamlSyntaxException {
        for (Event event : new Yaml(options).parse(new StringReader(text))) {
            if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
                org.yaml.snakeyaml.error.Mark at = scalar.getStartMark();
                throw new YamlSyntaxException(
                        new Mark(at.getLine() + 1, at.getColumn() + 1),
                        "no-anchors",
                        "YAML anchor {value} is not allowed in a policy",
                        "&" + scalar.getAnchor());
            }
        }
    }

    private static Mark markOf(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return new Mark(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /**
     * Refuses the first character YAML does not allow in a stream (SnakeYAML's reader would refuse
     * it too, but without saying where): C0 controls other than tab, LF and CR, DEL, C1 controls
     * other than NEL, lone surrogates, U+FFFE and U+FFFF.
     */
    private static void refuseNonPrintable(String text) throws YamlSyntaxException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!printable(cp)) {
                String name = Character.getName(cp);
                throw new YamlSyntaxException(
                        markAt(text, text.codePointCount(0, i)),
                        "yaml-syntax",
                        String.format(
                                java.util.Locale.ROOT,
                                "malformed YAML: character U+%04X%s is not allowed in YAML",
                                cp,
                                name == null ? "" : " " + name));
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean printable(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0x7E)
                || cp == 0x85
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** The 1-based line and column (in code points) of the code point at {@code index} of {@code text}. */
    private static Mark markAt(String text, int index) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < index; seen++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || (cp == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Mark(line, column);
    }

    private static YamlSyntaxException translate(JsonProcessingException e, String text) {
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.reader.ReaderException reader) {
            return new YamlSyntaxException(
                    markAt(text, reader.getPosition()),
                    "yaml-syntax",
                    "malformed YAML: " + oneLine(reader.getMessage()));
        }
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
            org.yaml.snakeyaml.error.Mark m =
                    marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : "malformed YAML";
            String context = marked.getContext();
            String message = oneLine(problem) + (context != null ? " (" + oneLine(context) + ")" : "");
            Mark at = m == null ? new Mark(1, 1) : new Mark(m.getLine() + 1, m.getColumn() + 1);
            return new YamlSyntaxException(at, ruleFor(message), "malformed YAML: " + message);
        }
        JsonLocation loc = e.getLocation();
        Mark at = loc == null ? new Mark(1, 1) : new Mark(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        String message = oneLine(e.getOriginalMessage());
        return new YamlSyntaxException(at, ruleFor(message), "malformed YAML: " + message);
    }

    private static String ruleFor(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "max-depth";
        }
        if (lower.contains("alias")) {
            return "no-aliases";
        }
        if (lower.contains("duplicate")) {
            return "duplicate-key";
        }
        return "yaml-syntax";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String decodeUtf8(byte[] bytes) throws YamlSyntaxException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = firstBadUtf8Offset(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new YamlSyntaxException(
                    new Mark(line, column),
                    "utf-8",
                    String.format(
                            "byte 0x%02x at offset %d is not valid UTF-8; policy files are UTF-8 text",
                            bytes[offset] & 0xff, offset));
        }
    }

    private static int firstBadUtf8Offset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
    }
}
