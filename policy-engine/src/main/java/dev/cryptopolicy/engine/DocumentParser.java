package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.hostpolicy.Position;
import dev.cryptopolicy.engine.yaml.FlatYaml;
import dev.cryptopolicy.engine.yaml.Mark;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import dev.cryptopolicy.engine.yaml.YamlMap;
import dev.cryptopolicy.engine.yaml.YamlNode;
import dev.cryptopolicy.engine.yaml.YamlScalar;
import dev.cryptopolicy.engine.yaml.YamlSeq;
import dev.cryptopolicy.engine.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML of one policy or modifier file into a {@link PolicyDocument}: checks every key,
 * type and enumerated value, collecting all problems rather than stopping at the first.
 * Algorithm names are resolved later, when documents are composed.
 */
final class DocumentParser {

    // The keys each mapping accepts, as the Grammar declares them.
    private static final List<String> TOP_KEYS = Grammar.namesUnder("");
    private static final List<String> DENY_KEYS = Grammar.namesUnder("deny[]");
    private static final List<String> KEY_KEYS = Grammar.namesUnder("keys");
    private static final List<String> SHA1_KEYS = Grammar.namesUnder("sha1");
    private static final List<String> TLS_KEYS = Grammar.namesUnder("tls");
    private static final List<String> BACKEND_KEYS = Grammar.namesUnder("backends");
    /** The reader's rules for text that is not YAML at all. */
    private static final Set<Rule> NOT_YAML = Set.of(Rule.YAML_SYNTAX, Rule.UTF_8);

    private final String file;
    private final Problems problems;
    /** For YAML translated from another language: where each YAML line came from; null otherwise. */
    private final List<Position> sourceLines;

    private DocumentParser(String file, Problems problems, List<Position> sourceLines) {
        this.file = file;
        this.problems = problems;
        this.sourceLines = sourceLines;
    }

    /**
     * Parses YAML translated from a crypto-policies file; origins point at that file's lines.
     *
     * @param lines where each line of {@code bytes} came from
     * @return the document, or null when it has errors
     */
    static PolicyDocument parse(String file, byte[] bytes, List<Position> lines, Problems problems) {
        int before = problems.errorCount();
        PolicyDocument doc = new DocumentParser(file, problems, lines).run(bytes);
        return problems.errorCount() > before ? null : doc;
    }

    /**
     * Parses one file.
     *
     * @param file        the name used in messages (a path, or the shipped name)
     * @param bytes       the file's content
     * @param problems    where every problem found is added
     * @return the document, or null when it has errors
     */
    static PolicyDocument parse(String file, byte[] bytes, Problems problems) {
        return parse(file, bytes, null, problems);
    }

    /**
     * Parses one file already read into its tree (a shipped policy's precompiled form): the same
     * checks, problems and origins as {@link #parse(String, byte[], Problems)}.
     *
     * @return the document, or null when it has errors
     */
    static PolicyDocument parse(String file, YamlNode root, Problems problems) {
        int before = problems.errorCount();
        PolicyDocument doc = new DocumentParser(file, problems, null).run(root);
        return problems.errorCount() > before ? null : doc;
    }

    private PolicyDocument run(byte[] bytes) {
        YamlNode root;
        try {
            // A few flat lines (a site policy that extends a shipped one) need no YAML library.
            YamlNode flat = FlatYaml.read(bytes);
            root = flat != null ? flat : new StrictYamlReader().read(bytes);
        } catch (YamlSyntaxException e) {
            Mark m = e.mark();
            Rule rule = Rule.ofId(e.rule());
            String message = e.message(Quote::quoted);
            if (NOT_YAML.contains(rule)) {
                // Text that is not YAML may be anything (a password file named by 'extends'): say
                // what it is not, and quote nothing more of it than the reader's short message.
                message = notAPolicy(message);
            }
            problems.add(Problem.error(new Origin(file, m.line(), m.column(), ""), e.value(), rule, message));
            return null;
        }
        return run(root);
    }

    private PolicyDocument run(YamlNode root) {
        PolicyDocument doc = new PolicyDocument(file);
        if (root == null) {
            error(new Origin(file, 1, 1, ""), "", Rule.NOT_EMPTY, "the file is empty; a policy needs at least 'kind'");
            return null;
        }
        if (!(root instanceof YamlMap top)) {
            error(
                    origin(root.mark(), ""),
                    "",
                    Rule.NOT_A_POLICY,
                    notAPolicy("its top is " + root.kindName() + ", not a mapping of policy keys such as 'kind'"));
            return null;
        }
        if (!top.fields().isEmpty() && Collections.disjoint(top.fields().keySet(), TOP_KEYS)) {
            // Listing the keys one by one would copy a configuration or secrets file into the log.
            error(
                    origin(top.mark(), ""),
                    "",
                    Rule.NOT_A_POLICY,
                    notAPolicy("none of its " + top.fields().size() + " top-level keys is a key of a policy ("
                            + String.join(", ", TOP_KEYS) + ")"));
            return null;
        }
        checkKeys(top, "", TOP_KEYS);
        parseTop(top, doc);
        return doc;
    }

    private String notAPolicy(String why) {
        return "not a policy: " + file + ": " + why;
    }

    private void parseTop(YamlMap top, PolicyDocument doc) {
        YamlMap.Field kind = top.fields().get("kind");
        if (kind == null) {
            error(
                    origin(top.mark(), "kind"),
                    "",
                    Rule.REQUIRED_KEY,
                    "missing 'kind': every file says 'kind: policy' or 'kind: modifier'");
        } else {
            String k = declared(kind.value(), "kind");
            if (k != null) {
                doc.kind = PolicyDocument.Kind.valueOf(k.toUpperCase(Locale.ROOT));
            }
        }
        doc.name = locatedString(top, "name", "name");
        Located<String> description = locatedString(top, "description", "description");
        if (description != null) {
            doc.description = Quote.escape(description.value());
        }
        doc.extendsRef = locatedString(top, "extends", "extends");
        if (doc.extendsRef != null && doc.kind == PolicyDocument.Kind.MODIFIER) {
            error(
                    doc.extendsRef.origin(),
                    doc.extendsRef.value(),
                    Rule.MODIFIER_EXTENDS,
                    "a modifier cannot 'extends'; it edits whatever it is applied to");
        }
        YamlMap.Field mode = top.fields().get("mode");
        if (mode != null) {
            String m = declared(mode.value(), "mode");
            if (m != null) {
                doc.mode = new Located<>(
                        Mode.valueOf(m.toUpperCase(Locale.ROOT)),
                        origin(mode.value().mark(), "mode"));
            }
        }
        YamlMap.Field host = top.fields().get("host_restrictions");
        if (host != null) {
            String h = declared(host.value(), "host_restrictions");
            if (h != null) {
                // The declared values are keep (the default) and replace.
                doc.replaceHost = new Located<>(
                        !h.equals(Grammar.defaultString("host_restrictions")),
                        origin(host.value().mark(), "host_restrictions"));
            }
        }
        YamlMap.Field algorithms = top.fields().get("algorithms");
        if (algorithms != null) {
            doc.algorithmsOrigin = origin(algorithms.keyMark(), "algorithms");
            serviceLists(algorithms.value(), "algorithms", doc.algorithms);
        }
        YamlMap.Field deny = top.fields().get("deny");
        if (deny != null) {
            doc.deny = denyRules(deny.value());
        }
        YamlMap.Field keys = top.fields().get("keys");
        if (keys != null) {
            keys(keys.value(), doc);
        }
        YamlMap.Field sha1 = top.fields().get("sha1");
        if (sha1 != null) {
            sha1(sha1.value(), doc);
        }
        YamlMap.Field tls = top.fields().get("tls");
        if (tls != null) {
            tls(tls.value(), doc);
        }
        YamlMap.Field backends = top.fields().get("backends");
        if (backends != null) {
            backends(backends.value(), doc);
        }
    }

    private void serviceLists(YamlNode node, String path, Map<ServiceType, ListSpec> into) {
        YamlMap map = asMap(node, path);
        if (map == null) {
            return;
        }
        for (YamlMap.Field f : map.fields().values()) {
            ServiceType type = ServiceType.ofJcaNameOrNull(f.key());
            String p = path + "." + f.key();
            if (type == null) {
                List<String> names = new ArrayList<>();
                for (ServiceType t : ServiceType.values()) {
                    names.add(t.jcaName());
                }
                unknownKey(f, path, names, "service type");
                continue;
            }
            if (!type.jcaName().equals(f.key())) {
                error(
                        origin(f.keyMark(), p),
                        f.key(),
                        Rule.SERVICE_TYPE_SPELLING,
                        "service types are written as the JCA writes them: '" + type.jcaName() + "'");
                continue;
            }
            ListSpec list = stringList(f.value(), p);
            if (list != null) {
                into.put(type, list);
            }
        }
    }

    private List<DenySpec> denyRules(YamlNode node) {
        YamlSeq seq = asSeq(node, "deny");
        if (seq == null || tooMany(seq.items().size(), seq.mark(), "deny", "rules")) {
            return List.of();
        }
        List<DenySpec> rules = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "deny[" + i + "]";
            YamlMap rule = asMap(seq.items().get(i), path);
            if (rule == null) {
                continue;
            }
            checkKeys(rule, path, DENY_KEYS);
            Located<String> algorithm = locatedString(rule, "algorithm", path + ".algorithm");
            if (algorithm == null) {
                if (!rule.fields().containsKey("algorithm")) {
                    error(origin(rule.mark(), path), "", Rule.REQUIRED_KEY, "a deny rule needs 'algorithm'");
                }
                continue;
            }
            Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
            YamlMap.Field sf = rule.fields().get("services");
            if (sf != null) {
                ListSpec list = stringList(sf.value(), path + ".services");
                if (list != null) {
                    for (Located<String> s : list.entries()) {
                        ServiceType t = ServiceType.ofJcaNameOrNull(s.value());
                        if (t == null) {
                            List<String> names = new ArrayList<>();
                            for (ServiceType x : ServiceType.values()) {
                                names.add(x.jcaName());
                            }
                            problems.add(
                                    Problem.error(
                                            s.origin(),
                                            s.value(),
                                            Rule.KNOWN_VALUE,
                                            "unknown service type " + Quote.quoted(s.value())),
                                    () -> Suggest.didYouMean(s.value(), names));
                        } else {
                            services.add(t);
                        }
                    }
                }
            }
            Set<Scope> scopes = EnumSet.of(Scope.ANY);
            YamlMap.Field sc = rule.fields().get("scopes");
            if (sc != null) {
                scopes = scopes(sc.value(), path + ".scopes");
            }
            int below = 0;
            YamlMap.Field bf = rule.fields().get("key_size_below");
            if (bf != null) {
                Grammar.Key declared = Grammar.key("deny[].key_size_below");
                Integer b = positiveInt(bf.value(), path + ".key_size_below", declared.min(), declared.max());
                below = b == null ? 0 : b;
            }
            Located<String> reason = locatedString(rule, "reason", path + ".reason");
            rules.add(new DenySpec(
                    algorithm,
                    services,
                    scopes,
                    below,
                    reason == null ? "" : reason.value(),
                    origin(rule.mark(), path)));
        }
        return rules;
    }

    private Set<Scope> scopes(YamlNode node, String path) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        ListSpec list = stringList(node, path);
        if (list == null) {
            return EnumSet.of(Scope.ANY);
        }
        for (Located<String> s : list.entries()) {
            Scope scope = Scope.ofYamlName(s.value()).orElse(null);
            if (scope == null) {
                problems.add(
                        Problem.error(
                                s.origin(),
                                s.value(),
                                Rule.KNOWN_VALUE,
                                "unknown scope " + Quote.quoted(s.value()) + "; scopes are any, tls, certpath, jar"),
                        () -> Suggest.didYouMean(s.value(), List.of("any", "tls", "certpath", "jar")));
            } else {
                scopes.add(scope);
            }
        }
        if (scopes.isEmpty() && list.entries().isEmpty()) {
            error(list.origin(), "[]", Rule.NOT_EMPTY, "an empty scope list would make the rule apply nowhere");
        }
        return scopes;
    }

    private void keys(YamlNode node, PolicyDocument doc) {
        YamlMap map = asMap(node, "keys");
        if (map == null) {
            return;
        }
        checkKeys(map, "keys", KEY_KEYS);
        for (YamlMap.Field f : map.fields().values()) {
            String path = "keys." + f.key();
            if (f.key().equals("unmeasured")) {
                unmeasured(f.value(), doc);
                continue;
            }
            KeyFamily family = switch (f.key()) {
                case "rsa" -> KeyFamily.RSA;
                case "dsa" -> KeyFamily.DSA;
                case "dh" -> KeyFamily.DH;
                case "ec" -> KeyFamily.EC;
                case "symmetric" -> KeyFamily.SYMMETRIC;
                default -> null;
            };
            if (family == null) {
                continue;
            }
            YamlMap inner = asMap(f.value(), path);
            if (inner == null) {
                continue;
            }
            checkKeys(inner, path, Grammar.namesUnder(path));
            YamlMap.Field min = inner.fields().get("min_bits");
            if (min != null) {
                Grammar.Key declared = Grammar.key(path + ".min_bits");
                Integer bits = positiveInt(min.value(), path + ".min_bits", declared.min(), declared.max());
                if (bits != null) {
                    doc.minBits.put(
                            family, new Located<>(bits, origin(min.value().mark(), path + ".min_bits")));
                }
            }
            YamlMap.Field curves = inner.fields().get("curves");
            if (curves != null) {
                doc.curves = stringList(curves.value(), path + ".curves");
            }
        }
    }

    /** {@code keys.unmeasured}: {@code refuse} or {@code allow} keys whose size or curve cannot be determined. */
    private void unmeasured(YamlNode node, PolicyDocument doc) {
        String value = declared(node, "keys.unmeasured");
        if (value != null) {
            // The declared values are refuse (the default) and allow.
            doc.unmeasuredAllowed = new Located<>(
                    !value.equals(Grammar.defaultString("keys.unmeasured")), origin(node.mark(), "keys.unmeasured"));
        }
    }

    /**
     * The string at {@code node} when it is one of the values {@link Grammar} declares for
     * {@code path}; otherwise null, with an error ({@code known-value}) naming them.
     */
    private String declared(YamlNode node, String path) {
        String value = string(node, path);
        if (value == null) {
            return null;
        }
        List<String> values = Grammar.key(path).values();
        if (values.contains(value)) {
            return value;
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                expected.append(i == values.size() - 1 ? " or " : ", ");
            }
            expected.append('\'').append(values.get(i)).append('\'');
        }
        error(
                origin(node.mark(), path),
                value,
                Rule.KNOWN_VALUE,
                path + " must be " + expected + ", not " + Quote.quoted(value));
        return null;
    }

    private void sha1(YamlNode node, PolicyDocument doc) {
        YamlMap map = asMap(node, "sha1");
        if (map == null) {
            return;
        }
        checkKeys(map, "sha1", SHA1_KEYS);
        for (Sha1Use use : Sha1Use.values()) {
            YamlMap.Field f = map.fields().get(use.key());
            if (f == null) {
                continue;
            }
            String path = "sha1." + use.key();
            Map<Scope, Located<Boolean>> perScope = new EnumMap<>(Scope.class);
            if (f.value() instanceof YamlMap scoped) {
                for (YamlMap.Field sf : scoped.fields().values()) {
                    Scope scope = Scope.ofYamlName(sf.key()).orElse(null);
                    if (scope == null) {
                        unknownKey(sf, path, List.of("any", "tls", "certpath", "jar"), "scope");
                        continue;
                    }
                    Boolean allow = allowDeny(sf.value(), path + "." + sf.key());
                    if (allow != null) {
                        perScope.put(
                                scope, new Located<>(allow, origin(sf.value().mark(), path + "." + sf.key())));
                    }
                }
            } else {
                Boolean allow = allowDeny(f.value(), path);
                if (allow != null) {
                    perScope.put(
                            Scope.ANY, new Located<>(allow, origin(f.value().mark(), path)));
                }
            }
            doc.sha1.put(use, perScope);
        }
    }

    private Boolean allowDeny(YamlNode node, String path) {
        String s = string(node, path);
        if (s == null) {
            return null;
        }
        if (s.equals("allow") || s.equals("deny")) {
            return s.equals("allow");
        }
        error(origin(node.mark(), path), s, Rule.KNOWN_VALUE, "expected 'allow' or 'deny', not " + Quote.quoted(s));
        return null;
    }

    private void tls(YamlNode node, PolicyDocument doc) {
        YamlMap map = asMap(node, "tls");
        if (map == null) {
            return;
        }
        checkKeys(map, "tls", TLS_KEYS);
        doc.tlsMin = locatedString(map, "min_protocol", "tls.min_protocol");
        doc.tlsMax = locatedString(map, "max_protocol", "tls.max_protocol");
        doc.suites = optionalList(map, "cipher_suites", "tls.cipher_suites");
        doc.groups = optionalList(map, "named_groups", "tls.named_groups");
        doc.schemes = optionalList(map, "signature_schemes", "tls.signature_schemes");
    }

    private void backends(YamlNode node, PolicyDocument doc) {
        YamlMap map = asMap(node, "backends");
        if (map == null) {
            return;
        }
        checkKeys(map, "backends", BACKEND_KEYS);
        YamlMap.Field fips = map.fields().get("fips_only");
        if (fips != null) {
            if (fips.value() instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN) {
                doc.fipsOnly = new Located<>(
                        Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)),
                        origin(s.mark(), "backends.fips_only"));
            } else {
                wrongType(fips.value(), "backends.fips_only", "true or false");
            }
        }
        doc.preference = optionalList(map, "preference", "backends.preference");
        YamlMap.Field versions = map.fields().get("min_versions");
        if (versions != null) {
            YamlMap vm = asMap(versions.value(), "backends.min_versions");
            if (vm != null) {
                minVersions(vm, doc);
            }
        }
        YamlMap.Field required = map.fields().get("required");
        if (required != null) {
            serviceLists(required.value(), "backends.required", doc.required);
        }
    }

    /**
     * {@code backends.min_versions}: provider name to version, in the grammar of
     * {@link BackendRules}; one entry per provider name ignoring case.
     */
    private void minVersions(YamlMap map, PolicyDocument doc) {
        if (tooMany(map.fields().size(), map.mark(), "backends.min_versions", "providers")) {
            return;
        }
        Map<String, Origin> seen = new java.util.HashMap<>();
        for (YamlMap.Field f : map.fields().values()) {
            String path = "backends.min_versions." + f.key();
            Origin keyOrigin = origin(f.keyMark(), path);
            if (f.key().isBlank() || !f.key().equals(f.key().strip())) {
                error(
                        keyOrigin,
                        f.key(),
                        Rule.PROVIDER_NAME,
                        "a provider name is not empty and has no spaces around it, e.g. BCFIPS");
                continue;
            }
            Origin before = seen.putIfAbsent(f.key().toLowerCase(java.util.Locale.ROOT), keyOrigin);
            if (before != null) {
                error(
                        keyOrigin,
                        f.key(),
                        Rule.PROVIDER_NAME,
                        "provider " + Quote.quoted(f.key()) + " already has a minimum version at " + before.location()
                                + " (provider names are matched ignoring case)");
                continue;
            }
            if (f.value() instanceof YamlScalar s
                    && (s.type() == YamlScalar.Type.STRING
                            || s.type() == YamlScalar.Type.INTEGER
                            || s.type() == YamlScalar.Type.FLOAT)) {
                String problem = BackendRules.versionProblem(s.text());
                if (problem != null) {
                    error(
                            origin(s.mark(), path),
                            s.text(),
                            Rule.VERSION_FORMAT,
                            Quote.quoted(s.text()) + " is not a version: " + problem
                                    + "; write e.g. \"2.1\" or \"2.1.3\"");
                } else {
                    doc.minVersions.put(f.key(), new Located<>(s.text(), origin(s.mark(), path)));
                }
            } else {
                wrongType(f.value(), path, "a version string such as \"2.1\"");
            }
        }
    }

    private ListSpec optionalList(YamlMap map, String key, String path) {
        YamlMap.Field f = map.fields().get(key);
        return f == null ? null : stringList(f.value(), path);
    }

    private ListSpec stringList(YamlNode node, String path) {
        YamlSeq seq = asSeq(node, path);
        if (seq == null || tooMany(seq.items().size(), seq.mark(), path, "entries")) {
            return null;
        }
        List<Located<String>> entries = new ArrayList<>();
        int edits = 0;
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String p = path + "[" + i + "]";
            String s = string(item, p);
            if (s == null) {
                continue;
            }
            if (s.isBlank()) {
                error(origin(item.mark(), p), s, Rule.NOT_EMPTY, "an empty name matches nothing");
                continue;
            }
            if (s.startsWith("+") || s.startsWith("-")) {
                edits++;
            }
            entries.add(new Located<>(s.trim(), origin(item.mark(), p)));
        }
        boolean edit = edits > 0;
        if (edit && edits != entries.size()) {
            error(
                    origin(seq.mark(), path),
                    "",
                    Rule.LIST_EDIT_FORM,
                    "a list either replaces (no entry starts with + or -) or edits (every entry does); this one mixes both");
        }
        return new ListSpec(edit, entries, origin(seq.mark(), path));
    }

    private Located<String> locatedString(YamlMap map, String key, String path) {
        YamlMap.Field f = map.fields().get(key);
        if (f == null) {
            return null;
        }
        String s = string(f.value(), path);
        return s == null ? null : new Located<>(s, origin(f.value().mark(), path));
    }

    private String string(YamlNode node, String path) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING) {
            return s.text();
        }
        wrongType(node, path, "a string");
        return null;
    }

    private Integer positiveInt(YamlNode node, String path, int min, int max) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER) {
            try {
                int v = Integer.parseInt(s.text().replace("_", ""));
                if (v < min || v > max) {
                    error(
                            origin(s.mark(), path),
                            s.text(),
                            Rule.RANGE,
                            "value " + s.text() + " is out of range; it must be between " + min + " and " + max);
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                error(
                        origin(s.mark(), path),
                        s.text(),
                        Rule.RANGE,
                        "value " + s.text() + " is not a whole number of bits");
                return null;
            }
        }
        wrongType(node, path, "an integer");
        return null;
    }

    private YamlMap asMap(YamlNode node, String path) {
        if (node instanceof YamlMap m) {
            return m;
        }
        wrongType(node, path, "a mapping");
        return null;
    }

    private YamlSeq asSeq(YamlNode node, String path) {
        if (node instanceof YamlSeq s) {
            return s;
        }
        wrongType(node, path, "a list");
        return null;
    }

    private void wrongType(YamlNode node, String path, String expected) {
        String value = node instanceof YamlScalar s ? s.text() : "";
        error(
                origin(node.mark(), path),
                value,
                Rule.TYPE,
                "expected " + expected + ", found " + node.kindName()
                        + (value.isEmpty() ? "" : " " + Quote.quoted(value)));
    }

    private void checkKeys(YamlMap map, String path, List<String> allowed) {
        for (YamlMap.Field f : map.fields().values()) {
            if (!allowed.contains(f.key())) {
                unknownKey(f, path, allowed, "key");
            }
        }
    }

    private void unknownKey(YamlMap.Field f, String path, List<String> allowed, String what) {
        String p = path.isEmpty() ? f.key() : path + "." + f.key();
        problems.add(
                Problem.error(
                        origin(f.keyMark(), p),
                        f.key(),
                        Rule.KNOWN_KEY,
                        "unknown " + what + " " + Quote.quoted(f.key()) + "; expected one of "
                                + String.join(", ", allowed)),
                () -> Suggest.didYouMean(f.key(), allowed));
    }

    /** Whether a list holds more than {@link Limits#MAX_ENTRIES} items; if so, that is an error. */
    private boolean tooMany(int size, Mark mark, String path, String what) {
        if (size <= Limits.MAX_ENTRIES) {
            return false;
        }
        error(
                origin(mark, path),
                String.valueOf(size),
                Rule.MAX_ENTRIES,
                "the list has " + size + " " + what + "; the limit is " + Limits.MAX_ENTRIES);
        return true;
    }

    private void error(Origin origin, String value, Rule rule, String message) {
        problems.add(Problem.error(origin, value, rule, message));
    }

    private Origin origin(Mark mark, String path) {
        if (sourceLines != null && mark.line() >= 1 && mark.line() <= sourceLines.size()) {
            Position p = sourceLines.get(mark.line() - 1);
            return new Origin(p.file(), p.line(), p.column(), path);
        }
        return new Origin(file, mark.line(), mark.column(), path);
    }
}
