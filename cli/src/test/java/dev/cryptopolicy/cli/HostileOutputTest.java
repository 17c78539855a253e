package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cryptopolicy.engine.Quote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the command line prints about hostile input, in text, JSON and SARIF: nothing of a file that
 * is not a policy, no raw control or invisible character from a policy or from its own arguments,
 * and suggestions from the engine's one bounded search.
 */
class HostileOutputTest {

    private static final String SECRET = "S3CRET-MARKER-c41d";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path passwd() throws IOException {
        StringBuilder sb = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
        for (int i = 1; i < 30; i++) {
            sb.append("svc")
                    .append(i)
                    .append(":x:")
                    .append(100 + i)
                    .append(":100:")
                    .append(i == 15 ? SECRET : "service " + i)
                    .append(":/var/lib/svc:/usr/sbin/nologin\n");
        }
        return write("passwd", sb.toString());
    }

    private Path shadow() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("svc")
                    .append(i)
                    .append(":$6$salt")
                    .append(i)
                    .append('$')
                    .append(i == 7 ? SECRET : "hash" + i)
                    .append(":19000:0:99999:7:::\n");
        }
        return write("shadow", sb.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif"})
    void lintOfShadowAndOfAPolicyExtendingPasswd_saysNotAPolicy_andPrintsNoSecret(String format) throws IOException {
        Path shadow = shadow();
        Path site = write("site.yaml", "kind: policy\nextends: " + passwd() + "\n");
        Cli.Result r = Cli.run("lint", "--format", format, shadow.toString(), site.toString())
                .assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertFalse(r.all().contains(SECRET), r::toString);
        assertFalse(r.all().contains("$6$"), r::toString);
        assertFalse(r.all().contains("svc15"), "no line of passwd: " + r);
        assertTrue(r.out().contains("not a policy: " + shadow), r::toString);
        assertTrue(r.out().contains("not-a-policy"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "explain", "export"})
    void otherCommandsOnAFileThatIsNotAPolicy_printNoSecret(String command) throws IOException {
        Path shadow = shadow();
        Cli.Result r = "show".equals(command)
                ? Cli.run("show", shadow.toString(), "--format", "json")
                : "explain".equals(command)
                        ? Cli.run(
                                "explain",
                                "--policy",
                                shadow.toString(),
                                "--service",
                                "MessageDigest",
                                "--algorithm",
                                "SHA-256",
                                "--format",
                                "json")
                        : Cli.run("export", "--policy", shadow.toString());
        r.assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.all().contains("not a policy"), r::toString);
        assertFalse(r.all().contains(SECRET), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif"})
    void controlAndBidiCharactersOfAPolicy_areEscapedInEveryFormat(String format) throws IOException {
        Path policy = write(
                "evil\u202Egpj.yaml",
                "kind: policy\nname: x\nmode: \"audit\\e[2J\\r\\u202e\"\n"
                        + "algorithms:\n  MessageDigest: [SHA-256]\n  \"Cipher\\u2066\\x9b\\0\": [AES/GCM/NoPadding]\n");
        Cli.Result r = Cli.run("lint", "--format", format, policy.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertNoRawControl(r.out());
        assertNoRawControl(r.err());
        String printed = "json".equals(format) || "sarif".equals(format) ? decodedStrings(r.out()) : r.out();
        assertNoRawControl(printed);
        assertTrue(printed.contains("audit\\u001B[2J\\u000D\\u202E"), printed);
        assertTrue(printed.contains("Cipher\\u2066\\u009B\\u0000"), printed);
        assertTrue(printed.contains("evil\\u202Egpj.yaml"), printed);
    }

    @Test
    void argumentsOfTheCommandLine_areEscapedWhenShownBack() {
        Cli.Result unknown = Cli.run("lnt\u001B]0;owned\u0007");
        assertNoRawControl(unknown.all());
        assertTrue(unknown.err().contains("unknown command 'lnt\\u001B]0;owned\\u0007'"), unknown::toString);

        Cli.Result option = Cli.run("lint", "--strict\u202E");
        assertNoRawControl(option.all());
        assertEquals(ExitStatus.USAGE, option.status(), option::toString);

        Cli.Result explain = Cli.run(
                "explain",
                "--policy",
                "DEFAULT",
                "--service",
                "Signature",
                "--algorithm",
                "SHA256withRSA\u001B[31m",
                "--format",
                "json");
        assertNoRawControl(explain.all());
        assertNoRawControl(decodedStrings(explain.out()));

        Cli.Result reference = Cli.run("lint", "NO\u202ESUCH");
        assertNoRawControl(reference.all());
        assertEquals(ExitStatus.USAGE, reference.status(), reference::toString);
    }

    @Test
    void suggestions_comeFromTheEnginesBoundedSearch_andFlagLookAlikes() {
        assertTrue(Cli.run("lnt").err().contains("unknown command 'lnt'; did you mean 'lint'?"));
        Cli.Result dash =
                Cli.run("explain", "--policy", "DEFAULT", "--service", "MessageDigest", "--algorithm", "SHA\u2010256");
        assertTrue(
                dash.out().contains("contains U+2010 HYPHEN, which looks like '-'; did you mean 'SHA-256'?"),
                dash::toString);
        String huge = "l".repeat(900_000);
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(huge));
        assertEquals(ExitStatus.USAGE, r.status());
        assertTrue(
                r.err().length() < 2000,
                "the name is quoted as an excerpt: " + r.err().length());
        assertTrue(r.err().contains("... (" + (huge.length() - 40) + " more characters)"), r.err());
    }

    /** Every string value of a JSON document, decoded, one per line. */
    private static String decodedStrings(String json) {
        StringBuilder sb = new StringBuilder();
        try {
            collect(new ObjectMapper().readTree(json), sb);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        return sb.toString();
    }

    private static void collect(JsonNode node, StringBuilder sb) {
        if (node.isTextual()) {
            sb.append(node.asText()).append('\n');
        }
        node.elements().forEachRemaining(child -> collect(child, sb));
    }

    private static void assertNoRawControl(String text) {
        text.codePoints()
                .filter(cp -> cp != '\n')
                .forEach(cp -> assertEquals(
                        new String(Character.toChars(cp)),
                        Quote.escape(new String(Character.toChars(cp))),
                        () -> String.format("raw U+%04X in %s", cp, Quote.escape(text))));
    }
}
