package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and compiling a policy: the shipped DEFAULT and a 1 MiB file (the loader's limit),
 * {@code warm} (average over many loads in a warmed-up JVM) and, in {@link Cold}, the first load in
 * a fresh JVM (single shot, one per fork).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoadBenchmarks {

    /** {@code DEFAULT}, or {@code 1MiB}: DEFAULT extended by 4,096 deny rules, 1 MiB of YAML. */
    @Param({"DEFAULT", "1MiB"})
    public String policy;

    private String reference;

    /** Writes the 1 MiB file when it is the one measured. */
    @Setup
    public void setUp() {
        reference = reference(policy);
    }

    static String reference(String policy) {
        if (policy.equals("DEFAULT")) {
            return "DEFAULT";
        }
        if (policy.equals("1MiB")) {
            Path file = Policies.oneMiB();
            return file.toString();
        }
        throw new IllegalArgumentException("policy [" + policy + "] must be DEFAULT or 1MiB");
    }

    /** One load and compile. */
    @Benchmark
    public CompiledPolicy load() throws PolicyException {
        return PolicyLoader.standard().load(reference);
    }

    /** The first load in a fresh JVM: class loading and an interpreted parser included; the same benchmark, single shot. */
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public static class Cold extends LoadBenchmarks {}
}
