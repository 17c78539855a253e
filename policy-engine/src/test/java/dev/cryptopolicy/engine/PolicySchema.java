package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of the policy language, generated from {@link Grammar}: what
 * {@code docs/policy.schema.json} holds, for editors that read {@code # yaml-language-server:
 * $schema=...}. Errors the schema cannot express (unknown algorithm names, contradictions between
 * keys) remain the loader's.
 */
final class PolicySchema {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    /** A version: numbers of 1 to 9 digits without leading zeros, separated by single dots (BackendRules). */
    static final String VERSION = "^(0|[1-9][0-9]{0,8})(\\.(0|[1-9][0-9]{0,8}))*$";

    private PolicySchema() {}

    /** The schema as a tree of maps, lists, strings, numbers and booleans. */
    static Map<String, Object> tree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", DRAFT);
        root.put("title", "cryptopolicy policy or modifier");
        root.put(
                "description",
                "Generated from the policy language's declaration (dev.cryptopolicy.engine.Grammar);"
                        + " PolicySchemaTest keeps it equal. See the README, \"The policy language\".");
        root.putAll(object(""));
        root.put(
                "allOf",
                List.of(
                        m(
                                "if",
                                m("properties", m("kind", m("const", "modifier")), "required", List.of("kind")),
                                "then",
                                m("not", m("required", List.of("extends")))),
                        m(
                                "if",
                                m(
                                        "properties",
                                        m("kind", m("const", "policy")),
                                        "required",
                                        List.of("kind"),
                                        "not",
                                        m("required", List.of("extends"))),
                                "then",
                                m("required", List.of("algorithms")))));
        return root;
    }

    /** The schema as the file holds it: the JSON form {@link PolicyWriter} writes. */
    static String json() {
        return PolicyWriter.jsonTree(tree());
    }

    /** An object whose properties are the keys under {@code parent}, and nothing else. */
    private static Map<String, Object> object(String parent) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (String name : Grammar.namesUnder(parent)) {
            String path = parent.isEmpty() ? name : parent + "." + name;
            boolean declared = Grammar.keys().stream().anyMatch(k -> k.path().equals(path));
            if (!declared) {
                properties.put(name, object(path));
                continue;
            }
            Grammar.Key key = Grammar.key(path);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("description", key.meaning());
            p.putAll(type(key));
            if (key.defaultValue() != null) {
                p.put("default", key.defaultValue());
            }
            properties.put(name, p);
            if ("required".equals(key.defaultText())) {
                required.add(name);
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("properties", properties);
        o.put("additionalProperties", false);
        if (!required.isEmpty()) {
            o.put("required", required);
        }
        return o;
    }

    private static Map<String, Object> type(Grammar.Key key) {
        Map<String, Object> t = new LinkedHashMap<>();
        switch (key.type()) {
            case STRING -> t.put("type", "string");
            case REFERENCE -> {
                t.put("type", "string");
                t.put("minLength", 1);
            }
            case ENUM -> t.put("enum", key.values());
            case INTEGER -> {
                t.put("type", "integer");
                t.put("minimum", key.min());
                t.put("maximum", key.max());
            }
            case BOOLEAN -> t.put("type", "boolean");
            case NAMES -> t.putAll(names());
            case SCOPES -> {
                t.put("type", "array");
                t.put("minItems", 1);
                t.put("items", m("enum", scopes()));
            }
            case SERVICES -> {
                t.put("type", "array");
                t.put("items", m("enum", services()));
            }
            case SERVICE_LISTS -> {
                t.put("type", "object");
                t.put("propertyNames", m("enum", services()));
                t.put("additionalProperties", names());
            }
            case RULES -> {
                t.put("type", "array");
                t.put("maxItems", Limits.MAX_ENTRIES);
                t.put("items", object(key.path() + "[]"));
            }
            case MAP -> t.putAll(object(key.path()));
            case ALLOW_DENY ->
                t.put(
                        "oneOf",
                        List.of(
                                m("enum", List.of("allow", "deny")),
                                m(
                                        "type",
                                        "object",
                                        "propertyNames",
                                        m("enum", scopes()),
                                        "additionalProperties",
                                        m("enum", List.of("allow", "deny")))));
            case VERSIONS -> {
                t.put("type", "object");
                t.put("maxProperties", Limits.MAX_ENTRIES);
                t.put("additionalProperties", m("type", List.of("string", "number"), "pattern", VERSION));
            }
            default -> throw new IllegalStateException("no schema for " + key.type());
        }
        return t;
    }

    private static Map<String, Object> names() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "array");
        t.put("maxItems", Limits.MAX_ENTRIES);
        t.put("items", m("type", "string", "pattern", "\\S"));
        return t;
    }

    /** A map of the given keys and values, in that order (the file's order does not depend on hashing). */
    private static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> scopes() {
        List<String> out = new ArrayList<>();
        for (Scope s : Scope.values()) {
            out.add(s.yamlName());
        }
        return out;
    }

    private static List<String> services() {
        List<String> out = new ArrayList<>();
        for (ServiceType s : ServiceType.values()) {
            out.add(s.jcaName());
        }
        return out;
    }
}
