package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.Severity;
import java.util.List;

/**
 * What linting one policy reference found.
 *
 * @param reference  the reference as given, e.g. {@code DEFAULT:NO-SHA1} or {@code site.yaml}
 * @param problems   errors first, then warnings, as the engine reports them
 * @param unreadable whether the input could not be read (the engine threw
 *                   {@link dev.cryptopolicy.engine.UnreadablePolicyException})
 */
record LintResult(String reference, List<Problem> problems, boolean unreadable) {

    /** The reference is escaped ({@link Quote#escape}): it is printed in text, JSON and SARIF. */
    LintResult {
        reference = Quote.escape(reference);
        problems = List.copyOf(problems);
    }

    long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    long warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
    }

    /** {@code ok}, {@code warnings}, {@code errors} or {@code unreadable}. */
    String status() {
        if (unreadable()) {
            return "unreadable";
        }
        if (errors() > 0) {
            return "errors";
        }
        return warnings() > 0 ? "warnings" : "ok";
    }
}
