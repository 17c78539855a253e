package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.internal.Audit;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.security.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CryptoPolicy#install} did: the policy, the providers now in place, the backend that
 * serves each feature, and the refusals (or, in audit mode, would-be refusals) counted so far.
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

    @Override
    public String toString() {
        return "cryptopolicy " + policy.name() + " (" + policy.mode().yamlName() + "): " + selections.size()
                + " features over " + installed.size() + " providers";
    }
}
