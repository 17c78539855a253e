package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Wycheproof HMAC-SHA256 (128-, 256- and 520-bit keys; full and 128-bit tags), through policy DEFAULT. */
class HmacSha256WycheproofTest {
    static final String FILE = "hmac_sha256_test.json";
    static final String MAC = "HmacSHA256";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Case> run;

    @BeforeAll
    static void runVectors() throws Exception {
        Vectors.Wycheproof file = Vectors.wycheproof(FILE);
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run("Wycheproof " + FILE, harness, file.cases(), Vectors.Case::label, List.of(operation()));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    /** Computes the full tag; the vector is matched when its (possibly truncated) tag is a prefix of it. */
    static VectorRun.Operation<Vectors.Case> operation() {
        return new VectorRun.Operation<>("mac", HmacSha256WycheproofTest::mac, (c, v) -> {
            boolean matches =
                    c.bytes("tag").length * 8 == c.group().integer("tagSize") && v.outputStartsWith(c.bytes("tag"));
            return c.expected().admits(matches, !matches);
        });
    }

    private static Verdict mac(PolicyHarness.Engines engines, Vectors.Case c) throws Exception {
        Mac mac = engines.mac(MAC);
        mac.init(new SecretKeySpec(c.bytes("key"), MAC));
        return Verdict.output(mac.doFinal(c.bytes("msg")));
    }

    @Test
    void backendAlone_givesWycheproofResults(TestReporter reporter) throws Exception {
        run.assertBackendConforms(c -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend "
                        + harness.backend("Mac", MAC).getName());
    }

    @Test
    void policyLayer_givesTheBackendsVerdict_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(174, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
