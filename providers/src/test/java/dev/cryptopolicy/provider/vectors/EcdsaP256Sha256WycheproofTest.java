package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Wycheproof ECDSA P-256 with SHA-256, DER signatures, through policy DEFAULT. */
class EcdsaP256Sha256WycheproofTest {
    private static final String FILE = KnownDeviations.ECDSA_P256;
    private static final String SIGNATURE = "SHA256withECDSA";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Case> run;
    private static String backend;

    @BeforeAll
    static void runVectors() throws Exception {
        Vectors.Wycheproof file = Vectors.wycheproof(FILE);
        harness = PolicyHarness.install("DEFAULT");
        backend = harness.backend("Signature", SIGNATURE).getName();
        run = VectorRun.run(
                "Wycheproof " + FILE,
                harness,
                file.cases(),
                Vectors.Case::label,
                List.of(new VectorRun.Operation<>(
                        "verify",
                        (e, c) -> Operations.verify(e, c, "EC", SIGNATURE, null),
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
        assertEquals(484, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
