package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteTest {

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        // C0 controls: CR, LF, tab, ESC, NUL, BEL, backspace
        "000D",
        "000A",
        "0009",
        "001B",
        "0000",
        "0007",
        "0008",
        // DEL and C1 controls (CSI, NEL)
        "007F",
        "009B",
        "0085",
        // bidi embeddings, overrides, isolates and marks
        "202A",
        "202B",
        "202C",
        "202D",
        "202E",
        "2066",
        "2067",
        "2068",
        "2069",
        "200E",
        "200F",
        "061C",
        // invisible: zero-width space, joiners, word joiner, invisible operators, BOM, soft hyphen
        "200B",
        "200C",
        "200D",
        "2060",
        "2062",
        "FEFF",
        "00AD",
        // separators and spaces other than U+0020
        "2028",
        "2029",
        "00A0",
        "2007",
        "202F",
        "3000",
        // invisible fillers and variation selectors
        "3164",
        "180E",
        "FE0F",
        "034F",
        // private use, unassigned
        "E000",
        "0378",
    })
    void everyControlAndInvisibleCharacter_isEscaped(String hex) {
        int cp = Integer.parseInt(hex, 16);
        String text = "a" + new String(Character.toChars(cp)) + "b";
        assertEquals("a\\u" + hex + "b", Quote.escape(text));
    }

    @Test
    void supplementaryInvisibleCharacters_useTheLongEscape() {
        assertEquals(
                "x\\U000E0041y", Quote.escape("x" + new String(Character.toChars(0xE0041)) + "y"), "a tag character");
        assertEquals("\\U000E0100", Quote.escape(new String(Character.toChars(0xE0100))), "a variation selector");
        assertEquals("\\uD800", Quote.escape("\uD800"), "a lone surrogate");
    }

    @Test
    void visibleText_isReturnedUnchanged_andEscapingIsIdempotent() {
        String plain = "SHA-256 AES/GCM/NoPadding 'x' \"y\" \\n é Ж 中 \uD83D\uDD12";
        assertSame(plain, Quote.escape(plain));
        String escaped = Quote.escape("evil\u202Etxt.yaml\r\n\u001B[2J");
        assertEquals("evil\\u202Etxt.yaml\\u000D\\u000A\\u001B[2J", escaped);
        assertEquals(escaped, Quote.escape(escaped));
    }

    @Test
    void excerpt_keepsFortyCodePoints_andCountsTheRest() {
        assertEquals("short", Quote.excerpt("short"));
        String forty = "x".repeat(Quote.EXCERPT);
        assertEquals(forty, Quote.excerpt(forty));
        assertEquals(forty + "... (900000 more characters)", Quote.excerpt(forty + "y".repeat(900_000)));
        String emoji = "\uD83D\uDD12".repeat(Quote.EXCERPT + 2);
        assertEquals(
                "\uD83D\uDD12".repeat(Quote.EXCERPT) + "... (2 more characters)",
                Quote.excerpt(emoji),
                "cut between code points, never inside one");
        assertEquals("'a\\u001Bb'", Quote.quoted("a\u001Bb"));
    }

    @Test
    void problem_holdsOnlyAnEscapedExcerpt_ofValueMessageAndSuggestion() {
        String secret = "s3cr3t-" + "z".repeat(5000);
        Problem p =
                Problem.error(new Origin("f\u001B.yaml", 1, 1, "a.\u202Eb"), secret, Rule.TYPE, "bad \u0007" + secret);
        assertEquals("s3cr3t-" + "z".repeat(33) + "... (4967 more characters)", p.value());
        assertTrue(
                p.message().endsWith("... (4012 more characters)")
                        && p.message().length() < Problem.MAX_TEXT + 40,
                p.message());
        assertEquals("f\\u001B.yaml", p.origin().file());
        assertEquals("a.\\u202Eb", p.origin().path());
        assertEquals("bad \\u0007s3cr3t-", p.message().substring(0, 17));
    }

    @Test
    void problem_withALookAlikeInItsValue_andNoSuggestion_namesTheCharacter() {
        Problem p = Problem.error(new Origin("f.yaml", 1, 1, "mode"), "enf\u043Erce", Rule.KNOWN_VALUE, "bad mode");
        assertEquals("contains U+043E CYRILLIC SMALL LETTER O; did you mean 'o'?", p.suggestion());
        Problem plain = Problem.error(new Origin("f.yaml", 1, 1, "mode"), "enfxrce", Rule.KNOWN_VALUE, "bad mode");
        assertEquals("", plain.suggestion(), "control: no look-alike, no note");
    }
}
