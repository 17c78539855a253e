package dev.cryptopolicy.engine.algorithms;

import java.util.List;
import java.util.Set;

/**
 * A JCA algorithm of one service type, e.g. {@code Signature SHA256withECDSA}, with what it is made
 * of: its digest, its key family and, where the name fixes them, its key size or curve.
 */
public final class Algorithm extends Entry {
    private final ServiceType service;
    private final String digest;
    private final KeyFamily keyFamily;
    private final int fixedKeyBits;
    private final String curve;

    Algorithm(
            ServiceType service,
            String name,
            List<String> aliases,
            Set<String> components,
            Set<String> families,
            String digest,
            KeyFamily keyFamily,
            int fixedKeyBits,
            String curve) {
        super(name, aliases, components, families);
        this.service = service;
        this.digest = digest;
        this.keyFamily = keyFamily;
        this.fixedKeyBits = fixedKeyBits;
        this.curve = curve;
    }

    /** The service type this algorithm belongs to. */
    public ServiceType service() {
        return service;
    }

    /** The canonical digest it uses (e.g. {@code SHA-1}), or null when there is none. */
    public String digest() {
        return digest;
    }

    /** The family of keys it takes or makes. */
    public KeyFamily keyFamily() {
        return keyFamily;
    }

    /** The key size in bits its name fixes ({@code AES_128/GCM/NoPadding}), or 0. */
    public int fixedKeyBits() {
        return fixedKeyBits;
    }

    /** The curve its name fixes ({@code Ed25519}, {@code X448}), or null. */
    public String curve() {
        return curve;
    }

    /** {@code Service name}, e.g. {@code Signature SHA256withRSA}. */
    public String feature() {
        return service.jcaName() + " " + name();
    }
}
