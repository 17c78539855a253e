package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
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

    private ConfiguredRoute() {}

    /**
     * The provider for {@code security.provider.N=CryptoPolicy REFERENCE}. Never throws for a
     * policy that cannot be used: the JDK drops a provider whose {@code configure} throws (at once
     * for most exceptions, after 30 attempts for an {@link Error}) and goes on with the providers
     * after it, unguarded. A provider that refuses every lookup is returned instead.
     */
    static Provider configure(String arg) {
        String reference = arg == null ? "" : arg.trim();
        if (reference.isEmpty()) {
            return refusing(null, CryptoPolicyProvider.NO_REFERENCE);
        }
        CompiledPolicy policy;
        try {
            policy = InstallPipeline.load(reference);
        } catch (PolicyException e) {
            return refusing(
                    reference, "policy " + reference + " from java.security cannot be loaded:\n" + e.getMessage());
        }
        Pending pending = new Pending(policy, reference);
        CryptoPolicyProvider provider = new CryptoPolicyProvider(reference, pending);
        pending.owner = provider;
        return provider;
    }

    private static CryptoPolicyProvider refusing(String reference, String problem) {
        CryptoPolicyProvider provider = new CryptoPolicyProvider(reference);
        provider.refuse(problem);
        return provider;
    }

    /** The state of a configured front provider until its policy is installed. */
    static final class Pending {
        private final CompiledPolicy policy;
        private final String reference;
        private CryptoPolicyProvider owner;
        private volatile Installation installation;
        private final ThreadLocal<Boolean> installing = new ThreadLocal<>();

        Pending(CompiledPolicy policy, String reference) {
            this.policy = policy;
            this.reference = reference;
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
            Provider front = front(type + " " + algorithm);
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
            Provider front = front("the list of services");
            return front == null ? Set.of() : front.getServices();
        }

        /**
         * The installed front provider; installs on first call. Null while installing (re-entrant
         * lookups, which the backends' known-answer tests make). When installation fails, the owner
         * stays at the front of the list and refuses every lookup from then on, this one included.
         */
        private Provider front(String what) {
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
            // close a cycle with it (see InstallPipeline). Threads that arrive before the first
            // installation is published each install the same policy; each result is complete, and
            // InstallPipeline publishes one at a time. This provider stays in the list until
            // an installation replaces it, so a failed one leaves it first, refusing.
            if (owner.refusal() == null) {
                installing.set(Boolean.TRUE);
                try {
                    Installation mine = InstallPipeline.install(
                            policy, InstallPipeline.Route.JAVA_SECURITY, new BackendDiscovery());
                    installation = mine;
                    return mine.frontProvider();
                } catch (PolicyInstallException e) {
                    fail("security.provider entry '" + CryptoPolicyProvider.NAME + " " + reference + "': "
                            + e.getMessage());
                } catch (RuntimeException | Error e) {
                    fail("policy " + reference + " from java.security cannot be installed: " + e);
                } finally {
                    installing.remove();
                }
            }
            throw owner.refused(what);
        }

        /**
         * Refuses from now on. The owner stays where the JDK put it, ahead of the providers it
         * could not wrap; should the failed installation have taken it out, it goes back first.
         */
        private void fail(String problem) {
            owner.refuse(problem);
            if (Security.getProvider(owner.getName()) != owner) {
                Security.removeProvider(owner.getName());
                Security.insertProviderAt(owner, 1);
            }
        }
    }
}
