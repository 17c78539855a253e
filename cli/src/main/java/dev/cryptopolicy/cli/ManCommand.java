package dev.cryptopolicy.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code cryptopolicy man}: prints the man page cryptopolicy(1), generated from the command registry ({@link Manual}). */
final class ManCommand extends OptionCommand {

    @Override
    public String name() {
        return "man";
    }

    @Override
    public String summary() {
        return "print the man page cryptopolicy(1), with every command and option";
    }

    @Override
    String synopsis() {
        return "";
    }

    @Override
    String description() {
        return """
                Prints the manual page in roff, generated from the commands' own help. The
                distribution installs it as share/man/man1/cryptopolicy.1.

                example:
                  cryptopolicy man | man -l -

                exit status: 0 printed, 2 usage error.
                """;
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("man takes no arguments");
        }
        out.print(Manual.man());
        return ExitStatus.OK;
    }
}
