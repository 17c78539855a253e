package dev.cryptopolicy.engine.algorithms;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One named thing a policy can allow or deny: a JCA algorithm of one service type, a TLS protocol,
 * cipher suite, named group or signature scheme, or a curve. Immutable.
 */
public abstract class Entry {
    private final String name;
    private final List<String> aliases;
    // The components and families as the catalog wrote them; their upper-case sets are made at
    // the first read. Reading DEFAULT's compiled form reads neither, and upper-casing every name
    // of every entry was the largest part of building the catalog at start. Each set is immutable
    // and made the same by any thread, so a race only makes it twice; the volatile field
    // publishes it whole.
    private final String[] writtenComponents;
    private final String[] writtenFamilies;
    private volatile Set<String> components;
    private volatile Set<String> families;

    Entry(String name, List<String> aliases, Set<String> components, Set<String> families) {
        this.name = name;
        this.aliases = List.copyOf(aliases);
        this.writtenComponents = components.toArray(new String[0]);
        this.writtenFamilies = families.toArray(new String[0]);
    }

    /** The canonical name, as the JCA or IANA writes it. */
    public final String name() {
        return name;
    }

    /** Other names and OIDs that mean the same thing. */
    public final List<String> aliases() {
        return aliases;
    }

    /**
     * Upper-case canonical names of the parts this is made of (digest, key algorithm, cipher, mode,
     * MAC, key exchange), so a rule on {@code SHA-1} reaches {@code SHA1withRSA}.
     */
    public final Set<String> components() {
        Set<String> set = components;
        if (set == null) {
            set = upper(writtenComponents);
            components = set;
        }
        return set;
    }

    /** Upper-case names of the families this belongs to, e.g. {@code SHA-2}. */
    public final Set<String> families() {
        Set<String> set = families;
        if (set == null) {
            set = upper(writtenFamilies);
            families = set;
        }
        return set;
    }

    /** Whether {@code text} is this entry's name or one of its aliases, ignoring case. */
    public final boolean isNamed(String text) {
        if (Names.equalsIgnoreCase(name, text)) {
            return true;
        }
        for (String alias : aliases) {
            if (Names.equalsIgnoreCase(alias, text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The names upper-cased as {@link Names#upper} does (every catalog name is ASCII, so as {@code
     * toUpperCase(Locale.ROOT)} would), names that become equal kept once, as an immutable set.
     */
    static Set<String> upper(String[] in) {
        String[] out = new String[in.length];
        int n = 0;
        boolean changed = false;
        for (String s : in) {
            String u = Names.upper(s);
            changed |= u != s;
            if (changed && indexOf(out, n, u) >= 0) {
                continue;
            }
            out[n++] = u;
        }
        return Set.of(n == out.length ? out : Arrays.copyOf(out, n));
    }

    private static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
