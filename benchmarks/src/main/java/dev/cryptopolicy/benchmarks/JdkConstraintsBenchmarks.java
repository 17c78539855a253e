package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.security.AlgorithmConstraints;
import java.security.CryptoPrimitive;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same question to the JDK's own {@code sun.security.util.DisabledAlgorithmConstraints} (what
 * JSSE asks of {@code jdk.tls.disabledAlgorithms} for every signature algorithm of a handshake) and
 * to the compiled policy: may {@code SHA256withECDSA} be used as a signature in TLS? The JDK's class
 * is internal: it is built reflectively once, with {@code --add-exports
 * java.base/sun.security.util=ALL-UNNAMED}, and then called through the public
 * {@link AlgorithmConstraints} interface.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/sun.security.util=ALL-UNNAMED")
public class JdkConstraintsBenchmarks {

    private static final Set<CryptoPrimitive> SIGNATURE = EnumSet.of(CryptoPrimitive.SIGNATURE);

    private AlgorithmConstraints jdk;
    private CompiledPolicy policy;

    /** Builds the JDK's constraints of {@code jdk.tls.disabledAlgorithms} and loads DEFAULT. */
    @Setup
    public void setUp() throws ReflectiveOperationException, PolicyException {
        jdk = (AlgorithmConstraints) Class.forName("sun.security.util.DisabledAlgorithmConstraints")
                .getConstructor(String.class)
                .newInstance("jdk.tls.disabledAlgorithms");
        policy = PolicyLoader.standard().load("DEFAULT");
    }

    /** The JDK's answer. */
    @Benchmark
    public boolean jdkPermits() {
        return jdk.permits(SIGNATURE, "SHA256withECDSA", null);
    }

    /** The policy's answer to the same question. */
    @Benchmark
    public Decision policyDecides() {
        return policy.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.TLS);
    }
}
