package dev.cryptopolicy.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the {@code cryptopolicy} tool, such as {@code lint} or {@code explain}.
 *
 * <p>To add a command, implement this interface (usually by extending {@link OptionCommand}) and
 * add an instance to {@link Main#COMMANDS}. A command prints only to the streams it is given, never
 * to {@code System.out}/{@code System.err}, and never lets an exception escape for bad input: it
 * reports the problem and returns an exit status.
 */
interface Command {

    /** The word that selects this command on the command line, e.g. {@code lint}. */
    String name();

    /** One line for the tool's command list, e.g. "check policies for errors and warnings". */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name; {@code --help}/{@code -h} must print the
     *             command's help to {@code out} and return {@link ExitStatus#OK}
     * @param out  where results go
     * @param err  where diagnostics about the invocation go
     * @return the exit status: {@link ExitStatus#OK}, {@link ExitStatus#FAILED} or {@link ExitStatus#USAGE}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
