package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** Loading policies for the commands and printing the engine's problems about them. */
final class Diagnostics {

    /** The file name the engine gives problems in the policy reference itself (e.g. a missing file). */
    static final String REFERENCE_FILE = "<reference>";

    /** The engine's rule for a file that could not be read (exit status 2, not 1). */
    static final String UNREADABLE = "unreadable";

    private Diagnostics() {
    }

    /**
     * The one-line form of a problem: {@code file:line:col: error: path: message (rule: r); hint}.
     * A problem in the reference itself names the reference instead of {@code <reference>:1:col}.
     */
    static String line(Problem p, String reference) {
        if (!REFERENCE_FILE.equals(p.origin().file())) {
            return p.format();
        }
        String text = reference + ": " + p.severity().label() + ": " + p.message() + " (rule: " + p.rule() + ")";
        return p.suggestion().isEmpty() ? text : text + "; " + p.suggestion();
    }

    /**
     * Whether the input itself is unusable rather than a policy wrong: a file that cannot be read,
     * or a problem with the reference as typed (an unknown shipped name, an empty part). These exit
     * with status 2, policy errors with 1.
     */
    static boolean unreadable(List<Problem> problems) {
        return problems.stream().anyMatch(p -> UNREADABLE.equals(p.rule()) || REFERENCE_FILE.equals(p.origin().file()));
    }

    /**
     * Loads a policy for a command that needs one (show, explain, export). When it does not load,
     * prints every problem to {@code err} and returns empty; the command then exits with
     * {@link ExitStatus#USAGE}: it cannot do what was asked. Finding errors is {@code lint}'s job.
     */
    static Optional<CompiledPolicy> loadOrReport(String reference, String command, PrintStream err) {
        try {
            return Optional.of(PolicyLoader.standard().load(reference));
        } catch (PolicyException e) {
            for (Problem p : e.problems()) {
                err.println(line(p, reference));
            }
            err.println("cryptopolicy " + command + ": policy '" + reference + "' "
                    + (unreadable(e.problems()) ? "cannot be read" : "has errors; see 'cryptopolicy lint " + reference + "'"));
            return Optional.empty();
        }
    }
}
