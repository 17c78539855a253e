package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.Names;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The services one policy provider offers under one {@link InstalledState}, looked up as
 * {@link Provider#getService} does: the type exactly, the algorithm or an alias in any case.
 * Immutable once built; a lookup of an algorithm spelled as registered allocates nothing.
 */
public final class ServiceTable {
    /** Type to algorithm (as registered, and upper-case, and each alias both ways) to service. */
    private final Map<String, Map<String, Provider.Service>> byType;

    private final Set<Provider.Service> services;
    /** Each service by what the provider's registered view shows of it: {@code Type.ALGORITHM=class}. */
    private final Map<String, Provider.Service> byView;

    private ServiceTable(Map<String, Map<String, Provider.Service>> byType, Set<Provider.Service> services) {
        this.byType = byType;
        this.services = services;
        // In the order added: the JDK's default SecureRandom is the first one a provider registered.
        Map<String, Provider.Service> view = new java.util.LinkedHashMap<>();
        for (Provider.Service s : services) {
            view.put(viewKey(s), s);
        }
        this.byView = Collections.unmodifiableMap(view);
    }

    /** What a registered service shows in a provider's {@link java.util.Properties} view. */
    static String viewKey(Provider.Service s) {
        return s.getType() + "." + s.getAlgorithm().toUpperCase(Locale.ENGLISH) + "=" + s.getClassName();
    }

    /** The services by {@link #viewKey}, in the order added. */
    Map<String, Provider.Service> byView() {
        return byView;
    }

    /**
     * The service for {@code type} and {@code algorithm} (or an alias of it), or null. The case of
     * ASCII letters is ignored, and only theirs: where {@link Provider#getService} upper-cases with
     * {@code Locale.ENGLISH} (so that {@code SHA1withRSA} spelt with U+017F LONG S finds
     * {@code SHA1withRSA}), a name with a character that is not ASCII finds nothing here
     * ({@link Names}), whatever the policy says of the name it looks like.
     */
    public Provider.Service get(String type, String algorithm) {
        Map<String, Provider.Service> m = byType.get(type);
        if (m == null || algorithm == null) {
            return null;
        }
        Provider.Service s = m.get(algorithm);
        return s != null ? s : m.get(Names.upper(algorithm));
    }

    /** Every service, in the order it was added; unmodifiable. */
    public Set<Provider.Service> services() {
        return services;
    }

    /** Collects the services of one provider while an installed state is built. Not thread-safe. */
    public static final class Builder {
        private final List<Provider.Service> added = new ArrayList<>();
        private final Map<Provider.Service, List<String>> aliases = new HashMap<>();

        /** An empty builder. */
        public Builder() {}

        /**
         * Adds a service made with {@code aliases}; a later one of the same type and algorithm
         * replaces an earlier one, as {@code putService} does.
         */
        public void add(Provider.Service service, List<String> aliases) {
            added.add(service);
            this.aliases.put(service, List.copyOf(aliases));
        }

        /** The table of what was added. */
        public ServiceTable build() {
            Map<String, Map<String, Provider.Service>> byType = new HashMap<>();
            Map<String, Provider.Service> canonical = new HashMap<>();
            for (Provider.Service s : added) {
                canonical.put(s.getType() + "." + s.getAlgorithm().toUpperCase(Locale.ENGLISH), s);
            }
            Set<Provider.Service> services = new LinkedHashSet<>();
            for (Provider.Service s : added) {
                if (canonical.get(s.getType() + "." + s.getAlgorithm().toUpperCase(Locale.ENGLISH)) != s) {
                    continue;
                }
                services.add(s);
                Map<String, Provider.Service> m = byType.get(s.getType());
                if (m == null) {
                    m = new HashMap<>();
                    byType.put(s.getType(), m);
                }
                // The service's own name wins over another's alias of the same spelling.
                m.put(s.getAlgorithm(), s);
                m.put(s.getAlgorithm().toUpperCase(Locale.ENGLISH), s);
            }
            for (Provider.Service s : services) {
                Map<String, Provider.Service> m = byType.get(s.getType());
                for (String alias : aliases.getOrDefault(s, List.of())) {
                    m.putIfAbsent(alias, s);
                    m.putIfAbsent(alias.toUpperCase(Locale.ENGLISH), s);
                }
            }
            Map<String, Map<String, Provider.Service>> frozen = new HashMap<>();
            for (Map.Entry<String, Map<String, Provider.Service>> e : byType.entrySet()) {
                frozen.put(e.getKey(), Map.copyOf(e.getValue()));
            }
            return new ServiceTable(Map.copyOf(frozen), Collections.unmodifiableSet(services));
        }
    }
}
