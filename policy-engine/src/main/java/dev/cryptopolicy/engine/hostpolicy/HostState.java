package dev.cryptopolicy.engine.hostpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Java view of a crypto-policies policy: every directive that applies to the scopes Java reads
 * ({@link Names#JAVA_SCOPES}), applied in order, and the edits that produced it (what a sub-policy
 * changes). Directives for other scopes and properties only other back-ends read are checked and
 * reported as warnings, never dropped silently.
 */
final class HostState {

    /** One algorithm name in a list, with the place that put it there. */
    record Value(String name, Position at) {}

    /** One integer setting, with its place. */
    record Setting(int value, Position at) {}

    /** One change a directive makes to a list property. */
    record Edit(String property, Op op, List<Value> values) {}

    enum Op {
        REPLACE,
        ADD,
        REMOVE
    }

    private static final Pattern SCOPE_NAME = Pattern.compile("[a-z0-9_-]+");

    final Map<String, List<Value>> lists = new LinkedHashMap<>();
    final Map<String, Setting> integers = new LinkedHashMap<>();
    final List<Edit> edits = new ArrayList<>();
    /** Where each property was last set, for values derived from the property as a whole. */
    final Map<String, Position> setAt = new LinkedHashMap<>();

    private final List<Finding> findings;

    HostState(List<Finding> findings) {
        this.findings = findings;
        for (String property : Names.LISTS.keySet()) {
            lists.put(property, new ArrayList<>());
        }
    }

    /** Applies every directive of one file. */
    void apply(List<PolReader.Directive> directives) {
        for (PolReader.Directive d : directives) {
            apply(d);
        }
    }

    private void apply(PolReader.Directive d) {
        String property = d.property();
        boolean known = Names.LISTS.containsKey(property)
                || Names.JAVA_INTEGERS.contains(property)
                || Names.OTHER_INTEGERS.containsKey(property)
                || Names.ENUMS.containsKey(property);
        if (!known) {
            findings.add(new Finding(
                    true,
                    d.at(),
                    property,
                    "host-property",
                    "unknown crypto-policies property '" + property + "'",
                    Names.properties()));
            return;
        }
        Boolean java = d.scope() == null ? Boolean.TRUE : javaScope(d);
        if (java == null) {
            return;
        }
        if (Names.LISTS.containsKey(property)) {
            list(d, java);
        } else if (Names.ENUMS.containsKey(property)) {
            enumerated(d);
        } else {
            integer(d, java);
        }
    }

    /** Whether a scoped directive applies to Java; null (with an error) when the scope is malformed. */
    private Boolean javaScope(PolReader.Directive d) {
        String scope = d.scope().toLowerCase(Locale.ROOT);
        boolean negated = scope.startsWith("!");
        if (negated) {
            scope = scope.substring(1);
        }
        List<String> names = new ArrayList<>();
        if (scope.startsWith("{") && scope.endsWith("}")) {
            for (String name : scope.substring(1, scope.length() - 1).split(",", -1)) {
                names.add(name.trim());
            }
        } else {
            names.add(scope);
        }
        for (String name : names) {
            if (!SCOPE_NAME.matcher(name).matches()) {
                findings.add(Finding.error(
                        d.scopeAt(),
                        "@" + d.scope(),
                        "host-scope",
                        "malformed scope '@" + d.scope() + "'; write @name, @{name,name} or @!name"));
                return null;
            }
        }
        boolean any = names.stream().anyMatch(Names.JAVA_SCOPES::contains);
        return negated != any;
    }

    private void list(PolReader.Directive d, boolean java) {
        String property = d.property();
        List<PolReader.Token> tokens = d.values();
        if (tokens.size() == 1 && tokens.get(0).text().matches("-?[0-9]+")) {
            findings.add(Finding.error(
                    tokens.get(0).at(),
                    tokens.get(0).text(),
                    "host-type",
                    "'" + property + "' is a list of algorithm names, not a number"));
            return;
        }
        List<Value> plain = new ArrayList<>();
        List<Value> added = new ArrayList<>();
        List<Value> prepended = new ArrayList<>();
        List<Value> removed = new ArrayList<>();
        PolReader.Token firstPlain = null;
        PolReader.Token firstEdit = null;
        boolean ok = true;
        for (PolReader.Token t : tokens) {
            String text = t.text();
            List<Value> into;
            String pattern;
            if (text.startsWith("-")) {
                into = removed;
                pattern = text.substring(1);
            } else if (text.startsWith("+")) {
                into = prepended;
                pattern = text.substring(1);
            } else if (text.endsWith("+")) {
                into = added;
                pattern = text.substring(0, text.length() - 1);
            } else {
                into = plain;
                pattern = text;
            }
            if (into == plain) {
                firstPlain = firstPlain == null ? t : firstPlain;
            } else {
                firstEdit = firstEdit == null ? t : firstEdit;
            }
            List<String> matched = glob(pattern, Names.LISTS.get(property));
            if (matched.isEmpty()) {
                findings.add(new Finding(
                        true,
                        t.at(),
                        text,
                        "host-unknown-value",
                        (pattern.contains("*") ? "the pattern '" + pattern + "' matches no " : "unknown ") + property
                                + " '" + pattern + "'",
                        Names.LISTS.get(property)));
                ok = false;
                continue;
            }
            for (String name : matched) {
                into.add(new Value(name, t.at()));
            }
        }
        if (firstPlain != null && firstEdit != null) {
            findings.add(Finding.error(
                    firstEdit.at(),
                    firstEdit.text(),
                    "host-mixed-list",
                    "'" + property + "' mixes a full list with +/- edits; write either a list or only edits"));
            return;
        }
        if (!ok) {
            return;
        }
        if (!java) {
            findings.add(Finding.warning(
                    d.scopeAt(),
                    property + "@" + d.scope(),
                    "host-scope-not-java",
                    "'" + property + "@" + d.scope() + "' applies to other libraries than Java"
                            + " (Java reads the tls and java-tls scopes); ignored"));
            return;
        }
        setAt.put(property, d.at());
        List<Value> current = lists.get(property);
        if (firstEdit == null) {
            current.clear();
            current.addAll(dedupe(plain));
            edits.add(new Edit(property, Op.REPLACE, List.copyOf(plain)));
            return;
        }
        if (!removed.isEmpty()) {
            current.removeIf(v -> removed.stream().anyMatch(r -> r.name().equals(v.name())));
            edits.add(new Edit(property, Op.REMOVE, List.copyOf(removed)));
        }
        if (!prepended.isEmpty()) {
            current.removeIf(v -> prepended.stream().anyMatch(r -> r.name().equals(v.name())));
            current.addAll(0, dedupe(prepended));
            edits.add(new Edit(property, Op.ADD, List.copyOf(prepended)));
        }
        if (!added.isEmpty()) {
            current.removeIf(v -> added.stream().anyMatch(r -> r.name().equals(v.name())));
            current.addAll(dedupe(added));
            edits.add(new Edit(property, Op.ADD, List.copyOf(added)));
        }
    }

    private void integer(PolReader.Directive d, boolean java) {
        String property = d.property();
        List<PolReader.Token> tokens = d.values();
        if (tokens.size() != 1 || !tokens.get(0).text().matches("[0-9]{1,9}")) {
            Position at = tokens.isEmpty() ? d.at() : tokens.get(0).at();
            findings.add(Finding.error(
                    at,
                    tokens.isEmpty() ? "" : tokens.get(0).text(),
                    "host-type",
                    "'" + property + "' takes one non-negative integer"));
            return;
        }
        Position at = tokens.get(0).at();
        if (Names.OTHER_INTEGERS.containsKey(property)) {
            findings.add(Finding.warning(
                    d.at(),
                    property,
                    "host-no-java-meaning",
                    "'" + property + "' (" + Names.OTHER_INTEGERS.get(property)
                            + ") has no meaning for Java; ignored"));
            return;
        }
        if (!java) {
            findings.add(Finding.warning(
                    d.scopeAt(),
                    property + "@" + d.scope(),
                    "host-scope-not-java",
                    "'" + property + "@" + d.scope() + "' applies to other libraries than Java; ignored"));
            return;
        }
        setAt.put(property, d.at());
        integers.put(property, new Setting(Integer.parseInt(tokens.get(0).text()), at));
    }

    private void enumerated(PolReader.Directive d) {
        String property = d.property();
        List<String> legal = Names.ENUMS.get(property);
        List<PolReader.Token> tokens = d.values();
        if (tokens.size() != 1 || !legal.contains(tokens.get(0).text())) {
            Position at = tokens.isEmpty() ? d.at() : tokens.get(0).at();
            String value = tokens.isEmpty() ? "" : tokens.get(0).text();
            findings.add(new Finding(
                    true,
                    at,
                    value,
                    "host-type",
                    "'" + property + "' takes one of " + String.join(", ", legal),
                    legal));
            return;
        }
        findings.add(Finding.warning(
                d.at(),
                property,
                "host-no-java-meaning",
                "'" + property + "' (" + Names.ENUM_MEANING.get(property) + ") has no meaning for Java; ignored"));
    }

    private static List<Value> dedupe(List<Value> values) {
        List<Value> out = new ArrayList<>();
        for (Value v : values) {
            if (out.stream().noneMatch(o -> o.name().equals(v.name()))) {
                out.add(v);
            }
        }
        return out;
    }

    /** The names a crypto-policies glob ({@code *}, {@code ?}) matches, in the vocabulary's order. */
    static List<String> glob(String pattern, List<String> universe) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern p = Pattern.compile(regex.toString());
        List<String> out = new ArrayList<>();
        for (String name : universe) {
            if (p.matcher(name).matches()) {
                out.add(name);
            }
        }
        return out;
    }
}
