package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyProbesTest {

    @Test
    void everyKeyProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing = TestBackends.notPassing(
                KeyProbes.all(), DigestProbesTest.concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void rsaKeyPairGenerator_isCheckedForItsModulusSize() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.jdk("SunRsaSign"), "KeyPairGenerator", "RSA");

        assertEquals("generated a RSA 2048-bit key pair: modulus of 2048 bits, X.509/PKCS #8 encoded", result.reason());
    }

    @Test
    void genericEdDsaGenerator_isAskedForANamedCurve_whichBcfipsRequires() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.bcFips(), "KeyPairGenerator", "EdDSA");

        assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
    }

    @Test
    void pbkdf2_matchesRfc6070() {
        ProbeResult result =
                ProbeSuite.standard().run(TestBackends.jdk("SunJCE"), "SecretKeyFactory", "PBKDF2WithHmacSHA1");

        assertEquals("PBKDF2WithHmacSHA1 derived key matched RFC 6070 test 5", result.reason());
    }
}
