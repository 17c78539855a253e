package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The states one installation has built, by compiled policy (its identity) and audit sink, so that
 * replacing the policy by one the installation has had in force before (swapping back and forth
 * between two policies) puts the state already built back in force instead of building every
 * provider's services again. A state never changes once built ({@link InstalledState}), and the
 * backends of an installation never change, so the state built then is the state that would be
 * built now. Bounded: the {@link #MAX} most recently used.
 */
public final class InstalledStates {

    /** The most states kept. */
    static final int MAX = 4;

    /** Most recently used first. */
    private final Deque<InstalledState> states = new ArrayDeque<>(MAX + 1);

    /** An empty cache. */
    public InstalledStates() {}

    /** The state built for exactly {@code policy} counting into {@code audit}, or null. */
    public synchronized InstalledState get(CompiledPolicy policy, Audit audit) {
        for (InstalledState s : states) {
            if (s.policy() == policy && s.audit() == audit) {
                states.remove(s);
                states.addFirst(s);
                return s;
            }
        }
        return null;
    }

    /** Keeps {@code state} as the most recently used, dropping the least recently used past {@link #MAX}. */
    public synchronized void put(InstalledState state) {
        states.remove(state);
        states.addFirst(state);
        while (states.size() > MAX) {
            states.removeLast();
        }
    }
}
