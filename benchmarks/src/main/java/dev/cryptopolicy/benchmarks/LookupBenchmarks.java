package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
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
 * {@code getInstance} as an application calls it (no provider named), on the plain JDK
 * ({@code direct}: nothing installed) and through the installed policy; and one policy decision.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmarks {

    @Param({"direct", "policy"})
    public String side;

    private CompiledPolicy policy;

    @Setup(Level.Trial)
    public void setUp() throws PolicyException {
        Backends.setUp(side);
        policy = PolicyLoader.standard().load("DEFAULT");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.tearDown();
    }

    @Benchmark
    public MessageDigest getInstanceSha256() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public Signature getInstanceSha256withEcdsa() throws GeneralSecurityException {
        return Signature.getInstance("SHA256withECDSA");
    }

    @Benchmark
    public Cipher getInstanceAesGcm() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** One decision on a compiled policy (the same work on both sides). */
    @Benchmark
    public Decision decision() {
        return policy.decide(ServiceType.SIGNATURE, "SHA256withECDSA", dev.cryptopolicy.engine.Scope.ANY);
    }
}
