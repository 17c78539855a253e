package dev.cryptopolicy.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What detecting providers registered after installation costs on the programmatic route: the
 * front provider compares the provider list with the one it last saw on each lookup that reaches
 * it (digests and random generators it serves itself skip the comparison). {@code providerList}
 * is that comparison's main cost, {@code Security.getProviders()}; the lookups are measured with
 * the policy installed ({@code policy}) and after a provider was registered and governed
 * ({@code late}: one more wrapper in the list). Compare with {@link LookupBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectionBenchmarks {

    @Param({"policy", "late"})
    public String side;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        Backends.setUp("policy");
        if (side.equals("late")) {
            Security.addProvider(new LateProvider());
            // The next lookup that reaches the front governs it.
            Signature.getInstance("SHA256withECDSA");
            if (Security.getProvider(LateProvider.NAME) instanceof LateProvider) {
                throw new IllegalStateException("the late provider was not governed");
            }
        } else if (!side.equals("policy")) {
            throw new IllegalArgumentException("side [" + side + "] must be policy or late");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Security.removeProvider(LateProvider.NAME);
        Backends.tearDown();
    }

    /** The provider list as the check reads it. */
    @Benchmark
    public Provider[] providerList() {
        return Security.getProviders();
    }

    /** A lookup the front checks the list for. */
    @Benchmark
    public Signature getInstanceSha256withEcdsa() throws GeneralSecurityException {
        return Signature.getInstance("SHA256withECDSA");
    }

    /** A lookup the front serves without checking the list. */
    @Benchmark
    public MessageDigest getInstanceSha256() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** A provider registered after installation, offering one digest the policy allows (so that the policy governs it). */
    static final class LateProvider extends Provider {
        private static final long serialVersionUID = 1L;
        static final String NAME = "LateForBenchmark";

        LateProvider() {
            super(NAME, "1", "registered after installation");
            putService(new Service(this, "MessageDigest", "SHA-256", "sun.security.provider.SHA2$SHA256", null, null));
        }
    }
}
