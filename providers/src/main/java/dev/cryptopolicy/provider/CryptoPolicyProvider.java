package dev.cryptopolicy.provider;

import dev.cryptopolicy.provider.internal.InstalledState;
import dev.cryptopolicy.provider.internal.LateProviders;
import dev.cryptopolicy.provider.internal.PolicyHolder;
import dev.cryptopolicy.provider.internal.SealedProvider;
import java.security.Provider;
import java.security.Security;

/**
 * The front JCA provider, named {@value #NAME}: it offers exactly the feature set of the installed
 * policy, each feature served by the backend chosen for it.
 *
 * <p>Obtain an installed one through {@link CryptoPolicy#install(String)}. The public no-argument
 * constructor exists for {@link java.util.ServiceLoader} and the {@code java.security} route
 * ({@code security.provider.1=CryptoPolicy DEFAULT}): the JDK then calls {@link #configure(String)}
 * with the policy reference, which returns a configured provider.
 *
 * <p>A provider of that route that cannot enforce its policy never steps aside: an instance
 * configured without a policy reference ({@code security.provider.1=CryptoPolicy}), or with one
 * that cannot be loaded or installed, stays where the JDK put it and refuses every lookup, of every
 * type and algorithm, with a {@link java.security.ProviderException} naming the entry and the
 * problem, for the life of the JVM. Returning no service instead would let each lookup fall
 * through to the unguarded providers after it.
 *
 * <p>{@link #configure(String)} configures a policy once per JVM, on a fresh instance while no
 * policy is installed; on an installed or configured front, or while a policy is installed, it
 * refuses: the policy of a running JVM is not changed through the JCA's provider API.
 */
// "exports": the superclass is in a package that is not exported; it only overrides Provider's
// methods (to refuse them), so clients see a java.security.Provider and lose nothing.
@SuppressWarnings("exports")
public final class CryptoPolicyProvider extends SealedProvider {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    public static final String NAME = "CryptoPolicy";

    /** Why an entry without a policy reference refuses. */
    static final String NO_REFERENCE = "security.provider entry '" + NAME + "' has no policy reference, so no policy "
            + "is in force; name one, e.g. 'security.provider.1=" + NAME + " DEFAULT'";

    private final transient String policy;

    /** The providers installed before this one was, restored by {@link CryptoPolicy#uninstall()}. */
    private transient volatile java.util.List<Provider> before = java.util.List.of();

    /** For the java.security route: installed on first use, once the JDK's provider list is complete. */
    private final transient ConfiguredRoute.Pending pending;

    /**
     * Why this provider refuses every lookup, or null while it may serve. Set once, never cleared:
     * a route that could not apply its policy stays closed for the life of the JVM.
     */
    private transient volatile String refusal;

    /**
     * An unconfigured provider, for {@link java.util.ServiceLoader}: the JDK configures it with the
     * argument of its {@code java.security} entry. Left unconfigured (an entry without a policy
     * reference), it refuses every lookup.
     */
    public CryptoPolicyProvider() {
        this(null);
        refuse(NO_REFERENCE);
    }

    CryptoPolicyProvider(String policy) {
        this(policy, null);
    }

    CryptoPolicyProvider(String policy, ConfiguredRoute.Pending pending) {
        super(
                NAME,
                Version.STRING,
                policy == null
                        ? "cryptopolicy (unconfigured: no services)"
                        : "cryptopolicy: the feature set of policy " + policy);
        this.policy = policy;
        this.pending = pending;
    }

    /** Governs providers that reach the JCA after this front was installed; null for an unconfigured front. */
    private transient volatile LateProviders late;

    /** The policy in force and the services it gives this front; null for an unconfigured or pending front. */
    private transient volatile PolicyHolder holder;

    void holder(PolicyHolder policyHolder) {
        this.holder = policyHolder;
    }

    PolicyHolder holder() {
        return holder;
    }

    /** Makes the services registered with this front those of {@code state} (see {@link SealedProvider#register}). */
    void registerServices(InstalledState state) {
        register(state.table(this));
    }

    void late(LateProviders governance) {
        this.late = governance;
    }

    LateProviders late() {
        return late;
    }

    /** The system and security properties the installation set, with what they were before; restored on uninstall. */
    private transient volatile JdkProperties properties;

    void before(java.util.List<Provider> providers) {
        this.before = java.util.List.copyOf(providers);
    }

    void properties(JdkProperties properties) {
        this.properties = properties;
    }

    JdkProperties properties() {
        return properties;
    }

    java.util.List<Provider> before() {
        return before;
    }

    /** The name of the policy this provider serves (the one in force, after a replacement), or null when unconfigured. */
    public String policy() {
        PolicyHolder h = holder;
        return h != null ? h.policy().name() : policy;
    }

    /**
     * Configures a provider for the {@code java.security} route. {@code arg} is a policy reference
     * ({@code DEFAULT:NO-SHA1}).
     *
     * <p>Never throws for a problem of the policy: for a missing reference, or a policy that cannot be loaded (and later, at
     * the first lookup, one that cannot be installed), the provider returned refuses every lookup
     * with a {@link java.security.ProviderException} naming the entry and every problem.
     *
     * @throws IllegalStateException when this provider is configured or installed, or a policy is
     *     installed in this JVM: any code can reach the installed front
     *     ({@code Security.getProvider("CryptoPolicy")}), so configure never replaces a policy
     */
    @Override
    public Provider configure(String arg) {
        String installed = installedPolicy();
        if (policy != null || installed != null) {
            throw new IllegalStateException("cryptopolicy: configure(\"" + arg + "\") refused: policy "
                    + (installed != null ? installed : policy) + " is "
                    + (installed != null ? "installed" : "configured")
                    + " in this JVM, and a policy is configured once, at start-up, never replaced through"
                    + " Provider.configure (rule: no reconfiguration of an installed policy)");
        }
        try {
            return ConfiguredRoute.configure(arg);
        } catch (Throwable t) {
            // Whatever escapes here (a missing class, a bug) makes the JDK drop this entry, at once
            // or after 30 attempts, and run on the unguarded providers behind it: stay, refusing.
            CryptoPolicyProvider refusing = new CryptoPolicyProvider(arg);
            refusing.refuse("security.provider entry '" + NAME + " " + arg + "' cannot be configured: " + t);
            return refusing;
        }
    }

    /**
     * Makes this provider refuse every lookup from now on, for {@code problem}, which names the
     * entry and what is wrong. It registers one service of its own, so that the JDK's choice of a
     * default {@link java.security.SecureRandom} reaches {@link #getService} too.
     */
    synchronized void refuse(String problem) {
        if (refusal == null) {
            refusal = "cryptopolicy: " + problem + "; every cryptographic lookup is refused until the JVM is "
                    + "restarted with a policy that can be applied";
            putService(new Provider.Service(
                    this, "SecureRandom", "CryptoPolicyRefusal", Refusal.class.getName(), null, null));
        }
    }

    /** Why every lookup is refused, or null when this provider serves. */
    String refusal() {
        return refusal;
    }

    /** The exception for a lookup of {@code what} while refusing. */
    java.security.ProviderException refused(String what) {
        return new java.security.ProviderException(what + " is refused: " + refusal);
    }

    /** The policy of the front provider in the JDK's list, or null when none is there. */
    private static String installedPolicy() {
        return Security.getProvider(NAME) instanceof CryptoPolicyProvider front && front.policy != null
                ? front.policy()
                : null;
    }

    /**
     * The last service found, and the state and names it was found for: the same look-up repeated
     * (most are) is answered from it, as the JDK's providers remember their last key. A state's
     * table never changes, so a service found under the state in force is still its answer.
     */
    private record Found(InstalledState state, String type, String algorithm, Provider.Service service) {}

    private transient volatile Found found;

    @Override
    public Provider.Service getService(String type, String algorithm) {
        if (refusal != null) {
            throw refused(type + " " + algorithm);
        }
        if (pending != null) {
            return pending.service(type, algorithm);
        }
        PolicyHolder h = holder;
        Provider.Service service;
        if (h == null) {
            service = super.getService(type, algorithm);
        } else {
            InstalledState state = h.state();
            Found f = found;
            if (f != null && f.state == state && f.type.equals(type) && f.algorithm.equals(algorithm)) {
                service = f.service;
            } else {
                service = state.table(this).get(type, algorithm);
                if (service != null && type != null && algorithm != null) {
                    found = new Found(state, type, algorithm, service);
                }
            }
        }
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
        if (refusal != null) {
            throw refused("the list of services");
        }
        if (pending != null) {
            return pending.services();
        }
        PolicyHolder h = holder;
        return h == null ? super.getServices() : h.state().table(this).services();
    }

    /** The class name of the service a refusing provider registers; never instantiated, as every lookup throws. */
    private static final class Refusal {
        private Refusal() {}
    }

    @Override
    public boolean isConfigured() {
        return policy != null;
    }
}
