package dev.cryptopolicy.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy could not be loaded, composed or compiled. Carries every error found (not just the
 * first; past 100, one last problem counts the rest), each with its file, line, column, YAML path,
 * value and rule. A caller that gets this
 * exception has no policy: there is no permissive fallback.
 *
 * <p>The one subtype, {@link UnreadablePolicyException}, says that the input itself could not be
 * read (a missing file, a reference that names nothing), as opposed to a policy that was read and
 * found wrong. Callers that treat the two differently (the command line exits 2 for one and 1 for
 * the other) tell them apart by type, never by message text.
 */
public sealed class PolicyException extends Exception permits UnreadablePolicyException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param problems the errors (and any warnings found along the way); at least one
     */
    public PolicyException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors first in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one problem");
        }
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
