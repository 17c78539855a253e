package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Quote;
import java.util.List;

/**
 * A command could not do what was asked, for a reason other than its command line: a policy that
 * cannot be loaded, or a file it cannot write. {@link OptionCommand} reports it (every line on
 * stderr, and with {@code --format json} the error envelope on stdout) and exits with
 * {@link #status()}.
 */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reference;
    private final transient List<Problem> problems;

    private CommandFailure(int status, String summary, String reference, List<Problem> problems) {
        super(summary);
        this.status = status;
        this.reference = reference;
        this.problems = List.copyOf(problems);
    }

    /**
     * Throws the failure for a policy that cannot be loaded: exit status 2 when it cannot be read,
     * 1 when it has errors ({@link Diagnostics#status}). Declared to return so that callers can
     * {@code return throwFor(...)}.
     */
    static <T> T throwFor(String reference, PolicyException e) throws CommandFailure {
        int status = Diagnostics.status(e);
        reference = Quote.escape(reference);
        String summary = "policy '" + reference + "' "
                + (status == ExitStatus.USAGE
                        ? "cannot be read"
                        : "has errors; see 'cryptopolicy lint " + reference + "'");
        throw new CommandFailure(status, summary, reference, e.problems());
    }

    /** A file the command was to write or create could not be: exit status 2, rule {@code io}. */
    static CommandFailure io(String message) {
        return new CommandFailure(ExitStatus.USAGE, message, "", List.of());
    }

    /** {@link ExitStatus#FAILED} or {@link ExitStatus#USAGE}. */
    int status() {
        return status;
    }

    /** The policy reference that failed to load, or empty. */
    String reference() {
        return reference;
    }

    /** The problems of the policy that failed to load; empty for other failures. */
    List<Problem> problems() {
        return problems;
    }
}
