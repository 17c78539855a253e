package dev.cryptopolicy.provider.backend;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sanity probes for {@code SecureRandom}: 32 bytes, twice, must not be all zero and must differ.
 * No statistical test can be meaningful at this size; this catches a dead or constant source.
 *
 * <p>{@code NativePRNGBlocking} is deliberately absent: it reads {@code /dev/random}, which can
 * block on old kernels or early in boot, and a configure-time check must not hang. It therefore
 * reports "no probe".
 */
final class RandomProbes {

    private static final String[] ALGORITHMS = {
        // JDK (SUN)
        "DRBG",
        "SHA1PRNG",
        "NativePRNG",
        "NativePRNGNonBlocking",
        // Bouncy Castle FIPS
        "DEFAULT",
        "NONCEANDIV",
    };

    private RandomProbes() {}

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        for (String algorithm : ALGORITHMS) {
            probes.add(new Probe(
                    Feature.of("SecureRandom", algorithm),
                    algorithm + ": two 32-byte draws are not all zero and differ",
                    new TwoDraws(algorithm)));
        }
        return List.copyOf(probes);
    }

    /** The body of each probe: a named class, as each lambda spins a class at its first use. */
    private static final class TwoDraws implements ProbeBody {
        private final String algorithm;

        TwoDraws(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            SecureRandom random = SecureRandom.getInstance(algorithm, context.provider());
            byte[] first = new byte[32];
            byte[] second = new byte[32];
            random.nextBytes(first);
            random.nextBytes(second);
            ProbeFailure.require(!Arrays.equals(first, new byte[32]), algorithm + " produced 32 zero bytes");
            ProbeFailure.require(
                    !Arrays.equals(first, second),
                    algorithm + " produced the same 32 bytes twice: " + Messages.hex(first));
            return algorithm + " produced two different, non-zero 32-byte draws";
        }
    }
}
