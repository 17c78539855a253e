package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Wycheproof AES-GCM (128-, 192- and 256-bit keys, IVs of 0 to 2056 bits), through policy DEFAULT. */
class AesGcmWycheproofTest {
    static final String FILE = "aes_gcm_test.json";
    static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Case> run;

    @BeforeAll
    static void runVectors() throws Exception {
        Vectors.Wycheproof file = Vectors.wycheproof(FILE);
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run("Wycheproof " + FILE, harness, file.cases(), Vectors.Case::label, operations());
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    /** Decrypt (must give {@code msg}, or fail on an invalid vector) and encrypt (valid vectors give ct || tag). */
    static List<VectorRun.Operation<Vectors.Case>> operations() {
        return List.of(
                new VectorRun.Operation<>(
                        "decrypt",
                        (e, c) -> aesGcm(e, c, Cipher.DECRYPT_MODE),
                        (c, v) -> c.expected().admits(v.outputs(c.bytes("msg")), v.refused())),
                new VectorRun.Operation<>(
                        "encrypt",
                        (e, c) -> aesGcm(e, c, Cipher.ENCRYPT_MODE),
                        (c, v) -> (c.expected() == Vectors.Expected.VALID) == v.outputs(ciphertextAndTag(c))));
    }

    private static Verdict aesGcm(PolicyHarness.Engines engines, Vectors.Case c, int mode) throws Exception {
        Cipher cipher = engines.cipher(TRANSFORMATION);
        cipher.init(
                mode,
                new SecretKeySpec(c.bytes("key"), "AES"),
                new GCMParameterSpec(c.group().integer("tagSize"), c.bytes("iv")));
        cipher.updateAAD(c.bytes("aad"));
        return Verdict.output(cipher.doFinal(mode == Cipher.DECRYPT_MODE ? ciphertextAndTag(c) : c.bytes("msg")));
    }

    private static byte[] ciphertextAndTag(Vectors.Case c) {
        return Operations.concat(c.bytes("ct"), c.bytes("tag"));
    }

    @Test
    void backendAlone_givesWycheproofResults(TestReporter reporter) throws Exception {
        run.assertBackendConforms(c -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, decrypt and encrypt, backend "
                        + harness.backend("Cipher", TRANSFORMATION).getName());
    }

    @Test
    void policyLayer_givesTheBackendsVerdict_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(316, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
