package dev.cryptopolicy.agent;

import dev.cryptopolicy.provider.LateProviderAttempts;
import java.security.Security;

/**
 * The child JVM's application for {@link LateProvidersAgentTest}: prints whether the installed
 * front provider's late-provider check tells an unchanged provider list in O(1)
 * ({@code LateProviders.constantTimeCheck()}, read from the class loader that installed the policy:
 * under the agent, the agent's own, not this class path's copy that {@link LateProviderAttempts}
 * reports), then runs {@link LateProviderAttempts} with the same arguments.
 */
public final class ProviderListCheckApp {
    private ProviderListCheckApp() {}

    /** {@code args}: those of {@link LateProviderAttempts#main}. */
    public static void main(String[] args) throws Exception {
        if (args[0].startsWith("install:")) {
            dev.cryptopolicy.provider.CryptoPolicy.install(args[0].substring("install:".length()));
            args = new String[] {"none", args[1]};
        }
        ClassLoader installer = Security.getProviders()[0].getClass().getClassLoader();
        Object constant = Class.forName("dev.cryptopolicy.provider.internal.LateProviders", true, installer)
                .getMethod("constantTimeCheck")
                .invoke(null);
        System.out.println("front-provider=" + Security.getProviders()[0].getName());
        System.out.println("installed-constant-time-check=" + constant);
        LateProviderAttempts.main(args);
    }
}
