package dev.cryptopolicy.provider.backend;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What one probe execution sees: the backend under test, the run's key pair cache, and notes that
 * end up in the result's reason (for example that a key pair came from another provider).
 */
final class ProbeContext {

    private final Backend backend;
    private final KeyPairCache keys;
    private final List<String> notes = new ArrayList<>();

    ProbeContext(Backend backend, KeyPairCache keys) {
        this.backend = backend;
        this.keys = keys;
    }

    Backend backend() {
        return backend;
    }

    /** The provider object every {@code getInstance} of the probe must name. */
    Provider provider() {
        return backend.provider();
    }

    List<String> notes() {
        return notes;
    }

    /** A key pair of the given size, e.g. ("RSA", 2048). */
    KeyPair keyPair(String algorithm, int bits) throws ProbeFailure {
        return generate(algorithm, algorithm + " " + bits + " bits", new Initializer(bits, null));
    }

    /**
     * A key pair for explicit parameters (or the generator's defaults when {@code spec} is null);
     * {@code label} names it in messages and, with the generating provider, identifies it in the
     * run's cache, so a distinct label gives a distinct key pair (a second agreement party).
     */
    KeyPair keyPair(String algorithm, AlgorithmParameterSpec spec, String label) throws ProbeFailure {
        return generate(algorithm, algorithm + " " + label, new Initializer(0, spec));
    }

    /** A key pair with the generator's default parameters (Ed25519, X448, ML-KEM-768, ...). */
    KeyPair keyPair(String algorithm) throws ProbeFailure {
        return generate(algorithm, algorithm, new Initializer(0, null));
    }

    /**
     * How a generator is initialised: to a size ({@code bits} above 0), to parameters
     * ({@code spec}), or not at all. A class rather than lambdas, as each lambda spins a class at
     * the first key pair a JVM's probes generate.
     */
    private static final class Initializer {
        private final int bits;
        private final AlgorithmParameterSpec spec;

        Initializer(int bits, AlgorithmParameterSpec spec) {
            this.bits = bits;
            this.spec = spec;
        }

        /** {@code random} is the generating provider's own, or null for the JCA default. */
        void initialize(KeyPairGenerator generator, SecureRandom random) throws GeneralSecurityException {
            if (bits > 0 && random == null) {
                generator.initialize(bits);
            } else if (bits > 0) {
                generator.initialize(bits, random);
            } else if (spec != null && random == null) {
                generator.initialize(spec);
            } else if (spec != null) {
                generator.initialize(spec, random);
            }
        }
    }

    /** Generates one key pair for the run's cache, an entry saying why when the generator fails. */
    private static final class Generation implements java.util.function.Supplier<KeyPairCache.Entry> {
        private final String algorithm;
        private final String label;
        private final Provider generator;
        private final Initializer initializer;

        Generation(String algorithm, String label, Provider generator, Initializer initializer) {
            this.algorithm = algorithm;
            this.label = label;
            this.generator = generator;
            this.initializer = initializer;
        }

        @Override
        public KeyPairCache.Entry get() {
            try {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance(algorithm, generator);
                initializer.initialize(kpg, ownRandom(generator));
                return new KeyPairCache.Entry(kpg.generateKeyPair(), null, false);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable thrown) {
                // As in Probe.run: anything the generator throws is a finding about it.
                return new KeyPairCache.Entry(
                        null,
                        "generating the " + label + " key pair with " + generator.getName() + " failed: "
                                + Messages.describe(thrown),
                        Messages.isApprovedOnlyRefusal(thrown));
            }
        }
    }

    /**
     * Signature, agreement and cipher probes need key pairs; the backend's own generator is used
     * when it has one, else the first installed provider's (a backend may implement a signature
     * without a key pair generator), and that fact is noted in the result.
     */
    private KeyPair generate(String algorithm, String label, Initializer initializer) throws ProbeFailure {
        Provider generator = source("KeyPairGenerator", algorithm);
        if (generator == null) {
            throw new ProbeFailure("no provider can generate the " + label + " key pair this probe needs");
        }
        if (generator != provider()) {
            notes.add(label + " key pair generated by " + generator.getName());
        }
        KeyPairCache.Entry entry = keys.get(generator, label, new Generation(algorithm, label, generator, initializer));
        if (entry.keyPair() == null) {
            throw entry.refusedByMode()
                    ? ProbeFailure.refusedByMode(entry.failure())
                    : new ProbeFailure(entry.failure());
        }
        return entry.keyPair();
    }

    /**
     * The backend's key factory when it has one, else the first installed provider's: probes
     * that import fixed known-answer keys need one, and a missing factory is not a wrong answer.
     */
    KeyFactory keyFactory(String algorithm) throws GeneralSecurityException, ProbeFailure {
        Provider factory = source("KeyFactory", algorithm);
        if (factory == null) {
            throw new ProbeFailure("no provider has the " + algorithm + " key factory this probe needs");
        }
        if (factory != provider()) {
            notes.add(algorithm + " known-answer key decoded by " + factory.getName());
        }
        return KeyFactory.getInstance(algorithm, factory);
    }

    /**
     * The provider's own SecureRandom, or null when it has none (then the JCA default applies).
     * Needed because the JCA default comes from the first installed provider, and BCFIPS in
     * approved-only mode refuses keys made with a non-approved RNG ("Attempt to create key with
     * unapproved RNG"). Only the DRBG-style names are used: SUN's list also holds
     * NativePRNGBlocking, which may block.
     */
    static SecureRandom ownRandom(Provider provider) {
        for (String algorithm : new String[] {"DEFAULT", "DRBG"}) {
            if (provider.getService("SecureRandom", algorithm) != null) {
                try {
                    return SecureRandom.getInstance(algorithm, provider);
                } catch (GeneralSecurityException | RuntimeException e) {
                    // A broken RNG shows up in the SecureRandom probe; fall back to the default here.
                    return null;
                }
            }
        }
        return null;
    }

    private Provider source(String serviceType, String algorithm) {
        if (backend.registers(serviceType, algorithm)) {
            return provider();
        }
        for (Provider installed : Security.getProviders()) {
            if (ServiceLookup.find(installed, serviceType, algorithm).isPresent()) {
                return installed;
            }
        }
        return null;
    }
}
