package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.UnreadablePolicyException;

/** Loading policies for the commands and the one-line form of the engine's problems about them. */
final class Diagnostics {

    private Diagnostics() {}

    /**
     * The one-line form of a problem: {@code file:line:col: error: path: message (rule: r); hint}.
     * A problem in the reference itself ({@link dev.cryptopolicy.engine.Origin#inReference()}) names
     * the reference instead of a file.
     */
    static String line(Problem p, String reference) {
        if (!p.origin().inReference()) {
            return p.format();
        }
        String text = reference + ": " + p.severity().label() + ": " + p.message() + " (rule: " + p.rule() + ")";
        return p.suggestion().isEmpty() ? text : text + "; " + p.suggestion();
    }

    /**
     * The exit status for a policy that cannot be loaded: {@link ExitStatus#USAGE} when the input
     * could not be read ({@link UnreadablePolicyException}: a missing file, a reference that names
     * nothing), {@link ExitStatus#FAILED} when it was read and has errors.
     */
    static int status(PolicyException e) {
        return e instanceof UnreadablePolicyException ? ExitStatus.USAGE : ExitStatus.FAILED;
    }

    /**
     * Loads a policy for a command that needs one (show, explain, export, probe, matrix).
     *
     * @throws CommandFailure when it does not load, with every problem and the exit status
     *                        {@link #status} gives
     */
    static CompiledPolicy load(String reference) throws CommandFailure {
        try {
            return PolicyLoader.standard().load(reference);
        } catch (PolicyException e) {
            return CommandFailure.throwFor(reference, e);
        }
    }
}
