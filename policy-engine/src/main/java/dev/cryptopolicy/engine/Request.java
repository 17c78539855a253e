package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.Objects;

/**
 * One question to a policy: may this algorithm be used, with this key, in this scope?
 *
 * @param service      the JCA service type
 * @param algorithm    the algorithm name, alias or OID as the application wrote it
 * @param keyAlgorithm the key's algorithm ({@code RSA}, {@code EC}, {@code AES}, ...), or null when no key is involved
 * @param keyBits      the key size in bits, or 0 when unknown or not involved
 * @param curve        the named curve of an EC/XDH/EdDSA key, or null
 * @param scope        where the decision is made
 */
public record Request(
        ServiceType service, String algorithm, String keyAlgorithm, int keyBits, String curve, Scope scope) {

    public Request {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(scope, "scope");
        if (keyBits < 0) {
            throw new IllegalArgumentException("key size [" + keyBits + "] must not be negative");
        }
    }

    /** A request about an algorithm alone, in scope {@code any}. */
    public static Request of(ServiceType service, String algorithm) {
        return new Request(service, algorithm, null, 0, null, Scope.ANY);
    }
}
