package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import dev.cryptopolicy.engine.yaml.YamlMap;
import dev.cryptopolicy.engine.yaml.YamlNode;
import dev.cryptopolicy.engine.yaml.YamlScalar;
import dev.cryptopolicy.engine.yaml.YamlSeq;
import dev.cryptopolicy.engine.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a YAML document against a JSON Schema, for the keywords {@link PolicySchema} uses and no
 * more: a keyword it does not know is an error, so that a schema using one cannot pass unchecked.
 * (A full validator such as networknt's would bring jackson-databind onto the engine's test class
 * path, which is kept free of it to prove the engine runs without it.)
 */
final class SchemaCheck {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "title", "description", "default");

    private SchemaCheck() {}

    /** The YAML as plain values: maps, lists, strings, longs, doubles, booleans, null. */
    static Object instance(byte[] yaml) throws YamlSyntaxException {
        return plain(new StrictYamlReader().read(yaml));
    }

    private static Object plain(YamlNode node) {
        if (node instanceof YamlMap map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.fields().forEach((k, f) -> m.put(k, plain(f.value())));
            return m;
        }
        if (node instanceof YamlSeq seq) {
            List<Object> l = new ArrayList<>();
            seq.items().forEach(i -> l.add(plain(i)));
            return l;
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.type()) {
            case INTEGER -> Long.parseLong(s.text().replace("_", ""));
            case FLOAT -> Double.parseDouble(s.text());
            case BOOLEAN -> Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
            case NULL -> null;
            default -> s.text();
        };
    }

    /** Where {@code value} breaks {@code schema}: one line per violation, empty when it conforms. */
    static List<String> violations(Object schema, Object value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    @SuppressWarnings("unchecked") // the schema tree is made of String-keyed maps
    private static void check(Object schemaNode, Object value, String at, List<String> out) {
        if (schemaNode instanceof Boolean b) {
            if (!b) {
                out.add(at + ": not allowed");
            }
            return;
        }
        Map<String, Object> schema = (Map<String, Object>) schemaNode;
        for (Map.Entry<String, Object> k : schema.entrySet()) {
            Object arg = k.getValue();
            switch (k.getKey()) {
                case "type" -> {
                    List<?> types = arg instanceof List<?> l ? l : List.of(arg);
                    if (types.stream().noneMatch(t -> hasType(value, (String) t))) {
                        out.add(at + ": expected " + types + ", found " + value);
                    }
                }
                case "enum" -> {
                    if (!((List<?>) arg).contains(value)) {
                        out.add(at + ": " + value + " is not one of " + arg);
                    }
                }
                case "const" -> {
                    if (!arg.equals(value)) {
                        out.add(at + ": " + value + " is not " + arg);
                    }
                }
                case "minimum", "maximum" -> {
                    if (value instanceof Number n) {
                        long bound = ((Number) arg).longValue();
                        if (k.getKey().equals("minimum") ? n.doubleValue() < bound : n.doubleValue() > bound) {
                            out.add(at + ": " + value + " breaks " + k.getKey() + " " + bound);
                        }
                    }
                }
                case "minLength" -> {
                    if (value instanceof String s && s.codePointCount(0, s.length()) < ((Number) arg).intValue()) {
                        out.add(at + ": shorter than " + arg);
                    }
                }
                case "pattern" -> {
                    if (value instanceof String s
                            && !Pattern.compile((String) arg).matcher(s).find()) {
                        out.add(at + ": " + s + " does not match " + arg);
                    }
                }
                case "minItems", "maxItems" -> {
                    if (value instanceof List<?> l) {
                        int n = ((Number) arg).intValue();
                        if (k.getKey().equals("minItems") ? l.size() < n : l.size() > n) {
                            out.add(at + ": " + l.size() + " items breaks " + k.getKey() + " " + n);
                        }
                    }
                }
                case "items" -> {
                    if (value instanceof List<?> l) {
                        for (int i = 0; i < l.size(); i++) {
                            check(arg, l.get(i), at + "[" + i + "]", out);
                        }
                    }
                }
                case "maxProperties" -> {
                    if (value instanceof Map<?, ?> m && m.size() > ((Number) arg).intValue()) {
                        out.add(at + ": more than " + arg + " properties");
                    }
                }
                case "required" -> {
                    if (value instanceof Map<?, ?> m) {
                        for (Object r : (List<?>) arg) {
                            if (!m.containsKey(r)) {
                                out.add(at + ": missing " + r);
                            }
                        }
                    }
                }
                case "properties", "additionalProperties", "propertyNames" -> {
                    if (value instanceof Map<?, ?> m) {
                        properties(schema, k.getKey(), (Map<String, Object>) m, at, out);
                    }
                }
                case "oneOf" -> {
                    int passed = 0;
                    for (Object s : (List<?>) arg) {
                        passed += violations(s, value).isEmpty() ? 1 : 0;
                    }
                    if (passed != 1) {
                        out.add(at + ": matches " + passed + " of the oneOf schemas, not 1");
                    }
                }
                case "allOf" -> {
                    for (Object s : (List<?>) arg) {
                        check(s, value, at, out);
                    }
                }
                case "not" -> {
                    if (violations(arg, value).isEmpty()) {
                        out.add(at + ": matches a schema it must not (" + arg + ")");
                    }
                }
                case "if" -> {
                    if (violations(arg, value).isEmpty() && schema.containsKey("then")) {
                        check(schema.get("then"), value, at, out);
                    }
                }
                case "then" -> {
                    // applied by "if"
                }
                default -> {
                    if (!ANNOTATIONS.contains(k.getKey())) {
                        throw new IllegalArgumentException("schema keyword " + k.getKey() + " is not checked here");
                    }
                }
            }
        }
    }

    /** One of the three object keywords; each is applied once, when met. */
    private static void properties(
            Map<String, Object> schema, String keyword, Map<String, Object> value, String at, List<String> out) {
        @SuppressWarnings("unchecked") // the schema tree is made of String-keyed maps
        Map<String, Object> declared = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> e : value.entrySet()) {
            String where = at + "." + e.getKey();
            switch (keyword) {
                case "properties" -> {
                    if (declared.containsKey(e.getKey())) {
                        check(declared.get(e.getKey()), e.getValue(), where, out);
                    }
                }
                case "additionalProperties" -> {
                    if (!declared.containsKey(e.getKey())) {
                        check(schema.get(keyword), e.getValue(), where, out);
                    }
                }
                default -> check(schema.get(keyword), e.getKey(), where + " (name)", out);
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long || value instanceof Integer;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }
}
