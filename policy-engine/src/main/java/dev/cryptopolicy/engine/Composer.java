package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies documents, in order, to an {@link Effective} policy: replaces or edits lists, overrides
 * scalars, appends deny rules, and resolves every name against the catalog. Problems are
 * collected; the caller throws them together.
 */
final class Composer {

    private final Effective e;
    private final Problems problems;

    /**
     * @param problems where problems go; it computes a "did you mean" hint only for those it keeps
     */
    Composer(Effective effective, Problems problems) {
        this.e = effective;
        this.problems = problems;
    }

    /**
     * Applies one document.
     *
     * @param doc       the document
     * @param inherited whether there is something to edit (a modifier, or a policy that extends)
     */
    void apply(PolicyDocument doc, boolean inherited) {
        e.sources.add(doc.file);
        if (doc.kind == PolicyDocument.Kind.POLICY) {
            e.policyFile = doc.file;
        }
        if (!doc.description.isEmpty()) {
            e.description = doc.description;
        }
        if (doc.mode != null) {
            e.mode = doc.mode;
        }
        if (doc.replaceHost != null) {
            e.replaceHost = doc.replaceHost;
        }
        for (Map.Entry<ServiceType, ListSpec> list : doc.algorithms.entrySet()) {
            ServiceType type = list.getKey();
            LinkedHashMap<Algorithm, Origin> current = e.algorithms.get(type);
            LinkedHashMap<Algorithm, Origin> next = applyList(
                    list.getValue(),
                    current,
                    inherited,
                    e.catalog.algorithms(type),
                    type.jcaName() + " algorithm",
                    e.catalog.algorithms(type));
            e.algorithms.put(type, next);
            e.algorithmLists.put(type, list.getValue().origin());
        }
        for (DenySpec spec : doc.deny) {
            addDeny(spec);
        }
        e.minBits.putAll(doc.minBits);
        if (doc.unmeasuredAllowed != null) {
            e.unmeasuredAllowed = doc.unmeasuredAllowed;
        }
        if (doc.curves != null) {
            e.curves = applyList(doc.curves, e.curves, inherited, e.catalog.curves(), "curve", e.catalog.curves());
        }
        for (Map.Entry<Sha1Use, Map<Scope, Located<Boolean>>> use : doc.sha1.entrySet()) {
            Map<Scope, Located<Boolean>> merged = new EnumMap<>(Scope.class);
            if (!use.getValue().containsKey(Scope.ANY)) {
                merged.putAll(e.sha1.get(use.getKey()));
            }
            merged.putAll(use.getValue());
            e.sha1.put(use.getKey(), merged);
        }
        if (doc.tlsMin != null) {
            e.tlsMin = protocol(doc.tlsMin);
        }
        if (doc.tlsMax != null) {
            e.tlsMax = protocol(doc.tlsMax);
        }
        tlsList(TlsKind.CIPHER_SUITE, doc.suites, inherited);
        tlsList(TlsKind.NAMED_GROUP, doc.groups, inherited);
        tlsList(TlsKind.SIGNATURE_SCHEME, doc.schemes, inherited);
        if (doc.fipsOnly != null) {
            e.fipsOnly = doc.fipsOnly;
        }
        if (doc.preference != null) {
            e.preference = preference(doc.preference, inherited);
        }
        // Provider names are matched ignoring case: a later document's entry replaces an earlier
        // one however it spells the name.
        for (Map.Entry<String, Located<String>> version : doc.minVersions.entrySet()) {
            e.minVersions.keySet().removeIf(k -> Names.equalsIgnoreCase(k, version.getKey()));
            e.minVersions.put(version.getKey(), version.getValue());
        }
        for (Map.Entry<ServiceType, ListSpec> list : doc.required.entrySet()) {
            ServiceType type = list.getKey();
            e.required.put(
                    type,
                    applyList(
                            list.getValue(),
                            e.required.get(type),
                            inherited,
                            e.catalog.algorithms(type),
                            type.jcaName() + " algorithm",
                            e.catalog.algorithms(type)));
        }
    }

    private Located<TlsName> protocol(Located<String> text) {
        // The catalog knows more protocols than a policy may enable (SSLv2, as a name to deny and
        // export as disabled): only those the language declares are accepted, in any case.
        List<String> names = Grammar.key(text.origin().path()).values();
        if (notAscii(text.value(), text.origin(), "TLS protocol", () -> Suggest.didYouMean(text.value(), names))) {
            return text.origin().path().endsWith("min_protocol") ? e.tlsMin : e.tlsMax;
        }
        TlsName p = e.catalog.tls(TlsKind.PROTOCOL, text.value());
        if (p == null || !names.contains(p.name())) {
            problems.add(
                    Problem.error(
                            text.origin(),
                            text.value(),
                            Rule.KNOWN_PROTOCOL,
                            (p == null ? "unknown TLS protocol " : "TLS protocol ")
                                    + Quote.quoted(text.value())
                                    + (p == null ? "" : " cannot be enabled by a policy")
                                    + "; known: " + String.join(", ", names)),
                    () -> Suggest.didYouMean(text.value(), names));
            return text.origin().path().endsWith("min_protocol") ? e.tlsMin : e.tlsMax;
        }
        return new Located<>(p, text.origin());
    }

    private void tlsList(TlsKind kind, ListSpec spec, boolean inherited) {
        if (spec == null) {
            return;
        }
        List<TlsName> universe = e.catalog.tls(kind);
        LinkedHashMap<TlsName, Origin> current = e.tlsLists.get(kind);
        if (current == null && spec.edit()) {
            // Nothing listed yet means "every known one the policy allows": edits start from that.
            current = new LinkedHashMap<>();
            for (TlsName n : universe) {
                current.put(n, Origin.builtIn(spec.origin().path()));
            }
            inherited = true;
        }
        Map<TlsName, Origin> removed = e.tlsRemoved.get(kind);
        if (removed == null) {
            removed = new LinkedHashMap<>();
            e.tlsRemoved.put(kind, removed);
        }
        e.tlsLists.put(
                kind, applyList(spec, current, inherited, universe, "TLS " + kind.description(), universe, removed));
    }

    private List<Located<String>> preference(ListSpec spec, boolean inherited) {
        if (!spec.edit()) {
            return spec.entries();
        }
        if (!inherited) {
            problems.add(Problem.error(
                    spec.origin(),
                    "",
                    Rule.LIST_EDIT_BASE,
                    "+/- edits need something to edit; this policy does not extend another"));
            return List.of();
        }
        List<Located<String>> out = new ArrayList<>(e.preference);
        for (Located<String> entry : spec.entries()) {
            String name = entry.value().substring(1).trim();
            if (entry.value().startsWith("+")) {
                out.add(new Located<>(name, entry.origin()));
            } else {
                out.removeIf(p -> Names.equalsIgnoreCase(p.value(), name));
            }
        }
        return List.copyOf(out);
    }

    private void addDeny(DenySpec spec) {
        String pattern = spec.algorithm().value();
        if (notAscii(
                pattern, spec.algorithm().origin(), "deny rule name", () -> Suggest.didYouMean(pattern, everyName()))) {
            return;
        }
        Set<Algorithm> algs = new LinkedHashSet<>();
        for (ServiceType type : ServiceType.values()) {
            if (spec.services().isEmpty() || spec.services().contains(type)) {
                algs.addAll(Patterns.matchBroad(pattern, e.catalog.algorithms(type)));
            }
        }
        Set<TlsName> tls = new LinkedHashSet<>();
        if (spec.services().isEmpty()) {
            for (TlsKind kind : TlsKind.values()) {
                tls.addAll(Patterns.matchBroad(pattern, e.catalog.tls(kind)));
            }
        }
        if (algs.isEmpty() && tls.isEmpty()) {
            problems.add(
                    Problem.error(
                            spec.algorithm().origin(),
                            pattern,
                            Rule.KNOWN_ALGORITHM,
                            Quote.quoted(pattern) + " names no known algorithm"
                                    + (spec.services().isEmpty() ? "" : " of " + spec.services())
                                    + ", TLS suite, group, scheme or protocol"),
                    () -> Suggest.didYouMean(pattern, everyName()));
            return;
        }
        e.deny.add(new Effective.DenyRule(spec, Set.copyOf(algs), Set.copyOf(tls)));
    }

    /**
     * Replaces or edits a resolved list.
     *
     * @param spec       the list as written
     * @param current    the inherited list, or null when nothing was set before
     * @param inherited  whether edits are allowed
     * @param universe   what names may resolve to
     * @param what       words for messages, e.g. "Signature algorithm"
     * @param vocabulary candidates for "did you mean"
     */
    private <T extends Entry> LinkedHashMap<T, Origin> applyList(
            ListSpec spec,
            LinkedHashMap<T, Origin> current,
            boolean inherited,
            List<T> universe,
            String what,
            List<? extends Entry> vocabulary) {
        return applyList(spec, current, inherited, universe, what, vocabulary, new LinkedHashMap<>());
    }

    /**
     * Replaces or edits a resolved list, recording in {@code removed} where each entry a
     * {@code -X} edit removed was removed (a replacing list or a later {@code +X} forgets it).
     */
    private <T extends Entry> LinkedHashMap<T, Origin> applyList(
            ListSpec spec,
            LinkedHashMap<T, Origin> current,
            boolean inherited,
            List<T> universe,
            String what,
            List<? extends Entry> vocabulary,
            Map<T, Origin> removed) {
        if (!spec.edit()) {
            removed.clear();
            LinkedHashMap<T, Origin> out = new LinkedHashMap<>();
            for (Located<String> entry : spec.entries()) {
                for (T t : resolve(entry.value(), entry.origin(), universe, what, vocabulary, false)) {
                    out.putIfAbsent(t, entry.origin());
                }
            }
            return out;
        }
        if (!inherited) {
            problems.add(Problem.error(
                    spec.origin(),
                    "",
                    Rule.LIST_EDIT_BASE,
                    "+/- edits need something to edit; this policy does not extend another, so write the list out"));
            return current == null ? new LinkedHashMap<>() : current;
        }
        LinkedHashMap<T, Origin> out = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        for (Located<String> entry : spec.entries()) {
            String text = entry.value().substring(1).trim();
            boolean add = entry.value().startsWith("+");
            Set<T> matched = resolve(text, entry.origin(), universe, what, vocabulary, !add);
            if (add) {
                for (T t : matched) {
                    out.putIfAbsent(t, entry.origin());
                    removed.remove(t);
                }
            } else {
                for (T t : matched) {
                    if (out.remove(t) != null) {
                        removed.put(t, entry.origin());
                    }
                }
            }
        }
        return out;
    }

    private <T extends Entry> Set<T> resolve(
            String text,
            Origin origin,
            List<T> universe,
            String what,
            List<? extends Entry> vocabulary,
            boolean broad) {
        if (notAscii(text, origin, what, () -> Suggest.didYouMean(text, Patterns.vocabulary(vocabulary)))) {
            return Set.of();
        }
        Set<T> matched = broad ? Patterns.matchBroad(text, universe) : Patterns.match(text, universe);
        if (matched.isEmpty()) {
            problems.add(
                    Problem.error(
                            origin,
                            text,
                            Rule.KNOWN_ALGORITHM,
                            (text.indexOf('*') >= 0
                                            ? "pattern " + Quote.quoted(text) + " matches no known "
                                            : "unknown ")
                                    + what
                                    + (text.indexOf('*') >= 0 ? "" : " " + Quote.quoted(text))),
                    () -> Suggest.didYouMean(text, Patterns.vocabulary(vocabulary)));
        }
        return matched;
    }

    /**
     * Whether {@code text} has a character that is not ASCII, which is then an error
     * ({@code ascii-name}) naming the value with that character escaped: such a name would
     * otherwise match an ASCII one by case folding ({@link Names}).
     */
    private boolean notAscii(String text, Origin origin, String what, java.util.function.Supplier<String> suggestion) {
        int i = Names.firstNonAscii(text);
        if (i < 0) {
            return false;
        }
        int cp = text.codePointAt(i);
        String name = Character.getName(cp);
        problems.add(
                Problem.error(
                        origin,
                        Names.escaped(text),
                        Rule.ASCII_NAME,
                        what + " " + Quote.quoted(Names.escaped(text)) + " is not ASCII: character " + (i + 1)
                                + " is " + String.format("U+%04X", cp) + (name == null ? "" : " " + name)
                                + "; names are ASCII, so that no look-alike names another by case folding"),
                suggestion);
        return true;
    }

    /** Every algorithm and TLS name of the catalog: the candidates for a deny rule's name. */
    private List<String> everyName() {
        List<String> vocabulary = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            vocabulary.addAll(Patterns.vocabulary(e.catalog.algorithms(type)));
        }
        for (TlsKind kind : TlsKind.values()) {
            vocabulary.addAll(Patterns.vocabulary(e.catalog.tls(kind)));
        }
        return vocabulary;
    }
}
