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
        java.util.Iterator<Map.Entry<String, Provider.Service>> it =
                registered.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Provider.Service> e = it.next();
            if (!next.containsKey(e.getKey())) {
                removeService(e.getValue());
                it.remove();
            }
        }
        for (Map.Entry<String, Provider.Service> e : next.entrySet()) {
            if (!registered.containsKey(e.getKey())) {
                putService(e.getValue());
                registered.put(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Called before each read of the registered view ({@link #getProperty(String)}, {@link #get},
     * {@link #keySet}, {@link #entrySet} and the like): a provider that registers its services at
     * first use registers them here. Nothing by default.
     */
    protected void view() {}

    @Override
    public String getProperty(String key) {
        view();
        return super.getProperty(key);
    }

    @Override
    public String getProperty(String key, String defaultValue) {
        view();
        return super.getProperty(key, defaultValue);
    }

    @Override
    public Object get(Object key) {
        view();
        return super.get(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        view();
        return super.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        view();
        return super.containsKey(key);
    }

    @Override
    public java.util.Set<Object> keySet() {
        view();
        return super.keySet();
    }

    @Override
    public java.util.Set<Map.Entry<Object, Object>> entrySet() {
        view();
        return super.entrySet();
    }

    @Override
    public java.util.Collection<Object> values() {
        view();
        return super.values();
    }

    @Override
    public java.util.Enumeration<Object> keys() {
        view();
        return super.keys();
    }

    @Override
    public java.util.Enumeration<Object> elements() {
        view();
        return super.elements();
    }

    @Override
    public java.util.Set<String> stringPropertyNames() {
        view();
        return super.stringPropertyNames();
    }

    @Override
    public java.util.Enumeration<?> propertyNames() {
        view();
        return super.propertyNames();
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super Object, ? super Object> action) {
        view();
        super.forEach(action);
    }

    @Override
    public int size() {
        view();
        return super.size();
    }

    @Override
    public boolean isEmpty() {
        view();
        return super.isEmpty();
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
