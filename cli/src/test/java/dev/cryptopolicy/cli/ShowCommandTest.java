package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    @TempDir
    Path dir;

    @Test
    void show_printsYaml_thatLoadsBackAsAPolicy() throws IOException {
        Cli.Result r = Cli.run("show", "DEFAULT:NO-SHA1").assertNoStackTrace();
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("kind: policy"), r::toString);
        Path effective = Files.writeString(dir.resolve("effective.yaml"), r.out());
        Cli.Result lint = Cli.run("lint", effective.toString());
        assertEquals(ExitStatus.OK, lint.status(), lint::toString);
    }

    @Test
    void showJson_printsAJsonObject() throws IOException {
        Cli.Result r = Cli.run("show", "FUTURE", "--format", "json");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        JsonNode root = Envelope.result(r, "show");
        assertTrue(root.isObject());
        assertTrue(root.has("algorithms"), r::toString);
    }

    @Test
    void brokenPolicy_exitsOne_withLocatedErrorsOnStderr() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: policy\nextends: DEFAULT\nkeys: [1, 2\n");
        Cli.Result r = Cli.run("show", bad.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.err().contains(bad + ":"), r::toString);
        assertTrue(r.err().contains(": error: "), r::toString);
    }

    @Test
    void noReference_isAUsageError() {
        Cli.Result r = Cli.run("show");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy show --help'"), r::toString);
    }

    @Test
    void twoReferences_isAUsageError() {
        assertEquals(ExitStatus.USAGE, Cli.run("show", "DEFAULT", "FUTURE").status());
    }

    @Test
    void unknownFormat_isAUsageError() {
        assertEquals(
                ExitStatus.USAGE, Cli.run("show", "DEFAULT", "--format", "xml").status());
    }
}
