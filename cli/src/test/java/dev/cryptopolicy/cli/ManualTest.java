package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts and the man page offer every command and every option of the registry:
 * checked by running bash's completion function itself, by {@code bash -n}, and by reading the page.
 */
class ManualTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletion_isValidBash_andOffersEveryCommandAndEveryOption() throws Exception {
        Path script = Files.writeString(dir.resolve("cryptopolicy.bash"), Manual.bash());
        assertEquals("", bash("-n", script.toString()), "bash -n");
        StringBuilder probe = new StringBuilder("source '" + script + "'\n");
        probe.append("COMP_WORDS=(cryptopolicy ''); COMP_CWORD=1; _cryptopolicy; echo \"top ${COMPREPLY[*]}\"\n");
        for (Command c : Main.COMMANDS) {
            probe.append("COMP_WORDS=(cryptopolicy ")
                    .append(c.name())
                    .append(" -); COMP_CWORD=2; _cryptopolicy; ")
                    .append("echo \"")
                    .append(c.name())
                    .append(" ${COMPREPLY[*]}\"\n");
        }
        probe.append(
                "COMP_WORDS=(cryptopolicy lint --format ''); COMP_CWORD=3; _cryptopolicy; echo \"format ${COMPREPLY[*]}\"\n");
        Path run = Files.writeString(dir.resolve("probe.bash"), probe.toString());
        List<String> lines = Arrays.asList(bash(run.toString()).split("\n"));
        Set<String> top = words(lines, "top");
        assertTrue(top.containsAll(Main.commandNames()), () -> "top level offers " + top);
        for (Command c : Main.COMMANDS) {
            Set<String> offered = words(lines, c.name());
            for (String option : options(c)) {
                assertTrue(offered.contains(option), () -> c.name() + " does not offer " + option + ": " + offered);
            }
        }
        assertEquals(Set.of("text", "json", "sarif"), words(lines, "format"));
    }

    @Test
    void zshCompletion_namesEveryCommandAndEveryOption() throws Exception {
        String zsh = Manual.zsh();
        assertTrue(zsh.startsWith("#compdef cryptopolicy\n"));
        for (Command c : Main.COMMANDS) {
            assertTrue(zsh.contains("        '" + c.name() + ":"), c.name());
            String section = zsh.substring(zsh.indexOf("        " + c.name() + ")\n"));
            section = section.substring(0, section.indexOf(";;"));
            for (String option : options(c)) {
                assertTrue(section.contains("'" + option + "["), c.name() + " " + option);
            }
        }
        Path zshBin = Path.of("/usr/bin/zsh");
        if (Files.isExecutable(zshBin)) {
            Path script = Files.writeString(dir.resolve("_cryptopolicy"), zsh);
            assertEquals("", run(List.of(zshBin.toString(), "-n", script.toString())), "zsh -n");
        }
    }

    @Test
    void manPage_listsEveryCommandAndOption_andGroffReadsItWithoutWarnings() throws Exception {
        String man = Manual.man();
        assertTrue(man.contains(".TH CRYPTOPOLICY 1 "), man);
        for (Command c : Main.COMMANDS) {
            assertTrue(man.contains("\n.SS " + c.name().replace("-", "\\-") + "\n"), c.name());
            for (String option : options(c)) {
                assertTrue(man.contains(option.replace("-", "\\-")), c.name() + " " + option);
            }
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = Files.writeString(dir.resolve("cryptopolicy.1"), man);
        assertEquals(
                "", run(List.of("/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", page.toString())), "groff warnings");
    }

    @Test
    void commands_printWhatTheDistributionInstalls() {
        assertEquals(Manual.bash(), Cli.run("completion", "bash").out());
        assertEquals(Manual.zsh(), Cli.run("completion", "zsh").out());
        assertEquals(Manual.man(), Cli.run("man").out());
        assertEquals(ExitStatus.USAGE, Cli.run("completion", "fish").status());
        assertEquals(ExitStatus.USAGE, Cli.run("completion").status());
    }

    /** Every spelling of every option of a command, {@code --help} included. */
    private static List<String> options(Command c) {
        List<String> out = new ArrayList<>(List.of("--help", "-h"));
        for (Option o : ((OptionCommand) c).options().getOptions()) {
            if (o.getLongOpt() != null) {
                out.add("--" + o.getLongOpt());
            }
            if (o.getOpt() != null) {
                out.add("-" + o.getOpt());
            }
        }
        return out;
    }

    private static Set<String> words(List<String> lines, String tag) {
        for (String line : lines) {
            if (line.startsWith(tag + " ") || line.equals(tag)) {
                return new TreeSet<>(
                        Arrays.asList(line.substring(tag.length()).trim().split("\\s+")));
            }
        }
        throw new AssertionError("no line " + tag + " in " + lines);
    }

    private String bash(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile"));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), () -> command + ": " + out);
        return out;
    }
}
