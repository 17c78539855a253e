package dev.cryptopolicy.provider.internal;

import java.io.InputStream;
import java.security.Provider;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A provider whose services only its builder sets, through the protected {@code putService}.
 * {@link Provider} is also a public, mutable {@link java.util.Properties}: on a provider that
 * stands in the JDK's list, {@code put("Cipher.DES", "com.sun.crypto.provider.DESCipher")} would
 * register the backend's class under the policy's name, with no check. Every such method refuses
 * here, with an unchecked exception naming the rule.
 */
public abstract class SealedProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** As {@link Provider#Provider(String, String, String)}. */
    protected SealedProvider(String name, String version, String info) {
        super(name, version, info);
    }

    /**
     * Makes the services registered with this provider (what its {@link java.util.Properties}
     * view lists, {@code Security.getProviders(filter)} reads and the JDK's choice of a default
     * {@link java.security.SecureRandom} starts from) those of {@code table}. Lookups do not depend
     * on it: {@link #getService} answers from the state in force, so this view may trail a
     * replacement by the time it takes to run.
     */
    protected final synchronized void register(ServiceTable table) {
        // Only what the view shows changes: a service of the same type, algorithm and class stays
        // registered (lookups never reach it; they answer from the table in force).
        Map<String, Provider.Service> next = table.byView();
        registered.entrySet().removeIf(e -> {
            if (next.containsKey(e.getKey())) {
                return false;
            }
            removeService(e.getValue());
            return true;
        });
        next.forEach((key, s) -> {
            if (!registered.containsKey(key)) {
                putService(s);
                registered.put(key, s);
            }
        });
    }

    /** What {@link #register} put in the view, by {@link ServiceTable#viewKey}; guarded by this provider's lock. */
    private final transient Map<String, Provider.Service> registered = new java.util.HashMap<>();

    private UnsupportedOperationException refused(String method) {
        return new UnsupportedOperationException("provider [" + getName()
                + "] is held by cryptopolicy: its services cannot be" + " changed through Provider." + method
                + " (rule: the providers of an installed policy are read-only)");
    }

    @Override
    public final synchronized Object put(Object key, Object value) {
        throw refused("put");
    }

    @Override
    public final synchronized void putAll(Map<?, ?> t) {
        throw refused("putAll");
    }

    @Override
    public final synchronized Object putIfAbsent(Object key, Object value) {
        throw refused("putIfAbsent");
    }

    @Override
    public final synchronized Object remove(Object key) {
        throw refused("remove");
    }

    @Override
    public final synchronized boolean remove(Object key, Object value) {
        throw refused("remove");
    }

    @Override
    public final synchronized boolean replace(Object key, Object oldValue, Object newValue) {
        throw refused("replace");
    }

    @Override
    public final synchronized Object replace(Object key, Object value) {
        throw refused("replace");
    }

    @Override
    public final synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        throw refused("replaceAll");
    }

    @Override
    public final synchronized Object compute(
            Object key, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw refused("compute");
    }

    @Override
    public final synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> mappingFunction) {
        throw refused("computeIfAbsent");
    }

    @Override
    public final synchronized Object computeIfPresent(
            Object key, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw refused("computeIfPresent");
    }

    @Override
    public final synchronized Object merge(
            Object key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw refused("merge");
    }

    @Override
    public final synchronized void clear() {
        throw refused("clear");
    }

    @Override
    public final synchronized void load(InputStream inStream) {
        throw refused("load");
    }
}
