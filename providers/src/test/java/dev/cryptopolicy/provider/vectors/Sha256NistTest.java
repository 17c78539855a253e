package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** NIST CAVP SHA-256 short messages (0 to 512 bits), through policy DEFAULT. */
class Sha256NistTest {
    static final String FILE = "SHA256ShortMsg.rsp";
    static final String DIGEST = "SHA-256";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Rsp> run;

    @BeforeAll
    static void runVectors() throws Exception {
        List<Vectors.Rsp> records = Vectors.nist(FILE);
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run("NIST " + FILE, harness, records, Vectors.Rsp::label, List.of(Operations.digest(DIGEST)));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    @Test
    void backendAlone_givesTheNistDigests(TestReporter reporter) throws Exception {
        run.assertBackendConforms(r -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend "
                        + harness.backend("MessageDigest", DIGEST).getName());
    }

    @Test
    void policyLayer_givesTheBackendsDigest_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(65, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " digests agree through both policy routes");
    }
}
