package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;

/**
 * Applies the policy at the JCA boundary: checks keys and sizes, and in audit mode records instead
 * of refusing. Shared by every SPI of one installation; under a {@link PolicyHolder} each check
 * reads the policy in force at that moment (one volatile read), so an engine obtained before the
 * policy was replaced has its keys checked under the new one.
 */
public final class Enforcer {
    /** The fixed policy, or null when {@link #holder} decides. */
    private final CompiledPolicy fixed;

    private final PolicyHolder holder;
    private final Audit audit;
    private volatile java.util.List<Provider> keyFactories = java.util.List.of();

    /**
     * @param policy the policy to apply
     * @param audit  where would-be refusals go (used in audit mode, and to count refusals)
     */
    public Enforcer(CompiledPolicy policy, Audit audit) {
        this.fixed = java.util.Objects.requireNonNull(policy, "policy");
        this.holder = null;
        this.audit = audit;
    }

    /** An enforcer of whatever policy {@code holder} has in force, counting refusals in that state's {@link Audit}. */
    public Enforcer(PolicyHolder holder) {
        this.fixed = null;
        this.holder = java.util.Objects.requireNonNull(holder, "holder");
        this.audit = null;
    }

    /** The policy applied now. */
    public CompiledPolicy policy() {
        return fixed != null ? fixed : holder.policy();
    }

    /** The audit sink. */
    public Audit audit() {
        return fixed != null ? audit : holder.state().audit();
    }

    /**
     * Checks a key entering an operation ({@code init}, {@code initSign}, {@code doPhase}, ...).
     *
     * @param algorithm for messages, e.g. {@code SHA256withRSA}
     * @param backend   the provider object serving the engine (its key factory may measure opaque keys)
     * @throws InvalidKeyException naming the policy, the rule and the value when the key is refused,
     *     including a key whose size or curve cannot be determined under {@code keys.unmeasured: refuse}
     */
    void checkKey(ServiceType type, String algorithm, Key key, Provider backend) throws InvalidKeyException {
        CompiledPolicy policy = policy();
        KeyInfo info = measure(type, algorithm, key, backend);
        audit().keyUse(type, algorithm, info, backend);
        Decision d = decide(policy, info);
        if (!d.allowed() && refuse(policy, type, algorithm, d, info)) {
            throw new InvalidKeyException(describe(info, d) + "; refused by " + type.jcaName() + " " + algorithm);
        }
    }

    /**
     * {@link #checkKey} for an engine that remembers what it last allowed: when {@code key} is the
     * very object {@code last} allowed under the policy in force now, it is not measured or
     * decided again (the use is still reported to the audit). Only keys of the JDK's own classes
     * are remembered, whose size and algorithm cannot change (see {@link KeyInfo#of(Key)}); a key
     * of any other class, a refusal (recorded again on every use in audit mode) and a policy
     * replaced since are checked in full.
     *
     * @param last what the engine's previous check returned, or null
     * @return what to pass as {@code last} next time (null when nothing may be remembered)
     * @throws InvalidKeyException as {@link #checkKey}
     */
    Allowed checkKey(ServiceType type, String algorithm, Key key, Provider backend, Allowed last)
            throws InvalidKeyException {
        CompiledPolicy policy = policy();
        if (last != null && last.key == key && last.policy == policy) {
            audit().keyUse(type, algorithm, last.info, backend, last.sampled);
            return last;
        }
        KeyInfo info = measure(type, algorithm, key, backend);
        audit().keyUse(type, algorithm, info, backend);
        Decision d = decide(policy, info);
        if (!d.allowed()) {
            if (refuse(policy, type, algorithm, d, info)) {
                throw new InvalidKeyException(describe(info, d) + "; refused by " + type.jcaName() + " " + algorithm);
            }
            return null;
        }
        return key != null && KeyInfo.Facts.cacheable(key) ? new Allowed(key, policy, info) : null;
    }

    /**
     * A key one engine's last check allowed, the policy that allowed it and its facts; immutable,
     * so an engine shared across threads against the JCA's rules still reads one consistent check.
     * Held by that engine only, which holds the key anyway through its backend. Its repeated uses
     * are sampled by the inventory through its own slot (the one mutable part, the inventory's).
     */
    static final class Allowed {
        private final Key key;
        private final CompiledPolicy policy;
        private final KeyInfo info;
        private final Inventory.Slot sampled = new Inventory.Slot();

        private Allowed(Key key, CompiledPolicy policy, KeyInfo info) {
            this.key = key;
            this.policy = policy;
            this.info = info;
        }
    }

    /** Checks a key produced by an operation (generateKeyPair, generateKey, unwrap, ...), as an unchecked refusal. */
    void checkProducedKey(ServiceType type, String algorithm, Key key, Provider backend) {
        CompiledPolicy policy = policy();
        KeyInfo info = measure(type, algorithm, key, backend);
        audit().keyUse(type, algorithm, info, backend);
        Decision d = decide(policy, info);
        if (!d.allowed() && refuse(policy, type, algorithm, d, info)) {
            throw new InvalidParameterException(describe(info, d));
        }
    }

    /**
     * The providers whose key factories may measure an opaque key, after the engine's own backend:
     * the raw backends of the installation (set when it is assembled; never wrappers or the front).
     */
    void keyFactories(java.util.List<Provider> providers) {
        this.keyFactories = java.util.List.copyOf(providers);
    }

    private KeyInfo measure(ServiceType type, String algorithm, Key key, Provider backend) {
        // The engine's family matters only for a key whose own algorithm names none (the slow path).
        KeyFamily engineFamily = null;
        if (key != null && CompiledPolicy.keyFamily(key.getAlgorithm()) == null) {
            Algorithm engine = AlgorithmCatalog.standard().algorithm(type, algorithm);
            engineFamily = engine == null ? null : engine.keyFamily();
        }
        return KeyInfo.measure(key, engineFamily, backend, keyFactories);
    }

    private static Decision decide(CompiledPolicy policy, KeyInfo info) {
        return info.measured()
                ? policy.decideKey(info.algorithm(), info.bits(), info.curve(), Scope.ANY)
                : policy.decideUnmeasuredKey(info.algorithm());
    }

    /** Checks a size requested with {@code initialize(int)} or {@code init(int)}. */
    void checkSize(ServiceType type, String algorithm, String keyAlgorithm, int bits) {
        CompiledPolicy policy = policy();
        KeyInfo info = new KeyInfo(keyAlgorithm, bits, null);
        audit().keyUse(type, algorithm, info, null);
        Decision d = policy.decideKey(keyAlgorithm, bits, null, Scope.ANY);
        if (!d.allowed() && refuse(policy, type, algorithm, d, info)) {
            throw new InvalidParameterException(describe(info, d));
        }
    }

    /** Checks the key size or curve an {@code initialize(AlgorithmParameterSpec)} call asks for. */
    void checkSpec(ServiceType type, String algorithm, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException {
        CompiledPolicy policy = policy();
        KeyInfo info = KeyInfo.of(algorithm, spec);
        audit().keyUse(type, algorithm, info, null);
        Decision d = policy.decideKey(info.algorithm(), info.bits(), info.curve(), Scope.ANY);
        if (!d.allowed() && refuse(policy, type, algorithm, d, info)) {
            throw new InvalidAlgorithmParameterException(describe(info, d));
        }
    }

    /** The smallest key size the policy accepts for a family in scope any. */
    int minBits(KeyFamily family) {
        return policy().minKeyBits(family, Scope.ANY);
    }

    /** True when the refusal must be enforced; false in audit mode, after recording it. */
    private boolean refuse(CompiledPolicy policy, ServiceType type, String algorithm, Decision d, KeyInfo info) {
        return audit().refusal(type, algorithm, d, describe(info, d), policy.enforcing());
    }

    static String describe(KeyInfo info, Decision d) {
        StringBuilder subject = new StringBuilder();
        subject.append(info.algorithm() == null ? "key" : info.algorithm() + " key");
        if (!info.measured()) {
            subject.append(' ').append(info.unmeasured());
        } else if (info.curve() != null) {
            subject.append(" on curve ").append(info.curve());
        }
        if (info.bits() > 0 && info.curve() == null) {
            subject.append(" of ").append(info.bits()).append(" bits");
        }
        return d.explain(subject.toString());
    }
}
