package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.security.Provider;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything of one policy that must change together when the policy is replaced: the compiled
 * policy, its assembly (TLS and certificate path enforcement, JDK call sites), and the services
 * each of the installation's providers offers under it. Built before it is put in force through a
 * {@link PolicyHolder}; what it answers never changes afterwards.
 *
 * <p>The front provider's services are built with the state. A wrapper's are built at the first
 * lookup that reaches that wrapper in this state ({@link #table}): most JVMs never name a provider,
 * so the wrappers of providers nobody asks are never walked. The table is built with no lock held
 * (building reads the backend's services, which may take the backend's locks) and published by
 * one compare-and-set: threads that build at once all get the first table published, and a lookup
 * sees either that complete table or, before it, builds one itself; never the backend's services.
 */
public final class InstalledState {
    private final CompiledPolicy policy;
    private final ProviderAssembly assembly;
    private final Map<Provider, ServiceTable> tables;
    /** The wrappers whose services are built at their first lookup, each with the table once built. */
    private final Map<WrapperProvider, AtomicReference<ServiceTable>> lazy;

    private final List<ProviderAssembly.Selection> selections;
    private final List<String> rejected;
    private final Audit audit;

    /**
     * @param assembly   the assembly the tables were built by (its policy is the state's)
     * @param tables     each provider's services, by provider identity
     * @param selections the backend chosen for each feature of the front provider
     * @param rejected   backends passed over because they failed a known-answer test
     * @param audit      where refusals are counted (a replacement keeps the one of the state it replaces)
     */
    public InstalledState(
            ProviderAssembly assembly,
            Map<Provider, ServiceTable> tables,
            List<ProviderAssembly.Selection> selections,
            List<String> rejected,
            Audit audit) {
        this(assembly, tables, List.of(), selections, rejected, audit);
    }

    /**
     * A state whose {@code lazy} wrappers get their services at their first lookup in it.
     *
     * @param assembly   the assembly the tables are built by (its policy is the state's)
     * @param tables     the services built already (the front provider's), by provider identity
     * @param lazy       the wrappers whose services are built at their first lookup
     * @param selections the backend chosen for each feature of the front provider
     * @param rejected   backends passed over because they failed a known-answer test
     * @param audit      where refusals are counted (a replacement keeps the one of the state it replaces)
     */
    public InstalledState(
            ProviderAssembly assembly,
            Map<Provider, ServiceTable> tables,
            List<WrapperProvider> lazy,
            List<ProviderAssembly.Selection> selections,
            List<String> rejected,
            Audit audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.policy = assembly.policy();
        this.assembly = assembly;
        this.tables = new IdentityHashMap<>(tables);
        Map<WrapperProvider, AtomicReference<ServiceTable>> slots = new IdentityHashMap<>();
        for (WrapperProvider w : lazy) {
            if (!this.tables.containsKey(w)) {
                slots.put(w, new AtomicReference<>());
            }
        }
        this.lazy = slots;
        this.selections = List.copyOf(selections);
        this.rejected = List.copyOf(rejected);
    }

    /** Where refusals are counted. */
    public Audit audit() {
        return audit;
    }

    /** The policy. */
    public CompiledPolicy policy() {
        return policy;
    }

    /** The assembly that builds this policy's services (also for providers that arrive later). */
    public ProviderAssembly assembly() {
        return assembly;
    }

    /**
     * The services {@code provider} offers in this state, built now when this is a wrapper's first
     * lookup in it; null when the state was not built with the provider (a late wrapper).
     */
    public ServiceTable table(Provider provider) {
        ServiceTable table = tables.get(provider);
        if (table != null) {
            return table;
        }
        AtomicReference<ServiceTable> slot = lazy.get(provider);
        if (slot == null) {
            return null;
        }
        table = slot.get();
        if (table != null) {
            return table;
        }
        WrapperProvider wrapper = (WrapperProvider) provider;
        ServiceTable built = assembly.wrapperTable(wrapper, wrapper.backend());
        ServiceTable first = slot.compareAndExchange(null, built);
        return first == null ? built : first;
    }

    /** Whether {@code provider}'s services have been built in this state (the front's always are). */
    boolean built(Provider provider) {
        AtomicReference<ServiceTable> slot = lazy.get(provider);
        return slot == null ? tables.containsKey(provider) : slot.get() != null;
    }

    /**
     * Makes the services registered with each wrapper of this state whose services were built those
     * it offers in it (the view of {@link SealedProvider#register}); the other wrappers register
     * theirs when first read. Lookups already follow the holder.
     */
    public void registerWrappers() {
        for (Map.Entry<Provider, ServiceTable> e : tables.entrySet()) {
            if (e.getKey() instanceof WrapperProvider w) {
                w.registered(this, e.getValue());
            }
        }
        for (Map.Entry<WrapperProvider, AtomicReference<ServiceTable>> e : lazy.entrySet()) {
            ServiceTable table = e.getValue().get();
            if (table != null) {
                e.getKey().registered(this, table);
            }
        }
    }

    /** The backend chosen for each feature of the front provider. */
    public List<ProviderAssembly.Selection> selections() {
        return selections;
    }

    /** Backends passed over because they failed a known-answer test, one line each. */
    public List<String> rejected() {
        return rejected;
    }
}
