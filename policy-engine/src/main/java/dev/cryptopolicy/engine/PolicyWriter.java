package dev.cryptopolicy.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
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
 * <p>Written with Jackson's streaming generators only, so that the engine needs jackson-core and
 * jackson-dataformat-yaml but not jackson-databind.
 */
public final class PolicyWriter {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final JsonFactory JSON = new JsonFactory();

    private PolicyWriter() {
    }

    /** The effective policy as YAML, opening with a comment naming its sources. */
    public static String yaml(CompiledPolicy policy) {
        StringBuilder header = new StringBuilder();
        header.append("# Effective policy ").append(policy.name()).append(", resolved from: ")
                .append(String.join(", ", policy.sources())).append('\n');
        return header + write(YAML, false, tree(policy));
    }

    /** The effective policy as JSON. */
    public static String json(CompiledPolicy policy) {
        return write(JSON, true, tree(policy)) + "\n";
    }

    private static String write(JsonFactory factory, boolean indent, Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            if (indent) {
                generator.useDefaultPrettyPrinter();
            }
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

    static Map<String, Object> tree(CompiledPolicy policy) {
        Effective e = policy.effective();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "policy");
        root.put("name", policy.name());
        if (!e.description.isEmpty()) {
            root.put("description", e.description);
        }
        root.put("mode", e.mode.value().yamlName());
        if (e.replaceHost.value()) {
            root.put("host_restrictions", "replace");
        }
        Map<String, Object> algorithms = new LinkedHashMap<>();
        for (ServiceType type : ServiceType.values()) {
            Map<Algorithm, Origin> list = e.algorithms.get(type);
            if (list != null && !list.isEmpty()) {
                List<String> names = new ArrayList<>();
                list.keySet().forEach(a -> names.add(a.name()));
                algorithms.put(type.jcaName(), names);
            }
        }
        root.put("algorithms", algorithms);
        if (!e.deny.isEmpty()) {
            List<Object> deny = new ArrayList<>();
            for (Effective.DenyRule rule : e.deny) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("algorithm", rule.spec().algorithm().value());
                if (!rule.spec().services().isEmpty()) {
                    List<String> services = new ArrayList<>();
                    for (ServiceType t : ServiceType.values()) {
                        if (rule.spec().services().contains(t)) {
                            services.add(t.jcaName());
                        }
                    }
                    r.put("services", services);
                }
                List<String> scopes = new ArrayList<>();
                for (Scope s : Scope.values()) {
                    if (rule.spec().scopes().contains(s)) {
                        scopes.add(s.yamlName());
                    }
                }
                r.put("scopes", scopes);
                if (rule.spec().keySizeBelow() > 0) {
                    r.put("key_size_below", rule.spec().keySizeBelow());
                }
                if (!rule.spec().reason().isEmpty()) {
                    r.put("reason", rule.spec().reason());
                }
                deny.add(r);
            }
            root.put("deny", deny);
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        for (KeyFamily family : List.of(KeyFamily.RSA, KeyFamily.DSA, KeyFamily.DH, KeyFamily.EC, KeyFamily.SYMMETRIC)) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("min_bits", e.minBits.get(family).value());
            if (family == KeyFamily.EC) {
                List<String> curves = new ArrayList<>();
                for (Curve c : e.curves.keySet()) {
                    curves.add(c.name());
                }
                k.put("curves", curves);
            }
            keys.put(family.name().toLowerCase(Locale.ROOT), k);
        }
        keys.put("unmeasured", e.unmeasuredAllowed.value() ? "allow" : "refuse");
        root.put("keys", keys);
        Map<String, Object> sha1 = new LinkedHashMap<>();
        for (Sha1Use use : Sha1Use.values()) {
            Map<Scope, Located<Boolean>> perScope = e.sha1.get(use);
            if (perScope.size() == 1 && perScope.containsKey(Scope.ANY)) {
                sha1.put(use.key(), perScope.get(Scope.ANY).value() ? "allow" : "deny");
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                perScope.forEach((s, v) -> m.put(s.yamlName(), v.value() ? "allow" : "deny"));
                sha1.put(use.key(), m);
            }
        }
        root.put("sha1", sha1);
        TlsSettings tls = policy.tls();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("min_protocol", tls.minProtocol());
        t.put("max_protocol", tls.maxProtocol());
        t.put("cipher_suites", tls.cipherSuites());
        t.put("named_groups", tls.namedGroups());
        t.put("signature_schemes", tls.signatureSchemes());
        root.put("tls", t);
        BackendRules b = policy.backends();
        Map<String, Object> backends = new LinkedHashMap<>();
        backends.put("fips_only", b.fipsOnly());
        if (!b.preference().isEmpty()) {
            backends.put("preference", b.preference());
        }
        if (!b.minVersions().isEmpty()) {
            backends.put("min_versions", b.minVersions());
        }
        if (!b.required().isEmpty()) {
            Map<String, Object> required = new LinkedHashMap<>();
            b.required().forEach((type, names) -> required.put(type.jcaName(), names));
            backends.put("required", required);
        }
        root.put("backends", backends);
        return root;
    }
}
