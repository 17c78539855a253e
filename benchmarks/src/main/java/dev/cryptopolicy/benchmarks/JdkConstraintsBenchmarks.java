package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Request;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.security.AlgorithmConstraints;
import java.security.CryptoPrimitive;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
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
 * The same question to the JDK's own {@code sun.security.util.DisabledAlgorithmConstraints} and to
 * the compiled policy, as an application's check asks it of {@code jdk.certpath.disabledAlgorithms}
 * for a signature and its key: may {@code SHA256withRSA} (and, rotating, seven other RSA signature
 * algorithms) be used with this RSA-2048 public key? The JDK decomposes the name into its
 * components ({@code SHA256}, {@code RSA}), checks each, then checks the key's algorithm and size
 * against its key constraints ({@code permits(primitives, algorithm, key, null)}); the policy
 * decides the algorithm and then the key's family and size ({@code decide(Request)}). The JDK
 * remembers its answer per algorithm name (17.0.15 and 25 both have {@code cachedCheckAlgorithm}),
 * which rotating names cannot defeat; its key check runs on every call. The JDK's class is
 * internal: it is built reflectively once, with {@code --add-exports
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

    /** Signature algorithms an RSA key serves, asked in turn (a power of two, for the mask). */
    private static final String[] NAMES = {
        "SHA256withRSA",
        "SHA384withRSA",
        "SHA512withRSA",
        "SHA224withRSA",
        "RSASSA-PSS",
        "SHA3-256withRSA",
        "SHA3-384withRSA",
        "SHA3-512withRSA"
    };

    private AlgorithmConstraints jdk;
    private CompiledPolicy policy;
    private PublicKey key;
    private Request[] requests;
    private int next;

    /** Builds the JDK's constraints of {@code jdk.certpath.disabledAlgorithms}, loads DEFAULT, makes the key. */
    @Setup
    public void setUp() throws ReflectiveOperationException, PolicyException, GeneralSecurityException {
        jdk = (AlgorithmConstraints) Class.forName("sun.security.util.DisabledAlgorithmConstraints")
                .getConstructor(String.class)
                .newInstance("jdk.certpath.disabledAlgorithms");
        policy = PolicyLoader.standard().load("DEFAULT");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        key = rsa.generateKeyPair().getPublic();
        requests = new Request[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            requests[i] = new Request(ServiceType.SIGNATURE, NAMES[i], "RSA", 2048, null, Scope.ANY);
            if (!jdk.permits(SIGNATURE, NAMES[i], key, null)
                    || !policy.decide(requests[i]).allowed()) {
                throw new IllegalStateException(NAMES[i] + " with RSA-2048 must be allowed by both sides");
            }
        }
    }

    /** The JDK's answer: the name's components, then the key's algorithm and size. */
    @Benchmark
    public boolean jdkPermits() {
        return jdk.permits(SIGNATURE, NAMES[next++ & (NAMES.length - 1)], key, null);
    }

    /** The policy's answer to the same question: the algorithm, then the key's family and size. */
    @Benchmark
    public Decision policyDecides() {
        return policy.decide(requests[next++ & (NAMES.length - 1)]);
    }
}
