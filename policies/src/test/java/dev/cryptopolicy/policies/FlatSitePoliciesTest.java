package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicyWriter;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import dev.cryptopolicy.engine.yaml.FlatYaml;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A site policy that extends a shipped policy, with or without modifiers, in the few flat lines
 * {@link FlatYaml} reads without the YAML library, loads exactly as when the full reader reads it:
 * the same tree, and the same effective policy, warnings and decisions.
 */
class FlatSitePoliciesTest {

    @TempDir
    Path dir;

    /** A site file the flat reader reads, and the same document with a comment that sends it to the full reader. */
    private static String[] site(String reference) {
        String flat = "# site policy\nkind: policy\nname: SITE\nextends: " + reference + "\n";
        String full = "# site policy\nkind: policy # with a comment the flat reader leaves alone\nname: SITE\nextends: "
                + reference + "\n";
        return new String[] {flat, full};
    }

    @ParameterizedTest
    @MethodSource("dev.cryptopolicy.policies.PrecompiledPoliciesTest#references")
    void aFlatSitePolicy_loadsAsTheFullReaderLoadsIt(String reference) throws Exception {
        String[] texts = site(reference);
        byte[] flat = texts[0].getBytes(StandardCharsets.UTF_8);
        byte[] full = texts[1].getBytes(StandardCharsets.UTF_8);
        assertNotNull(FlatYaml.read(flat), "the flat reader reads the site file");
        assertNull(FlatYaml.read(full), "control: the commented file takes the full reader");
        assertEquals(new StrictYamlReader().read(flat), FlatYaml.read(flat));
        assertEquals(new StrictYamlReader().read(full), new StrictYamlReader().read(flat), "the same document");

        Path a = Files.write(dir.resolve("flat.yaml"), flat);
        Path b = Files.write(dir.resolve("full.yaml"), full);
        CompiledPolicy fast = PolicyLoader.standard().load(a.toString());
        CompiledPolicy slow = PolicyLoader.standard().load(b.toString());
        assertEquals(PolicyWriter.json(slow).replace(b.toString(), a.toString()), PolicyWriter.json(fast));
        assertEquals(slow.warnings().size(), fast.warnings().size());
        int compared = sameDecisions(slow, fast, b.toString(), a.toString());
        assertTrue(compared > 500, "a battery, not a sample: " + compared);
    }

    @Test
    void control_theComparisonSeesADifferentBase() throws Exception {
        Path a = Files.write(dir.resolve("a.yaml"), site("DEFAULT")[0].getBytes(StandardCharsets.UTF_8));
        Path b = Files.write(dir.resolve("b.yaml"), site("DEFAULT:NO-SHA1")[1].getBytes(StandardCharsets.UTF_8));
        CompiledPolicy one = PolicyLoader.standard().load(a.toString());
        CompiledPolicy other = PolicyLoader.standard().load(b.toString());
        assertNotEquals(PolicyWriter.json(other).replace(b.toString(), a.toString()), PolicyWriter.json(one));
    }

    /** Compares every decision of a battery, the file names aside; returns how many. */
    private static int sameDecisions(CompiledPolicy slow, CompiledPolicy fast, String slowFile, String fastFile) {
        int compared = 0;
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        for (Scope scope : Scope.values()) {
            for (ServiceType service : ServiceType.values()) {
                for (Algorithm alg : catalog.algorithms(service)) {
                    same(
                            slow.decide(service, alg.name(), scope),
                            fast.decide(service, alg.name(), scope),
                            slowFile,
                            fastFile);
                    compared++;
                }
            }
            for (String family : List.of("RSA", "DSA", "DH", "EC", "AES", "HmacSHA256")) {
                for (int bits : new int[] {64, 112, 128, 256, 1024, 2048, 3072, 4096}) {
                    same(
                            slow.decideKey(family, bits, null, scope),
                            fast.decideKey(family, bits, null, scope),
                            slowFile,
                            fastFile);
                    compared++;
                }
            }
            for (Curve c : catalog.curves()) {
                same(
                        slow.decideKey("EC", c.bits(), c.name(), scope),
                        fast.decideKey("EC", c.bits(), c.name(), scope),
                        slowFile,
                        fastFile);
                compared++;
            }
        }
        for (TlsKind kind : TlsKind.values()) {
            for (TlsName t : catalog.tls(kind)) {
                same(slow.decideTls(kind, t.name()), fast.decideTls(kind, t.name()), slowFile, fastFile);
                compared++;
            }
        }
        return compared;
    }

    private static void same(Decision slow, Decision fast, String slowFile, String fastFile) {
        String what = fast.toString();
        assertEquals(slow.allowed(), fast.allowed(), what);
        assertEquals(slow.rule(), fast.rule(), what);
        assertEquals(String.valueOf(slow.origin()).replace(slowFile, fastFile), String.valueOf(fast.origin()), what);
        assertEquals(slow.reason().replace(slowFile, fastFile), fast.reason(), what);
    }
}
