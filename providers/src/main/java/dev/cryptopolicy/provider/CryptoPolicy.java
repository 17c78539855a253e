package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.backend.BackendLoad;
import dev.cryptopolicy.provider.backend.ProbeSuite;
import dev.cryptopolicy.provider.internal.Audit;
import dev.cryptopolicy.provider.internal.Enforcer;
import dev.cryptopolicy.provider.internal.LateProviders;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import dev.cryptopolicy.provider.internal.WrapperProvider;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The installed policy's governance of providers that arrive later. Held here, not looked up
     * by name, so that removing the front provider does not switch it off.
     */
    private static volatile LateProviders governance;

    /**
     * The provider each installed wrapper stands in for. Only this class reaches it: the wrappers
     * themselves, which any code gets from {@code Security.getProvider}, lead nowhere else. Guarded
     * by the class lock (install and uninstall).
     */
    private static final Map<Provider, Provider> WRAPPED = new IdentityHashMap<>();

    /** How often {@link #install(CompiledPolicy)} rebuilds when the provider list changes under it. */
    private static final int PUBLISH_ATTEMPTS = 3;

    private CryptoPolicy() {
    }

    /**
     * Loads, checks and installs a policy.
     *
     * @param reference a policy reference such as {@code DEFAULT} or {@code site.yaml:NO-SHA1}
     * @return what was installed
     * @throws PolicyException when the policy cannot be loaded (every problem is listed)
     * @throws PolicyInstallException when a required feature has no backend that passes its probe
     */
    public static Installation install(String reference) throws PolicyException, PolicyInstallException {
        return install(PolicyLoader.standard().load(reference));
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
     * from {@code discovery}: the agent passes {@link BackendDiscovery#inDirectory} so that the
     * unmodified jars load in a class loader of their own.
     *
     * <p>Locking rule: building the providers runs probes and may construct Bouncy Castle FIPS,
     * which call into the JCA and so take JDK locks ({@code JCAUtil.class} for the default
     * {@code SecureRandom}, class initialisation locks); that happens with no lock of ours held.
     * Only publishing (security properties and the provider list, calls that never come back into
     * a provider) holds {@code CryptoPolicy.class}. A thread holding a JDK lock that reaches this
     * method through a provider lookup (the configuration-only route installs at first lookup)
     * therefore never waits for a thread that waits for that JDK lock.
     *
     * @throws PolicyInstallException when a required feature has no backend that passes its probe,
     *     or when the application kept changing the provider list while the policy was being built
     */
    public static Installation install(CompiledPolicy policy, BackendDiscovery discovery) throws PolicyInstallException {
        for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
            List<Provider> current = base();
            Audit audit = new Audit();
            Assembled assembled = assemble(policy, current, audit, discovery);
            if (!assembled.missing().isEmpty()) {
                throw new PolicyInstallException(policy.name(), assembled.missing());
            }
            synchronized (CryptoPolicy.class) {
                // Built from a list someone changed meanwhile (addProvider, removeProvider): build again.
                if (sameProviders(current, base())) {
                    return publish(policy, assembled, current, audit);
                }
            }
        }
        throw new PolicyInstallException(policy.name(), List.of("the provider list changed while the policy was being built, "
                + PUBLISH_ATTEMPTS + " times in a row; nothing was installed"));
    }

    /** What installation starts from: over an earlier installation, what was there before it, not its wrappers. */
    private static List<Provider> base() {
        return Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front
                && !front.before().isEmpty() ? front.before() : originals();
    }

    private static boolean sameProviders(List<Provider> a, List<Provider> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Puts an assembled installation in place; called holding {@code CryptoPolicy.class}. */
    private static Installation publish(CompiledPolicy policy, Assembled assembled, List<Provider> current, Audit audit) {
        List<Provider> installed = new ArrayList<>();
        assembled.front.before(current);
        if (policy.enforcing()) {
            assembled.front.propertiesBefore(applySecurityProperties(policy));
        }
        installed.add(assembled.front);
        installed.addAll(assembled.wrappers);
        Map<Provider, Provider> originals = new IdentityHashMap<>();
        for (int i = 0; i < assembled.wrappers.size(); i++) {
            originals.put(assembled.wrappers.get(i), assembled.backends.get(i).provider());
        }
        replaceAll(installed);
        governance = assembled.front.late();
        WRAPPED.clear();
        WRAPPED.putAll(originals);
        return new Installation(policy, assembled.front, installed, current, assembled.selections, assembled.rejected, audit);
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
        LateProviders g = governance;
        return g == null ? provider : g.govern(provider);
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
        LateProviders g = governance;
        return g == null ? requested : g.position(provider, requested);
    }

    /**
     * Restores exactly the providers, and the JDK security properties, that were there before the
     * first {@link #install}; does nothing when no policy is installed. This is a programmatic API
     * for the code that installed the policy (tests, an application that manages its own
     * start-up): it is not a switch that the policy guards, and a JVM started with the agent or
     * a {@code java.security} route is meant to keep its policy until it exits.
     */
    public static synchronized void uninstall() {
        governance = null;
        if (Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front && !front.before().isEmpty()) {
            // Exactly what was there: Bouncy Castle FIPS, loaded for the policy, goes too.
            front.propertiesBefore().forEach(Security::setProperty);
            replaceAll(front.before());
            WRAPPED.clear();
        } else if (Security.getProvider(CryptoPolicyProvider.NAME) != null) {
            replaceAll(originals());
            WRAPPED.clear();
        }
    }

    /**
     * Sets the JDK's security properties for TLS, certificate paths and signed JARs to the policy's
     * (what {@code cryptopolicy export} writes), so that every JDK applies the policy there instead
     * of its own defaults (JDK 25 disables TLS_RSA suites that JDK 17 allows, for one). The JDK
     * reads them at the first TLS handshake or path validation: install before that.
     *
     * @return the previous values, for {@link #uninstall()}
     */
    private static Map<String, String> applySecurityProperties(CompiledPolicy policy) {
        Map<String, String> previous = new java.util.LinkedHashMap<>();
        if (Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front) {
            previous.putAll(front.propertiesBefore());
        }
        JavaSecurityExporter.securityProperties(policy).forEach((key, value) -> {
            if (!previous.containsKey(key)) {
                String old = Security.getProperty(key);
                previous.put(key, old == null ? "" : old);
            }
            Security.setProperty(key, value);
        });
        return previous;
    }

    /** The front and wrappers for {@code policy} over {@code originals}, built without touching {@link Security}. */
    static Assembled assemble(CompiledPolicy policy, List<Provider> originals, Audit audit, BackendDiscovery discovery) {
        Enforcer enforcer = new Enforcer(policy, audit);
        ProviderAssembly assembly = new ProviderAssembly(enforcer, ProbeSuite.standard().session());
        List<Backend> backends = new ArrayList<>();
        for (Provider p : originals) {
            backends.add(Backend.of(p));
        }
        List<String> loadProblems = new ArrayList<>();
        if (needsBcFips(policy) && backends.stream().noneMatch(Backend::fips)) {
            if (policy.backends().fipsOnly()) {
                // Approved-only mode must be chosen before the first Bouncy Castle class loads.
                System.setProperty("org.bouncycastle.fips.approved_only", "true");
            }
            BackendLoad load = discovery.bcFips();
            if (load.backend().isPresent()) {
                // Under fips_only the FIPS backends come first, so that they also serve the JDK's
                // own default lookups; otherwise Bouncy Castle FIPS only fills gaps, last.
                backends.add(policy.backends().fipsOnly() ? 0 : backends.size(), load.backend().get());
                if (policy.backends().fipsOnly()) {
                    // TLS in FIPS mode: BCJSSE over BCFIPS, ahead of SunJSSE so that it serves the default context.
                    BackendLoad jsse = discovery.bcJsseFips();
                    if (jsse.backend().isPresent()) {
                        backends.add(1, jsse.backend().get());
                    } else {
                        loadProblems.add(jsse.reason() + "; policy " + policy.name()
                                + " needs TLS from a FIPS-validated backend (put bctls-fips " + discovery.location() + ")");
                    }
                }
            } else if (policy.backends().fipsOnly()) {
                loadProblems.add(load.reason() + "; policy " + policy.name()
                        + " serves features only from a FIPS-validated backend (put bc-fips " + discovery.location() + ")");
            }
        }
        CryptoPolicyProvider front = new CryptoPolicyProvider(policy.name());
        ProviderAssembly.Front built = assembly.buildFront(front, front.registrar(), backends);
        List<String> missing = new ArrayList<>(loadProblems);
        for (ProviderAssembly.Missing m : built.missing()) {
            missing.add(m.describe());
        }
        List<Provider> wrappers = new ArrayList<>();
        for (Backend b : backends) {
            // A provider with nothing the policy governs (Kerberos, SASL, XML signatures, PC/SC,
            // LDAP) would be wrapped into an exact copy of itself: it stays as it is.
            wrappers.add(assembly.governs(b) ? new WrapperProvider(b, assembly) : b.provider());
        }
        List<Provider> installed = new ArrayList<>(List.of(front));
        installed.addAll(wrappers);
        front.late(new LateProviders(assembly, front, installed, backends));
        return new Assembled(front, wrappers, built.selections(), built.rejected(), missing, backends);
    }

    /** What {@link #assemble} builds; {@code missing} lists unmet requirements (install refuses when any). */
    record Assembled(CryptoPolicyProvider front, List<Provider> wrappers, List<ProviderAssembly.Selection> selections,
            List<String> rejected, List<String> missing, List<Backend> backends) {
    }

    /**
     * Works out what installing {@code policy} would do on this JVM, without installing it: the
     * backends, the backend chosen for each feature, the backends passed over and the unmet
     * requirements. {@code cryptopolicy probe} prints this.
     */
    public static InstallPlan plan(CompiledPolicy policy) {
        Assembled a = assemble(policy, originals(), new Audit(), new BackendDiscovery());
        List<InstallPlan.Selection> selections = new ArrayList<>();
        for (ProviderAssembly.Selection s : a.selections()) {
            selections.add(new InstallPlan.Selection(s.type(), s.algorithm(), s.backend()));
        }
        return new InstallPlan(policy, a.backends(), selections, a.rejected(), a.missing());
    }

    /** Bouncy Castle FIPS costs seconds to start: load it only when the policy asks for it or cannot do without. */
    private static boolean needsBcFips(CompiledPolicy policy) {
        if (policy.backends().fipsOnly() || policy.backends().preference().stream().anyMatch("BCFIPS"::equalsIgnoreCase)) {
            return true;
        }
        for (var entry : policy.backends().required().entrySet()) {
            for (String algorithm : entry.getValue()) {
                boolean served = false;
                for (Provider p : originals()) {
                    served |= Backend.of(p).registers(entry.getKey().jcaName(), algorithm);
                }
                if (!served) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The installed providers with cryptopolicy's own removed and wrappers replaced by what they wrap. */
    private static synchronized List<Provider> originals() {
        List<Provider> out = new ArrayList<>();
        for (Provider p : Security.getProviders()) {
            if (p instanceof CryptoPolicyProvider) {
                continue;
            }
            // A wrapper of an installation this class did not record stays as it is: wrapping it
            // again only adds the new policy to the old one's.
            out.add(WRAPPED.getOrDefault(p, p));
        }
        return out;
    }

    /**
     * Puts {@code providers} in place, one position at a time, so that at no moment is more than
     * one provider missing from the list; then removes whatever is left over.
     */
    private static void replaceAll(List<Provider> providers) {
        int position = 1;
        for (Provider p : providers) {
            Provider present = Security.getProvider(p.getName());
            if (present != p) {
                if (present != null) {
                    Security.removeProvider(p.getName());
                }
                Security.insertProviderAt(p, position);
            }
            position++;
        }
        for (Provider p : Security.getProviders()) {
            if (!providers.contains(p)) {
                Security.removeProvider(p.getName());
            }
        }
    }
}
