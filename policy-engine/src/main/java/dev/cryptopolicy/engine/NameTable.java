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

    private final String[] keys;
    private final Object[] values;
    private final int mask;

    NameTable(Map<String, V> entries) {
        exact = new java.util.HashMap<>(entries);
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) * 2);
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            int i = hash(e.getKey()) & mask;
            while (keys[i] != null && !equalsIgnoreAsciiCase(keys[i], e.getKey())) {
                i = (i + 1) & mask;
            }
            if (keys[i] == null) {
                keys[i] = e.getKey();
                values[i] = e.getValue();
            }
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
        int i = hash(name) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (equalsIgnoreAsciiCase(k, name)) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
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
