package dev.cryptopolicy.provider.certpath;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.TrustAnchor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker alone, over each test chain, without a JDK validator around it. */
class PolicyCertPathCheckerTest {
    private static final CompiledPolicy DEFAULT = Policies.load("DEFAULT");

    @ParameterizedTest
    @CsvSource({
        "sha1-leaf, CN=sha1-leaf, algorithms.Signature",
        "rsa1024-leaf, CN=rsa1024-leaf, keys.rsa.min_bits",
        "sha1-intermediate, CN=Intermediate, algorithms.Signature",
    })
    void aWeakCertificate_isRefusedUnderDefault_namingItAndTheRule(String chain, String subject, String rule) {
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class, () -> checkPath(DEFAULT, chain));
        assertTrue(
                e.getMessage().contains("certificate " + subject)
                        && e.getMessage().contains(rule)
                        && e.getMessage().contains("policy DEFAULT"),
                e.getMessage());
        assertEquals(BasicReason.ALGORITHM_CONSTRAINED, e.getReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1-leaf", "rsa1024-leaf", "sha1-intermediate", "rsa1024-root", "sha1-root", "good"})
    void everyChain_passesUnderLegacy(String chain) {
        assertDoesNotThrow(() -> checkPath(Policies.load("LEGACY"), chain));
    }

    @Test
    void sha1Certificates_followSha1Certificates_whenTheFeatureSetHasSha1Signatures(@TempDir Path dir)
            throws Exception {
        CompiledPolicy noCerts = Policies.sha1(dir, "allow", "deny");
        CertPathValidatorException e =
                assertThrows(CertPathValidatorException.class, () -> checkPath(noCerts, "sha1-leaf"));
        assertTrue(e.getMessage().contains("sha1.certificates"), e.getMessage());
        assertDoesNotThrow(() -> checkPath(Policies.sha1(dir, "deny", "allow"), "sha1-intermediate"));
    }

    @Test
    void aGoodChain_passesUnderDefault() {
        assertDoesNotThrow(() -> checkPath(DEFAULT, "good"));
    }

    @Test
    void theAnchorsKey_isChecked_butNotItsOwnSignature() throws Exception {
        CertPathValidatorException e =
                assertThrows(CertPathValidatorException.class, () -> checkPath(DEFAULT, "rsa1024-root"));
        assertTrue(
                e.getMessage().contains("trust anchor CN=rsa1024-root root")
                        && e.getMessage().contains("keys.rsa.min_bits"),
                e.getMessage());
        assertDoesNotThrow(
                () -> checkPath(DEFAULT, "sha1-root"), "a SHA-1 self-signature of the anchor is not checked");
    }

    @Test
    void auditMode_refusesNothing(@TempDir Path dir) throws Exception {
        CompiledPolicy audit = Policies.auditDefault(dir);
        for (String chain : TestChains.NAMES) {
            assertDoesNotThrow(() -> checkPath(audit, chain), chain);
        }
    }

    /** Runs the checker as a validator would, anchor side first, then checks the anchor's key. */
    private static void checkPath(CompiledPolicy policy, String chain) throws Exception {
        PolicyCertPathChecker checker = Policies.enforcement(policy).checker();
        Path dir = TestChains.dir();
        checker.init(false);
        PolicyCertPathValidatorSpi.checkAll(checker, TestChains.path(dir, chain).getCertificates());
        checker.checkAnchor(new TrustAnchor(TestChains.rootCertificate(dir, chain), null));
    }
}
