package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.ServiceType;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Set;

/**
 * The configuration-only route: {@code security.provider.1=CryptoPolicy DEFAULT} in a
 * {@code java.security} override. The JDK builds its provider list itself, calling
 * {@link CryptoPolicyProvider#configure} while the list is still being loaded, so the policy is
 * loaded (and checked) at once but installed on the first lookup that reaches the front provider,
 * when the rest of the list exists and can be wrapped.
 */
final class ConfiguredRoute {

    private ConfiguredRoute() {
    }

    static Provider configure(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new PolicyLoadError("security.provider entry 'CryptoPolicy' needs a policy reference, e.g. "
                    + "'security.provider.1=CryptoPolicy DEFAULT'");
        }
        String reference = arg.trim();
        CompiledPolicy policy;
        try {
            policy = PolicyLoader.standard().load(reference);
        } catch (PolicyException e) {
            // Fail closed: an Error reaches whoever first uses cryptography, instead of the JDK
            // quietly dropping this provider and carrying on with an unguarded list.
            throw new PolicyLoadError("cryptopolicy: policy " + reference + " from java.security cannot be loaded:\n"
                    + e.getMessage());
        }
        Pending pending = new Pending(policy);
        CryptoPolicyProvider provider = new CryptoPolicyProvider(reference, pending);
        pending.owner = provider;
        return provider;
    }

    /** The state of a configured front provider until its policy is installed. */
    static final class Pending {
        private final CompiledPolicy policy;
        private CryptoPolicyProvider owner;
        private volatile Installation installation;
        private final ThreadLocal<Boolean> installing = new ThreadLocal<>();

        Pending(CompiledPolicy policy) {
            this.policy = policy;
        }

        /**
         * Answers a lookup that reached this provider. After installation the JDK's list no longer
         * holds this object, so a lookup that still reaches it began on the list as it was before
         * (the lookup that triggered installation, or one racing with it): returning null would
         * let that lookup fall through to the unwrapped providers. A denied request is therefore
         * stopped here with an unchecked {@link ProviderException}; every later lookup goes
         * through the installed providers and gets the standard exceptions.
         */
        Provider.Service service(String type, String algorithm) {
            Provider front = front();
            if (front == null) {
                return null;
            }
            Provider.Service s = front.getService(type, algorithm);
            if (s != null) {
                return s;
            }
            ServiceType t = ServiceType.ofJcaNameOrNull(type);
            if (t != null && !ProviderAssembly.ungoverned(t, algorithm) && policy.enforcing()) {
                Decision d = policy.decide(t, algorithm, Scope.ANY);
                if (!d.allowed()) {
                    throw new ProviderException(d.explain(type + " " + algorithm)
                            + " (refused while cryptopolicy was being installed from java.security)");
                }
            }
            return null;
        }

        Set<Provider.Service> services() {
            Provider front = front();
            return front == null ? Set.of() : front.getServices();
        }

        /** The installed front provider; installs on first call. Null while installing (re-entrant lookups). */
        private Provider front() {
            Installation done = installation;
            if (done != null) {
                return done.frontProvider();
            }
            if (Boolean.TRUE.equals(installing.get())) {
                return null;
            }
            // No lock while installing: the lookup that brought a thread here may hold a JDK lock
            // (JCAUtil.class while it builds the default SecureRandom), and installing calls into
            // the JCA (probes, Bouncy Castle FIPS); a thread waiting here for the installer could
            // close a cycle with it (see CryptoPolicy.install). Threads that arrive before the first
            // installation is published each install the same policy; each result is complete, and
            // CryptoPolicy.install publishes one at a time.
            installing.set(Boolean.TRUE);
            try {
                if (Security.getProvider(owner.getName()) == owner) {
                    Security.removeProvider(owner.getName());
                }
                Installation mine = CryptoPolicy.install(policy);
                installation = mine;
                return mine.frontProvider();
            } catch (PolicyInstallException e) {
                throw new PolicyLoadError("cryptopolicy: " + e.getMessage());
            } finally {
                installing.remove();
            }
        }
    }

    /** A policy named in java.security cannot be used; cryptography must not go on without it. */
    static final class PolicyLoadError extends Error {
        private static final long serialVersionUID = 1L;

        PolicyLoadError(String message) {
            super(message);
        }
    }
}
