package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the first load of a JVM takes decide as the code they replaced: glob matching
 * that rejects on the literal prefix and suffix first, ASCII case comparison without the Unicode
 * tables, and a name table whose case-folded half is built at the first miss.
 */
class ColdPathTest {

    /** The definition: {@code *} is any run, every other character itself or its other ASCII case. */
    private static boolean reference(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                regex.append('[')
                        .append(Character.toLowerCase(c))
                        .append(Character.toUpperCase(c))
                        .append(']');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    private static List<String> catalogTexts() {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        List<Entry> entries = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            entries.addAll(catalog.algorithms(type));
        }
        for (TlsKind kind : TlsKind.values()) {
            entries.addAll(catalog.tls(kind));
        }
        entries.addAll(catalog.curves());
        List<String> texts = new ArrayList<>();
        for (Entry e : entries) {
            texts.add(e.name());
            texts.addAll(e.aliases());
        }
        return texts;
    }

    @Test
    void globs_matchExactlyWhatTheirDefinitionMatches_overTheCatalog() {
        List<String> texts = catalogTexts();
        Random random = new Random(17);
        String odd = "*ſKK\u00e9-_/.";
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            // A glob made from a catalog name: some characters starred, some changed in case or replaced.
            String base = texts.get(random.nextInt(texts.size()));
            StringBuilder glob = new StringBuilder();
            for (int i = 0; i < base.length(); i++) {
                char c = base.charAt(i);
                int r = random.nextInt(12);
                if (r == 0) {
                    glob.append('*');
                } else if (r == 1) {
                    glob.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                } else if (r == 2) {
                    glob.append(odd.charAt(random.nextInt(odd.length())));
                } else if (r != 3) {
                    glob.append(c);
                }
            }
            String text = random.nextInt(4) == 0 ? texts.get(random.nextInt(texts.size())) : base;
            boolean expected = reference(glob.toString(), text);
            assertEquals(expected, Patterns.globMatches(glob.toString(), text), glob + " against " + text);
            matched += expected ? 1 : 0;
        }
        // Control: the sweep reaches both outcomes, often.
        assertTrue(matched > 300 && matched < 2700, matched + " of 3000 matched");
    }

    @Test
    void globs_atTheirAnchors_prefixSuffixAndOverlap() {
        for (String[] c : new String[][] {
            {"AES*/GCM/NoPadding", "AES_256/GCM/NoPadding"},
            {"AES*/GCM/NoPadding", "AES_256/CCM/NoPadding"},
            {"AES*/GCM/NoPadding", "aes/gcm/nopadding"},
            {"a*a", "a"},
            {"a*a", "aa"},
            {"ab*ba", "aba"},
            {"*", ""},
            {"**", "x"},
            {"x*", ""},
            {"*x", "x"},
            {"\u017f*", "S"},
            {"K*", "\u212a"},
            {"S*", "s1"},
            {"SHA*withRSA*", "SHA256withRSA/PSS"},
        }) {
            assertEquals(reference(c[0], c[1]), Patterns.globMatches(c[0], c[1]), c[0] + " against " + c[1]);
        }
    }

    @Test
    void asciiCase_isTheOnlyCaseIgnored_forEveryPairOfLatinCharacters() {
        for (char a = 0; a < 0x250; a++) {
            if (a == '*') {
                continue; // the glob's one special character
            }
            for (char b = 0; b < 0x250; b++) {
                boolean expected =
                        a == b || (a < 128 && b < 128 && Character.toLowerCase(a) == Character.toLowerCase(b));
                assertEquals(
                        expected,
                        Patterns.globMatches(String.valueOf(a), String.valueOf(b)),
                        Integer.toHexString(a) + " " + Integer.toHexString(b));
            }
        }
        // Characters that String.equalsIgnoreCase folds onto ASCII letters stay apart.
        assertTrue(!Patterns.globMatches("\u212a", "k") && !Patterns.globMatches("\u0131", "I"));
    }

    @Test
    void nameTable_inAnyAsciiCase_theFirstOfEqualNamesWins_andBuildsItsFoldedHalfOnce() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("DESede", 1);
        entries.put("DESEDE", 2);
        entries.put("SHA-256", 3);
        NameTable<Integer> table = new NameTable<>(entries);
        assertEquals(2, table.get("DESEDE"));
        assertEquals(1, table.get("DESede"));
        assertEquals(1, table.get("desede"), "the first name of the map's order, as before the table was lazy");
        assertEquals(3, table.get("sha-256"));
        assertNull(table.get("sha-512"));
        assertNull(table.get("\u017fha-256"), "no non-ASCII character stands in for an ASCII letter");
        assertNull(table.get(null));

        Map<String, Integer> reversed = new LinkedHashMap<>();
        reversed.put("DESEDE", 2);
        reversed.put("DESede", 1);
        assertEquals(2, new NameTable<>(reversed).get("desede"), "control: the order decides");
    }

    @Test
    void quoteEscape_keepsPrintableAscii_andEscapesTheRest() {
        String printable = "AES_256/GCM/NoPadding algorithms.Cipher[3] ~!@#$%^&*()";
        assertSame(printable, Quote.escape(printable));
        assertEquals("a\\u0009b\\u007Fc\\u2028d\u00e9", Quote.escape("a\tb\u007fc\u2028d\u00e9"));
        assertEquals("x\\uD800", Quote.escape("x\ud800"));
    }
}
