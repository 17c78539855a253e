package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Severity;
import java.util.List;

/**
 * What linting one policy reference found.
 *
 * @param reference the reference as given, e.g. {@code DEFAULT:NO-SHA1} or {@code site.yaml}
 * @param problems  errors first, then warnings, as the engine reports them
 */
record LintResult(String reference, List<Problem> problems) {

    LintResult {
        problems = List.copyOf(problems);
    }

    long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    long warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
    }

    boolean unreadable() {
        return Diagnostics.unreadable(problems);
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
