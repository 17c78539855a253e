package dev.cryptopolicy.engine.algorithms;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One named thing a policy can allow or deny: a JCA algorithm of one service type, a TLS protocol,
 * cipher suite, named group or signature scheme, or a curve. Immutable.
 */
public abstract class Entry {
    private final String name;
    private final List<String> aliases;
    private final Set<String> components;
    private final Set<String> families;

    Entry(String name, List<String> aliases, Set<String> components, Set<String> families) {
        this.name = name;
        this.aliases = List.copyOf(aliases);
        this.components = upper(components);
        this.families = upper(families);
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
        return components;
    }

    /** Upper-case names of the families this belongs to, e.g. {@code SHA-2}. */
    public final Set<String> families() {
        return families;
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

    static Set<String> upper(Set<String> in) {
        boolean upper = true;
        for (String s : in) {
            upper &= isUpperAscii(s);
        }
        if (upper) {
            // Already upper case (nearly every set the catalog passes): an immutable set is kept as it is.
            return Set.copyOf(in);
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String s : in) {
            out.add(s.toUpperCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /**
     * Whether {@code s} is ASCII with no lower-case letter, i.e. its own {@code toUpperCase}: what
     * nearly every catalog component is, checked without the Unicode case tables (the catalog is
     * built once, in a JVM that still interprets this code).
     */
    private static boolean isUpperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
