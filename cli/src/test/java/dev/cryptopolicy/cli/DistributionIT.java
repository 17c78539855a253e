package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The distribution (cli/target/dist) installs the completion scripts and the man page the commands generate. */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("cryptopolicy.dist", "target/dist"));

    @Test
    void completionScriptsAndManPage_areInstalled_asGenerated() throws Exception {
        Path bash = DIST.resolve("share/bash-completion/completions/cryptopolicy");
        Path zsh = DIST.resolve("share/zsh/site-functions/_cryptopolicy");
        Path man = DIST.resolve("share/man/man1/cryptopolicy.1");
        for (Path p : new Path[] {bash, zsh, man}) {
            assertTrue(Files.isRegularFile(p), () -> "not installed: " + p);
        }
        assertEquals(Manual.bash(), Files.readString(bash));
        assertEquals(Manual.zsh(), Files.readString(zsh));
        String page = Files.readString(man);
        for (String name : Main.commandNames()) {
            assertTrue(page.contains("\n.SS " + name + "\n"), name);
        }
    }
}
