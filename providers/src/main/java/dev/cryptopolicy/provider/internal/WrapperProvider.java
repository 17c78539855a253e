package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.provider.backend.Backend;

/**
 * Stands in for one installed provider, under the same name and at the same position, and offers
 * that provider's services only as the policy allows. Applications that name the provider
 * ({@code getInstance("SHA1withRSA", "SunRsaSign")}) or fall through to it get the policy too.
 *
 * <p>Nothing public on it leads to the provider it stands in for, and its services cannot be
 * changed ({@link SealedProvider}): this is the object {@code Security.getProvider} returns to any
 * code. The installing code keeps the originals.
 */
public final class WrapperProvider extends SealedProvider {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code backend} under {@code assembly}'s policy. */
    public WrapperProvider(Backend backend, ProviderAssembly assembly) {
        super(backend.provider().getName(), backend.provider().getVersionStr(),
                backend.provider().getInfo() + " (under cryptopolicy)");
        assembly.buildWrapper(this, this::putService, backend);
    }
}
