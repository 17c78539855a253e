package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Vectors under policy FUTURE, which denies keys the vectors use: AES keys below 256 bits
 * ({@code keys.symmetric.min_bits}) and RSA keys below 3072 bits ({@code keys.rsa.min_bits}). The
 * policy layer must refuse exactly those, with an {@link InvalidKeyException} that names the rule,
 * and give the backend's verdict on everything else.
 */
class FuturePolicyVectorTest {
    private static final String RSA_PKCS1 = "rsa_signature_2048_sha256_test.json";
    private static final String RSA_PSS = "rsa_pss_2048_sha256_mgf1_32_test.json";

    private static PolicyHarness harness;
    private static Vectors.Wycheproof aesFile;
    private static VectorRun<Vectors.Case> aes;
    private static VectorRun<Vectors.Case> rsaPkcs1;
    private static VectorRun<Vectors.Case> rsaPss;

    @BeforeAll
    static void runVectors() throws Exception {
        aesFile = Vectors.wycheproof(AesGcmWycheproofTest.FILE);
        Vectors.Wycheproof pkcs1File = Vectors.wycheproof(RSA_PKCS1);
        Vectors.Wycheproof pssFile = Vectors.wycheproof(RSA_PSS);
        harness = PolicyHarness.install("FUTURE");
        aes = VectorRun.run(
                "FUTURE, Wycheproof " + AesGcmWycheproofTest.FILE,
                harness,
                aesFile.cases(),
                Vectors.Case::label,
                AesGcmWycheproofTest.operations());
        rsaPkcs1 = VectorRun.run(
                "FUTURE, Wycheproof " + RSA_PKCS1,
                harness,
                pkcs1File.cases(),
                Vectors.Case::label,
                List.of(new VectorRun.Operation<>(
                        "verify",
                        (e, c) -> Operations.verify(e, c, "RSA", "SHA256withRSA", null),
                        Operations::verifyConforms)));
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        rsaPss = VectorRun.run(
                "FUTURE, Wycheproof " + RSA_PSS,
                harness,
                pssFile.cases(),
                Vectors.Case::label,
                List.of(new VectorRun.Operation<>(
                        "verify",
                        (e, c) -> Operations.verify(e, c, "RSA", "RSASSA-PSS", pss),
                        Operations::verifyConforms)));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    private static boolean belowAes256(Vectors.Case c) {
        return c.group().integer("keySize") < 256;
    }

    @Test
    void aes128And192Vectors_areRefusedNamingTheSymmetricMinimum_aes256VectorsAgree(TestReporter reporter) {
        aes.assertBackendConforms(c -> false);
        int refused = aes.assertPolicyAgreesOrRefuses(
                FuturePolicyVectorTest::belowAes256, InvalidKeyException.class, "keys.symmetric.min_bits");
        long small = aesFile.cases().stream()
                .filter(FuturePolicyVectorTest::belowAes256)
                .count();
        assertEquals(2 * small, refused, "decrypt and encrypt of every vector with a 128- or 192-bit key are refused");
        assertTrue(small > 0 && small < aesFile.cases().size(), "the file has vectors on both sides of the minimum");
        reporter.publishEntry(
                AesGcmWycheproofTest.FILE,
                "FUTURE refused " + small + " vectors with 128/192-bit keys; "
                        + (aesFile.cases().size() - small) + " AES-256 vectors agree with the backend");
    }

    @Test
    void aes128GcmKnownAnswer_isRefusedAtInit_withInvalidKeyExceptionNamingTheRule() throws Exception {
        Vectors.Case tc1 = aesFile.cases().get(0);
        assertEquals(1, tc1.tcId());
        assertEquals(128, tc1.group().integer("keySize"));
        SecretKeySpec key = new SecretKeySpec(tc1.bytes("key"), "AES");
        GCMParameterSpec iv = new GCMParameterSpec(128, tc1.bytes("iv"));

        for (Route route : List.of(Route.FRONT_PROVIDER, Route.INSTALLED_LOOKUP)) {
            Cipher cipher = harness.engines(route).cipher(AesGcmWycheproofTest.TRANSFORMATION);
            InvalidKeyException e = assertThrows(
                    InvalidKeyException.class, () -> cipher.init(Cipher.DECRYPT_MODE, key, iv), route.toString());
            assertTrue(
                    e.getMessage().contains("keys.symmetric.min_bits")
                            && e.getMessage().contains("FUTURE"),
                    route + ": " + e.getMessage());
        }
        Cipher backend = harness.engines(Route.BACKEND).cipher(AesGcmWycheproofTest.TRANSFORMATION);
        backend.init(Cipher.DECRYPT_MODE, key, iv);
        assertEquals(
                Vectors.hex(tc1.bytes("msg")),
                Vectors.hex(backend.doFinal(Operations.concat(tc1.bytes("ct"), tc1.bytes("tag")))));
    }

    @Test
    void rsa2048Vectors_areRefusedNamingTheRsaMinimum(TestReporter reporter) {
        for (VectorRun<Vectors.Case> run : List.of(rsaPkcs1, rsaPss)) {
            run.assertBackendConforms(c -> false);
            int refused = run.assertPolicyAgreesOrRefuses(c -> true, InvalidKeyException.class, "keys.rsa.min_bits");
            assertEquals(run.vectors(), refused);
        }
        reporter.publishEntry(
                "FUTURE",
                "refused all " + rsaPkcs1.vectors() + " + " + rsaPss.vectors()
                        + " RSA-2048 signature vectors (keys.rsa.min_bits = 3072)");
    }

    /**
     * FUTURE.yaml: "keys.symmetric.min_bits = 256 also applies to HMAC keys". The Wycheproof HMAC
     * file has two groups with 128-bit keys (3 tests each); under FUTURE they should be refused.
     */
    @Test
    void hmacKeys_areNotSubjectToTheSymmetricMinimum_soEveryHmacVectorAgreesWithTheBackend() {
        // keys.symmetric.min_bits governs cipher keys; HMAC keys are passwords in PBKDF2 and stay
        // unconstrained (README, keys), so FUTURE refuses none of these, 128-bit keys included.
        Vectors.Wycheproof file = Vectors.wycheproof(HmacSha256WycheproofTest.FILE);
        VectorRun<Vectors.Case> run = VectorRun.run(
                "FUTURE, Wycheproof " + HmacSha256WycheproofTest.FILE,
                harness,
                file.cases(),
                Vectors.Case::label,
                List.of(HmacSha256WycheproofTest.operation()));
        int refused = run.assertPolicyAgreesOrRefuses(c -> false, InvalidKeyException.class, "keys.symmetric.min_bits");
        assertEquals(0, refused);
    }
}
