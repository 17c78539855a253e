package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import dev.cryptopolicy.provider.CryptoPolicyProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy export --policy REF --format java-security [--with-providers] [-o FILE]}:
 * writes a policy in another format, for now a {@code java.security} override file, optionally
 * with the provider list that installs the CryptoPolicy provider (DESIGN.md section 5.7).
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
        return "--policy REF [--format java-security] [--with-providers] [-o FILE]";
    }

    @Override
    String description() {
        return """
                Writes the JDK security properties (jdk.tls.disabledAlgorithms,
                jdk.certpath.disabledAlgorithms, jdk.jar.disabledAlgorithms, ...) that express the
                policy, for 'java -Djava.security.properties=FILE'. These reach TLS, certificate
                paths and signed JARs only; the CryptoPolicy provider enforces the rest.

                With --with-providers the file also installs that provider: security.provider.1 is
                'CryptoPolicy REF', followed by this JDK's providers renumbered from 2. The list
                must be complete, because the override replaces the JDK's entries by number: with
                security.provider.1 alone, SUN would silently disappear. Export it with the JDK
                that will run the application.

                That route needs the cryptopolicy jars on the application's class path: the JDK
                skips a provider it cannot load without a word, and no java.security layout
                changes that (the JDK's own providers load by name, with or without ours). With
                java -jar, which ignores -cp and CLASSPATH, or a fat jar, use the agent instead:
                java -javaagent:lib/cryptopolicy-agent.jar=REF -jar app.jar. Check either with
                cryptopolicy doctor -- java ... (exit 0 when a policy is in force). Once loaded,
                the provider fails closed: a policy that cannot be loaded or installed makes every
                cryptographic lookup fail.

                exit status: 0 written, 1 a policy with errors, 2 usage error, a policy that cannot
                be read, or an output file that cannot be written.
                """;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(Option.builder("p").longOpt("policy").hasArg().argName("REF")
                        .desc("policy reference, e.g. DEFAULT or site.yaml:NO-SHA1 (required)").build())
                .addOption(formatOption("java-security", FORMATS))
                .addOption(Option.builder().longOpt("with-providers")
                        .desc("also write the provider list: CryptoPolicy REF first, then this JDK's providers "
                                + "(java-security format only)").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                        .desc("write to FILE instead of standard output (replaced if it exists)").build());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        String format = format(line, "java-security", FORMATS);
        boolean withProviders = line.hasOption("with-providers");
        if (withProviders && !"java-security".equals(format)) {
            throw new UsageException("--with-providers needs --format java-security, not " + Quote.quoted(format));
        }
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument " + Quote.quoted(line.getArgList().get(0))
                    + "; name the policy with --policy");
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
        String text = JavaSecurityExporter.export(Diagnostics.load(reference));
        if (withProviders) {
            text = (text.endsWith("\n") ? text : text + "\n") + "\n" + providerList(reference);
            err.println("cryptopolicy export: the provider list holds only where the cryptopolicy jars are on the "
                    + "class path; with java -jar or a fat jar use -javaagent (check with cryptopolicy doctor)");
        }
        if (output == null) {
            out.print(text);
            out.flush();
            return ExitStatus.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.io("cannot write '" + output + "': " + reason(e));
        }
        err.println("cryptopolicy export: wrote " + output + "; use it with java -Djava.security.properties="
                + output.toAbsolutePath());
        return ExitStatus.OK;
    }

    /**
     * The {@code security.provider.N} entries of the java.security route: the CryptoPolicy provider
     * configured with {@code reference} at position 1, then this JVM's providers, renumbered from 2
     * (DESIGN.md section 5.7).
     */
    static String providerList(String reference) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Providers (java.security route): the CryptoPolicy provider first, configured with the policy,\n");
        sb.append("# then the providers of the JDK this file was exported with (Java ").append(Runtime.version())
                .append("), renumbered.\n");
        sb.append("# The list must be complete: this file replaces the JDK's security.provider.N entries by\n");
        sb.append("# number, so security.provider.1 alone would silently drop SUN and break the JDK.\n");
        sb.append("# Re-export it when the JDK or its provider list changes. A policy file named by a relative\n");
        sb.append("# path is looked up from the application's working directory.\n");
        sb.append("# The cryptopolicy jars must be on the application's class path: the JDK skips a provider it\n");
        sb.append("# cannot load, silently, and runs on the providers below unguarded. java -jar ignores -cp and\n");
        sb.append("# CLASSPATH: there, and with fat jars, use the agent (-javaagent:lib/cryptopolicy-agent.jar=REF).\n");
        sb.append("# Check with: cryptopolicy doctor -- java -Djava.security.properties=THIS_FILE ...\n");
        sb.append("security.provider.1=").append(CryptoPolicyProvider.NAME).append(' ').append(escape(reference)).append('\n');
        int position = 2;
        for (Provider p : Security.getProviders()) {
            if (CryptoPolicyProvider.NAME.equals(p.getName())) {
                continue;
            }
            sb.append("security.provider.").append(position++).append('=').append(escape(entry(p))).append('\n');
        }
        return sb.toString();
    }

    /**
     * How {@code java.security} names a provider: the JDK's own by name (found through their
     * modules), any other by class name, which loads it even when it is not a service provider.
     */
    private static String entry(Provider p) {
        Module m = p.getClass().getModule();
        boolean jdk = m.isNamed() && (m.getName().startsWith("java.") || m.getName().startsWith("jdk."));
        return jdk ? p.getName() : p.getClass().getName();
    }

    /** A properties-file value: backslashes doubled, so that Windows paths survive {@code Properties.load}. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
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
