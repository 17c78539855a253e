package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyWriter;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy show REF [--format yaml|json]}: prints the fully resolved effective policy,
 * with every {@code extends}, modifier and default applied.
 */
final class ShowCommand extends OptionCommand {

    private static final String[] FORMATS = {"yaml", "json"};

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "print the fully resolved effective policy";
    }

    @Override
    String synopsis() {
        return "REF [--format yaml|json]";
    }

    @Override
    String description() {
        return """
                Loads the policy reference (e.g. DEFAULT:NO-SHA1 or site.yaml), applies its extends
                chain, modifiers and defaults, and prints the result as one self-contained policy.
                The YAML form loads back into a policy that makes the same decisions.

                With --format json, stdout is one JSON document: the tool's envelope (tool, version,
                command, ok, exitStatus, errors) with the policy as its "result".

                exit status: 0 printed, 1 a policy with errors (they go to stderr; 'cryptopolicy lint
                REF' reports them too), 2 usage error or a policy that cannot be read.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options().addOption(formatOption("yaml", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String format = format(line, "yaml", FORMATS);
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("no policy reference given; e.g. 'cryptopolicy show DEFAULT:NO-SHA1'");
        }
        if (args.size() > 1) {
            throw new UsageException("show takes one policy reference, got " + args.size()
                    + "; compose with ':', e.g. 'DEFAULT:NO-SHA1'");
        }
        CompiledPolicy policy = Diagnostics.load(args.get(0));
        if ("json".equals(format)) {
            return printJson(out, ExitStatus.OK, Json.parse(PolicyWriter.json(policy)));
        }
        String text = PolicyWriter.yaml(policy);
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return ExitStatus.OK;
    }
}
