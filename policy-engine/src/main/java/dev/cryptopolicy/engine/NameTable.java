package dev.cryptopolicy.engine;

import java.util.Map;

/**
 * An immutable map from names to values that ignores ASCII case without allocating on lookup:
 * the hot path of every decision goes through here, so no {@code toUpperCase} per call.
 *
 * @param <V> the value type
 */
final class NameTable<V> {
    /** Names exactly as registered: callers almost always use the canonical spelling, and String caches its hash. */
    private final java.util.HashMap<String, V> exact;

    /**
     * The case-folded table, built at the first lookup the exact names miss: a policy is compiled
     * in every JVM that installs one, where hashing every catalog name case-folded, interpreted,
     * was a good part of the cost, and most JVMs never look a name up in another spelling. Racy
     * single-check: a {@link Folded} has only final fields, so a thread that reads a reference to
     * one sees it whole; two threads may both build one, equal.
     */
    private Folded folded;

    /** The names and values in the order given, from which {@link Folded} is built. */
    private final String[] names;

    private final Object[] namedValues;

    NameTable(Map<String, V> entries) {
        exact = new java.util.HashMap<>(entries);
        names = new String[entries.size()];
        namedValues = new Object[entries.size()];
        int i = 0;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            names[i] = e.getKey();
            namedValues[i++] = e.getValue();
        }
    }

    /** The value for {@code name} in any ASCII case, or null. */
    @SuppressWarnings("unchecked")
    V get(String name) {
        if (name == null) {
            return null;
        }
        V hit = exact.get(name);
        if (hit != null) {
            return hit;
        }
        Folded table = folded;
        if (table == null) {
            table = new Folded(names, namedValues);
            folded = table;
        }
        String[] keys = table.keys;
        int mask = keys.length - 1;
        int i = hash(name) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (equalsIgnoreAsciiCase(k, name)) {
                return (V) table.values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Open addressing on the ASCII-upper-cased hash; the first of names equal ignoring case wins. */
    private static final class Folded {
        final String[] keys;
        final Object[] values;

        Folded(String[] names, Object[] named) {
            int capacity = Integer.highestOneBit(Math.max(4, names.length * 2 + 1) * 2);
            String[] k = new String[capacity];
            Object[] v = new Object[capacity];
            int mask = capacity - 1;
            for (int n = 0; n < names.length; n++) {
                int i = hash(names[n]) & mask;
                while (k[i] != null && !equalsIgnoreAsciiCase(k[i], names[n])) {
                    i = (i + 1) & mask;
                }
                if (k[i] == null) {
                    k[i] = names[n];
                    v[i] = named[n];
                }
            }
            keys = k;
            values = v;
        }
    }

    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + upper(s.charAt(i));
        }
        return h ^ (h >>> 16);
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (upper(a.charAt(i)) != upper(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
