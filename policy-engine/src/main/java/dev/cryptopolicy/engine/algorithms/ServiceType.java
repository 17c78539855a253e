package dev.cryptopolicy.engine.algorithms;

import java.util.Optional;

/** The JCA service types a policy's feature set is made of. */
public enum ServiceType {
    MESSAGE_DIGEST("MessageDigest"),
    MAC("Mac"),
    CIPHER("Cipher"),
    SIGNATURE("Signature"),
    KEY_PAIR_GENERATOR("KeyPairGenerator"),
    KEY_GENERATOR("KeyGenerator"),
    KEY_AGREEMENT("KeyAgreement"),
    KEY_FACTORY("KeyFactory"),
    SECRET_KEY_FACTORY("SecretKeyFactory"),
    SECURE_RANDOM("SecureRandom"),
    ALGORITHM_PARAMETERS("AlgorithmParameters"),
    KEM("KEM"),
    KEY_STORE("KeyStore"),
    CERTIFICATE_FACTORY("CertificateFactory");

    private static final ServiceType[] VALUES = values();

    private final String jcaName;

    ServiceType(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The name the JCA uses for this service type, e.g. {@code MessageDigest}. */
    public String jcaName() {
        return jcaName;
    }

    /** Looks a service type up by its JCA name, ignoring case. */
    public static Optional<ServiceType> ofJcaName(String name) {
        for (ServiceType type : VALUES) {
            if (Names.equalsIgnoreCase(type.jcaName, name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Same as {@link #ofJcaName} without the Optional, for hot paths; null when unknown. */
    public static ServiceType ofJcaNameOrNull(String name) {
        for (ServiceType type : VALUES) {
            if (Names.equalsIgnoreCase(type.jcaName, name)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return jcaName;
    }
}
