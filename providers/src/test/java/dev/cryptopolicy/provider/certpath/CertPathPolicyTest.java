package dev.cryptopolicy.provider.certpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The installed policy's PKIX validators and builders, in child JVMs whose application reset
 * {@code jdk.certpath.disabledAlgorithms} to {@code MD2} after the install, which leaves the JDK's
 * own checks accepting SHA-1 signatures and RSA-1024 keys.
 */
@Slow
class CertPathPolicyTest {
    private static final List<String> WEAK = List.of("sha1-leaf", "rsa1024-leaf", "sha1-intermediate", "rsa1024-root");

    @Test
    void weakChains_areRefusedUnderDefault_namingTheRule_evenWithThePropertyReset() throws Exception {
        String out = run("DEFAULT");
        // A SHA-1 signature is refused twice over: the JDK's own signature check is application
        // code to the policy (no call-site exemption), so its Signature SHA1withRSA is refused
        // before the policy's checker, which names the certificate, gets to it.
        assertLine(out, "sha1-leaf validate REFUSED", "SHA1withRSA", "algorithms.Signature", "DEFAULT.yaml");
        assertLine(out, "rsa1024-leaf validate REFUSED", "certificate CN=rsa1024-leaf", "keys.rsa.min_bits");
        assertLine(out, "sha1-intermediate validate REFUSED", "SHA1withRSA", "algorithms.Signature");
        // The anchor's 1024-bit key is refused where the leaf's signature is verified with it (the
        // policy's Signature key check), before the anchor check that follows a validation.
        assertLine(out, "rsa1024-root validate REFUSED", "RSA key of 1024 bits", "keys.rsa.min_bits");
        for (String chain : WEAK) {
            assertLine(out, chain + " build REFUSED");
        }
        assertLine(out, "good validate VALID");
        assertLine(out, "good build BUILT");
        assertLine(out, "sha1-root validate VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "LEGACY"})
    void theSameChains_validateWithoutThePolicy_andUnderLegacy_withThePropertyReset(String policy) throws Exception {
        String out = run(policy);
        for (String chain : TestChains.NAMES) {
            assertLine(out, chain + " validate VALID");
            assertLine(out, chain + " build BUILT");
        }
    }

    @Test
    void bouncyCastleFipsValidators_areHeldToo() throws Exception {
        String out = run("FIPS");
        assertLine(out, "sha1-leaf validate REFUSED", "SHA1withRSA", "policy FIPS");
        assertLine(out, "rsa1024-leaf validate REFUSED", "keys.rsa.min_bits");
        assertLine(out, "good validate VALID");
    }

    private static String run(String policy) throws Exception {
        List<String> args = new ArrayList<>(List.of(policy, TestChains.dir().toString()));
        args.addAll(TestChains.NAMES);
        Jvm.Result result = Jvm.run(List.of(), Jvm.classPath(), CertPathRun.class, args.toArray(String[]::new));
        assertEquals(0, result.exit(), result.output());
        return result.output();
    }

    private static void assertLine(String out, String start, String... contains) {
        for (String line : out.split("\n")) {
            if (line.startsWith(start)) {
                for (String c : contains) {
                    assertTrue(line.contains(c), "'" + c + "' missing from: " + line + "\n" + out);
                }
                return;
            }
        }
        throw new AssertionError("no line starting '" + start + "' in:\n" + out);
    }
}
