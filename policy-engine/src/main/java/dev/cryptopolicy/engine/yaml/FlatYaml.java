package dev.cryptopolicy.engine.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the flattest YAML documents, a few {@code key: value} lines of plain words such as a site
 * policy's {@code kind: policy} / {@code extends: DEFAULT:NO-SHA1}, into exactly the tree
 * {@link StrictYamlReader} builds for them, without starting Jackson and SnakeYAML (some 160
 * classes and their first run, on the start-up path of the agent).
 *
 * <p>It accepts only a subset it can read with certainty and answers null for anything else, which
 * the caller then gives to {@link StrictYamlReader}: so every error, limit and message stays that
 * reader's. Accepted: at most {@link #MAX_BYTES} bytes of printable ASCII in {@code \n}-ended
 * lines; each line empty, a comment starting in its first column, or a key starting in its first
 * column ({@code [A-Za-z][A-Za-z0-9_-]*}), a colon, spaces and a value that starts with a letter,
 * holds only letters, digits and {@code _-./:} (a colon only between two of the others) and is not
 * one of the words YAML reads as a boolean or null; at least one key and no key twice.
 */
public final class FlatYaml {

    /** The largest source this reader looks at; a larger one goes to the full reader. */
    static final int MAX_BYTES = 4096;

    private FlatYaml() {}

    /**
     * @return the document's mapping, or null when {@code bytes} is not in the subset read here
     */
    public static YamlMap read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return null;
        }
        Map<String, YamlMap.Field> fields = new LinkedHashMap<>();
        Mark first = null;
        int line = 1;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end > start && !comment(bytes, start, end)) {
                YamlMap.Field field = field(bytes, start, end, line);
                if (field == null || fields.containsKey(field.key())) {
                    return null;
                }
                if (first == null) {
                    first = field.keyMark();
                }
                fields.put(field.key(), field);
            }
            start = end + 1;
            line++;
        }
        return first == null ? null : new YamlMap(fields, first);
    }

    /** A comment line: {@code #} in the first column, then printable ASCII. */
    private static boolean comment(byte[] b, int start, int end) {
        if (b[start] != '#') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** One {@code key: value} line, or null when the line is anything else. */
    private static YamlMap.Field field(byte[] b, int start, int end, int line) {
        int i = start;
        if (!letter(b[i])) {
            return null;
        }
        while (i < end && (letter(b[i]) || digit(b[i]) || b[i] == '_' || b[i] == '-')) {
            i++;
        }
        if (i == end || b[i] != ':') {
            return null;
        }
        String key = ascii(b, start, i);
        i++;
        int spaces = i;
        while (i < end && b[i] == ' ') {
            i++;
        }
        if (i == spaces || i == end || !letter(b[i])) {
            return null;
        }
        int value = i;
        for (; i < end; i++) {
            byte c = b[i];
            if (!wordChar(c) && !(c == ':' && i + 1 < end && wordChar(b[i + 1]) && wordChar(b[i - 1]))) {
                return null;
            }
        }
        String text = ascii(b, value, end);
        if (special(text)) {
            return null;
        }
        return new YamlMap.Field(
                key,
                new Mark(line, 1),
                new YamlScalar(text, YamlScalar.Type.STRING, new Mark(line, value - start + 1)));
    }

    private static boolean wordChar(byte c) {
        return letter(c) || digit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }

    /** A word some YAML resolver reads as a boolean or null rather than a string. */
    private static boolean special(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "y":
            case "n":
            case "yes":
            case "no":
            case "true":
            case "false":
            case "on":
            case "off":
            case "null":
                return true;
            default:
                return false;
        }
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean letter(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
