package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Severity;
import dev.cryptopolicy.engine.UnreadablePolicyException;
import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.engine.hostpolicy.Translation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy import FILE.pol|FILE.pmod|SYSTEM [-o out.yaml]}: writes the YAML policy (or
 * modifier) equivalent to a crypto-policies file or to the host's current policy.
 */
final class ImportCommand extends OptionCommand {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "write a crypto-policies .pol/.pmod file or SYSTEM as a YAML policy";
    }

    @Override
    String synopsis() {
        return "FILE.pol|FILE.pmod|SYSTEM [-o OUT.yaml] [--format text|json]";
    }

    @Override
    String description() {
        return """
                Reads a crypto-policies policy (.pol), sub-policy (.pmod) or SYSTEM (the host's
                policy, from /etc/crypto-policies/config; CRYPTOPOLICY_SYSTEM_ROOT moves that root)
                and writes the equivalent YAML policy or modifier, one comment per value naming the
                crypto-policies line it came from. The YAML loads and decides as the import does.
                Warnings (directives with no meaning for Java, values the JDK has no provider for)
                go to stderr. A sub-policy is checked applied to DEFAULT. A policy that leaves Java
                nothing TLS can use (EMPTY, GOST-ONLY) is written too, with warnings saying why it
                cannot be installed (lint and install refuse it).

                With --format json, stdout is one JSON document: the tool's envelope with the YAML,
                its kind and the warnings as its "result".

                exit status: 0 written, 1 the input has errors, 2 usage error or unreadable input.
                """;
    }

    private static final String[] FORMATS = {"text", "json"};

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(outputOption("OUT.yaml", "write to this file instead of stdout"))
                .addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String format = format(line, "text", FORMATS);
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("import takes one FILE.pol, FILE.pmod or SYSTEM, got " + args.size());
        }
        String ref = args.get(0);
        if (!HostPolicies.handles(ref)) {
            throw new UsageException("'" + ref + "' is not a crypto-policies file (.pol, .pmod) or SYSTEM");
        }
        boolean subPolicy = ref.toLowerCase(Locale.ROOT).endsWith(".pmod");
        HostPolicies host = HostPolicies.host(PolicyLoader.MAX_SOURCE_BYTES);
        Translation t;
        try {
            t = HostPolicies.isFile(ref)
                    ? host.translateFile(ref, Files.readAllBytes(Path.of(ref)))
                    : host.translateSystem();
        } catch (IOException e) {
            throw CommandFailure.io(ref + ": cannot read: " + e.getMessage());
        }
        List<Problem> warnings = warnings(subPolicy ? "DEFAULT:" + ref : ref, t);
        String output = line.getOptionValue("o");
        if (output != null) {
            try {
                Files.writeString(Path.of(output), t.yaml(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CommandFailure.io(output + ": cannot write: " + e.getMessage());
            }
        }
        if ("json".equals(format)) {
            ObjectNode result = Json.object();
            result.put("kind", t.modifier() ? "modifier" : "policy");
            result.put("output", output);
            result.put("yaml", t.yaml());
            ArrayNode list = result.putArray("warnings");
            warnings.forEach(w -> list.add(Json.problem(w, ref)));
            return printJson(out, ExitStatus.OK, result);
        }
        warnings.forEach(w -> err.println(Diagnostics.line(w, ref)));
        if (output == null) {
            out.print(t.yaml());
            out.flush();
        }
        return ExitStatus.OK;
    }

    /**
     * The warnings of loading {@code reference}, which checks the translation as the engine will use
     * it, every problem on its crypto-policies line (a sub-policy applied to DEFAULT). A correct
     * crypto-policies file whose YAML the engine refuses (EMPTY, GOST-ONLY: nothing TLS can use) is
     * still imported, faithfully: its refusals come back as warnings saying the YAML cannot be
     * installed, beside the translation's {@code host-nothing-for-java}. Any other refusal, and an
     * error in the file itself, is the command's failure.
     */
    private static List<Problem> warnings(String reference, Translation t) throws CommandFailure {
        try {
            return PolicyLoader.standard().load(reference).warnings();
        } catch (UnreadablePolicyException e) {
            return CommandFailure.throwFor(reference, e);
        } catch (PolicyException e) {
            if (t.hasErrors() || t.findings().stream().noneMatch(f -> f.rule().equals("host-nothing-for-java"))) {
                return CommandFailure.throwFor(reference, e);
            }
            List<Problem> out = new ArrayList<>();
            for (Problem p : e.problems()) {
                out.add(
                        p.severity() == Severity.WARNING
                                ? p
                                : new Problem(
                                        Severity.WARNING,
                                        p.origin(),
                                        p.value(),
                                        p.rule(),
                                        "the imported YAML cannot be installed: " + p.message(),
                                        p.suggestion()));
            }
            return out;
        }
    }
}
