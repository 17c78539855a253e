package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import java.security.Provider;

/**
 * Installs a policy into this JVM's JCA: the programmatic route.
 *
 * <pre>{@code
 * Installation installed = CryptoPolicy.install("DEFAULT:NO-SHA1");
 * }</pre>
 *
 * <p>Installation puts the {@code CryptoPolicy} front provider at position 1 and replaces every
 * installed provider, at its own position, by a same-named wrapper that offers its services only as
 * the policy allows. Nothing changes unless everything succeeds: a policy that cannot be loaded
 * or whose required features have no passing backend leaves the providers as they were and
 * throws (fail closed: the caller decides whether to stop).
 */
public final class CryptoPolicy {

    private CryptoPolicy() {}

    /**
     * Loads, checks and installs a policy.
     *
     * @param reference a policy reference such as {@code DEFAULT} or {@code site.yaml:NO-SHA1}
     * @return what was installed
     * @throws PolicyException when the policy cannot be loaded (every problem is listed)
     * @throws PolicyInstallException when a required feature has no backend that passes its probe
     */
    public static Installation install(String reference) throws PolicyException, PolicyInstallException {
        return InstallPipeline.install(reference, InstallPipeline.Route.PROGRAMMATIC, new BackendDiscovery());
    }

    /**
     * Installs an already compiled policy.
     *
     * @throws PolicyInstallException when a required feature has no backend that passes its probe
     */
    public static Installation install(CompiledPolicy policy) throws PolicyInstallException {
        return install(policy, new BackendDiscovery());
    }

    /**
     * Installs an already compiled policy, obtaining Bouncy Castle FIPS, if the policy needs it,
     * from {@code discovery} (for example {@link BackendDiscovery#inDirectory}, so that the
     * unmodified jars load in a class loader of their own).
     *
     * <p>Installing builds the providers (probes, Bouncy Castle FIPS) with no lock of
     * cryptopolicy's held, so that a thread that reaches it holding a JDK lock never waits for one
     * that waits for that lock; only publishing is serialised.
     *
     * @throws PolicyInstallException when a required feature has no backend that passes its probe,
     *     or when the application kept changing the provider list while the policy was being built
     */
    public static Installation install(CompiledPolicy policy, BackendDiscovery discovery)
            throws PolicyInstallException {
        return InstallPipeline.install(policy, InstallPipeline.Route.PROGRAMMATIC, discovery);
    }

    /**
     * Loads and installs a policy before anything has used TLS, as the agent does before
     * {@code main} (an application may call it as the first thing in {@code main}): as
     * {@link #install(String)}, and it also sets the TLS named-group and signature-scheme system
     * properties that JDK 17 reads once per process, unless they were given with {@code -D}.
     *
     * @throws PolicyException when the policy cannot be loaded (every problem is listed)
     * @throws PolicyInstallException when a required feature has no backend that passes its probe
     */
    public static Installation installAtStartUp(String reference, BackendDiscovery discovery)
            throws PolicyException, PolicyInstallException {
        return InstallPipeline.install(reference, InstallPipeline.Route.AGENT, discovery);
    }

    /**
     * As {@link #installAtStartUp(String, BackendDiscovery)}, but logs nothing: the caller writes
     * {@link Installation#startUpLine()} where it chooses. The agent uses this so that nothing before
     * {@code main} starts the application's logging backend ({@code java.util.logging} reads its
     * {@code java.util.logging.manager} once, when it starts, and servers choose theirs in
     * {@code main}).
     *
     * @throws PolicyException when the policy cannot be loaded (every problem is listed)
     * @throws PolicyInstallException when a required feature has no backend that passes its probe
     */
    public static Installation installAtStartUpQuietly(String reference, BackendDiscovery discovery)
            throws PolicyException, PolicyInstallException {
        return InstallPipeline.install(reference, InstallPipeline.Route.AGENT, discovery, false);
    }

    /**
     * The provider as the installed policy lets applications use it: a provider that is not one
     * of the installation's own is replaced by a same-named wrapper that serves it under the
     * policy. The agent routes {@code Security.addProvider}, {@code insertProviderAt} and every
     * {@code getInstance(..., Provider)} call through this; without an installed policy the
     * provider comes back as it is.
     *
     * @param provider a provider about to be registered or used; may be null
     * @return the provider to register or use instead
     */
    public static Provider govern(Provider provider) {
        return InstallPipeline.govern(provider);
    }

    /**
     * Where a provider being registered at {@code requested} goes under the installed policy:
     * never ahead of the {@code CryptoPolicy} front provider, which stays first. The agent routes
     * {@code Security.insertProviderAt} through this before {@link #govern(Provider)}.
     *
     * @param provider  the provider being registered
     * @param requested the 1-based position asked for (0 or past the end appends)
     * @return the position to register it at
     */
    public static int position(Provider provider, int requested) {
        return InstallPipeline.position(provider, requested);
    }

    /**
     * Restores exactly the providers, and the system and security properties, that were there
     * before the first {@link #install} (a security property that was unset reads as empty, the
     * nearest the JDK allows: see the README's "Limitations"); does nothing when no policy is
     * installed. This is a programmatic API for the code that installed the policy (tests, an
     * application that manages its own start-up): it is not a switch that the policy guards, and
     * a JVM started with the agent or a {@code java.security} route is meant to keep its policy
     * until it exits.
     */
    public static void uninstall() {
        InstallPipeline.uninstall();
    }

    /**
     * Works out what installing {@code policy} would do on this JVM, without installing it: the
     * backends, the backend chosen for each feature, the backends passed over and the unmet
     * requirements. {@code cryptopolicy probe} prints this.
     */
    public static InstallPlan plan(CompiledPolicy policy) {
        return InstallPipeline.plan(policy);
    }
}
