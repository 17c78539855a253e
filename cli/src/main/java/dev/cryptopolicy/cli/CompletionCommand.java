package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Quote;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy completion bash|zsh}: prints the shell completion script, generated from the
 * command registry ({@link Manual}).
 */
final class CompletionCommand extends OptionCommand {

    @Override
    public String name() {
        return "completion";
    }

    @Override
    public String summary() {
        return "print the bash or zsh completion script for every command and option";
    }

    @Override
    String synopsis() {
        return "bash|zsh";
    }

    @Override
    String description() {
        return """
                Prints a completion script generated from the commands themselves: command names,
                each command's options, and the values of --format. The distribution installs both
                under share/ (bash-completion/completions/cryptopolicy, zsh/site-functions/_cryptopolicy).

                examples:
                  source <(cryptopolicy completion bash)
                  cryptopolicy completion zsh > ~/.zfunc/_cryptopolicy

                exit status: 0 printed, 2 usage error.
                """;
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("give one shell: bash or zsh");
        }
        switch (args.get(0)) {
            case "bash" -> out.print(Manual.bash());
            case "zsh" -> out.print(Manual.zsh());
            default ->
                throw new UsageException("unknown shell " + Quote.quoted(args.get(0)) + "; use bash or zsh"
                        + UsageException.hint(args.get(0), List.of("bash", "zsh")));
        }
        return ExitStatus.OK;
    }
}
