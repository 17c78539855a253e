package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's {@code new SecureRandom()} under the policy is the algorithm the plain JDK
 * gives it (NativePRNG on Linux, or DRBG when the seed source is not {@code /dev/random} or
 * {@code /dev/urandom}), served by the front provider, when the policy allows it; a policy that
 * does not allow it gets the first algorithm it allows. Each side runs in its own fresh JVM, so
 * that nothing one JVM chose can answer for the other.
 */
class DefaultSecureRandomTest {

    /** A seed source the JDK does not take for the native one (SUN's default is then DRBG). */
    private static final String OTHER_SOURCE = "-Djava.security.egd=file:/dev/./urandom";

    @Test
    void defaultSecureRandom_isThePlainJdksOne_onJdk17() throws Exception {
        Path jdk = DeadlockTest.jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64");
        assertSameAsPlain(jdk, List.of(), "NativePRNG");
        assertSameAsPlain(jdk, List.of(OTHER_SOURCE), "DRBG");
    }

    @Test
    void defaultSecureRandom_isThePlainJdksOne_onJdk25() throws Exception {
        Path jdk = DeadlockTest.jdk("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");
        assertSameAsPlain(jdk, List.of(), "NativePRNG");
        assertSameAsPlain(jdk, List.of(OTHER_SOURCE), "DRBG");
    }

    @Test
    void policyWithoutThePlainDefault_getsTheFirstItAllows(@TempDir Path dir) throws Exception {
        Path jdk = DeadlockTest.jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64");
        Path policy = dir.resolve("no-native.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nalgorithms:\n  SecureRandom: [-NativePRNG]\n");
        // Control: without the policy, and under DEFAULT, this JVM's default is NativePRNG.
        assertEquals("NativePRNG SUN", run(jdk, List.of(), "plain"));
        assertEquals("DRBG CryptoPolicy", run(jdk, List.of(), policy.toString()));
    }

    /** The default algorithm under DEFAULT is the plain JDK's, {@code expected}, from the front provider. */
    private static void assertSameAsPlain(Path jdk, List<String> options, String expected) throws Exception {
        assertEquals(expected + " SUN", run(jdk, options, "plain"));
        assertEquals(expected + " CryptoPolicy", run(jdk, options, "DEFAULT"));
    }

    private static String run(Path jdk, List<String> options, String policy) throws Exception {
        List<String> all = new ArrayList<>(options);
        all.add("-Djava.util.logging.config.file=/dev/null");
        Jvm.Result r = Jvm.run(jdk, all, Jvm.classPath(), Child.class, policy);
        assertEquals(0, r.exit(), r.output());
        String[] lines = r.output().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Child JVM: installs {@code args[0]} (unless {@code plain}), then prints the default SecureRandom. */
    public static final class Child {
        private Child() {}

        /** Entry point of the child JVM. */
        public static void main(String[] args) throws Exception {
            if (!args[0].equals("plain")) {
                CryptoPolicy.install(args[0]);
            }
            SecureRandom random = new SecureRandom();
            random.nextInt();
            System.out.println(
                    random.getAlgorithm() + " " + random.getProvider().getName());
        }
    }
}
