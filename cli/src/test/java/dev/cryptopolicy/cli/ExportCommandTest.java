package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportToFile_writesJavaSecurityProperties() throws IOException {
        Path file = dir.resolve("default.security");
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT", "--format", "java-security", "-o", file.toString());
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertEquals("", r.out(), "nothing on stdout when writing a file");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("jdk.tls.disabledAlgorithms"), text);
        assertTrue(text.contains("jdk.certpath.disabledAlgorithms"), text);
    }

    @Test
    void exportWithoutOutput_printsToStdout_withDefaultFormat() {
        Cli.Result r = Cli.run("export", "--policy", "FUTURE");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("jdk.tls.disabledAlgorithms"), r::toString);
    }

    @Test
    void unwritableOutput_exitsTwo_withoutStackTrace() {
        Path file = dir.resolve("no/such/folder/x.security");
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT", "-o", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("cannot write"), r::toString);
    }

    @Test
    void unknownFormat_isAUsageError() {
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT", "--format", "java-securty");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean 'java-security'?"), r::toString);
    }

    @Test
    void missingPolicy_isAUsageError() {
        Cli.Result r = Cli.run("export", "--format", "java-security");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("missing required option --policy"), r::toString);
    }
}
