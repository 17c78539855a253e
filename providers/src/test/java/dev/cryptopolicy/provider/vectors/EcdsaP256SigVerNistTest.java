package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * NIST CAVP ECDSA signature verification, {@code [P-256,SHA-256]}, through policy DEFAULT. The
 * records give Q as affine coordinates and the signature as (R, S); they are turned into an
 * {@link ECPublicKeySpec} and a DER signature for {@code SHA256withECDSA}.
 */
class EcdsaP256SigVerNistTest {
    static final String FILE = "ecdsa_p256_SigVer.rsp";
    static final String SIGNATURE = "SHA256withECDSA";

    private static PolicyHarness harness;
    private static VectorRun<Vectors.Rsp> run;

    @BeforeAll
    static void runVectors() throws Exception {
        List<Vectors.Rsp> records = Vectors.nist(FILE);
        for (Vectors.Rsp r : records) {
            assertEquals("P-256,SHA-256", r.section(), r.label());
        }
        harness = PolicyHarness.install("DEFAULT");
        run = VectorRun.run(
                "NIST " + FILE,
                harness,
                records,
                Vectors.Rsp::label,
                List.of(new VectorRun.Operation<>(
                        "verify", EcdsaP256SigVerNistTest::verify, (r, v) -> passes(r) ? v.accepted() : v.refused())));
    }

    @AfterAll
    static void uninstall() {
        if (harness != null) {
            harness.uninstall();
        }
    }

    /** {@code Result = P (0 )} or {@code Result = F (3 - S changed)}. */
    private static boolean passes(Vectors.Rsp r) {
        String result = r.get("Result");
        if (!result.startsWith("P") && !result.startsWith("F")) {
            throw new IllegalStateException(r.label() + " has Result [" + result + "]; expected P or F");
        }
        return result.startsWith("P");
    }

    private static Verdict verify(PolicyHarness.Engines engines, Vectors.Rsp r) throws Exception {
        AlgorithmParameters curve = engines.algorithmParameters("EC");
        curve.init(new ECGenParameterSpec("secp256r1"));
        ECPoint q = new ECPoint(new BigInteger(1, r.bytes("Qx")), new BigInteger(1, r.bytes("Qy")));
        PublicKey key = engines.keyFactory("EC")
                .generatePublic(new ECPublicKeySpec(q, curve.getParameterSpec(ECParameterSpec.class)));
        Signature s = engines.signature(SIGNATURE);
        s.initVerify(key);
        s.update(r.bytes("Msg"));
        return Verdict.verified(
                s.verify(Operations.derSignature(new BigInteger(1, r.bytes("R")), new BigInteger(1, r.bytes("S")))));
    }

    @Test
    void backendAlone_givesTheNistResults(TestReporter reporter) throws Exception {
        run.assertBackendConforms(r -> false);
        reporter.publishEntry(
                FILE,
                run.vectors() + " vectors, backend "
                        + harness.backend("Signature", SIGNATURE).getName());
    }

    @Test
    void policyLayer_givesTheBackendsVerdict_onEveryVector(TestReporter reporter) {
        assertEquals(0, run.assertPolicyAgrees());
        assertEquals(15, run.vectors());
        reporter.publishEntry(FILE, run.rows().size() + " verdicts agree through both policy routes");
    }
}
