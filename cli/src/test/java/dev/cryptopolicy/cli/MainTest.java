package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void help_listsEveryCommand_andExitsZero() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            Cli.Result r = Cli.run(flag);
            assertEquals(ExitStatus.OK, r.status(), r::toString);
            for (String name : Main.commandNames()) {
                assertTrue(r.out().contains("  " + name + " "), () -> name + " missing from\n" + r);
            }
        }
    }

    @Test
    void everyCommand_hasHelp_thatExitsZero() {
        for (String name : Main.commandNames()) {
            for (String flag : new String[] {"--help", "-h"}) {
                Cli.Result r = Cli.run(name, flag);
                assertEquals(ExitStatus.OK, r.status(), r::toString);
                assertTrue(r.out().startsWith("usage: cryptopolicy " + name), r::toString);
                assertTrue(r.out().contains("exit status"), r::toString);
            }
            Cli.Result viaHelp = Cli.run("help", name);
            assertEquals(ExitStatus.OK, viaHelp.status(), viaHelp::toString);
            assertTrue(viaHelp.out().startsWith("usage: cryptopolicy " + name), viaHelp::toString);
        }
    }

    @Test
    void version_printsAVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().matches("cryptopolicy \\S+\\R"), r::toString);
    }

    @Test
    void noArguments_printsUsageToStderr_andExitsTwo() {
        Cli.Result r = Cli.run();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().startsWith("usage: cryptopolicy"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void unknownCommand_isAUsageError_withSuggestion() {
        Cli.Result r = Cli.run("lnt", "DEFAULT");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("unknown command 'lnt'; did you mean 'lint'?"), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy --help'"), r::toString);
    }

    @Test
    void unknownToolOption_isAUsageError() {
        Cli.Result r = Cli.run("--verbose");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("'--verbose'"), r::toString);
    }

    @Test
    void commandNames_areUnique() {
        assertEquals(
                Main.commandNames().size(),
                Main.commandNames().stream().distinct().count());
    }
}
