package dev.cryptopolicy.provider.internal;

import java.security.Provider;

/** Registers services on the providers this package builds. */
public final class PolicyProviders {

    private PolicyProviders() {
    }

    static void put(Provider provider, Provider.Service service) {
        if (provider instanceof Registrar r) {
            r.register(service);
        } else {
            throw new IllegalArgumentException("provider [" + provider.getName() + "] was not built by cryptopolicy");
        }
    }

    /** A provider whose protected {@code putService} this package may call. */
    public interface Registrar {
        /** Adds a service to the provider. */
        void register(Provider.Service service);
    }
}
