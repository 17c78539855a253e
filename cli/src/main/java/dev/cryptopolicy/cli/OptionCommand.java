package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Quote;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * status 2), options given twice, {@code --format} values, policies that cannot be loaded
 * ({@link CommandFailure}: exit status 1, or 2 when unreadable), and for a command with
 * {@code --format json} the one JSON document ({@link Json}'s envelope) that every run of it
 * prints on stdout, whether it succeeds or not.
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
     * Runs the command on parsed options. With {@code --format json}, prints its result with
     * {@link #printJson}.
     *
     * @throws UsageException  when the options are well-formed but wrong (missing, out of range)
     * @throws CommandFailure  when a policy cannot be loaded or an output cannot be written
     */
    abstract int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure;

    /** Whether {@code --format json} is one of the command's formats. */
    boolean hasJson() {
        return false;
    }

    /** The long names of the options that may be given more than once (e.g. matrix's {@code --policy}). */
    Set<String> repeatable() {
        return Set.of();
    }

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) {
        if (wantsHelp(args)) {
            printHelp(out);
            return ExitStatus.OK;
        }
        boolean json = hasJson() && asksForJson(args);
        Options options = options();
        try {
            CommandLine line = DefaultParser.builder()
                    .setAllowPartialMatching(false)
                    .build()
                    .parse(options, args.toArray(new String[0]), false);
            rejectRepeated(line, repeatable());
            return execute(line, out, err);
        } catch (ParseException e) {
            return usageError(out, err, json, describe(e, options));
        } catch (UsageException e) {
            return usageError(out, err, json, e.getMessage());
        } catch (CommandFailure e) {
            return failure(out, err, json, e);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug: Main reports it on stderr and exits 3; the JSON document still says so.
            if (json) {
                String text = Main.internalError(e);
                Json.print(
                        out,
                        Json.envelope(
                                name(), ExitStatus.INTERNAL_ERROR, null, List.of(Json.error("internal", text, text))));
            }
            throw e;
        }
    }

    /** Prints a successful run's JSON document: the envelope around {@code result}; returns {@code status}. */
    final int printJson(PrintStream out, int status, JsonNode result) {
        Json.print(out, Json.envelope(name(), status, result, List.of()));
        return status;
    }

    /** Prints {@code cryptopolicy NAME: message} and a pointer to the help; returns {@link ExitStatus#USAGE}. */
    private int usageError(PrintStream out, PrintStream err, boolean json, String given) {
        String message = Quote.escape(given);
        String text = "cryptopolicy " + name() + ": " + message;
        err.println(text);
        err.println("try 'cryptopolicy " + name() + " --help'");
        if (json) {
            Json.print(out, Json.envelope(name(), ExitStatus.USAGE, null, List.of(Json.error("usage", message, text))));
        }
        return ExitStatus.USAGE;
    }

    /** Prints every problem and a summary line on stderr (and the JSON document); returns the failure's status. */
    private int failure(PrintStream out, PrintStream err, boolean json, CommandFailure e) {
        List<ObjectNode> errors = new ArrayList<>();
        for (Problem p : e.problems()) {
            err.println(Diagnostics.line(p, e.reference()));
            errors.add(Json.problem(p, e.reference()));
        }
        String message = Quote.escape(e.getMessage());
        String text = "cryptopolicy " + name() + ": " + message;
        err.println(text);
        if (errors.isEmpty()) {
            errors.add(Json.error("io", message, text));
        }
        if (json) {
            Json.print(out, Json.envelope(name(), e.status(), null, errors));
        }
        return e.status();
    }

    /** Prints the usage line, the description and the options. */
    final void printHelp(PrintStream out) {
        Options options = options();
        options.addOption(helpOption());
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        writer.println("usage: cryptopolicy " + name() + " " + synopsis());
        writer.println();
        writer.println(
                summary().substring(0, 1).toUpperCase(Locale.ROOT) + summary().substring(1) + ".");
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
     * Every value of an option, in the order given (one per occurrence of a {@link #repeatable()}
     * option); none when it is absent.
     */
    static List<String> values(CommandLine line, String longOpt) throws UsageException {
        String[] values = line.getOptionValues(longOpt);
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v.isBlank()) {
                    throw new UsageException("option --" + longOpt + " needs a non-empty value");
                }
                out.add(v);
            }
        }
        return out;
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
        throw new UsageException("unknown format " + Quote.quoted(value) + "; use one of: " + String.join(", ", allowed)
                + UsageException.hint(value, List.of(allowed)));
    }

    /** The {@code --format FORMAT} option with the allowed values in its description. */
    static Option formatOption(String fallback, String... allowed) {
        return Option.builder("f")
                .longOpt("format")
                .hasArg()
                .argName("FORMAT")
                .desc("output format: " + String.join(", ", allowed) + " (default " + fallback + ")")
                .build();
    }

    /** The {@code -p}/{@code --policy REF} option, described by {@code description}. */
    static Option policyOption(String description) {
        return Option.builder("p")
                .longOpt("policy")
                .hasArg()
                .argName("REF")
                .desc(description)
                .build();
    }

    /** The {@code -o}/{@code --output ARG} option: where to write instead of standard output. */
    static Option outputOption(String argName, String description) {
        return Option.builder("o")
                .longOpt("output")
                .hasArg()
                .argName(argName)
                .desc(description)
                .build();
    }

    /** A long option that takes one value, {@code --longOpt ARG}. */
    static Option valueOption(String longOpt, String argName, String description) {
        return Option.builder()
                .longOpt(longOpt)
                .hasArg()
                .argName(argName)
                .desc(description)
                .build();
    }

    /** A long option without a value, {@code --longOpt}. */
    static Option flagOption(String longOpt, String description) {
        return Option.builder().longOpt(longOpt).desc(description).build();
    }

    /**
     * Adds {@code --password}, {@code --password-env} and {@code --password-file}, the three ways
     * to give the password of {@code what} that {@link #password} reads; returns {@code options}.
     */
    static Options addPasswordOptions(Options options, String what) {
        return options.addOption(
                        valueOption("password", "P", what + " password (visible to other users; prefer the two below)"))
                .addOption(valueOption(
                        "password-env", "VAR", "read the " + what + " password from environment variable VAR"))
                .addOption(valueOption(
                        "password-file", "F", "read the " + what + " password from the first line of file F"));
    }

    /**
     * The password from exactly one of the {@link #addPasswordOptions password options}, or null
     * when none is given. The password itself is never part of a message.
     */
    static char[] password(CommandLine line) throws UsageException {
        int given = (line.hasOption("password") ? 1 : 0)
                + (line.hasOption("password-env") ? 1 : 0)
                + (line.hasOption("password-file") ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give one of --password, --password-env and --password-file");
        }
        if (line.hasOption("password")) {
            return line.getOptionValue("password").toCharArray();
        }
        if (line.hasOption("password-env")) {
            String variable = line.getOptionValue("password-env");
            String value = System.getenv(variable);
            if (value == null) {
                throw new UsageException(
                        "environment variable " + Quote.quoted(variable) + " (--password-env) is not set");
            }
            return value.toCharArray();
        }
        if (line.hasOption("password-file")) {
            String file = line.getOptionValue("password-file");
            try {
                List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
                return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            } catch (IOException | RuntimeException e) {
                throw new UsageException("cannot read the password file " + Quote.quoted(file) + " (--password-file)");
            }
        }
        return null;
    }

    /** Refuses positional arguments: {@code hint} says what to give instead. */
    static void noArguments(CommandLine line, String hint) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException(
                    "unexpected argument " + Quote.quoted(line.getArgList().get(0)) + "; " + hint);
        }
    }

    // ---- internals -----------------------------------------------------------------------------

    private static Option helpOption() {
        return Option.builder("h")
                .longOpt("help")
                .desc("print this help and exit")
                .build();
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

    /**
     * Whether the arguments ask for {@code --format json} (in any of the forms the parser takes),
     * looked at before parsing so that a usage error is reported in JSON too.
     */
    static boolean asksForJson(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                return false;
            }
            String value = null;
            if ((arg.equals("--format") || arg.equals("-f")) && i + 1 < args.size()) {
                value = args.get(i + 1);
            } else if (arg.startsWith("--format=")) {
                value = arg.substring("--format=".length());
            } else if (arg.startsWith("-f") && !arg.startsWith("--")) {
                value = arg.substring(2);
            }
            if ("json".equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static void rejectRepeated(CommandLine line, Set<String> repeatable) throws UsageException {
        List<String> seen = new ArrayList<>();
        for (Option option : line.getOptions()) {
            String key = option.getLongOpt() != null ? option.getLongOpt() : option.getOpt();
            if (seen.contains(key) && !repeatable.contains(key)) {
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
            return "unknown option " + Quote.quoted(given) + UsageException.hint(given, known);
        }
        if (e instanceof MissingArgumentException) {
            Option o = ((MissingArgumentException) e).getOption();
            String nameOf = o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
            return "option " + nameOf + " needs a value (" + o.getArgName() + ")";
        }
        return e.getMessage();
    }
}
