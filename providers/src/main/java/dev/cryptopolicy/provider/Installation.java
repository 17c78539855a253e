package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.internal.Audit;
import dev.cryptopolicy.provider.internal.Enforcer;
import dev.cryptopolicy.provider.internal.InstalledStates;
import dev.cryptopolicy.provider.internal.PolicyBeans;
import dev.cryptopolicy.provider.internal.PolicyHolder;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.nio.file.Path;
import java.security.Provider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CryptoPolicy#install} did: the policy in force, the providers now in place, the
 * backend that serves each feature, and the refusals (or, in audit mode, would-be refusals)
 * counted so far. The policy may be replaced while the JVM runs ({@link #replace(String)},
 * {@link #watch()}); the providers stay the same objects in the same places.
 *
 * <p>It can also report against a second, stricter policy without enforcing it (a shadow policy,
 * as {@code Content-Security-Policy-Report-Only} does for browsers) and record an inventory of
 * every use:
 *
 * <pre>{@code
 * Installation installed = CryptoPolicy.install("DEFAULT");
 * installed.shadow("FUTURE:NO-SHA1").inventory(Path.of("/var/log/app/crypto-inventory.jsonl"));
 * }</pre>
 */
public final class Installation {
    private final PolicyHolder holder;
    private final Enforcer enforcer;
    private final CryptoPolicyProvider front;
    private final List<Provider> installed;
    private final List<Provider> replaced;
    private final List<Backend> backends;
    private final Audit audit;
    /** The states this installation has had in force, for swapping back to one without building it again. */
    private final InstalledStates states = new InstalledStates();
    /** The reference the policy in force was loaded from, or null for one installed compiled. */
    private volatile String reference;
    /** The route the policy came in by, as the start-up line names it ({@code agent}, ...). */
    private volatile String route;
    /** Whether the install logged its lines; false when the caller writes them (the agent, before main). */
    private volatile boolean announces = true;

    Installation(
            PolicyHolder holder,
            Enforcer enforcer,
            CryptoPolicyProvider front,
            List<Provider> installed,
            List<Provider> replaced,
            List<Backend> backends,
            Audit audit) {
        this.holder = holder;
        this.enforcer = enforcer;
        this.front = front;
        this.installed = List.copyOf(installed);
        this.replaced = List.copyOf(replaced);
        this.backends = List.copyOf(backends);
        this.audit = audit;
        PolicyBeans.publish(holder);
    }

    /** The policy in force (the latest one {@link #replace} put in place). */
    public CompiledPolicy policy() {
        return holder.policy();
    }

    /** The front provider, at position 1. */
    public CryptoPolicyProvider frontProvider() {
        return front;
    }

    /** The providers now installed in {@link java.security.Security}, in order. */
    public List<Provider> providers() {
        return installed;
    }

    /** The providers that were installed before, in order (what {@link CryptoPolicy#uninstall} restores). */
    public List<Provider> replacedProviders() {
        return replaced;
    }

    /** The backend serving each feature of the front provider: {@code "Signature SHA256withRSA" -> "SunRsaSign"}. */
    public Map<String, String> features() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ProviderAssembly.Selection s : holder.state().selections()) {
            out.put(s.type().jcaName() + " " + s.algorithm(), s.backend().name());
        }
        return out;
    }

    /** Backends passed over because they failed a known-answer test, one line each with the reason. */
    public List<String> rejectedBackends() {
        return holder.state().rejected();
    }

    /** Refusals so far (would-be refusals in audit mode), by {@code "Service algorithm | rule"}. */
    public Map<String, Long> refusals() {
        return audit.counts();
    }

    /**
     * Replaces the policy in force by the one {@code reference} names, atomically: the new policy is
     * loaded, checked, planned and proven (known-answer tests) while the old one stays in force, then
     * every provider of this installation serves the new one from the same moment on. Operations
     * already under way finish under the policy they started with; an engine object obtained
     * before has its keys checked under the new policy from then on; a TLS connection keeps the
     * policy it was made under, and contexts configure their later connections under the new one.
     * One INFO line names both policies, their digests, and what a running JVM does not change.
     *
     * <p>Nothing changes when the policy cannot be loaded or installed: the exception says why (every
     * problem with {@code file:line:col}). The backends are those the installation loaded: a policy
     * that needs another set (Bouncy Castle FIPS when it is not loaded, a change of
     * {@code backends.fips_only}) is refused, as it needs a restart.
     *
     * @param reference a policy reference such as {@code FUTURE} or {@code /etc/cryptopolicy/site.yaml}
     * @return the policies before and after, and what the running JVM keeps from before
     * @throws PolicyException when the policy cannot be loaded
     * @throws PolicyInstallException when it cannot be installed here, or this installation is no
     *     longer in force ({@link CryptoPolicy#uninstall}, or another installation took its place)
     */
    public Replacement replace(String reference) throws PolicyException, PolicyInstallException {
        Objects.requireNonNull(reference, "reference");
        Replacement done = InstallPipeline.replace(this, InstallPipeline.load(reference));
        this.reference = reference;
        return done;
    }

    /**
     * As {@link #replace(String)}, with a policy already compiled.
     *
     * @throws PolicyInstallException when it cannot be installed here, or this installation is no longer in force
     */
    public Replacement replace(CompiledPolicy policy) throws PolicyInstallException {
        Objects.requireNonNull(policy, "policy");
        Replacement done = InstallPipeline.replace(this, policy);
        this.reference = null;
        return done;
    }

    /**
     * Watches the files of the policy reference this installation was loaded from (the file the
     * reference names and every file its {@code extends} chain reads) and replaces the policy when
     * their content changes, as {@link #replace(String)} does: on a daemon thread, after the
     * changes have settled; a symbolic link replaced atomically (how Kubernetes updates a mounted
     * ConfigMap) counts as a change. A change that cannot be loaded or installed leaves the policy
     * in force and is logged once, at WARNING, with why. The watch ends when it is closed or when
     * the policy is uninstalled.
     *
     * @return the running watch
     * @throws IllegalStateException when the policy in force was not loaded from a reference that names files
     */
    public PolicyWatch watch() {
        String ref = reference;
        if (ref == null) {
            throw new IllegalStateException("cryptopolicy: policy " + policy().name()
                    + " was installed compiled, not from a reference: there is no file to watch");
        }
        return InstallPipeline.watch(this, ref);
    }

    void route(String label, boolean logged) {
        this.route = label;
        this.announces = logged;
    }

    /** Whether this installation logs its own lines (start-up, restrictions kept, a watch started). */
    boolean announces() {
        return announces;
    }

    /**
     * The JVM's own restrictions this installation kept beside the policy's (or dropped, with
     * {@code host_restrictions: replace}), by security property, in one line; null when there were
     * none. The routes that log log it at DEBUG after {@link #startUpLine()}; the agent writes it
     * to stderr after that line.
     */
    public String keptRestrictionsLine() {
        JdkProperties properties = front.properties();
        return properties == null ? null : properties.keptLine();
    }

    /**
     * The one line that says what is installed, as the install logs it: {@code cryptopolicy:
     * policy DEFAULT (enforce, sha256 3f2a...) installed by route agent; backends SUN, SunRsaSign,
     * SunEC, SunJCE}, then what the JVM's TLS needs on the command line and how many of its own
     * restrictions were kept, when that applies. The digest is the SHA-256 of the policy's JSON form
     * ({@link dev.cryptopolicy.engine.PolicyWriter#json}).
     */
    public String startUpLine() {
        return InstallPipeline.startUpLine(this, route);
    }

    void reference(String loadedFrom) {
        this.reference = loadedFrom;
    }

    String reference() {
        return reference;
    }

    PolicyHolder holder() {
        return holder;
    }

    Enforcer enforcer() {
        return enforcer;
    }

    List<Backend> backends() {
        return backends;
    }

    InstalledStates states() {
        return states;
    }

    /**
     * Reports, from now on, what the policy {@code reference} names would refuse, without enforcing
     * it: each would-be refusal is logged once per (feature, rule, calling location), emitted as a
     * JFR event and counted in {@link #shadowRefusals()}. The installed policy is enforced as
     * before; the shadow policy never lets anything through that it refuses. Replaces an earlier
     * shadow policy.
     *
     * @return this installation
     * @throws PolicyException when the policy cannot be loaded (every problem is listed)
     */
    public Installation shadow(String reference) throws PolicyException {
        return shadow(InstallPipeline.load(reference));
    }

    /** As {@link #shadow(String)}, with a compiled policy. */
    public Installation shadow(CompiledPolicy shadow) {
        audit.shadow(java.util.Objects.requireNonNull(shadow, "shadow"));
        return this;
    }

    /** The shadow policy, or null without one. */
    public CompiledPolicy shadowPolicy() {
        return audit.shadow();
    }

    /** What the shadow policy would have refused so far, by {@code "Service algorithm | rule"}. */
    public Map<String, Long> shadowRefusals() {
        return audit.shadowCounts();
    }

    /**
     * Records, from now on, each distinct use (service, algorithm, key, provider, scope, calling
     * location, class, module and jar) once with a count, and writes it as JSON lines
     * ({@code docs/inventory.schema.json}) to {@code file} every minute and when the JVM exits.
     *
     * @return this installation
     * @throws IllegalStateException when an inventory is already recorded
     */
    public Installation inventory(Path file) {
        return inventory(file, Duration.ofMinutes(1));
    }

    /** As {@link #inventory(Path)}, written every {@code period}. */
    public Installation inventory(Path file, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("inventory period must be positive: " + period);
        }
        audit.inventory(file, period, policy().name());
        return this;
    }

    /** The logger name {@link #inventoryLogger(String)} is meant for: {@value}. */
    public static final String INVENTORY_LOGGER = "dev.cryptopolicy.inventory";

    /**
     * As {@link #inventory(Path)}, logged through the {@link System.Logger} {@code logger}
     * (normally {@link #INVENTORY_LOGGER}) instead of, or as well as, written to a file: every
     * minute and when the JVM exits, one INFO record per use seen since the last, whose message is
     * the use's JSON line ({@code docs/inventory.schema.json}) with {@code count} the uses since
     * its previous record, so that a log pipeline sums the records of one JVM to its totals.
     *
     * @return this installation
     * @throws IllegalStateException when the inventory is already logged
     */
    public Installation inventoryLogger(String logger) {
        return inventoryLogger(logger, Duration.ofMinutes(1));
    }

    /** As {@link #inventoryLogger(String)}, logged every {@code period}. */
    public Installation inventoryLogger(String logger, Duration period) {
        Objects.requireNonNull(logger, "logger");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("inventory period must be positive: " + period);
        }
        audit.inventoryLogger(logger, period, policy().name());
        return this;
    }

    /** Writes the inventory now (it is also written periodically and at exit): to its file, and to its logger; nothing without one. */
    public void writeInventory() {
        audit.flushInventory();
    }

    /**
     * What {@link #replace} did.
     *
     * @param previous  the policy that was in force
     * @param current   the policy now in force
     * @param unchanged what the running JVM keeps from before (process-wide JDK settings read once), one line each
     */
    public record Replacement(CompiledPolicy previous, CompiledPolicy current, List<String> unchanged) {
        /** Copies {@code unchanged}. */
        public Replacement {
            unchanged = List.copyOf(unchanged);
        }
    }

    @Override
    public String toString() {
        CompiledPolicy policy = policy();
        return "cryptopolicy " + policy.name() + " (" + policy.mode().yamlName() + "): "
                + holder.state().selections().size() + " features over " + installed.size() + " providers";
    }
}
