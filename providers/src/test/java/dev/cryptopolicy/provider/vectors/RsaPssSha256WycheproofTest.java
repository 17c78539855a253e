package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Wycheproof RSASSA-PSS, 2048-bit keys, SHA-256, MGF1 with SHA-256, 32-byte salt, through policy DEFAULT. */
class RsaPssSha256WycheproofTest {
    private static final String FILE = "rsa_pss_2048_sha256_mgf1_32_test.json";
    private static final String SIGNATURE = "RSASSA-PSS";

    /** The file's parameters: SHA-256, MGF1 with SHA-256, 32-byte salt, trailer field 1. */
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Case> run;
    private static String backend;

    @BeforeAll
    static void runVectors() throws Exception {
        Vectors.Wycheproof file = Vectors.wycheproof(FILE);
        harness = PolicyHarness.install("DEFAULT");
        backend = harness.backend("Signature", SIGNATURE).getName();
        for (Vectors.Group g : file.groups()) {
            assertEquals(
                    "SHA-256/MGF1/SHA-256/32",
                    g.string("sha") + "/" + g.string("mgf") + "/" + g.string("mgfSha") + "/" + g.integer("sLen"),
                    "parameters of a group of " + FILE);
        }
        run = VectorRun.run(
                "Wycheproof " + FILE,
                harness,
                file.cases(),
                Vectors.Case::label,
                List.of(new VectorRun.Operation<>(
                        "verify",
                        (e, c) -> Operations.verify(e, c, "RSA", SIGNATURE, PSS),
                        Operations::verifyConforms)));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    @Test
    void backendAlone_givesWycheproofResults_exceptKnownDeviations(TestReporter reporter) {
        var known = run.assertBackendConforms(Operations.knownDeviations(backend, FILE));
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend " + backend + " on JDK "
                        + Runtime.version().feature() + ", known deviations seen " + known);
    }

    @Test
    void policyLayer_givesTheBackendsVerdict_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(108, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
