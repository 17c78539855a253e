package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy export --policy REF --format java-security [-o FILE]}: writes a policy in
 * another format, for now a {@code java.security} override file.
 */
final class ExportCommand extends OptionCommand {

    private static final String[] FORMATS = {"java-security"};

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write a policy as a java.security override file";
    }

    @Override
    String synopsis() {
        return "--policy REF [--format java-security] [-o FILE]";
    }

    @Override
    String description() {
        return """
                Writes the JDK security properties (jdk.tls.disabledAlgorithms,
                jdk.certpath.disabledAlgorithms, jdk.jar.disabledAlgorithms, ...) that express the
                policy, for 'java -Djava.security.properties=FILE'. These reach TLS, certificate
                paths and signed JARs only; the CryptoPolicy provider enforces the rest.

                exit status: 0 written, 2 usage error, a policy that cannot be loaded, or an output
                file that cannot be written.
                """;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(Option.builder("p").longOpt("policy").hasArg().argName("REF")
                        .desc("policy reference, e.g. DEFAULT or site.yaml:NO-SHA1 (required)").build())
                .addOption(formatOption("java-security", FORMATS))
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                        .desc("write to FILE instead of standard output (replaced if it exists)").build());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        String reference = required(line, "policy");
        format(line, "java-security", FORMATS);
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.getArgList().get(0)
                    + "'; name the policy with --policy");
        }
        Path output = null;
        if (line.hasOption("output")) {
            String file = required(line, "output");
            try {
                output = Path.of(file);
            } catch (InvalidPathException e) {
                throw new UsageException("--output '" + file + "' is not a valid path: " + e.getReason());
            }
        }
        Optional<CompiledPolicy> policy = Diagnostics.loadOrReport(reference, name(), err);
        if (policy.isEmpty()) {
            return ExitStatus.USAGE;
        }
        String text = JavaSecurityExporter.export(policy.get());
        if (output == null) {
            out.print(text);
            out.flush();
            return ExitStatus.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cryptopolicy export: cannot write '" + output + "': " + reason(e));
            return ExitStatus.USAGE;
        }
        err.println("cryptopolicy export: wrote " + output + "; use it with java -Djava.security.properties="
                + output.toAbsolutePath());
        return ExitStatus.OK;
    }

    /** The cause in words, without exception class names. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
}
