package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The indexed resolution of names ({@link Patterns.Index}, {@link FirstDenyRules}) decides exactly
 * as the scans it replaced: every name, alias, family and component of the catalog, in several
 * spellings including the non-ASCII ones {@link String#equalsIgnoreCase} folds onto ASCII letters
 * (which reach nothing, as {@link dev.cryptopolicy.engine.algorithms.Names} has it), resolves to the
 * same entries in the same order in every catalog list.
 */
class CatalogIndexTest {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.standard();

    private static List<List<? extends Entry>> universes() {
        List<List<? extends Entry>> all = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            all.add(CATALOG.algorithms(type));
        }
        for (TlsKind kind : TlsKind.values()) {
            all.add(CATALOG.tls(kind));
        }
        all.add(CATALOG.curves());
        return all;
    }

    /** Every text the catalog knows, in the spellings a policy may use, and a few it does not know. */
    private static Set<String> patterns() {
        Set<String> texts = new LinkedHashSet<>();
        for (List<? extends Entry> universe : universes()) {
            for (Entry entry : universe) {
                texts.add(entry.name());
                texts.addAll(entry.aliases());
                texts.addAll(entry.families());
                texts.addAll(entry.components());
            }
        }
        texts.addAll(List.of(
                "sha",
                "SHA1",
                "sha-1",
                "Sha512/256",
                "sha3256",
                "NOPE",
                "",
                "-",
                "SHA1withRSA2",
                "SHA" + "A".repeat(1000)));
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            out.add(t);
            out.add(t.toLowerCase(Locale.ROOT));
            out.add(t.toUpperCase(Locale.ROOT));
            // Characters equalsIgnoreCase takes for ASCII letters (long s, Kelvin sign, dotless i,
            // dotted capital I) and one that String.toUpperCase expands (sharp s).
            out.add(t.replace('s', '\u017f').replace('S', '\u017f'));
            out.add(t.replace('k', '\u212a').replace('K', '\u212a'));
            out.add(t.replace('i', '\u0131').replace('I', '\u0130'));
            out.add(t.replace("SS", "\u00df").replace("ss", "\u00df"));
        }
        return out;
    }

    @Test
    void everyNameAndSpelling_resolvesAsTheScanDoes() {
        Set<String> patterns = patterns();
        int reached = 0;
        for (List<? extends Entry> universe : universes()) {
            for (String pattern : patterns) {
                List<Entry> scanned = new ArrayList<>(Patterns.matchBroadByScan(pattern, universe));
                List<Entry> indexed = new ArrayList<>(Patterns.matchBroad(pattern, universe));
                assertEquals(scanned, indexed, () -> "matchBroad of [" + pattern + "]");
                assertEquals(firstNamedByScan(pattern, universe) != null, Patterns.isExactName(pattern, universe));
                Entry first = firstNamedByScan(pattern, universe);
                List<Entry> exact = new ArrayList<>(Patterns.match(pattern, universe));
                assertEquals(first != null ? List.of(first) : scanned, exact, () -> "match of [" + pattern + "]");
                reached += indexed.size();
            }
        }
        // The ASCII spellings alone reach some 4,800 entries; the look-alike ones reach none.
        assertTrue(reached > 4_500, "the patterns reach the catalog: " + reached);
    }

    @Test
    void lookAlikeLetters_reachNothing_whereEqualsIgnoreCaseWouldReachTheAsciiName() {
        List<? extends Entry> signatures = CATALOG.algorithms(ServiceType.SIGNATURE);
        // String.equalsIgnoreCase folds the long s onto s; names are compared in ASCII case only.
        assertTrue("\u017fHA256withR\u017fA".equalsIgnoreCase("SHA256withRSA"));
        assertFalse(Patterns.isExactName("\u017fHA256withR\u017fA", signatures));
        assertTrue(Patterns.matchBroad("\u017fHA256", CATALOG.algorithms(ServiceType.MESSAGE_DIGEST))
                .isEmpty());
        assertTrue(Patterns.isExactName("sha256WITHrsa", signatures));
        assertFalse(Patterns.isExactName("SHA256withRSB", signatures));
    }

    private static Entry firstNamedByScan(String pattern, List<? extends Entry> universe) {
        for (Entry entry : universe) {
            if (entry.isNamed(pattern)) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void theFirstApplicableDenyRule_decides_inEachScope() throws Exception {
        CompiledPolicy p = TestPolicies.standard()
                .with(
                        "X",
                        TestPolicies.BASE
                                + String.join(
                                        "\n",
                                        "deny:",
                                        "  - algorithm: SHA-256",
                                        "    scopes: [tls]",
                                        "    reason: first",
                                        "  - algorithm: SHA256withRSA",
                                        "    reason: second",
                                        "  - algorithm: RSA",
                                        "    key_size_below: 4096",
                                        "  - algorithm: SHA-256",
                                        "    reason: third",
                                        "  - algorithm: TLS_AES_128_GCM_SHA256",
                                        "    scopes: [certpath]",
                                        "    reason: fourth",
                                        ""))
                .loader()
                .load("X");
        assertEquals(
                "deny[0]",
                p.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.TLS).rule());
        assertEquals(
                "deny[1]",
                p.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.ANY).rule());
        assertEquals(
                "deny[1]",
                p.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.CERTPATH).rule());
        assertEquals(
                "deny[0]",
                p.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.TLS).rule());
        assertEquals(
                "deny[3]",
                p.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY).rule());
        assertEquals(
                "deny[3]",
                p.decide(ServiceType.MESSAGE_DIGEST, "SHA-256", Scope.JAR).rule());
        // TLS names are decided in scope tls: the certpath rule does not reach the suite, the tls one does.
        assertEquals(
                "deny[0]",
                p.decideTls(TlsKind.CIPHER_SUITE, "TLS_AES_128_GCM_SHA256").rule());
        // Control: without the rules the same requests are allowed, so the refusals are the rules'.
        CompiledPolicy base = TestPolicies.standard().loader().load("BASE");
        assertTrue(
                base.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.TLS).allowed());
        assertTrue(
                base.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY).allowed());
        assertTrue(base.decide(ServiceType.MESSAGE_DIGEST, "SHA-256", Scope.JAR).allowed());
    }
}
