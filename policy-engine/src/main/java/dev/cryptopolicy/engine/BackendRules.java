package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which backends (installed JCA providers) may serve a policy's features.
 *
 * <p>A minimum version is written in this grammar, checked when the policy is loaded:
 * <pre>
 *   version   = component *( "." component )
 *   component = "0" / %x31-39 0*8DIGIT      ; 0 to 999999999, no leading zeros
 * </pre>
 * e.g. {@code 2}, {@code 2.1}, {@code 2.1.3}. A backend's own version is compared by its runs of
 * digits ({@code 2.1.3-beta} counts as {@code 2.1.3}); missing components count as 0, so
 * {@code 2.1} meets a minimum of {@code 2.1.0}, and a backend whose version has no digits meets no
 * minimum above 0. Provider names are matched ignoring case, as the preference order is.
 *
 * @param fipsOnly    only FIPS-validated backends may serve features
 * @param preference  provider names, most preferred first; empty means the JDK's order
 * @param minVersions minimum version per provider name, e.g. {@code BCFIPS -> 2.1}; at most one
 *                    entry per name ignoring case
 * @param required    the features (service type, canonical algorithm names) that must have a
 *                    passing backend for the policy to install
 */
public record BackendRules(
        boolean fipsOnly,
        List<String> preference,
        Map<String, String> minVersions,
        Map<ServiceType, List<String>> required) {

    /** The largest number of digits in one component of a minimum version. */
    static final int MAX_COMPONENT_DIGITS = 9;

    /**
     * @throws IllegalArgumentException when a minimum version does not follow the grammar or two
     *                                  entries name the same provider (the loader reports both as
     *                                  policy errors first)
     */
    public BackendRules {
        preference = List.copyOf(preference);
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : minVersions.entrySet()) {
            String problem = versionProblem(e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException(
                        "minimum version [" + e.getValue() + "] of provider [" + e.getKey() + "]: " + problem);
            }
            if (byName.put(Names.upper(e.getKey()), e.getValue()) != null) {
                throw new IllegalArgumentException("provider [" + e.getKey() + "] has two minimum versions");
            }
        }
        minVersions = Collections.unmodifiableMap(new LinkedHashMap<>(minVersions));
        required = Collections.unmodifiableMap(new LinkedHashMap<>(required));
    }

    /**
     * Whether a backend of this name and version meets the policy's minimum version for it (true
     * when the policy sets none).
     *
     * @param provider the backend's provider name, e.g. {@code BCFIPS}
     * @param version  the backend's version as it reports it, e.g. {@code 2.1.3}
     */
    public boolean meetsMinimumVersion(String provider, String version) {
        for (Map.Entry<String, String> e : minVersions.entrySet()) {
            if (Names.equalsIgnoreCase(e.getKey(), provider)) {
                return compare(components(version), components(e.getValue())) >= 0;
            }
        }
        return true;
    }

    /**
     * Why {@code text} is not a minimum version, or null when it is one. The rule in words, for
     * the loader's error messages.
     */
    static String versionProblem(String text) {
        if (text.isEmpty()) {
            return "a version needs at least one number";
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (digits == 0) {
                    return "a version is numbers separated by single dots, with no dot first or last";
                }
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits == 1 && text.charAt(i - 1) == '0') {
                    return "a number in a version has no leading zeros";
                }
                if (++digits > MAX_COMPONENT_DIGITS) {
                    return "a number in a version has at most " + MAX_COMPONENT_DIGITS + " digits";
                }
            } else {
                return "a version is made of the digits 0-9 and dots, not " + Quote.quoted(String.valueOf(c));
            }
        }
        return digits == 0 ? "a version is numbers separated by single dots, with no dot first or last" : null;
    }

    /** The runs of ASCII digits of a version, without leading zeros (an empty run stands for 0). */
    private static List<String> components(String version) {
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int start = i;
            while (i < version.length() && version.charAt(i) >= '0' && version.charAt(i) <= '9') {
                i++;
            }
            int first = start;
            while (first < i - 1 && version.charAt(first) == '0') {
                first++;
            }
            out.add(version.substring(first, i));
        }
        return out;
    }

    /** Compares component lists numerically, of any length: longer digit runs are larger. */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
