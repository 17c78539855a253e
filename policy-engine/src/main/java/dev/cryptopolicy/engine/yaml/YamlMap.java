package dev.cryptopolicy.engine.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping with string keys, in document order. Duplicate keys never get this far: the
 * reader rejects them.
 *
 * @param fields the entries by key, in document order
 * @param mark   where the mapping starts
 */
public record YamlMap(Map<String, Field> fields, Mark mark) implements YamlNode {

    /**
     * One key and its value.
     *
     * @param key     the key text
     * @param keyMark where the key is written
     * @param value   the value
     */
    public record Field(String key, Mark keyMark, YamlNode value) {}

    public YamlMap {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
