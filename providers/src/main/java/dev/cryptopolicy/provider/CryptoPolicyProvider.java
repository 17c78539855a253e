package dev.cryptopolicy.provider;

import dev.cryptopolicy.provider.internal.LateProviders;
import dev.cryptopolicy.provider.internal.PolicyProviders;
import java.security.Provider;

/**
 * The front JCA provider, named {@value #NAME}: it offers exactly the feature set of the installed
 * policy, each feature served by the backend chosen for it.
 *
 * <p>Obtain an installed one through {@link CryptoPolicy#install(String)}. The public no-argument
 * constructor exists for {@link java.util.ServiceLoader} and the {@code java.security} route
 * ({@code security.provider.1=CryptoPolicy DEFAULT}): the JDK then calls {@link #configure(String)}
 * with the policy reference, which returns a configured provider; an unconfigured instance offers
 * no service at all.
 */
public final class CryptoPolicyProvider extends Provider implements PolicyProviders.Registrar {
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

    /** Governs providers that reach the JCA after this front was installed; null for an unconfigured front. */
    private transient volatile LateProviders late;

    void late(LateProviders governance) {
        this.late = governance;
    }

    LateProviders late() {
        return late;
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
     * ({@code DEFAULT:NO-SHA1}) for the front provider, or {@code PROVIDER@REFERENCE} for the
     * same-named wrapper of one of the JDK's providers ({@code SunRsaSign@DEFAULT}).
     *
     * @throws java.security.InvalidParameterException naming the policy and every problem when the
     *     policy cannot be loaded or installed; the JDK then has no provider at that position
     *     rather than a permissive one
     */
    @Override
    public Provider configure(String arg) {
        return ConfiguredRoute.configure(arg);
    }

    @Override
    public Provider.Service getService(String type, String algorithm) {
        if (pending != null) {
            return pending.service(type, algorithm);
        }
        Provider.Service service = super.getService(type, algorithm);
        LateProviders governance = late;
        // A digest or random generator served from here binds at getInstance and takes no key:
        // the providers behind this one play no part in the lookup, so it skips the list check.
        if (governance != null && !(service != null && (type.equals("MessageDigest") || type.equals("SecureRandom")))) {
            governance.check(type, algorithm);
        }
        return service;
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

    @Override
    public void register(Provider.Service service) {
        putService(service);
    }
}
