package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog, entry by entry, equals the one the engine built before its construction was made
 * cheaper at start: {@code catalog.txt} is that catalog's dump (every entry of every service type,
 * TLS kind and the curves, in catalog order, with its name, aliases in order, components, families
 * and key facts, and what each name and alias looks up to).
 */
class CatalogSnapshotTest {

    @Test
    void theCatalogEqualsItsSnapshotEntryByEntry() throws IOException {
        List<String> expected = snapshot();
        List<String> actual = dump(AlgorithmCatalog.standard());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + (i + 1) + " of catalog.txt");
        }
        assertEquals(expected.size(), actual.size(), "entries");
    }

    @Test
    void control_theDumpSeesOneChangedFact() throws IOException {
        List<String> expected = snapshot();
        // The dump is not vacuous: it holds every service type's entries and the look-ups of their names.
        assertEquals(true, expected.size() > 1_000, "lines: " + expected.size());
        assertNotNull(AlgorithmCatalog.standard().algorithm(ServiceType.CIPHER, "aes/gcm/nopadding"));
        // A single component, alias, key fact or order change is a different line.
        List<String> actual = dump(AlgorithmCatalog.standard());
        for (String[] edit : new String[][] {
            {"components=[AES, AES/GCM/NOPADDING, GCM, NOPADDING]", "components=[AES, AES/GCM/NOPADDING, GCM]"},
            {"aliases=[SHA1, SHA, 1.3.14.3.2.26]", "aliases=[SHA, SHA1, 1.3.14.3.2.26]"},
            {"bits=256", "bits=255"},
        }) {
            List<String> edited = new ArrayList<>();
            boolean hit = false;
            for (String line : actual) {
                String e = hit ? line : line.replace(edit[0], edit[1]);
                hit |= !e.equals(line);
                edited.add(e);
            }
            assertEquals(true, hit, edit[0]);
            assertNotEquals(expected, edited, edit[0]);
        }
    }

    private static List<String> snapshot() throws IOException {
        try (InputStream in = CatalogSnapshotTest.class.getResourceAsStream("catalog.txt")) {
            assertNotNull(in, "catalog.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** One line per entry and one per name or alias look-up; sets sorted, lists in order. */
    static List<String> dump(AlgorithmCatalog catalog) {
        List<String> out = new ArrayList<>();
        for (ServiceType service : ServiceType.values()) {
            for (Algorithm a : catalog.algorithms(service)) {
                out.add(service + " " + common(a) + " digest=" + a.digest() + " keyFamily=" + a.keyFamily()
                        + " bits=" + a.fixedKeyBits() + " curve=" + a.curve() + " service=" + a.service()
                        + " feature=" + a.feature());
                for (String key : keys(a)) {
                    out.add("  " + key + " -> "
                            + catalog.algorithm(service, key).name());
                }
            }
        }
        for (TlsKind kind : TlsKind.values()) {
            for (TlsName t : catalog.tls(kind)) {
                out.add(kind + " " + common(t) + " kind=" + t.kind() + " rank=" + t.rank() + " digest=" + t.digest()
                        + " curve=" + t.curve() + " jca=" + t.jcaSignature() + " mac=" + t.macAlgorithm()
                        + " bits=" + t.keyBits() + " tls13=" + t.tls13Only());
                for (String key : keys(t)) {
                    out.add("  " + key + " -> " + catalog.tls(kind, key).name());
                }
            }
        }
        for (Curve c : catalog.curves()) {
            out.add("CURVE " + common(c) + " bits=" + c.bits() + " weierstrass=" + c.weierstrass());
            for (String key : keys(c)) {
                out.add("  " + key + " -> " + catalog.curve(key).name());
            }
        }
        return out;
    }

    private static String common(Entry e) {
        return e.name() + " aliases=" + e.aliases() + " components=" + sorted(e.components()) + " families="
                + sorted(e.families());
    }

    private static Set<String> sorted(Set<String> set) {
        return new TreeSet<>(set);
    }

    /** The entry's name and aliases in three spellings each. */
    private static List<String> keys(Entry e) {
        List<String> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(e.name());
        names.addAll(e.aliases());
        for (String n : names) {
            keys.add(n);
            keys.add(n.toLowerCase(Locale.ROOT));
            keys.add(n.toUpperCase(Locale.ROOT));
        }
        return keys;
    }
}
