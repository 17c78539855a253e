package dev.cryptopolicy.provider.backend;

import java.security.KeyPair;
import java.security.Provider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Key pairs generated during one suite run or one {@link ProbeSession}, per generating provider
 * object, so that an RSA-2048 key pair is generated once per backend and not once per signature
 * algorithm. Nothing is kept in statics, so no key material outlives the run.
 *
 * <p>Locking rule: no lock is held, and no thread waits for another, while a key pair is
 * generated. Generation calls into the JCA, which takes JDK locks of its own (the default
 * {@code SecureRandom} is built under {@code JCAUtil.class}) and may come back to a policy service
 * whose probe uses this cache: a lock here, or waiting for another thread's generation, could
 * close a cycle with such a JDK lock. Two threads that miss at once both generate, and the first
 * to store its entry wins; the other's key pair is dropped.
 */
final class KeyPairCache {

    /**
     * A generated key pair or, when generation failed, the reason (failures are remembered too)
     * and whether it was an approved-only-mode refusal rather than a fault.
     */
    record Entry(KeyPair keyPair, String failure, boolean refusedByMode) {}

    /** A generating provider, compared by identity (providers are maps, equal by content), and a label. */
    private record Slot(Provider generator, String label) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Slot s && s.generator == generator && s.label.equals(label);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(generator) + label.hashCode();
        }
    }

    private final ConcurrentMap<Slot, Entry> entries = new ConcurrentHashMap<>();

    /** The entry for {@code generator} and {@code label}, calling {@code generate} (with no lock held) on a miss. */
    Entry get(Provider generator, String label, Supplier<Entry> generate) {
        Slot slot = new Slot(generator, label);
        Entry entry = entries.get(slot);
        if (entry != null) {
            return entry;
        }
        Entry generated = generate.get();
        Entry raced = entries.putIfAbsent(slot, generated);
        return raced != null ? raced : generated;
    }
}
