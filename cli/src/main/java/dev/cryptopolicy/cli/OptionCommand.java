package dev.cryptopolicy.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * A {@link Command} whose options are parsed with Apache Commons CLI. Handles what every command
 * shares: {@code -h}/{@code --help}, usage errors (one line plus a pointer to the help, exit
 * status 2), options given twice, and {@code --format} values.
 */
abstract class OptionCommand implements Command {

    private static final int WIDTH = 100;

    /** The arguments after {@code cryptopolicy NAME} in the usage line, e.g. {@code [--strict] REF...}. */
    abstract String synopsis();

    /** What the command does and what its exit statuses mean, as paragraphs for {@code --help}. */
    abstract String description();

    /** The command's options, without {@code --help} (added here). */
    abstract Options options();

    /**
     * Runs the command on parsed options.
     *
     * @throws UsageException when the options are well-formed but wrong (missing, out of range)
     */
    abstract int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException;

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) {
        if (wantsHelp(args)) {
            printHelp(out);
            return ExitStatus.OK;
        }
        Options options = options();
        try {
            CommandLine line = DefaultParser.builder()
                    .setAllowPartialMatching(false)
                    .build()
                    .parse(options, args.toArray(new String[0]), false);
            rejectRepeated(line);
            return execute(line, out, err);
        } catch (ParseException e) {
            return usageError(err, describe(e, options));
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        }
    }

    /** Prints {@code cryptopolicy NAME: message} and a pointer to the help; returns {@link ExitStatus#USAGE}. */
    final int usageError(PrintStream err, String message) {
        err.println("cryptopolicy " + name() + ": " + message);
        err.println("try 'cryptopolicy " + name() + " --help'");
        return ExitStatus.USAGE;
    }

    /** Prints the usage line, the description and the options. */
    final void printHelp(PrintStream out) {
        Options options = options();
        options.addOption(helpOption());
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        writer.println("usage: cryptopolicy " + name() + " " + synopsis());
        writer.println();
        writer.println(summary().substring(0, 1).toUpperCase(Locale.ROOT) + summary().substring(1) + ".");
        writer.println();
        writer.println(description().strip());
        writer.println();
        writer.println("options:");
        new HelpFormatter().printOptions(writer, WIDTH, options, 2, 3);
        writer.flush();
        out.print(text);
        out.flush();
    }

    // ---- helpers for execute() -------------------------------------------------------------

    /** The value of a required option. */
    static String required(CommandLine line, String longOpt) throws UsageException {
        String value = line.getOptionValue(longOpt);
        if (value == null) {
            throw new UsageException("missing required option --" + longOpt);
        }
        if (value.isBlank()) {
            throw new UsageException("option --" + longOpt + " needs a non-empty value");
        }
        return value;
    }

    /**
     * The value of {@code --format}, checked against the allowed values (lower case, as typed).
     *
     * @param fallback the value when {@code --format} is not given
     */
    static String format(CommandLine line, String fallback, String... allowed) throws UsageException {
        String value = line.getOptionValue("format", fallback);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new UsageException("unknown format '" + value + "'; use one of: " + String.join(", ", allowed)
                + DidYouMean.hint(value, List.of(allowed)));
    }

    /** The {@code --format FORMAT} option with the allowed values in its description. */
    static Option formatOption(String fallback, String... allowed) {
        return Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
                .desc("output format: " + String.join(", ", allowed) + " (default " + fallback + ")").build();
    }

    // ---- internals -----------------------------------------------------------------------------

    private static Option helpOption() {
        return Option.builder("h").longOpt("help").desc("print this help and exit").build();
    }

    private static boolean wantsHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private static void rejectRepeated(CommandLine line) throws UsageException {
        List<String> seen = new ArrayList<>();
        for (Option option : line.getOptions()) {
            String key = option.getLongOpt() != null ? option.getLongOpt() : option.getOpt();
            if (seen.contains(key)) {
                throw new UsageException("option --" + key + " given more than once");
            }
            seen.add(key);
        }
    }

    private static String describe(ParseException e, Options options) {
        if (e instanceof UnrecognizedOptionException) {
            String given = ((UnrecognizedOptionException) e).getOption();
            List<String> known = new ArrayList<>();
            for (Option o : options.getOptions()) {
                if (o.getLongOpt() != null) {
                    known.add("--" + o.getLongOpt());
                }
                if (o.getOpt() != null) {
                    known.add("-" + o.getOpt());
                }
            }
            known.add("--help");
            return "unknown option '" + given + "'" + DidYouMean.hint(given, known);
        }
        if (e instanceof MissingArgumentException) {
            Option o = ((MissingArgumentException) e).getOption();
            String nameOf = o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
            return "option " + nameOf + " needs a value (" + o.getArgName() + ")";
        }
        return e.getMessage();
    }
}
