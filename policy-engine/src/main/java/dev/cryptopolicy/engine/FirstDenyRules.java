package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Entry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For every algorithm and TLS name some deny rule names, the first such rule (in the order the
 * rules were composed) that applies in each scope. Built once per compile in time proportional to
 * what the rules name, so that deciding an entry no longer walks every rule: a policy of 4,096
 * deny rules compiles in time proportional to its rules, not to rules times catalog entries.
 * Rules with {@code key_size_below} are size rules (the key table's), never listed here.
 */
final class FirstDenyRules {

    private static final Scope[] SCOPES = Scope.values();

    /** By entry (identity: the catalog's entries are unique objects), the first rule per scope ordinal. */
    private final Map<Entry, Effective.DenyRule[]> first = new HashMap<>();

    FirstDenyRules(List<Effective.DenyRule> rules) {
        for (Effective.DenyRule rule : rules) {
            if (rule.spec().keySizeBelow() != 0) {
                continue;
            }
            for (Entry a : rule.algorithms()) {
                note(a, rule);
            }
            for (Entry n : rule.tls()) {
                note(n, rule);
            }
        }
    }

    private void note(Entry entry, Effective.DenyRule rule) {
        Effective.DenyRule[] byScope = first.get(entry);
        if (byScope == null) {
            byScope = new Effective.DenyRule[SCOPES.length];
            first.put(entry, byScope);
        }
        for (Scope scope : SCOPES) {
            if (byScope[scope.ordinal()] == null && AlgorithmDecisions.applies(rule.spec(), scope)) {
                byScope[scope.ordinal()] = rule;
            }
        }
    }

    /** The first deny rule without {@code key_size_below} naming {@code entry} that applies in {@code scope}, or null. */
    Effective.DenyRule first(Entry entry, Scope scope) {
        Effective.DenyRule[] byScope = first.get(entry);
        return byScope == null ? null : byScope[scope.ordinal()];
    }
}
