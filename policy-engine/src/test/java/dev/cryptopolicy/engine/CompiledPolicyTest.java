package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledPolicyTest {

    private static CompiledPolicy load(String reference) throws PolicyException {
        return TestPolicies.standard().loader().load(reference);
    }

    private static CompiledPolicy loadWith(String extra) throws PolicyException {
        return TestPolicies.standard()
                .with("X", TestPolicies.BASE + extra)
                .loader()
                .load("X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256withRSA", "SHA256WITHRSA", "sha256withrsa", "1.2.840.113549.1.1.11"})
    void signatureNamesAliasesAndOids_decideAlike(String name) throws Exception {
        Decision d = load("BASE").decide(ServiceType.SIGNATURE, name, Scope.ANY);
        assertTrue(d.allowed(), d::toString);
        assertEquals(
                load("BASE")
                        .decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.ANY)
                        .toString(),
                d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SHA256", "sha-256", "2.16.840.1.101.3.4.2.1"})
    void digestNamesAliasesAndOids_areTheSameFeature(String name) throws Exception {
        CompiledPolicy p = load("BASE");
        assertSame(
                p.decide(ServiceType.MESSAGE_DIGEST, "SHA-256", Scope.ANY),
                p.decide(ServiceType.MESSAGE_DIGEST, name, Scope.ANY));
    }

    @Test
    void sha1Signatures_areDeniedBySha1RuleWithItsOrigin() throws Exception {
        Decision d = load("BASE").decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        assertFalse(d.allowed());
        assertEquals("sha1.signatures", d.rule());
        assertEquals("BASE.yaml", d.origin().file());
        assertEquals(16, d.origin().line());
    }

    @Test
    void unknownAlgorithm_isDenied() throws Exception {
        Decision d = load("BASE").decide(ServiceType.CIPHER, "Rot13/ECB/NoPadding", Scope.ANY);
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("not a Cipher algorithm known"), d.reason());
    }

    @Test
    void algorithmOutsideFeatureSet_isDenied() throws Exception {
        Decision d = load("BASE").decide(ServiceType.CIPHER, "DESede/CBC/PKCS5Padding", Scope.ANY);
        assertFalse(d.allowed());
        assertEquals("algorithms.Cipher", d.rule());
    }

    @Test
    void denyRuleOnAComponent_reachesSignaturesAndTlsSuites() throws Exception {
        CompiledPolicy p = loadWith("deny:\n  - algorithm: SHA1\n    scopes: [tls]\n");
        // SHA1withECDSA is denied by sha1.signatures anyway; the HMAC and the suite show the rule reaching components.
        assertFalse(p.decide(ServiceType.MAC, "HmacSHA1", Scope.TLS).allowed());
        assertEquals("deny[0]", p.decide(ServiceType.MAC, "HmacSHA1", Scope.TLS).rule());
        assertTrue(
                p.decide(ServiceType.MAC, "HmacSHA1", Scope.ANY).allowed(),
                "a tls-scoped rule must not apply elsewhere");
        assertFalse(p.decideTls(TlsKind.CIPHER_SUITE, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
                .allowed());
        assertFalse(p.tls().cipherSuites().contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        assertTrue(p.tls().cipherSuites().contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void denyRuleOnSha1_reachesSha1withEcdsaWhenSignaturesAreOtherwiseAllowed() throws Exception {
        CompiledPolicy p = TestPolicies.standard()
                .with(
                        "X",
                        TestPolicies.BASE.replace("signatures: deny", "signatures: allow")
                                + "deny:\n  - algorithm: SHA1\n    services: [Signature]\n")
                .loader()
                .load("X");
        Decision d = p.decide(ServiceType.SIGNATURE, "SHA1withECDSA", Scope.JAR);
        assertFalse(d.allowed());
        assertEquals("deny[0]", d.rule());
        assertTrue(
                p.decide(ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.JAR).allowed(), "the rule is limited to Signature");
    }

    @Test
    void keyBelowMinimum_isDeniedWithValueRuleAndLocation() throws Exception {
        Decision d = load("BASE").decideKey("RSA", 1024, null, Scope.ANY);
        assertFalse(d.allowed());
        assertEquals(
                "RSA key of 1024 bits is below the minimum of 2048 bits of policy BASE (keys.rsa.min_bits, BASE.yaml:13)",
                d.explain("RSA key of 1024 bits"));
        assertTrue(load("BASE").decideKey("RSA", 2048, null, Scope.ANY).allowed());
        assertTrue(load("BASE").decideKey("RSASSA-PSS", 4096, null, Scope.ANY).allowed());
        assertFalse(load("BASE").decideKey("rsassa-pss", 1024, null, Scope.ANY).allowed());
    }

    @Test
    void scopedKeySizeRule_raisesTheMinimumOnlyInItsScope() throws Exception {
        CompiledPolicy p = loadWith("deny:\n  - algorithm: RSA\n    key_size_below: 3072\n    scopes: [tls]\n");
        assertEquals(3072, p.minKeyBits(KeyFamily.RSA, Scope.TLS));
        assertEquals(2048, p.minKeyBits(KeyFamily.RSA, Scope.ANY));
        assertFalse(p.decideKey("RSA", 2048, null, Scope.TLS).allowed());
        assertEquals("deny[0]", p.decideKey("RSA", 2048, null, Scope.TLS).rule());
        assertTrue(p.decideKey("RSA", 2048, null, Scope.ANY).allowed());
        assertTrue(
                p.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.TLS).allowed(),
                "a key-size rule does not ban the algorithm");
    }

    @Test
    void curves_areCheckedByName() throws Exception {
        CompiledPolicy p = load("BASE");
        assertTrue(p.decideKey("EC", 0, "secp256r1", Scope.ANY).allowed());
        assertTrue(p.decideKey("EC", 0, "P-256", Scope.ANY).allowed());
        assertFalse(p.decideKey("EC", 256, "secp256k1", Scope.ANY).allowed());
        assertFalse(p.decideKey("EC", 0, "secp521r1", Scope.ANY).allowed(), "not listed in keys.ec.curves");
        assertTrue(p.decideKey("X25519", 0, null, Scope.ANY).allowed());
        assertFalse(p.decideKey("X448", 0, null, Scope.ANY).allowed());
        assertFalse(
                p.decideKey("XDH", 0, null, Scope.ANY).allowed(),
                "a generic XDH key without a curve cannot be checked");
    }

    @Test
    void symmetricMinimum_deniesFixedSizeTransformationsAndKeys() throws Exception {
        CompiledPolicy p = TestPolicies.standard()
                .with("X", TestPolicies.BASE.replace("keys:\n", "keys:\n  symmetric: {min_bits: 256}\n"))
                .loader()
                .load("X");
        assertFalse(
                p.decide(ServiceType.CIPHER, "AES_128/GCM/NoPadding", Scope.ANY).allowed());
        assertEquals(
                "keys.symmetric.min_bits",
                p.decide(ServiceType.CIPHER, "AES_128/GCM/NoPadding", Scope.ANY).rule());
        assertTrue(
                p.decide(ServiceType.CIPHER, "AES_256/GCM/NoPadding", Scope.ANY).allowed());
        assertFalse(p.decideKey("AES", 128, null, Scope.ANY).allowed());
        assertTrue(p.decideKey("AES", 256, null, Scope.ANY).allowed());
    }

    @Test
    void auditMode_isReportedButDecisionsStayTheSame() throws Exception {
        CompiledPolicy p = load("BASE:AUDIT");
        assertEquals(Mode.AUDIT, p.mode());
        assertFalse(p.enforcing());
        assertFalse(p.decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY).allowed());
        assertTrue(p.warnings().stream().anyMatch(w -> w.rule().equals("audit-mode")));
    }

    @Test
    void requestDecision_checksTheKeyOfAnAllowedAlgorithm() throws Exception {
        CompiledPolicy p = load("BASE");
        assertFalse(p.decide(new Request(ServiceType.KEY_PAIR_GENERATOR, "RSA", null, 1024, null, Scope.ANY))
                .allowed());
        assertTrue(p.decide(new Request(ServiceType.KEY_PAIR_GENERATOR, "RSA", null, 2048, null, Scope.ANY))
                .allowed());
        assertFalse(p.decide(new Request(ServiceType.SIGNATURE, "SHA256withRSA", null, 1024, null, Scope.ANY))
                .allowed());
        assertFalse(p.decide(new Request(ServiceType.KEY_PAIR_GENERATOR, "DSA", null, 2048, null, Scope.ANY))
                .allowed());
    }

    @Test
    void tlsSettings_followTheRestOfThePolicy() throws Exception {
        CompiledPolicy p = load("BASE");
        assertEquals(java.util.List.of("TLSv1.3", "TLSv1.2"), p.tls().protocols());
        assertFalse(p.tls().namedGroups().contains("ffdhe2048"), "no DiffieHellman key agreement in the feature set");
        assertFalse(p.tls().namedGroups().contains("x448"), "X448 is not an allowed curve");
        assertTrue(p.tls().namedGroups().contains("x25519"));
        assertFalse(p.tls().signatureSchemes().contains("rsa_pkcs1_sha1"));
        assertTrue(p.tls().signatureSchemes().contains("ed25519"));
        assertFalse(p.tls().signatureSchemes().contains("ecdsa_secp521r1_sha512"), "secp521r1 is not an allowed curve");
        assertFalse(
                p.tls().cipherSuites().stream().anyMatch(s -> s.startsWith("TLS_DHE_")),
                "no DHE without DiffieHellman");
    }

    @Test
    void listedTlsSuiteThePolicyDenies_isWarnedAboutAndNotEnabled() throws Exception {
        CompiledPolicy p = loadWith("  cipher_suites: [TLS_AES_128_GCM_SHA256, TLS_RSA_WITH_3DES_EDE_CBC_SHA]\n");
        assertEquals(java.util.List.of("TLS_AES_128_GCM_SHA256"), p.tls().cipherSuites());
        assertTrue(
                p.warnings().stream()
                        .anyMatch(w ->
                                w.rule().equals("tls-consistent") && w.value().equals("TLS_RSA_WITH_3DES_EDE_CBC_SHA")),
                p.warnings()::toString);
    }

    @Test
    void decisions_doNotAllocate() throws Exception {
        CompiledPolicy p = load("BASE");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int allowed = 0;
        for (int i = 0; i < 20_000; i++) { // warm up
            allowed +=
                    p.decide(ServiceType.SIGNATURE, "sha256withrsa", Scope.ANY).allowed() ? 1 : 0;
            allowed += p.decideKey("RSA", 2048, null, Scope.TLS).allowed() ? 1 : 0;
        }
        // The measured calls once before measuring: a name in another case than the catalog's builds
        // its table's case-folded half at the first such lookup (once per table, not per call).
        allowed += p.decideKey("EC", 0, "secp256r1", Scope.TLS).allowed() ? 1 : 0;
        allowed += p.decide(ServiceType.CIPHER, "nope", Scope.ANY).allowed() ? 1 : 0;
        allowed += p.decideTls(TlsKind.PROTOCOL, "TLSv1.3").allowed() ? 1 : 0;
        allowed += p.decideTls(TlsKind.CIPHER_SUITE, "TLS_NOPE").allowed() ? 1 : 0;
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            allowed +=
                    p.decide(ServiceType.SIGNATURE, "sha256withrsa", Scope.ANY).allowed() ? 1 : 0;
            allowed += p.decideKey("EC", 0, "secp256r1", Scope.TLS).allowed() ? 1 : 0;
            allowed += p.decide(ServiceType.CIPHER, "nope", Scope.ANY).allowed() ? 1 : 0;
            allowed += p.decideTls(TlsKind.PROTOCOL, "TLSv1.3").allowed() ? 1 : 0;
            // An unknown TLS name gets the policy's one refusal for its kind, not a new one.
            allowed += p.decideTls(TlsKind.CIPHER_SUITE, "TLS_NOPE").allowed() ? 1 : 0;
        }
        long after = threads.getThreadAllocatedBytes(id);
        assertEquals(340_002, allowed);
        // A few hundred bytes of slack for the MXBean call itself; a per-call allocation would be megabytes.
        assertTrue(after - before < 4096, "decisions allocated " + (after - before) + " bytes");
    }

    @Test
    void keysThatCannotBeMeasured_areRefusedByDefault_naming_keysUnmeasured() throws Exception {
        Decision d = load("BASE").decideUnmeasuredKey("RSA");
        assertFalse(d.allowed());
        assertEquals("keys.unmeasured", d.rule());
        assertTrue(d.origin().isBuiltIn());
        assertTrue(d.explain("RSA key").contains("could not be determined"), d.explain("RSA key"));
        for (String family : new String[] {"EC", "DH", "DSA", "X25519", "AES"}) {
            assertFalse(load("BASE").decideUnmeasuredKey(family).allowed(), family);
        }
        // Keys no size rule applies to need no measuring.
        assertTrue(load("BASE").decideUnmeasuredKey("HmacSHA256").allowed());
        assertTrue(load("BASE").decideUnmeasuredKey(null).allowed());
    }

    @Test
    void unmeasuredAllow_allowsThem_fromWhereItIsWritten() throws Exception {
        CompiledPolicy p = TestPolicies.standard()
                .with(
                        "X",
                        TestPolicies.BASE.replace(
                                "  rsa: {min_bits: 2048}\n", "  rsa: {min_bits: 2048}\n  unmeasured: allow\n"))
                .loader()
                .load("X");
        Decision d = p.decideUnmeasuredKey("RSA");
        assertTrue(d.allowed());
        assertEquals("keys.unmeasured", d.rule());
        assertEquals(14, d.origin().line());
        // Measured keys are decided as before.
        assertFalse(p.decideKey("RSA", 1024, null, Scope.ANY).allowed());
    }
}
