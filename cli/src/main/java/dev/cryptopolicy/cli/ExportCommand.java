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
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy export --policy REF --format java-security [--with-providers --on-class-path] [-o FILE]}:
 * writes a policy in another format, for now a {@code java.security} override file, optionally
 * with the provider list that installs the CryptoPolicy provider (docs/ARCHITECTURE.md,
 * "Install routes").
 *
 * <p>A provider list fails open wherever the JVM cannot load the CryptoPolicy class: the JDK skips
 * the entry without a word and serves every lookup from its own providers, which load by name
 * whatever the list says. No {@code java.security} layout avoids that (a list that ends after
 * CryptoPolicy would fail loudly, but then CryptoPolicy could not reach the JDK's own providers
 * either, since those of {@code java.base} can only be created from the list). So the list is
 * written only when the caller states, with {@code --on-class-path}, that the application runs with
 * the cryptopolicy jars on its class path; otherwise the command refuses and names the agent.
 */
final class ExportCommand extends OptionCommand {

    private static final String[] FORMATS = {"java-security"};

    /** Why {@code --with-providers} alone is refused. */
    static final String UNGUARDED_LIST = "--with-providers needs --on-class-path: a provider list fails open "
            + "wherever the JVM cannot load the CryptoPolicy class (java -jar ignores -cp and CLASSPATH; a fat jar "
            + "without the library), because the JDK then skips the entry without a word and runs on its own "
            + "providers, unguarded; no java.security layout prevents that. With java -jar or a fat jar use the "
            + "agent: java -javaagent:lib/cryptopolicy-agent.jar=REF -jar app.jar. Give --on-class-path only for "
            + "an application started with -cp lib/*, and check it with cryptopolicy doctor -- java ...";

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
        return "--policy REF [--format java-security] [--with-providers --on-class-path] [-o FILE]";
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

                That route holds only with the cryptopolicy jars on the application's class path:
                the JDK skips a provider it cannot load without a word and runs on its own
                providers, unguarded, and no java.security layout changes that (the JDK's own
                providers load by name, with or without ours). So --with-providers also needs
                --on-class-path, which states that the application is started with -cp (or
                CLASSPATH) naming lib/*; without it the command refuses. With java -jar, which
                ignores -cp and CLASSPATH, or a fat jar, use the agent instead:
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
                .addOption(policyOption("policy reference, e.g. DEFAULT or site.yaml:NO-SHA1 (required)"))
                .addOption(formatOption("java-security", FORMATS))
                .addOption(flagOption(
                        "with-providers",
                        "also write the provider list: CryptoPolicy REF first, then this JDK's providers "
                                + "(java-security format only; needs --on-class-path)"))
                .addOption(flagOption(
                        "on-class-path",
                        "with --with-providers: the application runs with the cryptopolicy jars on its "
                                + "class path (-cp lib/*); not java -jar, not a fat jar, where the list fails open"))
                .addOption(outputOption("FILE", "write to FILE instead of standard output (replaced if it exists)"));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        String format = format(line, "java-security", FORMATS);
        boolean withProviders = line.hasOption("with-providers");
        if (withProviders && !"java-security".equals(format)) {
            throw new UsageException("--with-providers needs --format java-security, not " + Quote.quoted(format));
        }
        if (line.hasOption("on-class-path") && !withProviders) {
            throw new UsageException("--on-class-path qualifies --with-providers; give both or neither");
        }
        if (withProviders && !line.hasOption("on-class-path")) {
            throw new UsageException(UNGUARDED_LIST);
        }
        noArguments(line, "name the policy with --policy");
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
     * (docs/ARCHITECTURE.md, "Install routes": an entry at position 1 replaces what was there).
     */
    static String providerList(String reference) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Providers (java.security route): the CryptoPolicy provider first, configured with the policy,\n");
        sb.append("# then the providers of the JDK this file was exported with (Java ")
                .append(Runtime.version())
                .append("), renumbered.\n");
        sb.append("# The list must be complete: this file replaces the JDK's security.provider.N entries by\n");
        sb.append("# number, so security.provider.1 alone would silently drop SUN and break the JDK.\n");
        sb.append("# Re-export it when the JDK or its provider list changes. A policy file named by a relative\n");
        sb.append("# path is looked up from the application's working directory.\n");
        sb.append("# The cryptopolicy jars must be on the application's class path: the JDK skips a provider it\n");
        sb.append("# cannot load, silently, and runs on the providers below unguarded. java -jar ignores -cp and\n");
        sb.append(
                "# CLASSPATH: there, and with fat jars, use the agent (-javaagent:lib/cryptopolicy-agent.jar=REF).\n");
        sb.append("# Check with: cryptopolicy doctor -- java -Djava.security.properties=THIS_FILE ...\n");
        sb.append("security.provider.1=")
                .append(CryptoPolicyProvider.NAME)
                .append(' ')
                .append(escape(reference))
                .append('\n');
        int position = 2;
        for (Provider p : Security.getProviders()) {
            if (CryptoPolicyProvider.NAME.equals(p.getName())) {
                continue;
            }
            sb.append("security.provider.")
                    .append(position++)
                    .append('=')
                    .append(escape(entry(p)))
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * How {@code java.security} names a provider: the JDK's own by name (found through their
     * modules), any other by class name, which loads it even when it is not a service provider.
     */
    private static String entry(Provider p) {
        Module m = p.getClass().getModule();
        boolean jdk =
                m.isNamed() && (m.getName().startsWith("java.") || m.getName().startsWith("jdk."));
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
