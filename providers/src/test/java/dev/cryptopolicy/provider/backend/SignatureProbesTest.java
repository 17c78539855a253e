package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureProbesTest {

    @Test
    void everySignatureProbe_passesOnTheJdkAndBcfipsBackendsThatRegisterIt() {
        List<String> notPassing = TestBackends.notPassing(
                SignatureProbes.all(), DigestProbesTest.concat(TestBackends.jdkBackends(), TestBackends.bcFips()));

        assertTrue(notPassing.isEmpty(), String.join("\n", notPassing));
    }

    @Test
    void verifierThatAcceptsAnything_failsOnTheModifiedMessage() {
        Backend lax = Backend.of(new TestProviders.FakeProvider("Lax")
                .add("Signature", "SHA256withECDSA", TestProviders.AcceptingEcdsa.class));

        ProbeResult result = ProbeSuite.standard().run(lax, "Signature", "SHA256withECDSA");

        assertEquals(ProbeResult.Status.FAILED, result.status(), result.toString());
        assertTrue(
                result.reason()
                        .startsWith("SHA256withECDSA verified the RFC 6979 A.2.5 signature over a different message"),
                result.reason());
    }

    @Test
    void pkcs1Signature_isComparedByteForByteWithTheFixedKeyAnswer() {
        ProbeResult result = ProbeSuite.standard().run(TestBackends.jdk("SunRsaSign"), "Signature", "SHA256withRSA");

        assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
        assertTrue(
                result.reason().startsWith("SHA256withRSA signature of \"abc\" under a fixed RSA-2048 key matched"),
                result.reason());
    }
}
