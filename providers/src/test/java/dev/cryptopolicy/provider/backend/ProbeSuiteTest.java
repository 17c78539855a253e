package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeSuiteTest {

    private final ProbeSuite suite = ProbeSuite.standard();

    @Test
    void brokenSha256Provider_failsItsProbe_namingExpectedAndActualBytes() {
        Backend broken = Backend.of(new TestProviders.FakeProvider("Broken")
                .add("MessageDigest", "SHA-256", TestProviders.WrongSha256.class));

        ProbeResult result = suite.run(broken, "MessageDigest", "SHA-256");

        assertEquals(ProbeResult.Status.FAILED, result.status(), result.toString());
        // The first byte of SHA-256("abc") is 0xba; the broken SPI flips it to 0xe0.
        assertTrue(result.reason().startsWith("SHA-256 of \"abc\" was 0xe07816bf8f01cfea"), result.reason());
        assertTrue(
                result.reason().contains("expected 0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                result.reason());
    }

    @Test
    void registeredClassThatCannotBeLoaded_failsWithAClearReason_andThrowsNothing() {
        Backend hollow = Backend.of(new TestProviders.FakeProvider("Hollow")
                .add("MessageDigest", "SHA-256", "dev.cryptopolicy.nowhere.MissingDigestSpi", null));

        ProbeResult result = suite.run(hollow, "MessageDigest", "SHA-256");

        assertEquals(ProbeResult.Status.FAILED, result.status(), result.toString());
        assertTrue(
                result.reason().contains("MessageDigest SHA-256 from Hollow threw NoSuchAlgorithmException"),
                result.reason());
        assertTrue(result.reason().contains("dev.cryptopolicy.nowhere.MissingDigestSpi"), result.reason());
    }

    @Test
    void spiThrowingAnError_failsInsteadOfPropagating() {
        Backend buggy = Backend.of(new TestProviders.FakeProvider("Buggy")
                .add("MessageDigest", "SHA-256", TestProviders.ErrorThrowingDigest.class));

        ProbeResult result = suite.run(buggy, "MessageDigest", "SHA-256");

        assertEquals(ProbeResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.reason().contains("AssertionError: internal state corrupted (simulated)"), result.reason());
    }

    @Test
    void approvedOnlyRefusal_isUnsupportedRatherThanFailed() {
        Backend fipsLike = Backend.of(new TestProviders.FakeProvider("FipsLike")
                .add("MessageDigest", "SHA-1", TestProviders.ApprovedOnlyRefusingDigest.class));

        ProbeResult result = suite.run(fipsLike, "MessageDigest", "SHA-1");

        assertEquals(ProbeResult.Status.UNSUPPORTED, result.status(), result.toString());
        assertTrue(
                result.reason().startsWith("FipsLike refuses MessageDigest SHA-1 in approved-only mode"),
                result.reason());
    }

    @Test
    void cipherClaimedOnlyByItsBareName_isUnsupportedWhenTheSpiRefusesTheMode() {
        Backend vague = Backend.of(
                new TestProviders.FakeProvider("Vague").add("Cipher", "AES", TestProviders.ModeRefusingCipher.class));

        ProbeResult result = suite.run(vague, "Cipher", "AES/KW/NoPadding");

        assertEquals(ProbeResult.Status.UNSUPPORTED, result.status(), result.toString());
        assertTrue(
                result.reason().contains("registers Cipher AES without declaring its modes and paddings"),
                result.reason());
        assertTrue(result.reason().contains("KW not found"), result.reason());
    }

    @Test
    void unknownFeature_hasNoProbe_whichIsNotAFailure() {
        Backend sun = TestBackends.jdk("SUN");

        ProbeResult result = suite.run(sun, "MessageDigest", "MD5");

        assertEquals(ProbeResult.Status.NO_PROBE, result.status());
        assertEquals("no probe for MessageDigest MD5; SUN registers it, but the claim is unverified", result.reason());
    }

    @Test
    void featureTheBackendDoesNotRegister_isUnsupported_evenIfAnotherProviderHasIt() {
        Backend sunJce = TestBackends.jdk("SunJCE");

        ProbeResult result = suite.run(sunJce, "MessageDigest", "SHA-256");

        assertEquals(ProbeResult.Status.UNSUPPORTED, result.status());
        assertEquals("SunJCE does not register MessageDigest SHA-256", result.reason());
    }

    @Test
    void aliasRegisteredByTheBackend_isProbedAsItsCanonicalFeature() {
        ProbeResult result = suite.run(TestBackends.jdk("SUN"), "MessageDigest", "SHA256");

        assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
        assertEquals(Feature.of("MessageDigest", "SHA256"), result.feature());
    }

    @Test
    void everyJdkBackend_passesTheProbesOfTheFeaturesItRegisters() {
        List<Backend> jdk = TestBackends.jdkBackends();

        ProbeReport report = suite.probeAll(jdk);

        List<String> notPassed = report.results().stream()
                .filter(result -> result.backend().registers(result.feature()) && !result.passed())
                .map(ProbeResult::toString)
                .toList();
        assertTrue(notPassed.isEmpty(), "registered but not passed:\n" + String.join("\n", notPassed));
        assertTrue(report.failures().isEmpty(), report.failures().toString());
        assertFalse(report.passing(Feature.of("MessageDigest", "SHA-256")).isEmpty());
        assertFalse(report.passing(Feature.of("Cipher", "AES/GCM/NoPadding")).isEmpty());
    }

    @Test
    void jdkVersionDecidesWhichFeaturesExist_andTheSuiteFollowsTheRegistrations() {
        Backend sun = TestBackends.jdk("SUN");
        Feature shake = Feature.of("MessageDigest", "SHAKE256-512");

        ProbeResult result = suite.run(sun, shake);

        // SHAKE256 became a SUN MessageDigest after JDK 17; whichever JDK runs this, the verdict
        // must follow what SUN registers, never a hard-coded expectation.
        assertEquals(
                sun.registers(shake) ? ProbeResult.Status.PASSED : ProbeResult.Status.UNSUPPORTED,
                result.status(),
                result.toString());
    }

    @Test
    void bcfips_passesSha256AesGcmHmacAndEcdsaProbes() {
        Backend bcFips = TestBackends.bcFips();

        for (Feature feature : List.of(
                Feature.of("MessageDigest", "SHA-256"),
                Feature.of("Cipher", "AES/GCM/NoPadding"),
                Feature.of("Mac", "HmacSHA256"),
                Feature.of("Signature", "SHA256withECDSA"))) {
            ProbeResult result = suite.run(bcFips, feature);
            assertEquals(ProbeResult.Status.PASSED, result.status(), result.toString());
        }
    }

    @Test
    void bcfips_passesOrPlainlyDeclinesEveryKnownFeature_evenWhenProbedTwice() {
        Backend bcFips = TestBackends.bcFips();

        for (int run = 1; run <= 2; run++) {
            ProbeReport report = suite.probeAll(List.of(bcFips));

            assertTrue(report.failures().isEmpty(), "run " + run + ": " + report.failures());
        }
    }

    @Test
    void keyPairs_areGeneratedOncePerRun_andAgainInTheNextRun() {
        Backend counting = Backend.of(new TestProviders.FakeProvider("Counting")
                .add("KeyPairGenerator", "Ed25519", TestProviders.CountingEd25519Generator.class)
                .add("Signature", "Ed25519", TestProviders.ForwardingEd25519.class));
        List<Feature> features = List.of(Feature.of("KeyPairGenerator", "Ed25519"), Feature.of("Signature", "Ed25519"));
        TestProviders.CountingEd25519Generator.GENERATED.set(0);

        ProbeReport first = suite.probeAll(List.of(counting), features);
        int afterFirst = TestProviders.CountingEd25519Generator.GENERATED.get();
        suite.probeAll(List.of(counting), features);

        assertTrue(first.failures().isEmpty(), first.failures().toString());
        assertEquals(1, afterFirst);
        assertEquals(2, TestProviders.CountingEd25519Generator.GENERATED.get());
    }

    @Test
    void knownFeatures_coverTheBaselineFamilies() {
        Set<Feature> known = suite.knownFeatures();
        Map<String, Long> perType =
                known.stream().collect(Collectors.groupingBy(Feature::serviceType, Collectors.counting()));

        for (String[] feature : new String[][] {
            {"MessageDigest", "SHA-1"},
            {"MessageDigest", "SHA-512/256"},
            {"MessageDigest", "SHA3-512"},
            {"MessageDigest", "SHAKE128"},
            {"MessageDigest", "SHAKE256-512"},
            {"Mac", "HmacSHA3-256"},
            {"Cipher", "AES/GCM/NoPadding"},
            {"Cipher", "AES/CCM/NoPadding"},
            {"Cipher", "AES/CBC/PKCS5Padding"},
            {"Cipher", "AES/CBC/NoPadding"},
            {"Cipher", "AES/CTR/NoPadding"},
            {"Cipher", "AES/ECB/NoPadding"},
            {"Cipher", "ChaCha20-Poly1305"},
            {"Cipher", "AESWrap"},
            {"Cipher", "AESWrapPad"},
            {"Cipher", "DESede/CBC/PKCS5Padding"},
            {"Signature", "SHA1withRSA"},
            {"Signature", "RSASSA-PSS"},
            {"Signature", "SHA384withECDSA"},
            {"Signature", "Ed25519"},
            {"Signature", "Ed448"},
            {"Signature", "SHA256withDSA"},
            {"Signature", "ML-DSA"},
            {"KeyAgreement", "ECDH"},
            {"KeyAgreement", "X25519"},
            {"KeyAgreement", "X448"},
            {"KeyAgreement", "DiffieHellman"},
            {"KEM", "ML-KEM"},
            {"KeyPairGenerator", "RSA"},
            {"KeyGenerator", "AES"},
            {"KeyFactory", "EC"},
            {"SecretKeyFactory", "PBKDF2WithHmacSHA256"},
            {"SecureRandom", "DRBG"}
        }) {
            assertTrue(known.contains(Feature.of(feature[0], feature[1])), "missing " + feature[0] + " " + feature[1]);
        }
        assertEquals(11, perType.size(), perType.toString());
    }

    @Test
    void probeAll_coversEveryBackendAndFeaturePair_includingUnregisteredOnes() {
        Backend sun = TestBackends.jdk("SUN");
        Backend sunJce = TestBackends.jdk("SunJCE");
        List<Feature> features = List.of(
                Feature.of("MessageDigest", "SHA-256"),
                Feature.of("Mac", "HmacSHA256"),
                Feature.of("MessageDigest", "BLAKE2b-512"));

        ProbeReport report = suite.probeAll(List.of(sun, sunJce, sun), features);

        assertEquals(List.of(sun, sunJce), report.backends());
        assertEquals(6, report.results().size());
        assertEquals(
                ProbeResult.Status.UNSUPPORTED,
                report.result(sunJce, Feature.of("MessageDigest", "SHA-256"))
                        .orElseThrow()
                        .status());
        assertEquals(
                ProbeResult.Status.NO_PROBE,
                report.result(sun, Feature.of("MessageDigest", "BLAKE2b-512"))
                        .orElseThrow()
                        .status());
        assertEquals(List.of(sunJce), report.passing(Feature.of("Mac", "HmacSHA256")));
    }
}
