package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {

    private static final List<String> NAMES = List.of(
            "SHA-256",
            "SHA-384",
            "SHA-512",
            "SHA3-256",
            "SHA256withRSA",
            "SHA256withECDSA",
            "SHA384withRSA",
            "Ed25519",
            "X25519",
            "AES/GCM/NoPadding",
            "ChaCha20-Poly1305",
            "HmacSHA256",
            "TLSv1.2",
            "TLSv1.3",
            "backends",
            "algorithms",
            "min_protocol",
            "Signature",
            "KeyPairGenerator");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SHA256withRAS, SHA256withRSA",
        "sha-256, SHA-256",
        "SHA-265, SHA-256",
        "SHA256, SHA-256",
        "Sha3-256, SHA3-256",
        "ED25519, Ed25519",
        "X2551, X25519",
        "AES/GCM/NoPading, AES/GCM/NoPadding",
        "ChaCha20Poly1305, ChaCha20-Poly1305",
        "HmacSHA265, HmacSHA256",
        "TLSv13, TLSv1.3",
        "backend, backends",
        "algoritms, algorithms",
        "min_protcol, min_protocol",
        "Signatur, Signature",
        "KeyPairGenrator, KeyPairGenerator",
        "SHA384withRSA, SHA384withRSA",
    })
    void realTypos_getTheNameMeant(String typo, String meant) {
        assertEquals(Optional.of(meant), Suggest.nearest(typo, NAMES));
    }

    @ParameterizedTest
    @CsvSource({"Blowfish", "MD5", "frobnicate", "RC4", "x"})
    void namesNearNothing_getNoSuggestion(String text) {
        assertEquals(Optional.empty(), Suggest.nearest(text, NAMES));
    }

    @Test
    void distance_isTheOptimalStringAlignmentDistance_cutAtTheThreshold() {
        assertEquals(0, Suggest.distance("abc", "ABC", 3));
        assertEquals(1, Suggest.distance("abcd", "abdc", 3));
        assertEquals(1, Suggest.distance("abc", "abcd", 3));
        assertEquals(3, Suggest.distance("kitten", "sitting", 3));
        assertEquals(3, Suggest.distance("kitten", "sitting", 2), "cut at threshold + 1");
        assertEquals(6, Suggest.distance("", "abcdef", 10));
        assertEquals(2, Suggest.distance("", "abcdef", 1));
        assertEquals(4, Suggest.distance("abcdefgh", "badcfehg", 5), "four transpositions");
    }

    @Test
    void distance_agreesWithTheFullMatrix_onManyPairs() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 3000; n++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : mutate(a, random);
            int full = fullMatrix(a, b);
            for (int threshold = 0; threshold <= 8; threshold++) {
                int expected = full <= threshold ? full : threshold + 1;
                assertEquals(expected, Suggest.distance(a, b, threshold), a + " / " + b + " threshold " + threshold);
            }
        }
    }

    @Test
    void aNameLongerThanTheCap_getsNoSuggestion_evenWhenItStartsWithAKnownOne() {
        String name = "SHA-256" + "x".repeat(Suggest.MAX_LENGTH);
        assertEquals(Optional.empty(), Suggest.nearest(name, NAMES));
        assertTrue(Suggest.nearest("SHA-256x", NAMES).isPresent(), "control: a short one does");
    }

    @Test
    void aNineHundredThousandCharacterName_isAnsweredAtOnce() {
        String name = "A".repeat(900_000);
        List<String> vocabulary = vocabulary();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("", Suggest.didYouMean(name, vocabulary)));
    }

    @Test
    void hints_areComputedOnlyForTheProblemsALoadKeeps_theOneBoundOnThem() {
        Problems problems = new Problems();
        int[] asked = new int[2];
        for (int i = 0; i < Limits.MAX_PROBLEMS + 50; i++) {
            Origin at = new Origin("p.yaml", i + 1, 1, "algorithms");
            problems.add(Problem.error(at, "SHA-265", Rule.KNOWN_ALGORITHM, "unknown"), () -> {
                asked[0]++;
                return Suggest.didYouMean("SHA-265", NAMES);
            });
            problems.add(Problem.warning(at, "SHA-265", Rule.KNOWN_ALGORITHM, "unknown"), () -> {
                asked[1]++;
                return Suggest.didYouMean("SHA-265", NAMES);
            });
        }
        assertEquals(Limits.MAX_PROBLEMS, asked[0], "one hint per kept error, none for the rest");
        assertEquals(Limits.MAX_PROBLEMS, asked[1], "the warnings are bounded the same way");
        assertEquals("did you mean 'SHA-256'?", problems.get(0).suggestion());
        assertEquals(2 * Limits.MAX_PROBLEMS, problems.size());
    }

    @Test
    void lookAlikes_areNamed_andReadAsTheirAsciiCharacter() {
        assertEquals(
                "contains U+2010 HYPHEN, which looks like '-'; did you mean 'SHA-256'?",
                Suggest.didYouMean("SHA\u2010256", NAMES));
        assertEquals(
                "contains U+0410 CYRILLIC CAPITAL LETTER A, which looks like 'A'; did you mean 'SHA-256'?",
                Suggest.didYouMean("SH\u0410-256", NAMES));
        assertEquals(
                "contains U+0395 GREEK CAPITAL LETTER EPSILON, which looks like 'E'; did you mean 'Ed25519'?",
                Suggest.didYouMean("\u0395d25519", NAMES));
        assertEquals(
                "contains U+FF33 FULLWIDTH LATIN CAPITAL LETTER S, which looks like 'S'; did you mean 'SHA-256'?",
                Suggest.didYouMean("\uFF33HA-256", NAMES));
        assertEquals("contains U+00A0 NO-BREAK SPACE; did you mean ' '?", Suggest.lookAlike("a\u00A0b"));
        assertEquals("contains U+2212 MINUS SIGN; did you mean '-'?", Suggest.lookAlike("\u2212X"));
        assertEquals("", Suggest.lookAlike("SHA-256"), "control: plain ASCII has none");
    }

    private static List<String> vocabulary() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            names.add("Algorithm" + i + "with" + "X".repeat(i % 40));
        }
        return names;
    }

    private static String randomWord(java.util.Random random) {
        int length = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcAB-".charAt(random.nextInt(6)));
        }
        return sb.toString();
    }

    private static String mutate(String a, java.util.Random random) {
        StringBuilder sb = new StringBuilder(a);
        for (int k = random.nextInt(4); k > 0; k--) {
            int op = random.nextInt(4);
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            if (op == 0 || sb.length() < 2) {
                sb.insert(at, 'c');
            } else if (op == 1) {
                sb.deleteCharAt(at);
            } else if (op == 2) {
                sb.setCharAt(at, 'b');
            } else if (at + 1 < sb.length()) {
                char t = sb.charAt(at);
                sb.setCharAt(at, sb.charAt(at + 1));
                sb.setCharAt(at + 1, t);
            }
        }
        return sb.toString();
    }

    /** The textbook full-matrix optimal string alignment distance, ignoring case. */
    private static int fullMatrix(String x, String y) {
        String a = x.toLowerCase(java.util.Locale.ROOT);
        String b = y.toLowerCase(java.util.Locale.ROOT);
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
