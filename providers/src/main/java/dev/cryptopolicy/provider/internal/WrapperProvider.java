package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.provider.backend.Backend;
import java.security.Provider;

/**
 * Stands in for one installed provider, under the same name and at the same position, and offers
 * that provider's services only as the policy allows. Applications that name the provider
 * ({@code getInstance("SHA1withRSA", "SunRsaSign")}) or fall through to it get the policy too.
 *
 * <p>Nothing public on it leads to the provider it stands in for: this is the object
 * {@code Security.getProvider} returns to any code. {@link ProviderAssembly#originalOf} gives the
 * original to the code that installs and uninstalls.
 */
public final class WrapperProvider extends SealedProvider {
    private static final long serialVersionUID = 1L;

    private final transient Backend backend;

    /** Wraps {@code backend} under {@code assembly}'s policy. */
    public WrapperProvider(Backend backend, ProviderAssembly assembly) {
        super(backend.provider().getName(), backend.provider().getVersionStr(),
                backend.provider().getInfo() + " (under cryptopolicy)");
        this.backend = backend;
        assembly.buildWrapper(this, this::putService, backend);
    }

    /** The provider this one stands in for. */
    Provider original() {
        return backend.provider();
    }
}
