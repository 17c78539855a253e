package dev.cryptopolicy.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a compiled policy out as the fully resolved effective policy: one self-contained
 * {@code kind: policy} document with every inherited setting, modifier and default applied.
 * The YAML form loads back into a policy that makes the same decisions.
 *
 * <p>The YAML form is written with Jackson's streaming generator only, so that the engine needs
 * jackson-core and jackson-dataformat-yaml but not jackson-databind; the JSON form, whose SHA-256
 * every installation logs, by {@link JsonText}, which loads no Jackson class and writes the bytes
 * Jackson's pretty printer wrote.
 */
public final class PolicyWriter {

    /**
     * The YAML form, apart: its code names Jackson's types, which the JVM loads when it verifies
     * the class that holds it, so writing JSON (the digest every installation logs) loads none.
     */
    private static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();

        static String write(Object tree) {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                writeValue(generator, tree);
            } catch (IOException e) {
                // A StringWriter does not fail; a generator refusing a tree of plain values would be a bug.
                throw new UncheckedIOException("cannot write a policy tree of plain maps and lists", e);
            }
            return out.toString();
        }

        /** The tree holds only maps with string keys, lists, strings, integers and booleans. */
        private static void writeValue(JsonGenerator generator, Object value) throws IOException {
            if (value instanceof Map<?, ?> map) {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    writeValue(generator, entry.getValue());
                }
                generator.writeEndObject();
            } else if (value instanceof List<?> list) {
                generator.writeStartArray();
                for (Object item : list) {
                    writeValue(generator, item);
                }
                generator.writeEndArray();
            } else if (value instanceof Boolean b) {
                generator.writeBoolean(b);
            } else if (value instanceof Integer i) {
                generator.writeNumber(i);
            } else if (value instanceof Long l) {
                generator.writeNumber(l);
            } else if (value instanceof String text) {
                generator.writeString(text);
            } else {
                throw new IllegalStateException("policy tree value of unexpected type "
                        + (value == null ? "null" : value.getClass().getName()) + ": " + value);
            }
        }
    }

    private PolicyWriter() {}

    /** The effective policy as YAML, opening with a comment naming its sources. */
    public static String yaml(CompiledPolicy policy) {
        StringBuilder header = new StringBuilder();
        header.append("# Effective policy ")
                .append(policy.name())
                .append(", resolved from: ")
                .append(String.join(", ", policy.sources()))
                .append('\n');
        return header + Yaml.write(tree(policy));
    }

    /** The effective policy as JSON. */
    public static String json(CompiledPolicy policy) {
        return jsonTree(tree(policy));
    }

    /** A tree of maps with string keys, lists, strings, integers and booleans as indented JSON. */
    static String jsonTree(Object tree) {
        return JsonText.write(tree) + "\n";
    }

    static Map<String, Object> tree(CompiledPolicy policy) {
        return tree(policy, Grammar.keys());
    }

    /**
     * The tree of every key of {@code grammar}, in its order. A key this writer does not know is
     * an error, never left out: {@code show} must not drop a setting silently.
     *
     * @throws IllegalStateException when {@code grammar} has a key this writer cannot write
     */
    static Map<String, Object> tree(CompiledPolicy policy, List<Grammar.Key> grammar) {
        Settings e = policy.settings();
        Map<String, Object> root = new LinkedHashMap<>();
        for (String key : Grammar.namesUnder(grammar, "")) {
            switch (key) {
                case "kind" -> root.put(key, "policy");
                case "name" -> root.put(key, policy.name());
                case "description" -> {
                    if (!e.description().isEmpty()) {
                        root.put(key, e.description());
                    }
                }
                // Resolved: the written policy stands alone.
                case "extends" -> {}
                case "mode" -> root.put(key, e.mode().value().yamlName());
                case "host_restrictions" -> root.put(key, e.replaceHost().value() ? "replace" : "keep");
                case "algorithms" -> root.put(key, serviceLists(e.algorithms()));
                case "deny" -> {
                    if (!e.deny().isEmpty()) {
                        root.put(key, deny(e.deny(), Grammar.namesUnder(grammar, "deny[]")));
                    }
                }
                case "keys" -> root.put(key, keys(e, grammar));
                case "sha1" -> root.put(key, sha1(e, Grammar.namesUnder(grammar, key)));
                case "tls" -> root.put(key, tls(policy.tls(), Grammar.namesUnder(grammar, key)));
                case "backends" -> root.put(key, backends(policy.backends(), Grammar.namesUnder(grammar, key)));
                default -> throw unknown(key);
            }
        }
        return root;
    }

    private static IllegalStateException unknown(String path) {
        return new IllegalStateException("the policy language has the key " + path
                + ", which the effective policy cannot be written with; it would be left out of show");
    }

    private static Map<String, Object> serviceLists(Map<ServiceType, Map<Algorithm, Origin>> lists) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ServiceType type : ServiceType.values()) {
            Map<Algorithm, Origin> list = lists.get(type);
            if (list != null && !list.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (Algorithm a : list.keySet()) {
                    names.add(a.name());
                }
                out.put(type.jcaName(), names);
            }
        }
        return out;
    }

    private static List<Object> deny(List<DenySpec> rules, List<String> keys) {
        List<Object> deny = new ArrayList<>();
        for (DenySpec rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (String key : keys) {
                switch (key) {
                    case "algorithm" -> r.put(key, rule.algorithm().value());
                    case "services" -> {
                        List<String> services = new ArrayList<>();
                        for (ServiceType t : ServiceType.values()) {
                            if (rule.services().contains(t)) {
                                services.add(t.jcaName());
                            }
                        }
                        if (!services.isEmpty()) {
                            r.put(key, services);
                        }
                    }
                    case "scopes" -> {
                        List<String> scopes = new ArrayList<>();
                        for (Scope s : Scope.values()) {
                            if (rule.scopes().contains(s)) {
                                scopes.add(s.yamlName());
                            }
                        }
                        r.put(key, scopes);
                    }
                    case "key_size_below" -> {
                        if (rule.keySizeBelow() > 0) {
                            r.put(key, rule.keySizeBelow());
                        }
                    }
                    case "reason" -> {
                        if (!rule.reason().isEmpty()) {
                            r.put(key, rule.reason());
                        }
                    }
                    default -> throw unknown("deny[]." + key);
                }
            }
            deny.add(r);
        }
        return deny;
    }

    private static Map<String, Object> keys(Settings e, List<Grammar.Key> grammar) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String name : Grammar.namesUnder(grammar, "keys")) {
            if (name.equals("unmeasured")) {
                keys.put(name, e.unmeasured().value() ? "allow" : "refuse");
                continue;
            }
            KeyFamily family = family(name);
            Map<String, Object> k = new LinkedHashMap<>();
            for (String inner : Grammar.namesUnder(grammar, "keys." + name)) {
                switch (inner) {
                    case "min_bits" -> k.put(inner, e.minBits().get(family).value());
                    case "curves" -> {
                        List<String> curves = new ArrayList<>();
                        for (Curve c : e.curves().keySet()) {
                            curves.add(c.name());
                        }
                        k.put(inner, curves);
                    }
                    default -> throw unknown("keys." + name + "." + inner);
                }
            }
            keys.put(name, k);
        }
        return keys;
    }

    /** The key family of a {@code keys.<name>} mapping. */
    private static KeyFamily family(String name) {
        for (KeyFamily f : List.of(KeyFamily.RSA, KeyFamily.DSA, KeyFamily.DH, KeyFamily.EC, KeyFamily.SYMMETRIC)) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        throw unknown("keys." + name);
    }

    private static Map<String, Object> sha1(Settings e, List<String> keys) {
        Map<String, Object> sha1 = new LinkedHashMap<>();
        for (String key : keys) {
            Sha1Use use = null;
            for (Sha1Use u : Sha1Use.values()) {
                if (u.key().equals(key)) {
                    use = u;
                }
            }
            if (use == null) {
                throw unknown("sha1." + key);
            }
            Map<Scope, Located<Boolean>> perScope = e.sha1().get(use);
            if (perScope.size() == 1 && perScope.containsKey(Scope.ANY)) {
                sha1.put(key, perScope.get(Scope.ANY).value() ? "allow" : "deny");
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<Scope, Located<Boolean>> v : perScope.entrySet()) {
                    m.put(v.getKey().yamlName(), v.getValue().value() ? "allow" : "deny");
                }
                sha1.put(key, m);
            }
        }
        return sha1;
    }

    private static Map<String, Object> tls(TlsSettings tls, List<String> keys) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (String key : keys) {
            switch (key) {
                case "min_protocol" -> t.put(key, tls.minProtocol());
                case "max_protocol" -> t.put(key, tls.maxProtocol());
                case "cipher_suites" -> t.put(key, tls.cipherSuites());
                case "named_groups" -> t.put(key, tls.namedGroups());
                case "signature_schemes" -> t.put(key, tls.signatureSchemes());
                default -> throw unknown("tls." + key);
            }
        }
        return t;
    }

    private static Map<String, Object> backends(BackendRules b, List<String> keys) {
        Map<String, Object> backends = new LinkedHashMap<>();
        for (String key : keys) {
            switch (key) {
                case "fips_only" -> backends.put(key, b.fipsOnly());
                case "preference" -> {
                    if (!b.preference().isEmpty()) {
                        backends.put(key, b.preference());
                    }
                }
                case "min_versions" -> {
                    if (!b.minVersions().isEmpty()) {
                        backends.put(key, b.minVersions());
                    }
                }
                case "required" -> {
                    if (!b.required().isEmpty()) {
                        Map<String, Object> required = new LinkedHashMap<>();
                        for (Map.Entry<ServiceType, List<String>> r :
                                b.required().entrySet()) {
                            required.put(r.getKey().jcaName(), r.getValue());
                        }
                        backends.put(key, required);
                    }
                }
                default -> throw unknown("backends." + key);
            }
        }
        return backends;
    }
}
