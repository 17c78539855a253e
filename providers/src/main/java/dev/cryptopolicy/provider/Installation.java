package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.audit.PolicyBeans;
import dev.cryptopolicy.provider.internal.Audit;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.nio.file.Path;
import java.security.Provider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CryptoPolicy#install} did: the policy, the providers now in place, the backend that
 * serves each feature, and the refusals (or, in audit mode, would-be refusals) counted so far.
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
    private final CompiledPolicy policy;
    private final CryptoPolicyProvider front;
    private final List<Provider> installed;
    private final List<Provider> replaced;
    private final List<ProviderAssembly.Selection> selections;
    private final List<String> rejected;
    private final Audit audit;

    Installation(CompiledPolicy policy, CryptoPolicyProvider front, List<Provider> installed, List<Provider> replaced,
            List<ProviderAssembly.Selection> selections, List<String> rejected, Audit audit) {
        this.policy = policy;
        this.front = front;
        this.installed = List.copyOf(installed);
        this.replaced = List.copyOf(replaced);
        this.selections = selections;
        this.rejected = List.copyOf(rejected);
        this.audit = audit;
        PolicyBeans.publish(policy, audit);
    }

    /** The installed policy. */
    public CompiledPolicy policy() {
        return policy;
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
        for (ProviderAssembly.Selection s : selections) {
            out.put(s.type().jcaName() + " " + s.algorithm(), s.backend().name());
        }
        return out;
    }

    /** Backends passed over because they failed a known-answer test, one line each with the reason. */
    public List<String> rejectedBackends() {
        return rejected;
    }

    /** Refusals so far (would-be refusals in audit mode), by {@code "Service algorithm | rule"}. */
    public Map<String, Long> refusals() {
        return audit.counts();
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
        audit.inventory(file, period, policy.name());
        return this;
    }

    /** Writes the inventory file now (it is also written periodically and at exit); nothing without one. */
    public void writeInventory() {
        audit.flushInventory();
    }

    @Override
    public String toString() {
        return "cryptopolicy " + policy.name() + " (" + policy.mode().yamlName() + "): " + selections.size()
                + " features over " + installed.size() + " providers";
    }
}
