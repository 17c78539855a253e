package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyDiff;
import dev.cryptopolicy.engine.Quote;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy diff [--format text|json] A B}: what policy B decides differently from
 * policy A, each difference with where each side sets it.
 */
final class DiffCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json"};

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "show what one policy decides differently from another, with where each sets it";
    }

    @Override
    String synopsis() {
        return "[--format text|json] A B";
    }

    @Override
    String description() {
        return """
                Compares what two policy references decide, not how they are written: algorithms
                allowed or denied per service type (and per scope where a scope differs), key
                minimums, curves, SHA-1 uses, the TLS protocol range, cipher suites, named groups
                and signature schemes (and their preference order), backends and mode. Each line
                reads
                  area: subject: A's value (where A sets it) -> B's value (where B sets it)

                examples:
                  cryptopolicy diff DEFAULT FUTURE
                  cryptopolicy diff --format json site.yaml site.yaml:NO-SHA1

                exit status: 0 they decide the same, 1 they differ (or a policy with errors),
                2 usage error or a policy that cannot be read.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options().addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String format = format(line, "text", FORMATS);
        List<String> references = line.getArgList();
        if (references.size() != 2) {
            throw new UsageException("diff takes two policy references, not " + references.size()
                    + "; e.g. 'cryptopolicy diff DEFAULT FUTURE'");
        }
        CompiledPolicy a = Diagnostics.load(references.get(0));
        CompiledPolicy b = Diagnostics.load(references.get(1));
        List<PolicyDiff.Change> changes = PolicyDiff.between(a, b);
        int status = changes.isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
        if ("json".equals(format)) {
            return printJson(out, status, json(a, b, changes));
        }
        for (PolicyDiff.Change c : changes) {
            out.println(Quote.escape(c.line()));
        }
        out.println(a.name() + " -> " + b.name() + ": "
                + (changes.isEmpty() ? "they decide the same" : changes.size() + " difference(s)"));
        return status;
    }

    private static ObjectNode json(CompiledPolicy a, CompiledPolicy b, List<PolicyDiff.Change> changes) {
        ObjectNode root = Json.object();
        root.put("a", a.name());
        root.put("b", b.name());
        root.put("same", changes.isEmpty());
        ArrayNode list = root.putArray("changes");
        for (PolicyDiff.Change c : changes) {
            ObjectNode node = list.addObject();
            node.put("area", c.area());
            node.put("subject", c.subject());
            node.put("a", c.left());
            node.set("aOrigin", Json.origin(c.leftFrom()));
            node.put("b", c.right());
            node.set("bOrigin", Json.origin(c.rightFrom()));
            node.put("text", c.line());
        }
        return root;
    }
}
