package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Quote;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cryptopolicy} command: {@code cryptopolicy [--version] [--help] COMMAND [ARGS]}.
 *
 * <p>Dispatches to one {@link Command} from {@link #COMMANDS}. This module is the only one that
 * prints; everything else returns values or throws. Exit statuses are in {@link ExitStatus}.
 */
public final class Main {

    /**
     * Every command, in the order the help lists them. To add one, implement {@link Command} and
     * add it here.
     */
    static final List<Command> COMMANDS = List.of(
            new LintCommand(),
            new ShowCommand(),
            new ExplainCommand(),
            new ExportCommand(),
            new ImportCommand(),
            new ProbeCommand(),
            new MatrixCommand(),
            new DoctorCommand(),
            new ScanCommand(),
            new DiffCommand(),
            new CompletionCommand(),
            new ManCommand(),
            new ReportCommand());

    /** Set to print a stack trace for internal errors (bugs), which are otherwise one line. */
    static final String DEBUG_ENV = "CRYPTOPOLICY_DEBUG";

    private Main() {}

    /** Runs the tool and exits the JVM with its status; log records go to stderr, one line each. */
    public static void main(String[] args) {
        Logging.install(debug());
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool without exiting: the entry point for tests and embedding.
     *
     * @return the exit status, see {@link ExitStatus}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(List.of(args), out, err);
        } catch (RuntimeException | StackOverflowError e) {
            // Bad input never gets here (commands report it); this is a bug in cryptopolicy.
            err.println(internalError(e));
            if (debug()) {
                e.printStackTrace(err);
            }
            return ExitStatus.INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            printUsage(err);
            return ExitStatus.USAGE;
        }
        String first = args.get(0);
        switch (first) {
            case "-h":
            case "--help":
                printUsage(out);
                return ExitStatus.OK;
            case "help":
                if (args.size() == 1) {
                    printUsage(out);
                    return ExitStatus.OK;
                }
                return command(args.get(1))
                        .map(c -> c.run(List.of("--help"), out, err))
                        .orElseGet(() -> unknownCommand(args.get(1), err));
            case "-V":
            case "--version":
                out.println("cryptopolicy " + version());
                return ExitStatus.OK;
            default:
                break;
        }
        if (first.startsWith("-")) {
            err.println("cryptopolicy: unknown option " + Quote.quoted(first)
                    + UsageException.hint(first, List.of("--help", "--version")));
            err.println("try 'cryptopolicy --help'");
            return ExitStatus.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        return command(first).map(c -> c.run(rest, out, err)).orElseGet(() -> unknownCommand(first, err));
    }

    private static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static int unknownCommand(String name, PrintStream err) {
        List<String> names = COMMANDS.stream().map(Command::name).toList();
        err.println("cryptopolicy: unknown command " + Quote.quoted(name) + UsageException.hint(name, names)
                + " (commands: " + String.join(", ", names) + ")");
        err.println("try 'cryptopolicy --help'");
        return ExitStatus.USAGE;
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: cryptopolicy [--version] [--help] COMMAND [ARGS]");
        out.println();
        out.println("Checks, explains, exports and probes cryptopolicy policies: YAML crypto policies enforced");
        out.println("over the JCA providers of any JVM.");
        out.println();
        out.println("commands:");
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : COMMANDS) {
            out.println("  " + c.name() + " ".repeat(width - c.name().length() + 3) + c.summary());
        }
        out.println();
        out.println("A policy reference REF is a shipped name or a .yaml/.yml file, followed by any number of");
        out.println(":MODIFIER parts applied left to right, e.g. DEFAULT:NO-SHA1 or site.yaml:ECDHE-ONLY.");
        List<String> shipped = shippedNames();
        if (!shipped.isEmpty()) {
            out.println("shipped: " + String.join(", ", shipped));
        }
        out.println();
        out.println("exit status: 0 success (clean, allowed), 1 policy errors, denied or requirements unmet,");
        out.println("2 usage error or unreadable input (a missing file, a reference that names nothing),");
        out.println("3 internal error (a bug; set " + DEBUG_ENV + "=1 for a stack trace).");
        out.println();
        out.println("--format json prints exactly one JSON document on stdout, on success and on error:");
        out.println("{tool, version, command, ok, exitStatus, result, errors}; logs go to stderr, one line each.");
        out.println();
        out.println("Run 'cryptopolicy COMMAND --help' for a command's options.");
    }

    private static List<String> shippedNames() {
        List<String> names = PolicyLoader.standard().shippedNames();
        return names == null ? List.of() : names;
    }

    /** The one line that reports a bug in cryptopolicy. */
    static String internalError(Throwable e) {
        return "cryptopolicy: internal error: " + e + " (this is a bug in cryptopolicy " + version()
                + "; please report it" + (debug() ? ")" : "; set " + DEBUG_ENV + "=1 for details)");
    }

    /** The version from the jar manifest's {@code Implementation-Version}, or {@code dev} when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    private static boolean debug() {
        String v = System.getenv(DEBUG_ENV);
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** The names of all commands, for tests and help. */
    static List<String> commandNames() {
        return Arrays.asList(COMMANDS.stream().map(Command::name).toArray(String[]::new));
    }
}
