package dev.cryptopolicy.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
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
 * The parts of {@code MessageDigest.getInstance("SHA-256")}, to find where the policy's time goes
 * (not a row of the table): the first provider's {@code getService}, that service's
 * {@code newInstance}, and the whole look-up. {@code direct}: nothing installed, so the first
 * provider is SUN; {@code policy}: DEFAULT installed, so it is the front provider.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupPartsBenchmarks {

    @Param({"direct", "policy"})
    public String side;

    private Provider first;
    private Provider.Service service;

    @Setup(Level.Trial)
    public void setUp() {
        Backends.setUp(side);
        first = Security.getProviders()[0];
        service = first.getService("MessageDigest", "SHA-256");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.tearDown();
    }

    /** The first provider's service for SHA-256: what the JCA's provider list asks first. */
    @Benchmark
    public Provider.Service getService() {
        return first.getService("MessageDigest", "SHA-256");
    }

    /** That service's engine: what the JCA creates once it has the service. */
    @Benchmark
    public Object newInstance() throws GeneralSecurityException {
        return service.newInstance(null);
    }

    /** The whole look-up, for the sum of the parts. */
    @Benchmark
    public MessageDigest getInstance() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }
}
