package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeSessionTest {

    private final Backend counting = Backend.of(new TestProviders.FakeProvider("Counting")
            .add("KeyPairGenerator", "Ed25519", TestProviders.CountingEd25519Generator.class)
            .add("Signature", "Ed25519", TestProviders.ForwardingEd25519.class));

    @Test
    void probesOfOneSession_shareTheKeyPairsTheyGenerate() {
        ProbeSession session = ProbeSuite.standard().session();
        TestProviders.CountingEd25519Generator.GENERATED.set(0);

        ProbeResult first = session.run(counting, Feature.of("KeyPairGenerator", "Ed25519"));
        ProbeResult second = session.run(counting, Feature.of("KeyPairGenerator", "Ed25519"));

        assertTrue(first.passed(), first.toString());
        assertTrue(second.passed(), second.toString());
        assertEquals(1, TestProviders.CountingEd25519Generator.GENERATED.get());
    }

    @Test
    void separateSuiteRuns_eachGenerateTheirOwn() {
        ProbeSuite suite = ProbeSuite.standard();
        TestProviders.CountingEd25519Generator.GENERATED.set(0);

        suite.run(counting, "KeyPairGenerator", "Ed25519");
        suite.run(counting, "KeyPairGenerator", "Ed25519");

        assertEquals(2, TestProviders.CountingEd25519Generator.GENERATED.get());
    }

    @Test
    void signatureProbe_generatesNoKeyPair_itSignsWithThePublishedKey() {
        TestProviders.CountingEd25519Generator.GENERATED.set(0);

        ProbeResult signature = ProbeSuite.standard().session().run(counting, "Signature", "Ed25519");

        assertTrue(signature.passed(), signature.toString());
        assertTrue(signature.reason().contains("fixed Ed25519 (RFC 8032 7.1)"), signature.reason());
        assertEquals(0, TestProviders.CountingEd25519Generator.GENERATED.get());
    }
}
