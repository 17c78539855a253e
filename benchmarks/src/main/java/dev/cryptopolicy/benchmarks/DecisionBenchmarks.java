package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
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
 * One decision ({@code CompiledPolicy.decide}) as the policy grows: DEFAULT itself ({@code 0}) and
 * DEFAULT with 10, 100 and 1,000 deny rules. Decisions are tables built at compile time, so the
 * time should stay flat and nothing should be allocated (run with {@code -prof gc}).
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBenchmarks {

    /** Deny rules added to DEFAULT. */
    @Param({"0", "10", "100", "1000"})
    public int rules;

    private CompiledPolicy policy;

    /** Loads DEFAULT, or DEFAULT grown by {@link #rules} deny rules. */
    @Setup
    public void setUp() throws PolicyException {
        PolicyLoader loader = PolicyLoader.standard();
        policy = rules == 0
                ? loader.load("DEFAULT")
                : loader.load(Policies.grown(rules, 0).toString());
    }

    /** An allowed signature algorithm, looked up by name. */
    @Benchmark
    public Decision decide() {
        return policy.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
    }
}
