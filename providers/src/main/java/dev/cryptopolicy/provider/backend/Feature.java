package dev.cryptopolicy.provider.backend;

import java.util.Locale;
import java.util.Objects;

/**
 * One (JCA service type, algorithm) pair an application can ask a backend for, such as
 * {@code Cipher AES/GCM/NoPadding} or {@code MessageDigest SHA3-256}.
 *
 * <p>Equality ignores case in the algorithm, as the JCA does when it looks a service up (the
 * spelling given to {@link #of} is kept for messages); the service type is the name of a JCA
 * engine class and, as in the JCA, is compared exactly.
 */
public final class Feature {

    private final String serviceType;
    private final String algorithm;

    private Feature(String serviceType, String algorithm) {
        this.serviceType = serviceType;
        this.algorithm = algorithm;
    }

    /**
     * Returns the feature for a service type and an algorithm (or cipher transformation).
     *
     * @param serviceType the JCA service type, e.g. {@code "Signature"}
     * @param algorithm the algorithm or transformation, e.g. {@code "SHA256withECDSA"}
     * @return the feature
     * @throws NullPointerException if either argument is null
     * @throws IllegalArgumentException if either argument is blank or has surrounding white space
     */
    public static Feature of(String serviceType, String algorithm) {
        return new Feature(checked("service type", serviceType), checked("algorithm", algorithm));
    }

    private static String checked(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || !value.strip().equals(value)) {
            throw new IllegalArgumentException(
                    "Invalid " + what + " [" + value + "]; it must be non-blank without surrounding white space");
        }
        return value;
    }

    /** @return the JCA service type, e.g. {@code "Cipher"} */
    public String serviceType() {
        return serviceType;
    }

    /** @return the algorithm or transformation, e.g. {@code "AES/GCM/NoPadding"} */
    public String algorithm() {
        return algorithm;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Feature that
                && serviceType.equals(that.serviceType)
                && algorithm.equalsIgnoreCase(that.algorithm);
    }

    @Override
    public int hashCode() {
        return 31 * serviceType.hashCode() + algorithm.toUpperCase(Locale.ROOT).hashCode();
    }

    /** @return {@code "<service type> <algorithm>"}, e.g. {@code "Cipher AES/GCM/NoPadding"} */
    @Override
    public String toString() {
        return serviceType + " " + algorithm;
    }
}
