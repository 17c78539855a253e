package dev.cryptopolicy.provider.certpath;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Set;

/**
 * An application's own {@link AlgorithmConstraints}: they permit every key, and every algorithm
 * whose name does not contain {@code refused} (every algorithm when it is null).
 */
public record ApplicationConstraints(String refused) implements AlgorithmConstraints {

    /** Constraints that permit everything. */
    public static final ApplicationConstraints PERMIT_ALL = new ApplicationConstraints(null);

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
        return refused == null || !algorithm.contains(refused);
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return true;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
        return permits(primitives, algorithm, parameters);
    }
}
