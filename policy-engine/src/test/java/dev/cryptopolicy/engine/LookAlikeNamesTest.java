package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names with a character that is not ASCII, which {@link String#equalsIgnoreCase} and
 * {@link String#toUpperCase} would fold onto ASCII names (U+017F LONG S to S, U+212A KELVIN SIGN to
 * k, U+0131 DOTLESS I to I, U+0130 DOTTED CAPITAL I to i): in a policy they are an error
 * ({@code ascii-name}) naming {@code file:line:col}, the value escaped and the rule, wherever a name
 * is written, edits included; at run time they name nothing (an unknown algorithm, a refused key).
 */
class LookAlikeNamesTest {

    @TempDir
    Path dir;

    /** A modifier of BASE with {@code entry} (containing the look-alike) on its third line, and the ASCII name meant. */
    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                Arguments.of("algorithms:\n  MessageDigest: [\u017FHA-256]", "\u017FHA-256", "SHA-256"),
                Arguments.of("algorithms:\n  Signature: [-\u017FHA1withRSA]", "-\u017FHA1withRSA", "-SHA1withRSA"),
                Arguments.of(
                        "algorithms:\n  Signature: [+SHA512w\u0131thRSA]", "+SHA512w\u0131thRSA", "+SHA512withRSA"),
                Arguments.of("algorithms:\n  KeyStore: [P\u212ACS12]", "P\u212ACS12", "PKCS12"),
                Arguments.of("deny:\n  - algorithm: SHA1W\u0130THRSA", "SHA1W\u0130THRSA", "SHA1WITHRSA"),
                Arguments.of("deny:\n  - {algorithm: SHA*w\u0131thRSA}", "SHA*w\u0131thRSA", "SHA*withRSA"),
                Arguments.of("keys:\n  ec: {curves: [\u017Fecp256r1]}", "\u017Fecp256r1", "secp256r1"),
                Arguments.of("tls:\n  named_groups: [\u017Fecp256r1]", "\u017Fecp256r1", "secp256r1"),
                Arguments.of(
                        "tls:\n  signature_schemes: [ecd\u017Fa_secp256r1_sha256]",
                        "ecd\u017Fa_secp256r1_sha256",
                        "ecdsa_secp256r1_sha256"),
                Arguments.of(
                        "tls:\n  cipher_suites: [-TL\u017F_AES_128_GCM_SHA256]",
                        "-TL\u017F_AES_128_GCM_SHA256",
                        "-TLS_AES_128_GCM_SHA256"),
                Arguments.of("tls:\n  min_protocol: TL\u017Fv1.3", "TL\u017Fv1.3", "TLSv1.3"),
                Arguments.of("backends:\n  required:\n    MessageDigest: [\u017FHA-256]", "\u017FHA-256", "SHA-256"));
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void aNameThatIsNotAscii_isAnErrorNamingItsPlaceItsEscapedValueAndTheRule(String body, String entry, String ascii)
            throws IOException, PolicyException {
        String yaml = "kind: modifier\n" + body + "\n";
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        PolicyException e = assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load("BASE:" + file));
        Problem p = e.problems().stream()
                .filter(q -> q.rule().equals("ascii-name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ascii-name problem: " + e.getMessage()));
        String[] lines = yaml.split("\n");
        int line = lines.length;
        int column = lines[line - 1].indexOf(entry) + 1;
        assertEquals("site.yaml:" + line + ":" + column, shortLocation(p), p::format);
        String name = entry.startsWith("+") || entry.startsWith("-") ? entry.substring(1) : entry;
        assertEquals(Names.escaped(name), p.value(), p::format);
        assertTrue(p.value().matches(".*\\\\u0[0-9A-F]{3}.*|.*\\\\u2[0-9A-F]{3}.*"), p.value());
        assertTrue(p.format().contains("(rule: ascii-name)"), p::format);
        assertTrue(p.message().contains("is not ASCII: character "), p::format);
        assertFalse(p.format().chars().anyMatch(c -> c >= 128), () -> "raw in " + p.format());
        assertEquals(1, e.problems().size(), e::getMessage);

        // Control: the same file with the ASCII name loads.
        Files.writeString(file, yaml.replace(entry, ascii), StandardCharsets.UTF_8);
        assertNotNull(TestPolicies.standard().loader().load("BASE:" + file));
    }

    private static String shortLocation(Problem p) {
        String location = p.origin().location();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void theJdksCaseFolding_wouldMatchTheLookAlikes_andOursDoesNot() {
        // What the rule is for: String's own comparisons take each of these for the ASCII name.
        assertTrue("\u017FHA-256".equalsIgnoreCase("SHA-256"));
        assertTrue("P\u212ACS12".equalsIgnoreCase("PKCS12"));
        assertTrue("SHA1W\u0130THRSA".equalsIgnoreCase("SHA1WITHRSA"));
        assertEquals("SHA1WITHRSA", "\u017FHA1w\u0131thRSA".toUpperCase(Locale.ENGLISH));
        assertFalse(Names.equalsIgnoreCase("\u017FHA-256", "SHA-256"));
        assertFalse(Names.equalsIgnoreCase("P\u212ACS12", "PKCS12"));
        assertFalse(Names.equalsIgnoreCase("SHA1W\u0130THRSA", "SHA1WITHRSA"));
        assertTrue(Names.equalsIgnoreCase("sha1WithRSA", "SHA1withrsa"));
        assertEquals("SHA1W\u0131THRSA", Names.upper("sha1w\u0131thRSA"));
        assertTrue(Names.startsWithIgnoreCase("desede/CBC", "DESede"));
        assertFalse(Names.startsWithIgnoreCase("DE\u017Fede", "DESede"));
        assertEquals("\\u017FHA-256 \\U000E0041", Names.escaped("\u017FHA-256 \uDB40\uDC41"));
    }

    @Test
    void everyNameOfTheCatalog_isAscii_soNoLookAlikeCanBeOne() {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        for (ServiceType type : ServiceType.values()) {
            for (Algorithm a : catalog.algorithms(type)) {
                assertTrue(Names.isAscii(a.name()), a::name);
                a.aliases().forEach(alias -> assertTrue(Names.isAscii(alias), alias));
            }
        }
        for (TlsKind kind : TlsKind.values()) {
            for (TlsName n : catalog.tls(kind)) {
                assertTrue(Names.isAscii(n.name()), n::name);
            }
        }
        for (Curve c : catalog.curves()) {
            assertTrue(Names.isAscii(c.name()), c::name);
        }
    }

    @Test
    void atRunTime_aLookAlikeNamesNothing_andALookAlikeKeyIsRefused() throws PolicyException {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        assertNotNull(catalog.algorithm(ServiceType.SIGNATURE, "sha1WITHrsa"));
        assertNull(catalog.algorithm(ServiceType.SIGNATURE, "\u017FHA1withRSA"));
        assertNull(catalog.algorithm(ServiceType.MESSAGE_DIGEST, "\u017FHA-256"));
        assertNull(catalog.curve("\u017Fecp256r1"));

        CompiledPolicy base = TestPolicies.standard().loader().load("BASE");
        assertTrue(base.decide(ServiceType.MESSAGE_DIGEST, "sha-256", Scope.ANY).allowed());
        Decision digest = base.decide(ServiceType.MESSAGE_DIGEST, "\u017FHA-256", Scope.ANY);
        assertFalse(digest.allowed(), digest::toString);
        assertFalse(base.decideTls(TlsKind.NAMED_GROUP, "\u017Fecp256r1").allowed());
        assertTrue(base.decideTls(TlsKind.NAMED_GROUP, "SECP256R1").allowed());

        // A 256-bit AES key passes; spelt with a LONG S (which SunJCE's AES takes for AES) it is
        // refused by its name, whatever keys.unmeasured says, and so is an unmeasured one.
        assertTrue(base.decideKey("AES", 256, null, Scope.ANY).allowed());
        Decision key = base.decideKey("AE\u017F", 256, null, Scope.ANY);
        assertFalse(key.allowed(), key::toString);
        assertEquals("ascii-name", key.rule());
        assertTrue(key.explain("key").contains("'AE\\u017F' is not ASCII"), key.explain("key"));
        assertFalse(base.decideUnmeasuredKey("R\u017FA").allowed());
        assertFalse(base.decideKey("R\u017FA", 4096, null, Scope.TLS).allowed());
    }
}
