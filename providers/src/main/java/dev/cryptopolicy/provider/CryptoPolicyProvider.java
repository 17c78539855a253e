package dev.cryptopolicy.provider;

import dev.cryptopolicy.provider.internal.SealedProvider;
import java.security.Provider;
import java.security.Security;
import java.util.function.Consumer;

/**
 * The front JCA provider, named {@value #NAME}: it offers exactly the feature set of the installed
 * policy, each feature served by the backend chosen for it.
 *
 * <p>Obtain an installed one through {@link CryptoPolicy#install(String)}. The public no-argument
 * constructor exists for {@link java.util.ServiceLoader} and the {@code java.security} route
 * ({@code security.provider.1=CryptoPolicy DEFAULT}): the JDK then calls {@link #configure(String)}
 * with the policy reference, which returns a configured provider; an unconfigured instance offers
 * no service at all.
 *
 * <p>{@link #configure(String)} configures a policy once per JVM, on a fresh instance while no
 * policy is installed; on an installed or configured front, or while a policy is installed, it
 * refuses: the policy of a running JVM is not changed through the JCA's provider API.
 */
public final class CryptoPolicyProvider extends SealedProvider {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    public static final String NAME = "CryptoPolicy";

    private final transient String policy;

    /** The providers installed before this one was, restored by {@link CryptoPolicy#uninstall()}. */
    private transient volatile java.util.List<Provider> before = java.util.List.of();

    /** For the java.security route: installed on first use, once the JDK's provider list is complete. */
    private final transient ConfiguredRoute.Pending pending;

    /** An unconfigured provider with no services, for {@link java.util.ServiceLoader}. */
    public CryptoPolicyProvider() {
        this(null);
    }

    CryptoPolicyProvider(String policy) {
        this(policy, null);
    }

    CryptoPolicyProvider(String policy, ConfiguredRoute.Pending pending) {
        super(NAME, Version.STRING, policy == null ? "cryptopolicy (unconfigured: no services)"
                : "cryptopolicy: the feature set of policy " + policy);
        this.policy = policy;
        this.pending = pending;
    }

    /** The JDK security properties as they were before installation, restored on uninstall. */
    private transient volatile java.util.Map<String, String> propertiesBefore = java.util.Map.of();

    void before(java.util.List<Provider> providers) {
        this.before = java.util.List.copyOf(providers);
    }

    void propertiesBefore(java.util.Map<String, String> properties) {
        this.propertiesBefore = java.util.Map.copyOf(properties);
    }

    java.util.Map<String, String> propertiesBefore() {
        return propertiesBefore;
    }

    java.util.List<Provider> before() {
        return before;
    }

    /** The policy this provider serves, or null when unconfigured. */
    public String policy() {
        return policy;
    }

    /**
     * Configures a provider for the {@code java.security} route. {@code arg} is a policy reference
     * ({@code DEFAULT:NO-SHA1}).
     *
     * @throws java.security.InvalidParameterException naming the policy and every problem when the
     *     policy cannot be loaded or installed; the JDK then has no provider at that position
     *     rather than a permissive one
     * @throws IllegalStateException when this provider is configured or installed, or a policy is
     *     installed in this JVM: any code can reach the installed front
     *     ({@code Security.getProvider("CryptoPolicy")}), so configure never replaces a policy
     */
    @Override
    public Provider configure(String arg) {
        String installed = installedPolicy();
        if (policy != null || installed != null) {
            throw new IllegalStateException("cryptopolicy: configure(\"" + arg + "\") refused: policy "
                    + (installed != null ? installed : policy) + " is " + (installed != null ? "installed" : "configured")
                    + " in this JVM, and a policy is configured once, at start-up, never replaced through"
                    + " Provider.configure (rule: no reconfiguration of an installed policy)");
        }
        return ConfiguredRoute.configure(arg);
    }

    /** The policy of the front provider in the JDK's list, or null when none is there. */
    private static String installedPolicy() {
        return Security.getProvider(NAME) instanceof CryptoPolicyProvider front && front.policy != null ? front.policy : null;
    }

    @Override
    public Provider.Service getService(String type, String algorithm) {
        if (pending != null) {
            return pending.service(type, algorithm);
        }
        return super.getService(type, algorithm);
    }

    @Override
    public java.util.Set<Provider.Service> getServices() {
        if (pending != null) {
            return pending.services();
        }
        return super.getServices();
    }

    @Override
    public boolean isConfigured() {
        return policy != null;
    }

    /** Adds services to this provider; for the installing code only (the provider itself offers no public way). */
    Consumer<Provider.Service> registrar() {
        return this::putService;
    }
}
