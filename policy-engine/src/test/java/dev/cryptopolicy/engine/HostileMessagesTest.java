package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the engine's messages say about hostile input: a file that is not a policy is named as such
 * and never quoted, values are quoted as short escaped excerpts, control and invisible characters
 * never reach a message raw, look-alikes are named, reader errors are located, and suggestions stay
 * bounded however long or numerous the unknown names are.
 */
class HostileMessagesTest {

    /** A marker that stands for a secret: it must never appear in any message. */
    static final String SECRET = "S3CRET-MARKER-7f3a9c";

    @TempDir
    Path dir;

    /** Lines as in /etc/passwd, with the marker in a GECOS field of a line in the middle. */
    static String passwd() {
        StringBuilder sb = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
        for (int i = 1; i < 40; i++) {
            sb.append("user")
                    .append(i)
                    .append(":x:")
                    .append(1000 + i)
                    .append(":")
                    .append(1000 + i)
                    .append(i == 20 ? ":" + SECRET : ":User " + i)
                    .append(":/home/user")
                    .append(i)
                    .append(":/bin/sh\n");
        }
        return sb.toString();
    }

    /** Lines as in /etc/shadow: the marker is a password hash. */
    static String shadow() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("user")
                    .append(i)
                    .append(":$6$")
                    .append(i == 0 ? SECRET : "rounds" + i)
                    .append("$")
                    .append("abcdefghijklmnopqrstuvwxyz0123456789".repeat(2))
                    .append(":19000:0:99999:7:::\n");
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static PolicyException refuse(String reference) {
        return assertThrows(
                PolicyException.class, () -> TestPolicies.standard().loader().load(reference));
    }

    /** Every text of every problem, as any caller could show it. */
    static String everything(PolicyException e) {
        StringBuilder sb = new StringBuilder(e.getMessage());
        for (Problem p : e.problems()) {
            sb.append('\n')
                    .append(p.format())
                    .append('\n')
                    .append(p.value())
                    .append('\n')
                    .append(p.message())
                    .append('\n')
                    .append(p.suggestion())
                    .append('\n')
                    .append(p.origin());
        }
        return sb.toString();
    }

    @Test
    void extendsPasswd_isNotAPolicy_andNoLineOfItIsQuoted() throws IOException {
        Path secrets = write("passwd", passwd());
        Path policy = write("site.yaml", "kind: policy\nextends: " + secrets + "\n");
        PolicyException e = refuse(policy.toString());
        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertEquals("not-a-policy", p.rule());
        assertTrue(p.message().startsWith("not a policy: " + secrets + ": its top is a string"), p.message());
        assertFalse(everything(e).contains(SECRET), everything(e));
        assertFalse(everything(e).contains("user20"), "no line of the file is quoted");
    }

    @Test
    void shadowNamedDirectly_isNotAPolicy_andNoEntryIsListed() throws IOException {
        Path secrets = write("shadow", shadow());
        PolicyException e = refuse(secrets.toString());
        assertEquals(
                List.of("not-a-policy"),
                e.problems().stream().map(Problem::rule).toList(),
                e::getMessage);
        assertFalse(everything(e).contains(SECRET), everything(e));
        assertFalse(everything(e).contains("$6$"), everything(e));
    }

    @Test
    void aMappingOfSecrets_isNotAPolicy_andNeitherKeysNorValuesAreListed() throws IOException {
        Path secrets = write("secrets.yaml", "db_password: " + SECRET + "\napi_token_" + SECRET + ": x\n");
        PolicyException e = refuse(secrets.toString());
        assertEquals(1, e.problems().size(), e::getMessage);
        assertTrue(
                e.problems().get(0).message().contains("none of its 2 top-level keys is a key of a policy"),
                e::getMessage);
        assertFalse(everything(e).contains(SECRET), everything(e));
        assertFalse(everything(e).contains("db_password"), everything(e));
    }

    @Test
    void textThatIsNotYamlOrNotUtf8_isNotAPolicy_andIsNotQuoted() throws IOException {
        Path notYaml = write("notes.yaml", "key: [unclosed " + SECRET + "\n  : : {\n");
        PolicyException e = refuse(notYaml.toString());
        assertTrue(
                e.problems().get(0).message().startsWith("not a policy: " + notYaml + ": malformed YAML"),
                e::getMessage);
        assertFalse(everything(e).contains(SECRET), everything(e));

        Path binary = dir.resolve("blob.yaml");
        byte[] bytes = ("kind: policy\n" + SECRET).getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        withBadByte[bytes.length] = (byte) 0xFF;
        Files.write(binary, withBadByte);
        PolicyException b = refuse(binary.toString());
        assertEquals("utf-8", b.problems().get(0).rule());
        assertTrue(b.problems().get(0).message().startsWith("not a policy: "), b::getMessage);
        assertFalse(everything(b).contains(SECRET), everything(b));
    }

    @Test
    void aPolicysWrongValue_isQuotedAsAShortExcerpt_notWhole() throws IOException {
        String value = "enforce-" + SECRET + "-" + "x".repeat(10_000);
        Path policy = write("mode.yaml", TestPolicies.BASE + "mode: \"" + value + "\"\n");
        PolicyException e = refuse(policy.toString());
        Problem p = e.problems().get(0);
        assertEquals("known-value", p.rule());
        // Control: a value of a real policy is quoted, so the user sees what is wrong...
        assertTrue(p.message().contains("not 'enforce-" + SECRET), p.message());
        // ...but only its first characters.
        assertTrue(
                p.message().contains("... (" + (value.length() - Quote.EXCERPT) + " more characters)'"), p.message());
        assertTrue(everything(e).length() < 4000, "bounded: " + everything(e).length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CR|\\r|\\u000D", "LF|\\n|\\u000A", "ESC|\\e[2J|\\u001B[2J", "NUL|\\0|\\u0000", "DEL|\\x7f|\\u007F",
                "C1 CSI|\\x9b|\\u009B", "NEL|\\N|\\u0085", "RLO|\\u202e|\\u202E", "LRI|\\u2066|\\u2066",
                        "PDI|\\u2069|\\u2069",
                "ZWSP|\\u200b|\\u200B", "RLM|\\u200f|\\u200F", "BOM|\\ufeff|\\uFEFF", "LSEP|\\L|\\u2028",
                        "tag|\\U000E0041|\\U000E0041",
            })
    void controlAndInvisibleCharacters_inNamesAndValues_areEscapedInEveryMessage(
            String what, String yamlEscape, String shown) throws IOException {
        // Values and keys checked when a file is read, and a name resolved when files are composed.
        Path document = write(
                "inject.yaml",
                TestPolicies.BASE + "mode: \"audit" + yamlEscape + "x\"\n" + "\"key" + yamlEscape + "\": 1\n");
        Path composed = write("deny.yaml", TestPolicies.BASE + "deny:\n  - algorithm: \"MD5" + yamlEscape + "\"\n");
        for (Path policy : List.of(document, composed)) {
            PolicyException e = refuse(policy.toString());
            assertEquals(policy == document ? 2 : 1, e.problems().size(), e::getMessage);
            for (Problem p : e.problems()) {
                assertTrue(p.message().contains(shown) || p.origin().path().contains(shown), what + ": " + p.format());
                assertNoRawControl(p.format());
                assertNoRawControl(p.value());
                assertNoRawControl(p.origin().path());
                assertNoRawControl(p.suggestion());
            }
            for (String line : e.getMessage().split("\n", -1)) {
                assertNoRawControl(line);
            }
        }
    }

    @Test
    void aRawBidiOverrideInAKey_isEscaped_andAFileNameWithControlsToo() throws IOException {
        Path policy = write("evil\u202Egpj.yaml", TestPolicies.BASE + "tls\u202E:\n  min_protocol: TLSv1.2\n");
        PolicyException e = refuse(policy.toString());
        Problem p = e.problems().get(0);
        assertEquals("known-key", p.rule());
        assertTrue(p.format().contains("evil\\u202Egpj.yaml"), p.format());
        assertTrue(p.message().contains("'tls\\u202E'"), p.message());
        assertNoRawControl(everything(e).replace("\n", ""));
    }

    @Test
    void lookAlikes_areNamed_withTheNameMeant() throws IOException {
        Path policy = write(
                "look.yaml",
                TestPolicies.BASE
                        .replace("[SHA-2, SHA-3, SHA-1]", "[SHA\u2010256]")
                        .replace("min_protocol: TLSv1.2", "min_protocol: TLSv1\uFF0E2"));
        PolicyException e = refuse(policy.toString());
        List<String> suggestions =
                e.problems().stream().map(Problem::suggestion).toList();
        assertTrue(
                suggestions.contains("contains U+2010 HYPHEN, which looks like '-'; did you mean 'SHA-256'?"),
                suggestions::toString);
        assertTrue(
                suggestions.contains(
                        "contains U+FF0E FULLWIDTH FULL STOP, which looks like '.'; did you mean 'TLSv1.2'?"),
                suggestions::toString);

        Path mode = write("mode.yaml", TestPolicies.BASE + "mode: \u0430udit\n");
        Problem p = refuse(mode.toString()).problems().get(0);
        assertEquals("contains U+0430 CYRILLIC SMALL LETTER A; did you mean 'a'?", p.suggestion(), p::format);
    }

    @Test
    void nulAndOtherReaderErrors_areLocatedWhereTheyAre() throws IOException {
        Path nul = dir.resolve("nul.yaml");
        Files.write(nul, (TestPolicies.BASE + "name2: ab\u0000c\n").getBytes(StandardCharsets.UTF_8));
        Problem p = refuse(nul.toString()).problems().get(0);
        assertEquals("yaml-syntax", p.rule());
        int line = TestPolicies.BASE.split("\n").length + 1;
        assertEquals(line + ":10", p.origin().line() + ":" + p.origin().column(), p::format);
        assertTrue(p.message().contains("U+0000 NULL"), p.message());

        Path bell = dir.resolve("bell.yaml");
        Files.write(bell, "kind: policy\r\nalgorithms:\r\n  Cipher: [AES\u0007]\r\n".getBytes(StandardCharsets.UTF_8));
        Problem b = refuse(bell.toString()).problems().get(0);
        assertEquals("3:15", b.origin().line() + ":" + b.origin().column(), b::format);

        Path sequence = dir.resolve("seq.yaml");
        Files.writeString(sequence, "kind: policy\nalgorithms:\n  Cipher: [AES\n  Mac: x\n");
        Problem s = refuse(sequence.toString()).problems().get(0);
        assertTrue(s.origin().line() >= 3, s::format);
    }

    @Test
    void aNineHundredThousandCharacterName_isAnsweredFast_andItsSuggestionAllocatesAlmostNothing() throws IOException {
        String name = "SHA" + "A".repeat(900_000);
        Path policy = write("long.yaml", TestPolicies.BASE + "deny:\n  - algorithm: " + name + "\n");
        PolicyException e = refuseWithinCpuBound(policy.toString());
        Problem p = e.problems().get(0);
        assertEquals("known-algorithm", p.rule());
        assertEquals("", p.suggestion(), "no suggestion for a name that long");
        assertTrue(p.value().endsWith("... (" + (name.length() - Quote.EXCERPT) + " more characters)"), p.value());
        assertTrue(e.getMessage().length() < 2000, "bounded: " + e.getMessage().length());

        // The full-matrix search allocated 5.6 GiB for this name; the bounded one nothing of its size.
        List<String> vocabulary = new java.util.ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            vocabulary.addAll(Patterns.vocabulary(dev.cryptopolicy.engine.algorithms.AlgorithmCatalog.standard()
                    .algorithms(type)));
        }
        long before = allocatedByThisThread();
        assertEquals("", Suggest.didYouMean(name, vocabulary));
        String near = "SHA" + "A".repeat(Suggest.MAX_LENGTH - 3);
        Suggest.didYouMean(near, vocabulary);
        long used = allocatedByThisThread() - before;
        assertTrue(used < 1L << 20, "allocated " + used + " bytes");
    }

    @Test
    void thousandsOfUnknownNames_areAnsweredFast_andOnlyTheFirstGetSuggestions() throws IOException {
        // As many as one list may hold: every one is unknown, and each would want a suggestion.
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Limits.MAX_ENTRIES; i++) {
            names.append(i == 0 ? "" : ", ").append("SHA-2").append(i % 10).append(i);
        }
        Path policy = write("many.yaml", TestPolicies.BASE.replace("[SHA-2, SHA-3, SHA-1]", "[" + names + "]"));
        PolicyException e = refuseWithinCpuBound(policy.toString());
        List<Problem> unknown = e.problems().stream()
                .filter(p -> p.rule().equals("known-algorithm"))
                .toList();
        assertEquals(Limits.MAX_PROBLEMS, unknown.size(), "the first ones are reported");
        assertTrue(
                e.problems().stream()
                        .anyMatch(p -> p.rule().equals("max-problems")
                                && p.message().contains("and " + (Limits.MAX_ENTRIES - Limits.MAX_PROBLEMS) + " more")),
                e::getMessage);
        long suggested = unknown.stream().filter(p -> !p.suggestion().isEmpty()).count();
        assertTrue(suggested > 0 && suggested <= Limits.MAX_PROBLEMS, "suggested " + suggested);
        assertTrue(
                unknown.get(0).suggestion().startsWith("did you mean 'SHA-"),
                unknown.get(0).suggestion());
    }

    /**
     * The CPU time one load of hostile input may take on the loading thread. The bound is on the
     * work done, which a shared or loaded machine does not stretch as it stretches wall-clock time;
     * the loads it bounds take 0.1 to 2.5 s of CPU here, the first in a cold JVM included.
     */
    static final Duration CPU_BOUND = Duration.ofSeconds(10);

    /** Wall-clock time after which a load counts as hung: a guard only, far above any bound. */
    private static final Duration HANG = Duration.ofMinutes(2);

    /**
     * Loads {@code reference}, returns its refusal and asserts that the loading thread spent less
     * than {@link #CPU_BOUND} of CPU on it (the load runs on that one thread).
     */
    private static PolicyException refuseWithinCpuBound(String reference) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM measures a thread's CPU time");
        return assertTimeoutPreemptively(HANG, () -> {
            long before = threads.getCurrentThreadCpuTime();
            PolicyException e = refuse(reference);
            long cpu = threads.getCurrentThreadCpuTime() - before;
            assertTrue(
                    cpu < CPU_BOUND.toNanos(),
                    () -> "the load took " + Duration.ofNanos(cpu).toMillis() + " ms of CPU, over the bound of "
                            + CPU_BOUND.toMillis() + " ms");
            return e;
        });
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static void assertNoRawControl(String text) {
        text.codePoints()
                .forEach(cp -> assertFalse(
                        Quote.needsEscape(cp), () -> String.format("raw U+%04X in %s", cp, Quote.escape(text))));
    }
}
