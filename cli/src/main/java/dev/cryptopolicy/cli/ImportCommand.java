package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.engine.hostpolicy.Translation;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
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
        return "FILE.pol|FILE.pmod|SYSTEM [-o OUT.yaml]";
    }

    @Override
    String description() {
        return """
                Reads a crypto-policies policy (.pol), sub-policy (.pmod) or SYSTEM (the host's
                policy, from /etc/crypto-policies/config; CRYPTOPOLICY_SYSTEM_ROOT moves that root)
                and writes the equivalent YAML policy or modifier, one comment per value naming the
                crypto-policies line it came from. The YAML loads and decides as the import does.
                Warnings (directives with no meaning for Java, values the JDK has no provider for)
                go to stderr.

                exit status: 0 written, 1 the input has errors, 2 usage error or unreadable input.
                """;
    }

    @Override
    Options options() {
        return new Options().addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT.yaml")
                .desc("write to this file instead of stdout").build());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("import takes one FILE.pol, FILE.pmod or SYSTEM, got " + args.size());
        }
        String ref = args.get(0);
        if (!HostPolicies.handles(ref)) {
            throw new UsageException("'" + ref + "' is not a crypto-policies file (.pol, .pmod) or SYSTEM");
        }
        if (!HostPolicies.isFile(ref) || ref.toLowerCase(java.util.Locale.ROOT).endsWith(".pol")) {
            // loads and compiles the translation, reporting every problem with its crypto-policies line
            Diagnostics.load(ref).warnings().forEach(w -> err.println(Diagnostics.line(w, ref)));
        }
        HostPolicies host = HostPolicies.host(StrictYamlReader.MAX_BYTES);
        Translation t;
        if (HostPolicies.isFile(ref)) {
            try {
                Path path = Path.of(ref);
                if (Files.size(path) > StrictYamlReader.MAX_BYTES) {
                    err.println(ref + ": error: file is larger than " + StrictYamlReader.MAX_BYTES + " bytes");
                    return ExitStatus.USAGE;
                }
                t = host.translateFile(ref, Files.readAllBytes(path));
            } catch (NoSuchFileException e) {
                err.println(ref + ": error: no such file");
                return ExitStatus.USAGE;
            } catch (IOException e) {
                err.println(ref + ": error: cannot read: " + e.getMessage());
                return ExitStatus.USAGE;
            }
            if (t.modifier()) {
                t.findings().forEach(f -> err.println(f.at().location() + ": " + (f.error() ? "error" : "warning")
                        + ": " + f.message() + " (rule: " + f.rule() + ")"));
            }
        } else {
            t = host.translateSystem();
        }
        if (t.hasErrors()) {
            return ExitStatus.FAILED;
        }
        String output = line.getOptionValue("o");
        if (output == null) {
            out.print(t.yaml());
            out.flush();
            return ExitStatus.OK;
        }
        try {
            Files.writeString(Path.of(output), t.yaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(output + ": error: cannot write: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        return ExitStatus.OK;
    }
}
