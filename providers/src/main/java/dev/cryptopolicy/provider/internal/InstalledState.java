package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.security.Provider;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of one policy that must change together when the policy is replaced: the compiled
 * policy, its assembly (TLS and certificate path enforcement, JDK call sites), and the services
 * each of the installation's providers offers under it. Built completely before it is put in
 * force through a {@link PolicyHolder}; never changed afterwards.
 */
public final class InstalledState {
    private final CompiledPolicy policy;
    private final ProviderAssembly assembly;
    private final Map<Provider, ServiceTable> tables;
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
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.policy = assembly.policy();
        this.assembly = assembly;
        this.tables = new IdentityHashMap<>(tables);
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

    /** The services {@code provider} offers in this state, or null when it was not built with it (a late wrapper). */
    public ServiceTable table(Provider provider) {
        return tables.get(provider);
    }

    /**
     * Makes the services registered with each wrapper of this state those it offers in it (the
     * view of {@link SealedProvider#register}); lookups already follow the holder.
     */
    public void registerWrappers() {
        tables.forEach((provider, table) -> {
            if (provider instanceof WrapperProvider w) {
                w.register(table);
            }
        });
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
