package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.Severity;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.testkit.TestData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads every shipped policy and modifier through the engine: each file loads without errors and
 * without warnings other than the deliberate ones, every policy composes with every modifier, and a
 * few key facts per policy hold through the decision API.
 */
class ShippedPoliciesTest {

    static final List<String> POLICIES = List.of("LEGACY", "DEFAULT", "FUTURE", "FIPS");
    static final List<String> MODIFIERS =
            List.of("NO-SHA1", "SHA1", "ECDHE-ONLY", "OSPP", "PQ", "MOZILLA-MODERN", "MOZILLA-INTERMEDIATE");
    static final Set<String> MOZILLA = Set.of("MOZILLA-MODERN", "MOZILLA-INTERMEDIATE");

    /** The warnings LEGACY produces on purpose: SHA-1 signatures, small keys, TLS 1.0/1.1, 3DES. */
    static final Set<String> LEGACY_WARNINGS = Set.of("sha1-signatures", "key-size", "tls-version", "weak-algorithm");

    private static final PolicyLoader LOADER = PolicyLoader.standard();

    /**
     * The shipped files rely on a plain list entry that is an exact name meaning that name alone
     * (policy-language.md: entries are names, families or globs; components only reach through
     * {@code -X} edits and deny rules). An engine that also expands exact names to components turns
     * DEFAULT's {@code x25519} into {@code x25519} plus {@code X25519MLKEM768} and PQ's
     * {@code +ML-KEM} into ML-KEM-512 too. Tests whose expectations depend on that are skipped (not
     * failed 26 times over) while it is so; {@link #engine_resolvesExactNamesToThatNameAlone} fails.
     */
    private static final String EXACT_NAMES_PROBLEM = exactNamesProblem();

    // ---- the files themselves -------------------------------------------------------------

    @Test
    void theResourceFolder_holdsExactlyTheShippedPoliciesAndModifiers() throws IOException {
        Set<String> expected = new TreeSet<>(POLICIES);
        expected.addAll(MODIFIERS);
        assertEquals(expected, new TreeSet<>(shippedFiles().keySet()));
    }

    @Test
    void theLoadersListOfShippedNames_matchesTheFiles() throws IOException {
        List<String> listed = LOADER.shippedNames();
        Assumptions.assumeFalse(
                listed.isEmpty(),
                "dev/cryptopolicy/policies/index.txt is missing: the engine lists shipped names from it");
        assertEquals(new TreeSet<>(shippedFiles().keySet()), new TreeSet<>(listed));
    }

    @Test
    void everyFile_opensWithACommentBlockNamingItsIntentAndSources() throws IOException {
        for (Map.Entry<String, String> file : shippedFiles().entrySet()) {
            String text = file.getValue();
            String header = leadingComments(text);
            assertTrue(
                    header.startsWith("# " + file.getKey() + ":"),
                    file.getKey() + ".yaml must open with '# " + file.getKey() + ": <intent>'");
            assertTrue(header.contains("Source"), file.getKey() + ".yaml must name its sources in the opening comment");
        }
    }

    @Test
    void everyFile_declaresItsKindAndItsOwnName() throws IOException {
        for (Map.Entry<String, String> file : shippedFiles().entrySet()) {
            String expectedKind = POLICIES.contains(file.getKey()) ? "policy" : "modifier";
            assertEquals(expectedKind, topLevel(file.getValue(), "kind"), file.getKey() + ".yaml kind");
            assertEquals(file.getKey(), topLevel(file.getValue(), "name"), file.getKey() + ".yaml name");
        }
    }

    // ---- loading and composing ---------------------------------------------------------------

    @Test
    void engine_resolvesExactNamesToThatNameAlone() {
        assertEquals("", EXACT_NAMES_PROBLEM, "the engine's list resolution breaks the shipped policies");
    }

    private static String exactNamesProblem() {
        try {
            List<String> problems = new ArrayList<>();
            CompiledPolicy pq = LOADER.load("DEFAULT:PQ");
            List<String> expectedGroups = List.of(
                    "x25519",
                    "secp256r1",
                    "x448",
                    "secp521r1",
                    "secp384r1",
                    "ffdhe2048",
                    "ffdhe3072",
                    "ffdhe4096",
                    "ffdhe6144",
                    "ffdhe8192",
                    "X25519MLKEM768",
                    "SecP256r1MLKEM768",
                    "SecP384r1MLKEM1024");
            if (!pq.tls().namedGroups().equals(expectedGroups)) {
                problems.add("DEFAULT:PQ named groups are " + pq.tls().namedGroups() + ", expected " + expectedGroups
                        + " (DEFAULT lists x25519, secp256r1, ... by exact name; the hybrids come from PQ, last)");
            }
            if (pq.decide(ServiceType.KEM, "ML-KEM-512", Scope.ANY).allowed()) {
                problems.add("DEFAULT:PQ allows KEM ML-KEM-512, but PQ only adds +ML-KEM, +ML-KEM-768, +ML-KEM-1024"
                        + " by exact name");
            }
            return problems.isEmpty()
                    ? ""
                    : "exact names expand to components (Patterns.match should return only"
                            + " the named entry when the text is a name or alias):\n  " + String.join("\n  ", problems);
        } catch (PolicyException e) {
            return "DEFAULT:PQ does not load: " + e.getMessage();
        }
    }

    private static void assumeExactNames() {
        Assumptions.assumeTrue(
                EXACT_NAMES_PROBLEM.isEmpty(),
                "skipped until the engine resolves exact names exactly: " + EXACT_NAMES_PROBLEM);
    }

    static Stream<String> policies() {
        return POLICIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void policy_loadsWithoutErrorsOrUnexpectedWarnings(String name) {
        CompiledPolicy policy = load(name);
        assumeExactNames();
        assertOnlyExpectedWarnings(name, policy.warnings(), allowedWarnings(name, null));
    }

    @Test
    void legacy_warnsAboutItsDeliberateWeaknesses() {
        Set<String> rules = warningRules(load("LEGACY").warnings());
        assertTrue(rules.contains("sha1-signatures"), "LEGACY must warn that SHA-1 signatures are allowed: " + rules);
        assertTrue(rules.contains("key-size"), "LEGACY must warn about 1024-bit keys: " + rules);
    }

    static Stream<Arguments> compositions() {
        List<Arguments> out = new ArrayList<>();
        for (String policy : POLICIES) {
            for (String modifier : MODIFIERS) {
                out.add(Arguments.of(policy, modifier));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}:{1}")
    @MethodSource("compositions")
    void everyPolicy_composesWithEveryModifier(String policy, String modifier) {
        String reference = policy + ":" + modifier;
        if (MOZILLA.contains(modifier) && (policy.equals("FIPS") || policy.equals("FUTURE"))) {
            // The profile lists suites/groups these bases forbid: they must stay forbidden, and the
            // loader must say so (an error, or a tls-consistent warning with the entry disabled).
            assertContradictionReported(
                    reference,
                    policy.equals("FIPS")
                            ? List.of("x25519", "TLS_CHACHA20_POLY1305_SHA256")
                            : List.of("TLS_AES_128_GCM_SHA256"));
            return;
        }
        CompiledPolicy composed = load(reference);
        assumeExactNames();
        assertOnlyExpectedWarnings(reference, composed.warnings(), allowedWarnings(policy, modifier));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longerChains")
    void longerChains_load(String reference) {
        CompiledPolicy composed = load(reference);
        assumeExactNames();
        String[] parts = reference.split(":");
        Set<String> allowed = new TreeSet<>(allowedWarnings(parts[0], null));
        for (int i = 1; i < parts.length; i++) {
            allowed.addAll(allowedWarnings(parts[0], parts[i]));
        }
        assertOnlyExpectedWarnings(reference, composed.warnings(), allowed);
    }

    static Stream<String> longerChains() {
        return Stream.of(
                "DEFAULT:NO-SHA1:ECDHE-ONLY",
                "LEGACY:NO-SHA1",
                "FIPS:PQ:OSPP",
                "DEFAULT:PQ:MOZILLA-MODERN",
                "DEFAULT:PQ:MOZILLA-INTERMEDIATE",
                "FUTURE:PQ:ECDHE-ONLY",
                "LEGACY:MOZILLA-INTERMEDIATE:NO-SHA1");
    }

    @Test
    void mozillaModern_onOspp_isAnError_becauseItCannotLiftTheTls12Cap() {
        PolicyException e = expectFailure("FIPS:OSPP:MOZILLA-MODERN");
        assertTrue(e.problems().stream().anyMatch(p -> p.rule().equals("tls-range")), e.getMessage());
    }

    // ---- key facts per policy ------------------------------------------------------------------

    @Test
    void default_deniesSha1AndSmallKeys_allowsModernAlgorithms() {
        CompiledPolicy p = load("DEFAULT");
        denied(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "SHA1withECDSA", Scope.TLS);
        denied(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.CERTPATH);
        denied(p, ServiceType.SIGNATURE, "SHA256withDSA", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "MD5withRSA", Scope.ANY);
        assertFalse(p.decideKey("RSA", 1024, null, Scope.ANY).allowed(), "DEFAULT must deny RSA-1024");
        assertTrue(p.decideKey("RSA", 2048, null, Scope.ANY).allowed(), "DEFAULT must allow RSA-2048");
        assertFalse(p.decideKey("EC", 0, "secp256k1", Scope.ANY).allowed(), "DEFAULT must deny secp256k1");
        allowed(p, ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "Ed25519", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "RSASSA-PSS", Scope.TLS);
        allowed(p, ServiceType.CIPHER, "AES/GCM/NoPadding", Scope.ANY);
        allowed(p, ServiceType.CIPHER, "ChaCha20-Poly1305", Scope.ANY);
        allowed(p, ServiceType.CIPHER, "AESWrap", Scope.ANY);
        denied(p, ServiceType.CIPHER, "DESede/CBC/PKCS5Padding", Scope.ANY);
        denied(p, ServiceType.CIPHER, "AES/ECB/PKCS5Padding", Scope.ANY);
        allowed(p, ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY);
        allowed(p, ServiceType.MAC, "HmacSHA1", Scope.ANY);
        allowed(p, ServiceType.KEY_STORE, "PKCS12", Scope.ANY);
        allowed(p, ServiceType.CERTIFICATE_FACTORY, "X.509", Scope.ANY);
        allowed(p, ServiceType.SECURE_RANDOM, "DRBG", Scope.ANY);
        allowed(p, ServiceType.ALGORITHM_PARAMETERS, "EC", Scope.ANY);
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), p.tls().protocols());
        assertTrue(p.tls().cipherSuites().contains("TLS_RSA_WITH_AES_128_GCM_SHA256"));
        assertFalse(p.tls().signatureSchemes().contains("rsa_pkcs1_sha1"));
    }

    @Test
    void legacy_allowsSha1SignaturesDsaAnd3des() {
        CompiledPolicy p = load("LEGACY");
        allowed(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.CERTPATH);
        allowed(p, ServiceType.SIGNATURE, "SHA1withDSA", Scope.TLS);
        assertTrue(p.decideKey("RSA", 1024, null, Scope.ANY).allowed(), "LEGACY must allow RSA-1024");
        assertFalse(p.decideKey("RSA", 768, null, Scope.ANY).allowed(), "LEGACY must deny RSA-768");
        allowed(p, ServiceType.CIPHER, "DESede/CBC/PKCS5Padding", Scope.ANY);
        denied(p, ServiceType.CIPHER, "DES/CBC/PKCS5Padding", Scope.ANY);
        denied(p, ServiceType.CIPHER, "ARCFOUR", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "MD5withRSA", Scope.ANY);
        allowed(p, ServiceType.KEY_STORE, "JKS", Scope.ANY);
        assertTrue(
                p.tls().protocols().contains("TLSv1"),
                "LEGACY must allow TLS 1.0: " + p.tls().protocols());
        assertTrue(p.tls().cipherSuites().contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
        assertEquals("TLS_RSA_WITH_3DES_EDE_CBC_SHA", last(p.tls().cipherSuites()), "3DES must be least preferred");
    }

    @Test
    void future_deniesRsa2048Aes128AndRsaKeyExchange() {
        CompiledPolicy p = load("FUTURE");
        assertFalse(p.decideKey("RSA", 2048, null, Scope.ANY).allowed(), "FUTURE must deny RSA-2048");
        assertTrue(p.decideKey("RSA", 3072, null, Scope.ANY).allowed(), "FUTURE must allow RSA-3072");
        assertFalse(p.decideKey("DiffieHellman", 2048, null, Scope.TLS).allowed(), "FUTURE must deny DH-2048");
        assertFalse(p.decideKey("AES", 128, null, Scope.ANY).allowed(), "FUTURE must deny AES-128");
        assertTrue(p.decideKey("AES", 256, null, Scope.ANY).allowed(), "FUTURE must allow AES-256");
        denied(p, ServiceType.CIPHER, "AES_128/GCM/NoPadding", Scope.ANY);
        allowed(p, ServiceType.CIPHER, "AES_256/GCM/NoPadding", Scope.ANY);
        denied(p, ServiceType.MAC, "HmacSHA1", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "SHA224withECDSA", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
        allowed(p, ServiceType.CIPHER, "ChaCha20-Poly1305", Scope.ANY);
        assertTrue(
                p.tls().cipherSuites().stream().noneMatch(s -> s.startsWith("TLS_RSA_")),
                p.tls().cipherSuites().toString());
        assertTrue(
                p.tls().cipherSuites().stream().noneMatch(s -> s.contains("_CBC_") || s.contains("AES_128")),
                p.tls().cipherSuites().toString());
        assertFalse(p.decideTls(TlsKind.CIPHER_SUITE, "TLS_RSA_WITH_AES_256_GCM_SHA384")
                .allowed());
        assertFalse(p.tls().namedGroups().contains("ffdhe2048"));
    }

    @Test
    void future_keepsRsaKeyExchangeOut_evenWhenAModifierListsItAgain(@TempDir Path dir) throws IOException {
        Path modifier = dir.resolve("rsa-kx.yaml");
        Files.writeString(modifier, "kind: modifier\ntls:\n  cipher_suites: [+TLS_RSA_WITH_AES_256_GCM_SHA384]\n");
        CompiledPolicy p = load("FUTURE:" + modifier);
        Decision d = p.decideTls(TlsKind.CIPHER_SUITE, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        assertFalse(d.allowed(), d.toString());
        assertEquals("FUTURE.yaml", d.origin().file(), d.toString());
        assertFalse(p.tls().cipherSuites().contains("TLS_RSA_WITH_AES_256_GCM_SHA384"));
    }

    @Test
    void fips_deniesX25519ChaCha20AndEdDsa_andRequiresAFipsBackend() {
        CompiledPolicy p = load("FIPS");
        denied(p, ServiceType.KEY_AGREEMENT, "X25519", Scope.ANY);
        denied(p, ServiceType.KEY_PAIR_GENERATOR, "X25519", Scope.ANY);
        assertFalse(p.decideKey("X25519", 0, "X25519", Scope.TLS).allowed(), "FIPS must deny X25519 keys");
        assertFalse(p.decideTls(TlsKind.NAMED_GROUP, "x25519").allowed());
        assertFalse(p.decideTls(TlsKind.NAMED_GROUP, "x448").allowed());
        denied(p, ServiceType.CIPHER, "ChaCha20-Poly1305", Scope.ANY);
        assertFalse(p.decideTls(TlsKind.CIPHER_SUITE, "TLS_CHACHA20_POLY1305_SHA256")
                .allowed());
        denied(p, ServiceType.SIGNATURE, "Ed25519", Scope.ANY);
        denied(p, ServiceType.CIPHER, "RSA/ECB/PKCS1Padding", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
        allowed(p, ServiceType.CIPHER, "AES/GCM/NoPadding", Scope.ANY);
        assertTrue(p.decideKey("EC", 0, "secp384r1", Scope.ANY).allowed());
        assertTrue(
                p.tls().cipherSuites().stream().noneMatch(s -> s.startsWith("TLS_RSA_")),
                p.tls().cipherSuites().toString());
        assertTrue(p.backends().fipsOnly(), "FIPS must require FIPS-validated backends");
        assertEquals(List.of("BCFIPS", "BCJSSE"), p.backends().preference());
    }

    @Test
    void mozillaModern_allowsOnlyTls13() {
        CompiledPolicy p = load("DEFAULT:MOZILLA-MODERN");
        assertEquals(List.of("TLSv1.3"), p.tls().protocols());
        assertFalse(p.decideTls(TlsKind.PROTOCOL, "TLSv1.2").allowed());
        assertEquals(
                List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"),
                p.tls().cipherSuites());
    }

    @Test
    void mozillaIntermediate_raisesLegacyToTls12() {
        CompiledPolicy p = load("LEGACY:MOZILLA-INTERMEDIATE");
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), p.tls().protocols());
    }

    @Test
    void noSha1_removesTheSha1Digest_butKeepsHmacSha1() {
        CompiledPolicy p = load("DEFAULT:NO-SHA1");
        denied(p, ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY);
        denied(p, ServiceType.SECURE_RANDOM, "SHA1PRNG", Scope.ANY);
        allowed(p, ServiceType.MAC, "HmacSHA1", Scope.ANY);
        CompiledPolicy legacy = load("LEGACY:NO-SHA1");
        denied(legacy, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        denied(legacy, ServiceType.SIGNATURE, "SHA1withDSA", Scope.CERTPATH);
        assertTrue(
                legacy.tls().signatureSchemes().stream().noneMatch(s -> s.endsWith("sha1")),
                legacy.tls().signatureSchemes().toString());
    }

    @Test
    void sha1_allowsSha1RsaAndEcdsaSignatures_butNotDsa() {
        CompiledPolicy p = load("DEFAULT:SHA1");
        allowed(p, ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "SHA1withECDSA", Scope.CERTPATH);
        denied(p, ServiceType.SIGNATURE, "SHA1withDSA", Scope.ANY);
        assertTrue(p.tls().signatureSchemes().contains("rsa_pkcs1_sha1"));
    }

    @Test
    void ecdheOnly_leavesOnlyEcdheAndTls13Suites_andNoFfdheGroups() {
        CompiledPolicy p = load("DEFAULT:ECDHE-ONLY");
        for (String suite : p.tls().cipherSuites()) {
            assertTrue(suite.startsWith("TLS_ECDHE_") || !suite.contains("_WITH_"), suite);
        }
        assertTrue(
                p.tls().namedGroups().stream().noneMatch(g -> g.startsWith("ffdhe")),
                p.tls().namedGroups().toString());
        allowed(p, ServiceType.KEY_AGREEMENT, "DiffieHellman", Scope.ANY);
    }

    @Test
    void ospp_onFips_capsTls12AndRaisesKeySizes() {
        CompiledPolicy p = load("FIPS:OSPP");
        assertEquals(List.of("TLSv1.2"), p.tls().protocols());
        assertFalse(p.decideKey("RSA", 2048, null, Scope.ANY).allowed());
        assertTrue(p.decideKey("RSA", 3072, null, Scope.ANY).allowed());
        assertFalse(p.decideKey("AES", 128, null, Scope.ANY).allowed());
        assertFalse(p.decideKey("EC", 0, "secp256r1", Scope.TLS).allowed());
        denied(p, ServiceType.MAC, "HmacSHA1", Scope.ANY);
        denied(p, ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
        denied(p, ServiceType.MESSAGE_DIGEST, "SHA3-256", Scope.ANY);
        denied(p, ServiceType.CIPHER, "AES/CCM/NoPadding", Scope.ANY);
        assertEquals(
                List.of(
                        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                        "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
                p.tls().cipherSuites());
        assertFalse(p.tls().namedGroups().contains("secp256r1"));
        assertFalse(p.tls().namedGroups().contains("ffdhe2048"));
    }

    @Test
    void pq_allowsAndRequiresMlKemAndMlDsa() {
        CompiledPolicy p = load("DEFAULT:PQ");
        allowed(p, ServiceType.KEM, "ML-KEM-768", Scope.ANY);
        allowed(p, ServiceType.SIGNATURE, "ML-DSA-65", Scope.ANY);
        allowed(p, ServiceType.KEY_PAIR_GENERATOR, "ML-KEM", Scope.ANY);
        assertEquals(List.of("ML-KEM-768"), p.backends().required().get(ServiceType.KEM));
        assertEquals(List.of("ML-DSA-65"), p.backends().required().get(ServiceType.SIGNATURE));
        assertTrue(
                p.tls().namedGroups().contains("X25519MLKEM768"),
                p.tls().namedGroups().toString());
        denied(load("DEFAULT"), ServiceType.KEM, "ML-KEM-768", Scope.ANY);
        CompiledPolicy ospp = load("FIPS:PQ:OSPP");
        denied(ospp, ServiceType.SIGNATURE, "ML-DSA-65", Scope.ANY);
        assertFalse(
                ospp.backends().required().containsKey(ServiceType.SIGNATURE),
                ospp.backends().required().toString());
        assumeExactNames();
        denied(p, ServiceType.KEM, "ML-KEM-512", Scope.ANY);
    }

    // ---- at least as strict as crypto-policies' Java output ----------------------------------

    static Stream<Arguments> javaOutputs() {
        return Stream.of(
                Arguments.of("LEGACY", "LEGACY-java.txt"),
                Arguments.of("DEFAULT", "DEFAULT-java.txt"),
                Arguments.of("DEFAULT", "DEFAULT_NO-PQ-java.txt"),
                Arguments.of("FUTURE", "FUTURE-java.txt"),
                Arguments.of("FIPS", "FIPS-java.txt"),
                Arguments.of("FIPS:OSPP", "FIPS_OSPP-java.txt"),
                // the same policies imported from crypto-policies' own .pol/.pmod files
                Arguments.of(pol("LEGACY.pol"), "LEGACY-java.txt"),
                Arguments.of(pol("DEFAULT.pol"), "DEFAULT-java.txt"),
                Arguments.of(pol("DEFAULT.pol") + ":" + pol("modules/NO-PQ.pmod"), "DEFAULT_NO-PQ-java.txt"),
                Arguments.of(pol("FUTURE.pol"), "FUTURE-java.txt"),
                Arguments.of(pol("FIPS.pol"), "FIPS-java.txt"),
                Arguments.of(pol("FIPS.pol") + ":" + pol("modules/OSPP.pmod"), "FIPS_OSPP-java.txt"));
    }

    /** A crypto-policies reference file, as a policy reference. */
    static String pol(String name) {
        return TestData.path("crypto-policies/" + name).toString();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("javaOutputs")
    void policy_disablesAtLeastWhatCryptoPoliciesJavaOutputDisables(String reference, String file) throws IOException {
        CompiledPolicy p = load(reference);
        Map<String, String> props = javaSecurity(TestData.path("crypto-policies/java-outputs/" + file));
        List<String> missed = new ArrayList<>();
        checkDisabled(p, Scope.CERTPATH, tokens(props.get("jdk.certpath.disabledAlgorithms")), props, missed);
        checkDisabled(p, Scope.TLS, tokens(props.get("jdk.tls.disabledAlgorithms")), props, missed);
        assertTrue(
                missed.isEmpty(), reference + " allows what " + file + " disables:\n  " + String.join("\n  ", missed));
    }

    private static final Pattern KEY_SIZE = Pattern.compile("(\\w+) keySize < (\\d+)");
    private static final Pattern DIGEST_TOKEN =
            Pattern.compile("MD2|MD5|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3_(224|256|384|512)");

    private static void checkDisabled(
            CompiledPolicy p, Scope scope, List<String> tokens, Map<String, String> props, List<String> missed) {
        for (String token : tokens) {
            Matcher size = KEY_SIZE.matcher(token);
            if (size.matches()) {
                int below = Integer.parseInt(size.group(2));
                String keyAlgorithm = size.group(1).equals("DH") ? "DiffieHellman" : size.group(1);
                if (p.decideKey(keyAlgorithm, below - 1, null, scope).allowed()) {
                    missed.add(scope + ": " + token);
                }
            } else if (token.equals("include jdk.disabled.namedCurves")) {
                for (String curve : tokens(props.get("jdk.disabled.namedCurves"))) {
                    if (p.curveAllowed(curve)
                            || p.tls().namedGroups().stream().anyMatch(g -> g.equalsIgnoreCase(curve))) {
                        missed.add(scope + ": curve " + curve);
                    }
                }
            } else if (token.matches("(SSL|TLS|DTLS)v[0-9.]+")) {
                if (p.decideTls(TlsKind.PROTOCOL, token).allowed()) {
                    missed.add(scope + ": protocol " + token);
                }
            } else if (DIGEST_TOKEN.matcher(token).matches()) {
                String digest =
                        token.replace("SHA3_", "SHA3-").replace("SHA", "SHA-").replace("SHA-3-", "SHA3-");
                for (String sig : signaturesUsing(digest)) {
                    if (p.decide(ServiceType.SIGNATURE, sig, scope).allowed()) {
                        missed.add(scope + ": " + token + " (via " + sig + ")");
                    }
                }
            } else if (scope == Scope.TLS && (token.startsWith("TLS_") || token.startsWith("SSL_"))) {
                if (p.decideTls(TlsKind.CIPHER_SUITE, token).allowed()
                        || p.tls().cipherSuites().contains(token)) {
                    missed.add(scope + ": suite " + token);
                }
            } else if (token.toLowerCase(Locale.ROOT).contains("with") || token.startsWith("Ed")) {
                // A signature algorithm: unknown names are denied by the engine anyway.
                if (p.decide(ServiceType.SIGNATURE, token, scope).allowed()) {
                    missed.add(scope + ": signature " + token);
                }
                if (scope == Scope.TLS) {
                    for (String scheme : p.tls().signatureSchemes()) {
                        if (p.decideTls(TlsKind.SIGNATURE_SCHEME, scheme).allowed()
                                && schemeSignature(scheme).equalsIgnoreCase(token)) {
                            missed.add(scope + ": signature scheme " + scheme + " (" + token + ")");
                        }
                    }
                }
            } else if (scope == Scope.TLS) {
                // A cipher suite or one of its components (key exchange, cipher, MAC), as the JDK
                // decomposes suites.
                for (String suite : p.tls().cipherSuites()) {
                    if (suiteComponents(suite).contains(token.toUpperCase(Locale.ROOT))) {
                        missed.add(scope + ": suite " + suite + " (" + token + ")");
                    }
                }
                if (token.equals("ChaCha20-Poly1305")
                        && p.decide(ServiceType.CIPHER, token, Scope.TLS).allowed()) {
                    missed.add(scope + ": cipher " + token);
                }
            } else {
                fail("unhandled certpath token in crypto-policies output: " + token);
            }
        }
    }

    /** The JDK's decomposition of a suite name (sun.security.ssl.SSLAlgorithmDecomposer), upper case. */
    static Set<String> suiteComponents(String suite) {
        Set<String> out = new TreeSet<>();
        out.add(suite);
        String body = suite.replaceFirst("^(TLS|SSL)_", "");
        int with = body.indexOf("_WITH_");
        String rest = body;
        if (with >= 0) {
            String kex = body.substring(0, with);
            out.add(kex.toUpperCase(Locale.ROOT));
            for (String part : kex.split("_")) {
                out.add(part.toUpperCase(Locale.ROOT));
            }
            rest = body.substring(with + "_WITH_".length());
        }
        Matcher m = Pattern.compile("(.+)_(SHA|SHA256|SHA384|MD5)").matcher(rest);
        String cipher = m.matches() ? m.group(1) : rest; // *_CCM and *_CCM_8 suites name no MAC
        String mac = m.matches() ? m.group(2) : "";
        out.add(cipher);
        if (cipher.startsWith("CHACHA20_POLY1305")) {
            out.add("CHACHA20-POLY1305");
        }
        boolean aead = cipher.contains("GCM") || cipher.contains("CCM") || cipher.contains("POLY1305");
        if (!aead && with >= 0) {
            out.add(mac.equals("SHA") ? "HMACSHA1" : "HMAC" + mac);
        }
        return out;
    }

    private static String schemeSignature(String scheme) {
        return dev.cryptopolicy.engine.algorithms.AlgorithmCatalog.standard()
                .tls(TlsKind.SIGNATURE_SCHEME, scheme)
                .jcaSignature();
    }

    private static List<String> signaturesUsing(String digest) {
        List<String> out = new ArrayList<>();
        for (dev.cryptopolicy.engine.algorithms.Algorithm a :
                dev.cryptopolicy.engine.algorithms.AlgorithmCatalog.standard().algorithms(ServiceType.SIGNATURE)) {
            if (digest.equals(a.digest())) {
                out.add(a.name());
            }
        }
        assertFalse(out.isEmpty(), "no catalog signature uses " + digest);
        return out;
    }

    // ---- Mozilla profiles equal the guideline -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("mozillaProfiles")
    void mozillaProfile_equalsTheGuideline(String profile, String configuration) throws IOException {
        com.fasterxml.jackson.databind.JsonNode guideline = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestData.path("mozilla/mozilla-guidelines-6.0.json").toFile())
                .path("configurations")
                .path(configuration);
        assertFalse(guideline.isMissingNode(), "no configuration " + configuration + " in the guideline");
        List<String> suites = new ArrayList<>(strings(guideline.path("ciphersuites")));
        suites.addAll(strings(guideline.path("ciphers").path("iana")));
        List<String> groups = strings(guideline.path("tls_curves")).stream()
                .map(g -> dev.cryptopolicy.engine.algorithms.AlgorithmCatalog.standard()
                        .tls(TlsKind.NAMED_GROUP, g)
                        .name())
                .collect(Collectors.toList());
        List<String> versions = strings(guideline.path("tls_versions"));

        // With PQ, DEFAULT allows everything the guideline lists, so the result is the list itself.
        CompiledPolicy p = load("DEFAULT:PQ:" + profile);
        assertEquals(suites, p.tls().cipherSuites(), profile + " cipher suites");
        assertEquals(new TreeSet<>(versions), new TreeSet<>(p.tls().protocols()), profile + " protocols");
        assumeExactNames();
        assertEquals(groups, p.tls().namedGroups(), profile + " named groups");
        assertOnlyExpectedWarnings("DEFAULT:PQ:" + profile, p.warnings(), Set.of());
    }

    static Stream<Arguments> mozillaProfiles() {
        return Stream.of(
                Arguments.of("MOZILLA-MODERN", "modern"), Arguments.of("MOZILLA-INTERMEDIATE", "intermediate"));
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Warning rules a composition may produce on purpose. LEGACY's are deliberate; SHA1 allows
     * SHA-1 signatures; the hybrid group X25519MLKEM768 is disabled (with a warning) where the
     * feature set has no ML-KEM (Mozilla profiles without PQ) or no X25519 (FIPS with PQ).
     */
    static Set<String> allowedWarnings(String policy, String modifier) {
        Set<String> rules = new TreeSet<>();
        if (policy.equals("LEGACY")) {
            rules.addAll(LEGACY_WARNINGS);
        }
        if ("SHA1".equals(modifier)) {
            rules.add("sha1-signatures");
        }
        if ((modifier != null && MOZILLA.contains(modifier)) || ("PQ".equals(modifier) && policy.equals("FIPS"))) {
            rules.add("tls-consistent:X25519MLKEM768");
        }
        return rules;
    }

    private static void assertOnlyExpectedWarnings(String reference, List<Problem> warnings, Set<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        for (Problem w : warnings) {
            assertEquals(Severity.WARNING, w.severity(), w.format());
            if (!allowed.contains(w.rule()) && !allowed.contains(w.rule() + ":" + w.value())) {
                unexpected.add(w.format());
            }
        }
        assertTrue(unexpected.isEmpty(), reference + " has unexpected warnings:\n  " + String.join("\n  ", unexpected));
    }

    private static void assertContradictionReported(String reference, List<String> forbidden) {
        try {
            CompiledPolicy p = LOADER.load(reference);
            Set<String> flagged = p.warnings().stream()
                    .filter(w -> w.rule().equals("tls-consistent"))
                    .map(Problem::value)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String name : forbidden) {
                assertTrue(flagged.contains(name), reference + " must report " + name + ": " + p.warnings());
                TlsKind kind = name.startsWith("TLS_") ? TlsKind.CIPHER_SUITE : TlsKind.NAMED_GROUP;
                assertFalse(p.decideTls(kind, name).allowed(), reference + " must keep " + name + " disabled");
            }
        } catch (PolicyException e) {
            for (String name : forbidden) {
                assertTrue(
                        e.problems().stream().anyMatch(pr -> pr.value().equals(name)),
                        reference + " must name " + name + ":\n" + e.getMessage());
            }
        }
    }

    private static CompiledPolicy load(String reference) {
        try {
            return LOADER.load(reference);
        } catch (PolicyException e) {
            throw new AssertionError(reference + " does not load:\n" + e.getMessage(), e);
        }
    }

    private static PolicyException expectFailure(String reference) {
        try {
            CompiledPolicy p = LOADER.load(reference);
            throw new AssertionError(reference + " loaded but must not: " + p.tls());
        } catch (PolicyException e) {
            return e;
        }
    }

    private static void allowed(CompiledPolicy p, ServiceType service, String algorithm, Scope scope) {
        Decision d = p.decide(service, algorithm, scope);
        assertTrue(d.allowed(), p.name() + " must allow " + service + " " + algorithm + " in " + scope + ": " + d);
    }

    private static void denied(CompiledPolicy p, ServiceType service, String algorithm, Scope scope) {
        Decision d = p.decide(service, algorithm, scope);
        assertFalse(d.allowed(), p.name() + " must deny " + service + " " + algorithm + " in " + scope + ": " + d);
    }

    private static Set<String> warningRules(List<Problem> problems) {
        return problems.stream().map(Problem::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The shipped files by name (without .yaml), read from the class path folder the engine reads. */
    static Map<String, String> shippedFiles() throws IOException {
        // Located through a known file: the test classes share the package folder name.
        URL known = ShippedPoliciesTest.class.getClassLoader().getResource("dev/cryptopolicy/policies/DEFAULT.yaml");
        assertTrue(
                known != null && known.getProtocol().equals("file"),
                "DEFAULT.yaml not on the class path as a file: " + known);
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(known.toURI()).getParent())) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".yaml"))::iterator) {
                String name = f.getFileName().toString();
                out.put(
                        name.substring(0, name.length() - ".yaml".length()),
                        Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return out;
    }

    private static String leadingComments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static String topLevel(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s*(\\S+)\\s*$").matcher(yaml);
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, String> javaSecurity(Path file) throws IOException {
        Map<String, String> props = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return props;
    }

    private static List<String> tokens(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String t : value.split(",")) {
                if (!t.isBlank()) {
                    out.add(t.trim());
                }
            }
        }
        return out;
    }
}
