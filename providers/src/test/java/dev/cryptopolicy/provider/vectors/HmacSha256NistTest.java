package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** NIST CAVP HMAC-SHA-256 ({@code [L=32]}: 40- to 74-byte keys, tags cut to 16, 24 or 32 bytes), through policy DEFAULT. */
class HmacSha256NistTest {
    static final String FILE = "HMAC_256.rsp";
    static final String MAC = "HmacSHA256";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Rsp> run;

    @BeforeAll
    static void runVectors() throws Exception {
        List<Vectors.Rsp> records = Vectors.nist(FILE);
        for (Vectors.Rsp r : records) {
            assertEquals("L=32", r.section(), r.label());
            assertEquals(r.integer("Klen"), r.bytes("Key").length, r.label() + " Klen");
            assertEquals(r.integer("Tlen"), r.bytes("Mac").length, r.label() + " Tlen");
        }
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run(
                "NIST " + FILE,
                harness,
                records,
                Vectors.Rsp::label,
                List.of(new VectorRun.Operation<>(
                        "mac", HmacSha256NistTest::mac, (r, v) -> v.outputStartsWith(r.bytes("Mac")))));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    /** The full 32-byte tag; CAVP's {@code Mac} is its first {@code Tlen} bytes. */
    private static Verdict mac(PolicyHarness.Engines engines, Vectors.Rsp r) throws Exception {
        Mac mac = engines.mac(MAC);
        mac.init(new SecretKeySpec(r.bytes("Key"), MAC));
        return Verdict.output(mac.doFinal(r.bytes("Msg")));
    }

    @Test
    void backendAlone_givesTheNistTags(TestReporter reporter) throws Exception {
        run.assertBackendConforms(r -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend "
                        + harness.backend("Mac", MAC).getName());
    }

    @Test
    void policyLayer_givesTheBackendsTag_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(225, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " tags agree through both policy routes");
    }
}
