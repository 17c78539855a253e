package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Wycheproof X25519 (RFC 7748), through policy DEFAULT. Raw keys are wrapped in their X.509 and
 * PKCS#8 encodings, so the JDK's decoder applies RFC 7748's masking of the public key's top bit.
 */
class X25519WycheproofTest {
    static final String FILE = "x25519_test.json";
    static final String AGREEMENT = "X25519";

    /** SubjectPublicKeyInfo for id-X25519 (1.3.101.110), followed by the 32-byte u-coordinate. */
    private static final byte[] X509_PREFIX = Vectors.hex("302a300506032b656e032100");
    /** PrivateKeyInfo v0 for id-X25519, followed by the 32-byte scalar. */
    private static final byte[] PKCS8_PREFIX = Vectors.hex("302e020100300506032b656e04220420");

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Case> run;

    @BeforeAll
    static void runVectors() throws Exception {
        Vectors.Wycheproof file = Vectors.wycheproof(FILE);
        for (Vectors.Group g : file.groups()) {
            assertEquals("curve25519", g.string("curve"), "curve of a group of " + FILE);
        }
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run(
                "Wycheproof " + FILE,
                harness,
                file.cases(),
                Vectors.Case::label,
                List.of(new VectorRun.Operation<>(
                        "agree",
                        X25519WycheproofTest::agree,
                        (c, v) -> c.expected().admits(v.outputs(c.bytes("shared")), v.refused()))));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    private static Verdict agree(PolicyHarness.Engines engines, Vectors.Case c) throws Exception {
        KeyFactory factory = engines.keyFactory(AGREEMENT);
        PrivateKey mine =
                factory.generatePrivate(new PKCS8EncodedKeySpec(Operations.concat(PKCS8_PREFIX, c.bytes("private"))));
        PublicKey theirs =
                factory.generatePublic(new X509EncodedKeySpec(Operations.concat(X509_PREFIX, c.bytes("public"))));
        KeyAgreement agreement = engines.keyAgreement(AGREEMENT);
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return Verdict.output(agreement.generateSecret());
    }

    @Test
    void backendAlone_givesWycheproofResults(TestReporter reporter) throws Exception {
        run.assertBackendConforms(c -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend "
                        + harness.backend("KeyAgreement", AGREEMENT).getName());
    }

    @Test
    void policyLayer_givesTheBackendsVerdict_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(518, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
