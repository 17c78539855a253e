package dev.cryptopolicy.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy could not be loaded, composed or compiled. Carries every error found (not just the
 * first), each with its file, line, column, YAML path, value and rule. A caller that gets this
 * exception has no policy: there is no permissive fallback.
 */
public final class PolicyException extends Exception {
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
