package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.provider.backend.Backend;
import java.security.Provider;
import java.util.Set;

/**
 * Stands in for one installed provider, under the same name and at the same position, and offers
 * that provider's services only as the policy allows. Applications that name the provider
 * ({@code getInstance("SHA1withRSA", "SunRsaSign")}) or fall through to it get the policy too.
 *
 * <p>Its services are those of the state its {@link PolicyHolder} has in force, read at each
 * lookup: replacing the policy changes every wrapper's services at once, with the wrapper staying
 * in its place in the JDK's list.
 *
 * <p>Its services under a state are built at the first lookup that reaches it in that state
 * ({@link InstalledState#table}), and its registered view (the {@link java.util.Properties} the
 * JDK's {@code Security.getProviders(filter)} and {@code Security.getAlgorithms} read) at the
 * first lookup or first read of that view: a provider no code names costs nothing at start-up.
 *
 * <p>Nothing public on it leads to the provider it stands in for, and its services cannot be
 * changed ({@link SealedProvider}): this is the object {@code Security.getProvider} returns to any
 * code. The installing code keeps the originals.
 */
public final class WrapperProvider extends SealedProvider {
    private static final long serialVersionUID = 1L;

    private final transient PolicyHolder holder;
    private final transient Backend backend;
    /** The table of a state that was built without this wrapper (one governed later), with that state. */
    private transient volatile Late late;

    private record Late(InstalledState state, ServiceTable table) {}

    /** The state whose services the registered view shows; written holding this provider's lock. */
    private transient volatile InstalledState viewed;

    /**
     * Wraps {@code backend} under the policy {@code holder} has in force. A wrapper made before the
     * holder's first state is set gets its services from the state that lists it; one made later
     * (a provider governed after installation) builds its own for each state it meets.
     */
    public WrapperProvider(Backend backend, PolicyHolder holder) {
        super(
                backend.provider().getName(),
                backend.provider().getVersionStr(),
                backend.provider().getInfo() + " (under cryptopolicy)");
        this.holder = holder;
        this.backend = backend;
    }

    /** Wraps {@code backend} under {@code assembly}'s policy alone, which never changes. */
    public WrapperProvider(Backend backend, ProviderAssembly assembly) {
        this(backend, new PolicyHolder());
        ServiceTable table = assembly.wrapperTable(this, backend);
        InstalledState state = new InstalledState(
                assembly, java.util.Map.of(this, table), java.util.List.of(), java.util.List.of(), new Audit());
        holder.set(state);
        registered(state, table);
    }

    /** The backend this wrapper serves. */
    Backend backend() {
        return backend;
    }

    private ServiceTable table() {
        return table(holder.state());
    }

    private ServiceTable table(InstalledState state) {
        ServiceTable table = state.table(this);
        if (table == null) {
            Late l = late;
            if (l == null || l.state() != state) {
                l = new Late(state, state.assembly().wrapperTable(this, backend));
                late = l;
            }
            table = l.table();
        }
        if (viewed != state) {
            registered(state, table);
        }
        return table;
    }

    /**
     * Makes the registered view show {@code table}, the services of {@code state}, while that state
     * is in force: a lookup that began under the state a replacement has just replaced does not
     * put the old view back.
     */
    synchronized void registered(InstalledState state, ServiceTable table) {
        // Not again from inside register (the JDK's putService reading the view back).
        if (viewed != state && !registering && holder.current() == state) {
            registering = true;
            try {
                register(table);
                viewed = state;
            } finally {
                registering = false;
            }
        }
    }

    /** Whether {@link #registered} is filling the view; guarded by this provider's lock. */
    private transient boolean registering;

    /**
     * Registers the services of the state in force before the view is read; nothing before the
     * holder has a state (the wrapper is not published then).
     */
    @Override
    protected void view() {
        PolicyHolder h = holder;
        InstalledState state = h == null ? null : h.current();
        if (state != null) {
            table(state);
        }
    }

    @Override
    public Provider.Service getService(String type, String algorithm) {
        return table().get(type, algorithm);
    }

    @Override
    public Set<Provider.Service> getServices() {
        return table().services();
    }
}
