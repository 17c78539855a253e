package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicyWriter;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.backend.BackendLoad;
import dev.cryptopolicy.provider.backend.ProbeSuite;
import dev.cryptopolicy.provider.internal.Audit;
import dev.cryptopolicy.provider.internal.Enforcer;
import dev.cryptopolicy.provider.internal.InstalledState;
import dev.cryptopolicy.provider.internal.LateProviders;
import dev.cryptopolicy.provider.internal.PolicyHolder;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import dev.cryptopolicy.provider.internal.ServiceTable;
import dev.cryptopolicy.provider.internal.WrapperProvider;
import dev.cryptopolicy.provider.logging.Logging;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way a policy is installed, whatever the route ({@link CryptoPolicy#install}, the agent,
 * {@code security.provider.1=CryptoPolicy REF}): load, plan and prove the backends (known-answer
 * tests), assemble the front provider and wrappers, set the JDK properties, publish, and log one
 * INFO line. The routes are adapters over {@link #install}; they differ only in {@link Route}.
 *
 * <p>Fails closed and leaves nothing behind: an installation that cannot be completed changes
 * neither the provider list nor any system or security property (see {@link JdkProperties}).
 *
 * <p>Locking rule: building the providers runs probes and may construct Bouncy Castle FIPS, which
 * call into the JCA and so take JDK locks ({@code JCAUtil.class} for the default
 * {@code SecureRandom}, class initialisation locks); that happens with no lock of ours held. Only
 * publishing (security properties and the provider list, calls that never come back into a
 * provider) holds {@code InstallPipeline.class}. A thread holding a JDK lock that reaches
 * {@link #install} through a provider lookup (the configuration route installs at first lookup)
 * therefore never waits for a thread that waits for that JDK lock.
 */
final class InstallPipeline {

    /** How often {@link #install} rebuilds when the provider list changes under it. */
    private static final int PUBLISH_ATTEMPTS = 3;

    /** Approved-only mode of Bouncy Castle FIPS, chosen before its first class loads. */
    static final String APPROVED_ONLY = "org.bouncycastle.fips.approved_only";

    /** The route a policy comes in by, as the start-up line and {@code cryptopolicy doctor} name it. */
    enum Route {
        /** {@link CryptoPolicy#install}: the application's code. */
        PROGRAMMATIC("programmatic", false),
        /** The agent, before {@code main}: nothing has used TLS yet. */
        AGENT("agent", true),
        /** {@code security.provider.N=CryptoPolicy REF}, at the first lookup that reaches it. */
        JAVA_SECURITY("java.security", false);

        private final String label;
        private final boolean beforeMain;

        Route(String label, boolean beforeMain) {
            this.label = label;
            this.beforeMain = beforeMain;
        }
    }

    /**
     * The installed policy's governance of providers that arrive later. Held here, not looked up
     * by name, so that removing the front provider does not switch it off.
     */
    private static volatile LateProviders governance;

    /** The installation this class last published, while it may still be in force; null after uninstall. */
    private static volatile Installation installed;

    /**
     * The provider each installed wrapper stands in for. Only this class reaches it: the wrappers
     * themselves, which any code gets from {@code Security.getProvider}, lead nowhere else. Guarded
     * by the class lock (publish and uninstall).
     */
    private static final Map<Provider, Provider> WRAPPED = new IdentityHashMap<>();

    private InstallPipeline() {}

    /** The policy {@code reference} names, loaded as every route loads it. */
    static CompiledPolicy load(String reference) throws PolicyException {
        return PolicyLoader.standard().load(reference);
    }

    /** Loads {@code reference} and installs it, and logs the start-up line. */
    static Installation install(String reference, Route route, BackendDiscovery discovery)
            throws PolicyException, PolicyInstallException {
        return install(reference, route, discovery, true);
    }

    /**
     * Loads {@code reference} and installs it; logs the start-up line (and the DEBUG line of what was
     * kept) only if {@code announce}, otherwise the caller writes {@link Installation#startUpLine()}
     * where it chooses.
     */
    static Installation install(String reference, Route route, BackendDiscovery discovery, boolean announce)
            throws PolicyException, PolicyInstallException {
        Installation installation = install(load(reference), route, discovery, announce);
        installation.reference(reference);
        return installation;
    }

    /**
     * Installs {@code policy}: nothing changes unless everything succeeds.
     *
     * @throws PolicyInstallException when a required feature has no backend that passes its probe,
     *     or when the application kept changing the provider list while the policy was being built
     */
    static Installation install(CompiledPolicy policy, Route route, BackendDiscovery discovery)
            throws PolicyInstallException {
        return install(policy, route, discovery, true);
    }

    private static Installation install(
            CompiledPolicy policy, Route route, BackendDiscovery discovery, boolean announce)
            throws PolicyInstallException {
        Installation inPlace = route.beforeMain ? null : reinstallInPlace(policy, route);
        if (inPlace != null) {
            return inPlace;
        }
        for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
            // Knows what an earlier installation found, so that a value it set is not taken for a user's.
            JdkProperties assembling = new JdkProperties(published());
            Installation installation = null;
            try {
                if (route.beforeMain && policy.enforcing()) {
                    // Before main nothing has used TLS yet: JDK 17's SunJSSE (and BCJSSE) read named
                    // groups and signature schemes once, from these, maybe already in a probe. A
                    // user's -D values stay.
                    for (Map.Entry<String, String> e :
                            TlsEnforcement.systemPropertiesFor(policy).entrySet()) {
                        assembling.systemUnlessGiven(e.getKey(), e.getValue());
                    }
                }
                List<Provider> current = base();
                Audit audit = new Audit();
                Assembled assembled = assemble(policy, current, audit, discovery, assembling);
                // Unmet requirements are refused below; the state is only put in force by publish.
                if (!assembled.missing().isEmpty()) {
                    throw new PolicyInstallException(policy.name(), assembled.missing());
                }
                synchronized (InstallPipeline.class) {
                    // Built from a list someone changed meanwhile (addProvider, removeProvider): build again.
                    if (sameProviders(current, base())) {
                        installation = publish(policy, assembled, current, audit, assembling);
                    }
                }
            } finally {
                if (installation == null) {
                    synchronized (InstallPipeline.class) {
                        assembling.undo(published());
                    }
                }
            }
            if (installation != null) {
                installation.route(route.label, announce);
                if (announce) {
                    Logging.logger().log(System.Logger.Level.INFO, installation.startUpLine());
                    String kept = installation.keptRestrictionsLine();
                    if (kept != null) {
                        Logging.logger().log(System.Logger.Level.DEBUG, kept);
                    }
                }
                return installation;
            }
        }
        throw new PolicyInstallException(
                policy.name(),
                List.of("the provider list changed while the policy was being built, " + PUBLISH_ATTEMPTS
                        + " times in a row; nothing was installed"));
    }

    /**
     * The one line that says what was installed: {@code cryptopolicy: policy DEFAULT (enforce,
     * sha256 3f2a...) installed by the agent; backends SUN, SunRsaSign, SunEC, SunJCE}, then how many
     * of the JVM's own restrictions were kept, when any were (one DEBUG line lists them).
     */
    static String startUpLine(Installation installation, String route) {
        CompiledPolicy policy = installation.policy();
        Set<String> used = new LinkedHashSet<>(installation.features().values());
        StringBuilder line = new StringBuilder("cryptopolicy: policy ")
                .append(policy.name())
                .append(" (")
                .append(policy.mode().yamlName())
                .append(", sha256 ")
                .append(digest(policy))
                .append(") installed by route ")
                .append(route)
                .append("; backends ")
                .append(used.isEmpty() ? "none" : String.join(", ", used));
        if (policy.enforcing() && !TlsEnforcement.setsGroupsAndSchemesPerConnection()) {
            List<String> unset = unsetSystemProperties(policy);
            if (!unset.isEmpty()) {
                line.append("; Java ")
                        .append(Runtime.version().feature())
                        .append(": TLS groups and signature schemes" + " follow it only with -D ")
                        .append(String.join(", ", unset))
                        .append(" (see cryptopolicy export)");
            }
        }
        JdkProperties properties = installation.frontProvider().properties();
        String kept = properties == null ? null : properties.keptSummary(installation.announces());
        if (kept != null) {
            line.append("; ").append(kept);
        }
        return line.toString();
    }

    /** The TLS system properties {@code policy} needs on this JDK that do not hold its values. */
    private static List<String> unsetSystemProperties(CompiledPolicy policy) {
        List<String> unset = new ArrayList<>();
        for (Map.Entry<String, String> e :
                TlsEnforcement.systemPropertiesFor(policy).entrySet()) {
            if (!e.getValue().equals(System.getProperty(e.getKey()))) {
                unset.add(e.getKey());
            }
        }
        return unset;
    }

    /** The digests of the policies named in a log line so far: a swap back and forth names the same two. */
    private static final Map<CompiledPolicy, String> DIGESTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The first 16 hex digits of the SHA-256 of the effective policy (its JSON form): the same rules, the same digest. */
    static String digest(CompiledPolicy policy) {
        String known = DIGESTS.get(policy);
        if (known != null) {
            return known;
        }
        String built = policy.knownJsonSha256();
        if (built != null) {
            // A shipped policy read from its compiled form: the build digested the same JSON form.
            return built.substring(0, 16);
        }
        Provider sun = digestProvider();
        if (sun == null) {
            return "unavailable";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256", sun)
                    .digest(PolicyWriter.json(policy).getBytes(StandardCharsets.UTF_8));
            String digest = HexFormat.of().formatHex(hash, 0, 8);
            DIGESTS.put(policy, digest);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            return "unavailable";
        }
    }

    /**
     * The provider named {@code SUN} in the list, as the JDK made it when this class installed its
     * wrapper: the digest of a log line is cryptopolicy's own, and asking the wrapper would build
     * and prove all of its services at start-up for it. Null when there is no {@code SUN}.
     */
    static Provider digestProvider() {
        Provider listed = Security.getProvider("SUN");
        if (listed == null) {
            return null;
        }
        synchronized (InstallPipeline.class) {
            return WRAPPED.getOrDefault(listed, listed);
        }
    }

    /** What installation starts from: over an earlier installation, what was there before it, not its wrappers. */
    private static List<Provider> base() {
        return Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front
                        && !front.before().isEmpty()
                ? front.before()
                : originals();
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

    /** Puts an assembled installation in place; called holding {@code InstallPipeline.class}. */
    private static Installation publish(
            CompiledPolicy policy, Assembled assembled, List<Provider> current, Audit audit, JdkProperties assembling) {
        JdkProperties properties = new JdkProperties(published());
        properties.absorb(assembling);
        securityProperties(policy, properties);
        properties.settle();
        assembled.front.before(current);
        assembled.front.properties(properties);
        // In force before any of the providers is published: a lookup never finds them without a policy.
        assembled.holder.set(assembled.state);
        assembled.front.holder(assembled.holder);
        assembled.front.registerServices(assembled.state);
        assembled.state.registerWrappers();
        List<Provider> installed = new ArrayList<>();
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
        stopWatches();
        Installation installation = new Installation(
                assembled.holder, assembled.enforcer, assembled.front, installed, current, assembled.backends, audit);
        InstallPipeline.installed = installation;
        return installation;
    }

    /**
     * What {@code cryptopolicy export} writes, so that the JDK applies the policy to TLS, certificate
     * paths and signed JARs instead of its own defaults (JDK 25 disables TLS_RSA suites that JDK 17
     * allows, for one); read at the first handshake or path validation, so set before that. The
     * host's own restrictions stay (crypto-policies' {@code RSA keySize < 3072}, say): a policy adds
     * to what the host forbids, never loosens it; the JDK's defaults are replaced. Only an explicit
     * {@code host_restrictions: replace} (which lint warns about) replaces the host's too.
     */
    private static void securityProperties(CompiledPolicy policy, JdkProperties properties) {
        if (policy.enforcing()) {
            for (Map.Entry<String, String> e :
                    JavaSecurityExporter.securityProperties(policy).entrySet()) {
                if (KeptRestrictions.KEYS.contains(e.getKey())) {
                    properties.securityKeeping(e.getKey(), e.getValue(), policy.replacesHostRestrictions());
                } else {
                    properties.security(e.getKey(), e.getValue());
                }
            }
        }
    }

    /**
     * Replaces the policy of {@code installation} by {@code next}; see {@link Installation#replace(String)}.
     * The new state is built (known-answer tests included) with no lock held; only the swap, the
     * security properties and the registered-services view are done holding {@code InstallPipeline.class}.
     */
    static Installation.Replacement replace(Installation installation, CompiledPolicy next)
            throws PolicyInstallException {
        long started = System.nanoTime();
        Installation.Replacement done =
                swap(installation, next, installation.holder().state().audit());
        long millis = (System.nanoTime() - started) / 1_000_000;
        CompiledPolicy previous = done.previous();
        StringBuilder line = new StringBuilder("cryptopolicy: policy ")
                .append(previous.name())
                .append(" (")
                .append(previous.mode().yamlName())
                .append(", sha256 ")
                .append(digest(previous))
                .append(") replaced by ")
                .append(next.name())
                .append(" (")
                .append(next.mode().yamlName())
                .append(", sha256 ")
                .append(digest(next))
                .append(") in ")
                .append(millis)
                .append(" ms");
        if (!done.unchanged().isEmpty()) {
            line.append("; not changed in this running JVM: ").append(String.join("; ", done.unchanged()));
        }
        Logging.logger().log(System.Logger.Level.INFO, line.toString());
        return done;
    }

    /**
     * Installing over an installation in force whose providers are all still in place, over the
     * same providers, and whose backends serve {@code policy} too: the policy is swapped through the
     * installation's holder, so that lookups never meet a provider list half replaced. Returns null
     * when that is not the case (a full installation follows).
     */
    private static Installation reinstallInPlace(CompiledPolicy policy, Route route) throws PolicyInstallException {
        Installation current = installed;
        if (current == null
                || !sameProviders(List.of(Security.getProviders()), current.providers())
                || !sameProviders(base(), current.replacedProviders())
                || !backendChange(current.policy(), policy, current.backends()).isEmpty()) {
            return null;
        }
        Audit audit = new Audit();
        swap(current, policy, audit);
        Installation next = new Installation(
                current.holder(),
                current.enforcer(),
                current.frontProvider(),
                current.providers(),
                current.replacedProviders(),
                current.backends(),
                audit);
        synchronized (InstallPipeline.class) {
            if (installed == current) {
                installed = next;
            }
            stopWatches();
        }
        next.route(route.label, true);
        Logging.logger()
                .log(System.Logger.Level.INFO, next.startUpLine() + "; in place of the policy installed before");
        return next;
    }

    /** Puts {@code next} in force in {@code installation}'s holder, counting refusals in {@code audit}. */
    private static Installation.Replacement swap(Installation installation, CompiledPolicy next, Audit audit)
            throws PolicyInstallException {
        PolicyHolder holder = installation.holder();
        CompiledPolicy previous = holder.policy();
        CryptoPolicyProvider front = installation.frontProvider();
        List<String> problems = backendChange(previous, next, installation.backends());
        if (!problems.isEmpty()) {
            throw new PolicyInstallException(next.name(), problems);
        }
        // Swapping back to a policy this installation had in force reuses the state built for it.
        InstalledState state = installation.states().get(next, audit);
        if (state == null) {
            ProviderAssembly assembly = holder.state().assembly().next(next);
            List<Provider> wrappers =
                    installation.providers().subList(1, installation.providers().size());
            List<String> missing = new ArrayList<>();
            state = state(assembly, front, wrappers, installation.backends(), missing, audit);
            if (!missing.isEmpty()) {
                throw new PolicyInstallException(next.name(), missing);
            }
        }
        List<String> unchanged = new ArrayList<>();
        synchronized (InstallPipeline.class) {
            if (Security.getProvider(CryptoPolicyProvider.NAME) != front
                    || holder.state().policy() != previous) {
                throw new PolicyInstallException(
                        next.name(),
                        List.of(
                                "the installation of policy " + previous.name()
                                        + " is no longer in force (uninstalled, installed again, or replaced meanwhile); nothing was changed"));
            }
            unchanged.addAll(processWide(next));
            Map<String, String> before = new java.util.LinkedHashMap<>();
            for (String key : JavaSecurityExporter.securityProperties(previous.enforcing() ? previous : next)
                    .keySet()) {
                // Every policy exports the same keys; only their values differ.
                before.put(key, Security.getProperty(key));
            }
            JdkProperties properties = new JdkProperties(front.properties());
            properties.keepSystem(front.properties());
            securityProperties(next, properties);
            properties.settle();
            List<String> changed = new ArrayList<>();
            before.forEach((key, value) -> {
                if (!java.util.Objects.equals(value, Security.getProperty(key))) {
                    changed.add(key);
                }
            });
            if (!changed.isEmpty()) {
                unchanged.add(
                        "security properties " + String.join(", ", changed) + " were set, but the JDK reads them once"
                                + " (SunJSSE, certificate path and JAR checks, at their first use): where already read, the JDK's own"
                                + " checks keep the earlier values beside the new policy's, which the providers apply");
            }
            installation.states().put(holder.set(state));
            installation.states().put(state);
            front.properties(properties);
            front.registerServices(state);
            state.registerWrappers();
        }
        return new Installation.Replacement(previous, next, unchanged);
    }

    /**
     * Why {@code next} needs other backends than the installation loaded for {@code previous}, or
     * nothing: the wrappers and Bouncy Castle FIPS are fixed when a policy is installed.
     */
    private static List<String> backendChange(CompiledPolicy previous, CompiledPolicy next, List<Backend> backends) {
        String restart =
                "; the backends of a running JVM are fixed when its policy is installed: start the JVM with policy "
                        + next.name() + " (or uninstall and install it); policy " + previous.name() + " stays in force";
        if (previous.backends().fipsOnly() != next.backends().fipsOnly()) {
            return List.of("policy " + next.name() + (next.backends().fipsOnly() ? " serves" : " does not serve")
                    + " features only from FIPS-validated backends (backends.fips_only) and policy " + previous.name()
                    + (previous.backends().fipsOnly() ? " does" : " does not") + restart);
        }
        List<Provider> raw = new ArrayList<>();
        for (Backend b : backends) {
            raw.add(b.provider());
        }
        if (!anyFips(backends) && needsBcFips(next, raw)) {
            return List.of("policy " + next.name() + " needs Bouncy Castle FIPS (backends.preference or a required"
                    + " feature no installed backend registers), which is not loaded" + restart);
        }
        return List.of();
    }

    /** What of {@code next} only a JVM start applies: JDK 17's process-wide TLS named groups and signature schemes. */
    private static List<String> processWide(CompiledPolicy next) {
        List<String> out = new ArrayList<>();
        if (next.enforcing() && !TlsEnforcement.setsGroupsAndSchemesPerConnection()) {
            List<String> differ = unsetSystemProperties(next);
            if (!differ.isEmpty()) {
                out.add("TLS named groups and signature schemes (Java "
                        + Runtime.version().feature()
                        + " reads " + String.join(", ", differ) + " once per process; the new policy's lists apply from"
                        + " the next JVM start)");
            }
        }
        return out;
    }

    /** The watches running over the installation in place; ended by uninstall and by a new installation. */
    private static final List<PolicyWatch> WATCHES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** See {@link Installation#watch()}. */
    static PolicyWatch watch(Installation installation, String reference) {
        PolicyWatch watch = PolicyWatch.start(installation, reference);
        WATCHES.add(watch);
        return watch;
    }

    /** Ends every watch (called with the class lock held, by uninstall and publish). */
    private static void stopWatches() {
        for (PolicyWatch w : WATCHES) {
            w.close();
        }
        WATCHES.clear();
    }

    /** The property record of the installation in place, or null. */
    private static JdkProperties published() {
        return Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front
                ? front.properties()
                : null;
    }

    /** See {@link CryptoPolicy#govern}. */
    static Provider govern(Provider provider) {
        LateProviders g = governance;
        return g == null ? provider : g.govern(provider);
    }

    /** See {@link CryptoPolicy#position}. */
    static int position(Provider provider, int requested) {
        LateProviders g = governance;
        return g == null ? requested : g.position(provider, requested);
    }

    /** See {@link CryptoPolicy#uninstall}. */
    static synchronized void uninstall() {
        governance = null;
        installed = null;
        stopWatches();
        dev.cryptopolicy.provider.internal.PolicyBeans.withdraw();
        if (Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front
                && !front.before().isEmpty()) {
            // Exactly what was there: Bouncy Castle FIPS, loaded for the policy, goes too.
            JdkProperties properties = front.properties();
            if (properties != null) {
                properties.restore();
            }
            replaceAll(front.before());
            WRAPPED.clear();
        } else if (Security.getProvider(CryptoPolicyProvider.NAME) != null) {
            replaceAll(originals());
            WRAPPED.clear();
        }
    }

    /** See {@link CryptoPolicy#plan}. */
    static InstallPlan plan(CompiledPolicy policy) {
        JdkProperties planning = new JdkProperties();
        try {
            Assembled a = assemble(policy, originals(), new Audit(), new BackendDiscovery(), planning);
            List<InstallPlan.Selection> selections = new ArrayList<>();
            for (ProviderAssembly.Selection s : a.state().selections()) {
                selections.add(new InstallPlan.Selection(s.type(), s.algorithm(), s.backend()));
            }
            return new InstallPlan(policy, a.backends(), selections, a.state().rejected(), a.missing());
        } finally {
            synchronized (InstallPipeline.class) {
                planning.undo(published());
            }
        }
    }

    /**
     * The front and wrappers for {@code policy} over {@code originals}, built without touching the
     * provider list; the system property Bouncy Castle FIPS needs first is set through {@code properties}.
     */
    static Assembled assemble(
            CompiledPolicy policy,
            List<Provider> originals,
            Audit audit,
            BackendDiscovery discovery,
            JdkProperties properties) {
        PolicyHolder holder = new PolicyHolder();
        Enforcer enforcer = new Enforcer(holder);
        ProviderAssembly assembly =
                new ProviderAssembly(policy, enforcer, ProbeSuite.standard().session(), holder);
        List<Backend> backends = new ArrayList<>();
        for (Provider p : originals) {
            backends.add(Backend.of(p));
        }
        List<String> loadProblems = new ArrayList<>();
        if (needsBcFips(policy, originals) && !anyFips(backends)) {
            if (policy.backends().fipsOnly()) {
                // Approved-only mode must be chosen before the first Bouncy Castle class loads.
                properties.system(APPROVED_ONLY, "true");
            }
            BackendLoad load = discovery.bcFips();
            if (load.backend().isPresent()) {
                // Under fips_only the FIPS backends come first, so that they also serve the JDK's
                // own default lookups; otherwise Bouncy Castle FIPS only fills gaps, last.
                backends.add(
                        policy.backends().fipsOnly() ? 0 : backends.size(),
                        load.backend().get());
                if (policy.backends().fipsOnly()) {
                    // TLS in FIPS mode: BCJSSE over BCFIPS, ahead of SunJSSE so that it serves the default context.
                    BackendLoad jsse = discovery.bcJsseFips();
                    if (jsse.backend().isPresent()) {
                        backends.add(1, jsse.backend().get());
                    } else {
                        loadProblems.add(jsse.reason() + "; policy " + policy.name()
                                + " needs TLS from a FIPS-validated backend (put bctls-fips " + discovery.location()
                                + ")");
                    }
                }
            } else if (policy.backends().fipsOnly()) {
                loadProblems.add(load.reason() + "; policy " + policy.name()
                        + " serves features only from a FIPS-validated backend (put bc-fips " + discovery.location()
                        + ")");
            }
        }
        CryptoPolicyProvider front = new CryptoPolicyProvider(policy.name());
        List<Provider> wrappers = new ArrayList<>();
        for (Backend b : backends) {
            // A provider with nothing the policy governs (Kerberos, SASL, XML signatures, PC/SC,
            // LDAP) would be wrapped into an exact copy of itself: it stays as it is.
            wrappers.add(assembly.governs(b) ? new WrapperProvider(b, holder) : b.provider());
        }
        List<String> missing = new ArrayList<>(loadProblems);
        InstalledState state = state(assembly, front, wrappers, backends, missing, audit);
        List<Provider> installed = new ArrayList<>(List.of(front));
        installed.addAll(wrappers);
        front.late(new LateProviders(holder, front, installed, backends));
        return new Assembled(front, wrappers, state, missing, backends, holder, enforcer);
    }

    /**
     * The services of {@code policy}'s assembly for the front (and, at their first lookup, for each
     * wrapper), in one state that a holder can put in force; unmet requirements are added to
     * {@code missing}.
     */
    private static InstalledState state(
            ProviderAssembly assembly,
            CryptoPolicyProvider front,
            List<Provider> wrappers,
            List<Backend> backends,
            List<String> missing,
            Audit audit) {
        ServiceTable.Builder frontTable = new ServiceTable.Builder();
        ProviderAssembly.Front built = assembly.buildFront(front, frontTable, backends);
        for (ProviderAssembly.Missing m : built.missing()) {
            missing.add(m.describe());
        }
        Map<Provider, ServiceTable> tables = new IdentityHashMap<>();
        tables.put(front, frontTable.build());
        // Each wrapper's services are built at its first lookup (InstalledState#table).
        List<WrapperProvider> lazy = new ArrayList<>();
        for (Provider p : wrappers) {
            if (p instanceof WrapperProvider w) {
                lazy.add(w);
            }
        }
        return new InstalledState(assembly, tables, lazy, built.selections(), built.rejected(), audit);
    }

    /**
     * What {@link #assemble} builds: the providers, the state of the policy for them (put in force
     * by {@link #publish}), and the holder it goes into; {@code missing} lists unmet requirements
     * (install refuses when any).
     */
    record Assembled(
            CryptoPolicyProvider front,
            List<Provider> wrappers,
            InstalledState state,
            List<String> missing,
            List<Backend> backends,
            PolicyHolder holder,
            Enforcer enforcer) {}

    /** Whether any of {@code backends} is a FIPS module. */
    private static boolean anyFips(List<Backend> backends) {
        for (Backend b : backends) {
            if (b.fips()) {
                return true;
            }
        }
        return false;
    }

    /** Bouncy Castle FIPS costs seconds to start: load it only when the policy asks for it or cannot do without. */
    private static boolean needsBcFips(CompiledPolicy policy, List<Provider> originals) {
        if (policy.backends().fipsOnly()) {
            return true;
        }
        for (String name : policy.backends().preference()) {
            if (name.equalsIgnoreCase("BCFIPS")) {
                return true;
            }
        }
        for (var entry : policy.backends().required().entrySet()) {
            for (String algorithm : entry.getValue()) {
                boolean served = false;
                for (Provider p : originals) {
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
        // By identity: a provider's equals compares its registered view, which reads every
        // wrapper's services (built at their first lookup otherwise).
        Set<Provider> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(providers);
        for (Provider p : Security.getProviders()) {
            if (!kept.contains(p)) {
                Security.removeProvider(p.getName());
            }
        }
    }
}
