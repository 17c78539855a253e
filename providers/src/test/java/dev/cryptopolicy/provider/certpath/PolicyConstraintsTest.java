package dev.cryptopolicy.provider.certpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.Scope;
import java.nio.file.Path;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyConstraintsTest {
    private static final Set<CryptoPrimitive> SIGNATURE = EnumSet.of(CryptoPrimitive.SIGNATURE);
    private static final PolicyConstraints DEFAULT_TLS = Policies.constraints("DEFAULT", Scope.TLS);
    private static final PolicyConstraints LEGACY_TLS = Policies.constraints("LEGACY", Scope.TLS);

    private static final AlgorithmConstraints PERMIT_ALL = ApplicationConstraints.PERMIT_ALL;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SHA1withRSA",
                "rsa_pkcs1_sha1",
                "ecdsa_sha1",
                "SHA1withECDSA",
                "1.2.840.113549.1.1.5",
                "SHA1withRSAandMGF1",
                "TLSv1.1",
                "TLSv1",
                "SSL_RSA_WITH_3DES_EDE_CBC_SHA"
            })
    void whatDefaultDenies_isRefused_andLegacyPermitsIt(String name) {
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, name, null), name);
        assertNotNull(DEFAULT_TLS.refusal(name, null));
        assertTrue(
                LEGACY_TLS.permits(SIGNATURE, name, null), name + " under LEGACY: " + LEGACY_TLS.refusal(name, null));
    }

    /**
     * Look-alike spellings (U+017F LONG S, U+0131 DOTLESS I) of names, as a certificate's signature
     * algorithm name or a TLS name: not known to the policy, so refused even where the name they
     * look like is permitted; the ASCII spelling in another case is permitted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u017FHA256withRSA", "SHA256w\u0131thRSA", "\u017Fecp256r1", "TL\u017Fv1.3"})
    void lookAlikeNames_areUnknown_andRefused(String name) {
        assertFalse(LEGACY_TLS.permits(SIGNATURE, name, null), name);
        assertTrue(LEGACY_TLS.refusal(name, null).contains("is not known to policy LEGACY"), name);
        String ascii = name.replace('\u017F', 'S').replace('\u0131', 'I');
        assertTrue(LEGACY_TLS.permits(SIGNATURE, ascii, null), ascii);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TLSv1.3",
                "TLSv1.2",
                "TLS_AES_128_GCM_SHA256",
                "tls_ecdhe_rsa_with_aes_128_gcm_sha256",
                "x25519",
                "secp256r1",
                "ffdhe2048",
                "rsa_pss_rsae_sha256",
                "rsa_pkcs1_sha256",
                "ecdsa_secp256r1_sha256",
                "ed25519",
                "RSASSA-PSS",
                "SHA256withRSA",
                "SHA384withECDSA",
                "SHA256withRSAandMGF1",
                "Ed25519",
                "EdDSA",
                "RSA",
                "EC",
                "XDH",
                "DiffieHellman",
                "1.2.840.113549.1.1.11"
            })
    void whatDefaultAllows_isPermitted(String name) {
        assertTrue(DEFAULT_TLS.permits(SIGNATURE, name, null), name + ": " + DEFAULT_TLS.refusal(name, null));
    }

    @Test
    void namesThePolicyDoesNotKnow_areRefused() {
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, "MadeUpWithRSA", null));
        assertTrue(DEFAULT_TLS.refusal("MadeUpWithRSA", null).contains("is not known to policy DEFAULT"));
        assertFalse(LEGACY_TLS.permits(SIGNATURE, "TLS_MADE_UP_SUITE", null));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, null, null));
    }

    @Test
    void refusals_nameTheRule() {
        String signature = DEFAULT_TLS.refusal("SHA1withRSA", null);
        assertTrue(signature.contains("algorithms.Signature") && signature.contains("DEFAULT.yaml"), signature);
        String protocol = DEFAULT_TLS.refusal("TLSv1.1", null);
        assertTrue(protocol.contains("tls.min_protocol"), protocol);
    }

    @Test
    void sha1InCertificates_followsSha1Certificates_andSha1InTheHandshakeFollowsSha1Signatures(@TempDir Path dir)
            throws Exception {
        PolicyConstraints noCertsTls = Policies.constraints(Policies.sha1(dir, "allow", "deny"), Scope.TLS);
        PolicyConstraints noCertsPath = Policies.constraints(Policies.sha1(dir, "allow", "deny"), Scope.CERTPATH);
        assertTrue(noCertsTls.permits(SIGNATURE, "SHA1withRSA", null), noCertsTls.refusal("SHA1withRSA", null));
        String refusal = noCertsPath.refusal("SHA1withRSA", null);
        assertTrue(refusal.contains("sha1.certificates") && refusal.contains("in scope certpath"), refusal);
        PolicyConstraints certsOnlyTls = Policies.constraints(Policies.sha1(dir, "deny", "allow"), Scope.TLS);
        PolicyConstraints certsOnlyPath = Policies.constraints(Policies.sha1(dir, "deny", "allow"), Scope.CERTPATH);
        assertTrue(certsOnlyPath.permits(SIGNATURE, "SHA1withRSA", null), certsOnlyPath.refusal("SHA1withRSA", null));
        assertTrue(certsOnlyTls.refusal("SHA1withRSA", null).contains("sha1.signatures"));
    }

    @Test
    void rsaPss_isDecidedByItsDigests() throws Exception {
        assertTrue(DEFAULT_TLS.permits(SIGNATURE, "RSASSA-PSS", pss("SHA-256", "SHA-256")));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, "RSASSA-PSS", pss("SHA-1", "SHA-1")));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, "RSASSA-PSS", pss("SHA-256", "SHA-1")));
        assertEquals(
                DEFAULT_TLS.refusal("SHA1withRSA/PSS", null), DEFAULT_TLS.refusal("RSASSA-PSS", pss("SHA-1", "SHA-1")));
    }

    @Test
    void keys_areJudgedByTheKeyRules() throws Exception {
        PublicKey rsa1024 = leafKey("rsa1024-leaf");
        PublicKey rsa2048 = leafKey("good");
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, rsa1024));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, "SHA256withRSA", rsa1024, null));
        assertTrue(DEFAULT_TLS.refusal(rsa1024).contains("keys.rsa.min_bits"), DEFAULT_TLS.refusal(rsa1024));
        assertTrue(DEFAULT_TLS.permits(SIGNATURE, rsa2048));
        assertTrue(DEFAULT_TLS.permits(SIGNATURE, "SHA256withRSA", rsa2048, null));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, "SHA1withRSA", rsa2048, null));
        assertTrue(LEGACY_TLS.permits(SIGNATURE, rsa1024));
        assertFalse(Policies.constraints("FUTURE", Scope.CERTPATH).permits(SIGNATURE, rsa2048));
        assertFalse(DEFAULT_TLS.permits(SIGNATURE, (Key) null));
    }

    @Test
    void anApplicationsConstraintsThatPermitEverything_doNotLoosenThePolicy() {
        AlgorithmConstraints both = DEFAULT_TLS.and(PERMIT_ALL);
        assertFalse(both.permits(SIGNATURE, "SHA1withRSA", null));
        assertTrue(both.permits(SIGNATURE, "SHA256withRSA", null));
        assertTrue(PERMIT_ALL.permits(SIGNATURE, "SHA1withRSA", null), "control: the application's own permit it");
        AlgorithmConstraints refusesRsa = new ApplicationConstraints("RSA");
        assertFalse(
                DEFAULT_TLS.and(refusesRsa).permits(SIGNATURE, "SHA256withRSA", null),
                "the application's refusals hold too");
    }

    @Test
    void combining_doesNotNest() {
        AlgorithmConstraints both = DEFAULT_TLS.and(PERMIT_ALL);
        assertSame(both, DEFAULT_TLS.and(both));
        assertSame(DEFAULT_TLS, DEFAULT_TLS.and(null));
        assertSame(DEFAULT_TLS, DEFAULT_TLS.and(DEFAULT_TLS));
        assertTrue(DEFAULT_TLS.heldBy(both) && DEFAULT_TLS.heldBy(DEFAULT_TLS));
        assertFalse(DEFAULT_TLS.heldBy(PERMIT_ALL) || LEGACY_TLS.heldBy(both));
    }

    @Test
    void auditMode_permitsWhatItWouldRefuse(@TempDir Path dir) throws Exception {
        PolicyConstraints audit = Policies.constraints(Policies.auditDefault(dir), Scope.TLS);
        assertTrue(audit.permits(SIGNATURE, "SHA1withRSA", null));
        assertTrue(audit.permits(SIGNATURE, leafKey("rsa1024-leaf")));
        assertNotNull(audit.refusal("SHA1withRSA", null), "the policy's decision is still a refusal");
        assertNull(audit.refusal("SHA256withRSA", null));
    }

    private static AlgorithmParameters pss(String digest, String mgfDigest) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
        parameters.init(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgfDigest), 20, 1));
        return parameters;
    }

    private static PublicKey leafKey(String chain) throws Exception {
        return TestChains.certificates(TestChains.leaf(TestChains.dir(), chain))
                .get(0)
                .getPublicKey();
    }
}
