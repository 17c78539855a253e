package dev.cryptopolicy.provider.backend;

import java.security.KeyPair;
import java.security.Provider;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Key pairs generated during one suite run, per generating provider object, so that an RSA-2048
 * key pair is generated once per backend and not once per signature algorithm. One cache lives
 * for one {@link ProbeSuite} call and is never shared between threads; nothing is kept in statics,
 * so no key material outlives the run.
 */
final class KeyPairCache {

    /**
     * A generated key pair or, when generation failed, the reason (failures are remembered too)
     * and whether it was an approved-only-mode refusal rather than a fault.
     */
    record Entry(KeyPair keyPair, String failure, boolean refusedByMode) {
    }

    private final Map<Provider, Map<String, Entry>> entries = new IdentityHashMap<>();

    Entry get(Provider generator, String label, Supplier<Entry> generate) {
        Map<String, Entry> perProvider = entries.computeIfAbsent(generator, p -> new HashMap<>());
        Entry entry = perProvider.get(label);
        if (entry == null) {
            entry = generate.get();
            perProvider.put(label, entry);
        }
        return entry;
    }
}
