package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private Problem onlyError(String reference) {
        PolicyException e = assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load(reference));
        List<Problem> errors = e.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), () -> "expected one error, got " + e.problems());
        return errors.get(0);
    }

    @Test
    void nulInAFilePath_ofTheReferenceOrOfExtends_isALocatedUnreadableError() throws IOException {
        PolicyException asReference = assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load("a\0.yaml"));
        assertTrue(asReference instanceof UnreadablePolicyException, asReference::getMessage);
        assertEquals("unreadable", asReference.problems().get(0).rule());
        assertTrue(asReference.getMessage().contains("\\u0000"), asReference::getMessage);

        Path child = write("child.yaml", "kind: policy\nname: child\nextends: \"a\\0.yaml\"\n");
        Problem p = onlyError(child.toString());
        assertEquals("unreadable", p.rule());
        assertEquals(child.toString(), p.origin().file());
        assertEquals(3, p.origin().line());
    }

    @Test
    void policyWithoutAnyAlgorithm_isRefusedAtItsOwnFile_notAtABuiltInDefault() throws IOException {
        Path file = write("bare.yaml", "kind: policy\nname: bare\n");
        Problem p = onlyError(file.toString());
        assertEquals("not-empty", p.rule());
        assertEquals(file.toString(), p.origin().file());
        assertEquals(1, p.origin().line());
        // Control: the same file with one algorithm list is not refused for being empty.
        Path withList = write("one.yaml", "kind: policy\nname: one\nalgorithms:\n  MessageDigest: [SHA-256]\n");
        try {
            TestPolicies.standard().loader().load(withList.toString());
        } catch (PolicyException e) {
            assertTrue(e.problems().stream().noneMatch(x -> x.rule().equals("not-empty")), e::getMessage);
        }
    }

    @Test
    void misspeltAlgorithm_isAnErrorWithLineColumnAndSuggestion() throws IOException {
        Path file = write("site.yaml", TestPolicies.BASE.replace("[SHA*withRSA,", "[SHA256withRAS, SHA*withRSA,"));
        Problem p = onlyError(file.toString());
        assertEquals("known-algorithm", p.rule());
        assertEquals(7, p.origin().line());
        assertEquals(15, p.origin().column());
        assertEquals("algorithms.Signature[0]", p.origin().path());
        assertEquals("SHA256withRAS", p.value());
        assertTrue(p.suggestion().contains("SHA256withRSA"), p.suggestion());
        assertTrue(
                p.format().startsWith(file + ":7:15: error: algorithms.Signature[0]: unknown Signature algorithm"),
                p.format());
    }

    @Test
    void duplicateKey_isAnErrorNamingBothPlaces() throws IOException {
        Path file = write("dup.yaml", TestPolicies.BASE + "sha1:\n  digest: allow\n");
        Problem p = onlyError(file.toString());
        assertEquals("duplicate-key", p.rule());
        assertEquals(19, p.origin().line());
        assertTrue(p.message().contains("first defined at line 15"), p.message());
    }

    @Test
    void wrongType_isAnErrorNamingExpectedAndFound() throws IOException {
        Path file = write("type.yaml", TestPolicies.BASE.replace("min_bits: 2048", "min_bits: \"2048\""));
        Problem p = onlyError(file.toString());
        assertEquals("type", p.rule());
        assertEquals("keys.rsa.min_bits", p.origin().path());
        assertTrue(p.message().contains("expected an integer, found a string '2048'"), p.message());
    }

    @Test
    void unknownKey_isAnErrorWithSuggestion() throws IOException {
        Path file = write("key.yaml", TestPolicies.BASE + "backend:\n  fips_only: true\n");
        Problem p = onlyError(file.toString());
        assertEquals("known-key", p.rule());
        assertEquals("did you mean 'backends'?", p.suggestion());
    }

    @Test
    void brokenYaml_isAnErrorWithPosition() throws IOException {
        Path file = write("broken.yaml", "kind: policy\nalgorithms:\n  MessageDigest: [SHA-256\n");
        Problem p = onlyError(file.toString());
        assertEquals("yaml-syntax", p.rule());
        assertTrue(p.origin().line() >= 3, p.format());
    }

    @Test
    void unknownModifier_isAnErrorPointingAtTheReference() {
        Problem p = onlyError("BASE:NO-SHA2");
        assertEquals("known-modifier", p.rule());
        assertEquals(6, p.origin().column());
        assertEquals("did you mean 'NO-SHA1'?", p.suggestion());
    }

    @Test
    void unknownPolicy_isAnError() {
        assertEquals("known-policy", onlyError("BAS").rule());
    }

    @Test
    void modifierAsBase_andPolicyAsModifier_areErrors() {
        assertEquals("base-is-policy", onlyError("NO-SHA1").rule());
        assertEquals("modifier-is-modifier", onlyError("BASE:BASE").rule());
    }

    @Test
    void extendsCycle_isAnError() throws IOException {
        write("a.yaml", "kind: policy\nextends: b.yaml\n");
        write("b.yaml", "kind: policy\nextends: a.yaml\n");
        Problem p = onlyError(dir.resolve("a.yaml").toString());
        assertEquals("extends-cycle", p.rule());
        assertTrue(p.message().contains("a.yaml -> ") && p.message().contains("b.yaml"), p.message());
    }

    @Test
    void emptyFeatureSet_isAnError() throws IOException {
        Path file = write("empty.yaml", "kind: policy\nalgorithms: {}\n");
        assertEquals("not-empty", onlyError(file.toString()).rule());
    }

    @Test
    void curveBelowMinimum_contradictsAndIsAnError() throws IOException {
        Path file =
                write("curve.yaml", TestPolicies.BASE.replace("min_bits: 256, curves: [", "min_bits: 384, curves: ["));
        PolicyException e = assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load(file.toString()));
        assertTrue(
                e.problems().stream()
                        .anyMatch(
                                p -> p.rule().equals("curve-size") && p.value().equals("secp256r1")),
                e::getMessage);
    }

    @Test
    void tlsMaxBelowMin_isAnError() throws IOException {
        Path file = write("tls.yaml", TestPolicies.BASE + "  max_protocol: TLSv1.1\n");
        assertEquals("tls-range", onlyError(file.toString()).rule());
    }

    @Test
    void requiredFeatureOutsideFeatureSet_isAnError() throws IOException {
        Path file = write("req.yaml", TestPolicies.BASE + "backends:\n  required:\n    MessageDigest: [MD5]\n");
        Problem p = onlyError(file.toString());
        assertEquals("required-in-feature-set", p.rule());
        assertTrue(p.message().contains("MessageDigest MD5"), p.message());
    }

    @Test
    void listMixingReplaceAndEdit_isAnError() throws IOException {
        Path file = write("mix.yaml", "kind: modifier\nalgorithms:\n  Mac: [HmacSHA256, -HmacSHA1]\n");
        assertEquals("list-edit-form", onlyError("BASE:" + file).rule());
    }

    @Test
    void editsWithoutBase_areAnError() throws IOException {
        Path file = write("edit.yaml", TestPolicies.BASE.replace("[HmacSHA2, HmacSHA1]", "[+HmacSHA256]"));
        assertEquals("list-edit-base", onlyError(file.toString()).rule());
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() throws IOException {
        Path file = write(
                "many.yaml",
                "kind: policy\nmode: strict\nalgorithms:\n  Mac: [HmacSHA265]\nkeys:\n  rsa: {min_bits: x}\n");
        PolicyException e = assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load(file.toString()));
        assertTrue(e.problems().size() >= 2, e::getMessage);
    }

    @Test
    void missingFile_isAnUnreadableError() {
        Problem p = onlyError(dir.resolve("nope.yaml").toString());
        assertEquals("unreadable", p.rule());
        assertThrows(
                UnreadablePolicyException.class,
                () -> load(dir.resolve("nope.yaml").toString()));
    }

    @Test
    void directory_isNotARegularFile_andUnreadable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        UnreadablePolicyException e = assertThrows(UnreadablePolicyException.class, () -> load(folder.toString()));
        assertTrue(e.getMessage().contains("not a regular file: " + folder), e::getMessage);
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void namedPipe_isNotARegularFile_andIsRefusedWithoutBeingReadFrom() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        // Reading a pipe nobody writes to would block the load (and a JVM start) for ever.
        UnreadablePolicyException e = assertThrows(UnreadablePolicyException.class, () -> load(fifo.toString()));
        assertTrue(e.getMessage().contains("not a regular file: " + fifo), e::getMessage);
    }

    @Test
    void fileThroughASymbolicLink_loads_asAKubernetesConfigMapMountsIt() throws Exception {
        // A ConfigMap volume: site.yaml -> ..data/site.yaml, ..data -> ..2026_12_01/
        Path version = Files.createDirectory(dir.resolve("..2026_12_01"));
        Files.writeString(
                version.resolve("site.yaml"), "kind: policy\nextends: BASE\nkeys:\n  rsa: {min_bits: 3072}\n");
        Files.createSymbolicLink(dir.resolve("..data"), version.getFileName());
        Path link = Files.createSymbolicLink(dir.resolve("site.yaml"), Path.of("..data/site.yaml"));
        assertEquals(
                3072, load(link.toString()).minKeyBits(dev.cryptopolicy.engine.algorithms.KeyFamily.RSA, Scope.ANY));
        Files.delete(version.resolve("site.yaml"));
        assertThrows(UnreadablePolicyException.class, () -> load(link.toString()));
    }

    @Test
    void missingFileThroughExtends_isUnreadable_andNamesWhereItIsWritten() throws IOException {
        Path file = write("child.yaml", "kind: policy\nextends: gone.yaml\n");
        UnreadablePolicyException e = assertThrows(UnreadablePolicyException.class, () -> load(file.toString()));
        assertEquals(file + ":2:10", e.problems().get(0).origin().location(), e::getMessage);
    }

    @Test
    void unknownNameAsTheReference_isUnreadable_butInExtendsIsAPolicyError() throws IOException {
        assertThrows(UnreadablePolicyException.class, () -> load("BASSE"));
        assertThrows(UnreadablePolicyException.class, () -> load("BASE:NO-SHA11"));
        assertThrows(UnreadablePolicyException.class, () -> load("BASE::NO-SHA1"));
        assertThrows(UnreadablePolicyException.class, () -> load(" "));
        Path file = write("child.yaml", "kind: policy\nextends: BASSE\n");
        PolicyException e = assertThrows(PolicyException.class, () -> load(file.toString()));
        assertFalse(e instanceof UnreadablePolicyException, e::getMessage);
    }

    @Test
    void policyWithErrors_isNotUnreadable() throws IOException {
        Path file = write("bad.yaml", TestPolicies.BASE.replace("min_bits: 2048", "min_bits: \"2048\""));
        PolicyException e = assertThrows(PolicyException.class, () -> load(file.toString()));
        assertFalse(e instanceof UnreadablePolicyException, e::getMessage);
        assertEquals("type", e.problems().get(0).rule());
    }

    // ---- backends.min_versions ---------------------------------------------------------------

    private Path minVersions(String entries) throws IOException {
        return write("versions.yaml", "kind: policy\nextends: BASE\nbackends:\n  min_versions: {" + entries + "}\n");
    }

    @Test
    void minVersionOutsideTheGrammar_isAnErrorAtItsValue() throws IOException {
        for (String bad : List.of(
                "\"99999999999\"",
                "\"2.x\"",
                "\"1e3\"",
                "\"2..1\"",
                "\".2\"",
                "\"2.\"",
                "\"02.1\"",
                "\"\"",
                "\"2.1-beta\"",
                "\"\u0663.1\"",
                "\" 2.1\"")) {
            Problem p = onlyError(minVersions("SUN: " + bad).toString());
            assertEquals("version-format", p.rule(), bad);
            assertEquals("backends.min_versions.SUN", p.origin().path(), bad);
            assertEquals(4, p.origin().line(), bad);
            assertEquals(23, p.origin().column(), bad);
            assertTrue(p.message().contains("is not a version: "), p.message());
        }
    }

    @Test
    void minVersionsInTheGrammar_load_andKeepTheirText() throws Exception {
        CompiledPolicy p = load(minVersions("SUN: \"2.1\", BCFIPS: 2, SunJCE: 17.0.15, X: \"999999999.0\"")
                .toString());
        assertEquals(
                java.util.Map.of("SUN", "2.1", "BCFIPS", "2", "SunJCE", "17.0.15", "X", "999999999.0"),
                p.backends().minVersions());
    }

    @Test
    void minVersionKeys_mustBeProviderNames_onceIgnoringCase() throws IOException {
        assertEquals(
                "provider-name",
                onlyError(minVersions("\"\": \"2\"").toString()).rule());
        assertEquals(
                "provider-name",
                onlyError(minVersions("\" SUN\": \"2\"").toString()).rule());
        Problem twice = onlyError(minVersions("BCFIPS: \"2\", bcfips: \"3\"").toString());
        assertEquals("provider-name", twice.rule());
        assertTrue(twice.message().contains("versions.yaml:4:18"), twice.message());
    }

    @Test
    void minVersionOfALaterDocument_replacesAnEarlierOne_howeverItSpellsTheName() throws Exception {
        TestPolicies policies = TestPolicies.standard()
                .with("OLD", "kind: policy\nextends: BASE\nbackends:\n  min_versions: {BCFIPS: \"2.0\"}\n")
                .with("NEWER", "kind: modifier\nbackends:\n  min_versions: {bcfips: \"2.1\"}\n");
        CompiledPolicy p = policies.loader().load("OLD:NEWER");
        assertEquals(java.util.Map.of("bcfips", "2.1"), p.backends().minVersions());
        assertFalse(p.backends().meetsMinimumVersion("BCFIPS", "2.0.1"));
        assertTrue(p.backends().meetsMinimumVersion("BCFIPS", "2.1"));
    }

    private static CompiledPolicy load(String reference) throws PolicyException {
        return TestPolicies.standard().loader().load(reference);
    }

    @Test
    void extendsAppliesEditsToTheBase() throws Exception {
        write("child.yaml", "kind: policy\nextends: BASE:BIG-RSA\nalgorithms:\n  Signature: [-SHA224withRSA]\n");
        CompiledPolicy p =
                TestPolicies.standard().loader().load(dir.resolve("child.yaml").toString());
        assertFalse(p.decide(ServiceType.SIGNATURE, "SHA224withRSA", Scope.ANY).allowed());
        assertTrue(p.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.ANY).allowed());
        assertEquals(3072, p.minKeyBits(dev.cryptopolicy.engine.algorithms.KeyFamily.RSA, Scope.ANY));
        assertEquals(
                List.of("BASE.yaml", "BIG-RSA.yaml", dir.resolve("child.yaml").toString()), p.sources());
    }

    @Test
    void modifiersApplyLeftToRight() throws Exception {
        CompiledPolicy p = TestPolicies.standard().loader().load("base:no-sha1:big-rsa");
        assertFalse(p.decide(ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY).allowed());
        assertFalse(p.decide(ServiceType.MAC, "HmacSHA1", Scope.ANY).allowed());
        assertTrue(p.decide(ServiceType.MAC, "HmacSHA256", Scope.ANY).allowed());
        assertFalse(p.decideKey("RSA", 2048, null, Scope.ANY).allowed());
    }

    @Test
    void unmeasuredKeysSetting_withAnUnknownValue_isAnErrorWithLineAndColumn() throws IOException {
        Path file = withUnmeasured("sometimes");
        Problem p = onlyError(file.toString());
        assertEquals("known-value", p.rule());
        assertEquals("keys.unmeasured", p.origin().path());
        assertEquals("sometimes", p.value());
        assertEquals(14, p.origin().line());
        assertEquals(15, p.origin().column());
        assertTrue(
                p.format()
                        .startsWith(
                                file + ":14:15: error: keys.unmeasured: keys.unmeasured must be 'refuse' or 'allow'"),
                p.format());
    }

    @Test
    void unmeasuredKeysSetting_ofTheWrongType_isAnError() throws IOException {
        Problem p = onlyError(withUnmeasured("[allow]").toString());
        assertEquals("type", p.rule());
        assertEquals("keys.unmeasured", p.origin().path());
    }

    /** BASE with {@code keys.unmeasured} set to {@code value}, on line 14, column 15. */
    private Path withUnmeasured(String value) throws IOException {
        return write(
                "unmeasured.yaml",
                TestPolicies.BASE.replace(
                        "  rsa: {min_bits: 2048}\n", "  rsa: {min_bits: 2048}\n  unmeasured: " + value + "\n"));
    }
}
