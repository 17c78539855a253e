package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.util.Objects;

/**
 * The one place an installation's enforcing objects read the policy from: the front provider's and
 * every wrapper's services, the {@link Enforcer}, the TLS contexts and the governance of providers
 * that arrive later all ask {@link #state()} at each decision. Replacing the policy is one volatile
 * write of a new, fully built {@link InstalledState}; a decision reads one state, never half of two.
 */
public final class PolicyHolder {
    private volatile InstalledState state;

    /** A holder with nothing in force yet; {@link #set} must be called before any provider of it is published. */
    public PolicyHolder() {}

    /** A holder of a fixed state. */
    public PolicyHolder(InstalledState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The state in force.
     *
     * @throws IllegalStateException when nothing was set yet (a provider of this holder was used before it was published)
     */
    public InstalledState state() {
        InstalledState s = state;
        if (s == null) {
            throw new IllegalStateException("cryptopolicy: a policy provider was used before its policy was set");
        }
        return s;
    }

    /** The state in force, or null when nothing was set yet. */
    InstalledState current() {
        return state;
    }

    /** The policy in force. */
    public CompiledPolicy policy() {
        return state().policy();
    }

    /** Puts {@code next} in force, atomically for every reader; returns the state it replaced (null at first). */
    public InstalledState set(InstalledState next) {
        InstalledState previous = state;
        state = Objects.requireNonNull(next, "next");
        return previous;
    }
}
