package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modifier removing {@code SHA1withRSA} spelt with U+017F LONG S (which String's case folding
 * reads as {@code SHA1withRSA}) is refused by {@code lint}, {@code show} and {@code explain} alike,
 * naming its {@code file:line:col}, the value escaped and the rule {@code ascii-name}; control: the
 * ASCII spelling loads in each, with no error.
 */
class LookAlikeNamesCliTest {

    @TempDir
    Path dir;

    @Test
    void lintShowAndExplain_refuseALookAlikeName_namingItsPlaceAndTheRule() throws IOException {
        Path site = dir.resolve("site.yaml");
        Files.writeString(
                site, "kind: modifier\nalgorithms:\n  Signature: [-\u017FHA1withRSA]\n", StandardCharsets.UTF_8);
        String reference = "LEGACY:" + site;
        String[][] commands = {
            {"lint", reference},
            {"show", reference},
            {"explain", "--policy", reference, "--service", "Signature", "--algorithm", "SHA1withRSA"},
        };
        for (String[] command : commands) {
            Cli.Result r = Cli.run(command).assertNoStackTrace();
            assertEquals(ExitStatus.FAILED, r.status(), r::toString);
            assertTrue(r.all().contains("site.yaml:3:15: error: "), r::toString);
            assertTrue(r.all().contains("'\\u017FHA1withRSA' is not ASCII"), r::toString);
            assertTrue(r.all().contains("(rule: ascii-name)"), r::toString);
            assertFalse(r.all().contains("\u017F"), r::toString);
        }
        Files.writeString(site, "kind: modifier\nalgorithms:\n  Signature: [-SHA1withRSA]\n", StandardCharsets.UTF_8);
        for (String[] command : commands) {
            Cli.Result r = Cli.run(command).assertNoStackTrace();
            // explain exits 1 for a refused request: the decision, not an error in the policy.
            assertTrue(r.status() == ExitStatus.OK || !command[0].equals("show"), r::toString);
            assertFalse(r.all().contains(": error: "), r::toString);
            assertFalse(r.all().contains("ascii-name"), r::toString);
        }
    }
}
