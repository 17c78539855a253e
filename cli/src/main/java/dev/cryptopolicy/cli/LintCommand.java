package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy lint [--strict] [--format text|json|sarif] REF...}: loads each policy
 * reference and reports every error and warning with its file, line and column.
 */
final class LintCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json", "sarif"};

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "check policies for errors and warnings";
    }

    @Override
    String synopsis() {
        return "[--strict] [--format text|json|sarif] REF...";
    }

    @Override
    String description() {
        return """
                Loads each policy reference (a shipped name such as DEFAULT, or a .yaml/.yml file,
                optionally followed by :MODIFIER parts) and prints every problem as
                  file:line:col: error: yaml.path: message (rule: r); did you mean 'X'?
                then one summary line per reference. Warnings mark risky but legal choices.

                exit status: 0 no errors (warnings allowed unless --strict), 1 errors (or warnings
                with --strict), 2 usage error, a file that cannot be read or a reference that
                names no shipped policy.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(flagOption("strict", "treat warnings as errors (exit status 1)"))
                .addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        String format = format(line, "text", FORMATS);
        boolean strict = line.hasOption("strict");
        List<String> references = line.getArgList();
        if (references.isEmpty()) {
            throw new UsageException("no policy reference given; e.g. 'cryptopolicy lint DEFAULT site.yaml'");
        }
        PolicyLoader loader = PolicyLoader.standard();
        List<LintResult> results = new ArrayList<>();
        for (String reference : references) {
            results.add(lint(loader, reference));
        }
        int status = status(results, strict);
        switch (format) {
            case "json":
                return printJson(out, status, json(results, strict));
            case "sarif":
                Json.print(out, Sarif.log(results, Main.version()));
                return status;
            default:
                printText(results, out);
                return status;
        }
    }

    private static LintResult lint(PolicyLoader loader, String reference) {
        try {
            CompiledPolicy policy = loader.load(reference);
            return new LintResult(reference, policy.warnings(), false);
        } catch (PolicyException e) {
            return new LintResult(reference, e.problems(), Diagnostics.status(e) == ExitStatus.USAGE);
        }
    }

    static int status(List<LintResult> results, boolean strict) {
        if (results.stream().anyMatch(LintResult::unreadable)) {
            return ExitStatus.USAGE;
        }
        boolean failed = results.stream().anyMatch(r -> r.errors() > 0 || (strict && r.warnings() > 0));
        return failed ? ExitStatus.FAILED : ExitStatus.OK;
    }

    private static void printText(List<LintResult> results, PrintStream out) {
        for (LintResult r : results) {
            for (Problem p : r.problems()) {
                out.println(Diagnostics.line(p, r.reference()));
            }
        }
        for (LintResult r : results) {
            out.println(r.reference() + ": " + summary(r));
        }
    }

    private static String summary(LintResult r) {
        if (r.unreadable()) {
            return "cannot be loaded";
        }
        if (r.errors() == 0) {
            return r.warnings() == 0 ? "ok" : "ok, " + count(r.warnings(), "warning");
        }
        return count(r.errors(), "error") + (r.warnings() == 0 ? "" : ", " + count(r.warnings(), "warning"));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static ObjectNode json(List<LintResult> results, boolean strict) {
        ObjectNode root = Json.object();
        root.put("strict", strict);
        long errors = 0;
        long warnings = 0;
        ArrayNode policies = root.putArray("policies");
        for (LintResult r : results) {
            ObjectNode node = policies.addObject();
            node.put("reference", r.reference());
            node.put("status", r.status());
            node.put("errors", r.errors());
            node.put("warnings", r.warnings());
            ArrayNode problems = node.putArray("problems");
            for (Problem p : r.problems()) {
                problems.add(Json.problem(p, r.reference()));
            }
            errors += r.errors();
            warnings += r.warnings();
        }
        root.put("errors", errors);
        root.put("warnings", warnings);
        return root;
    }
}
