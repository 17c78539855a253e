package dev.cryptopolicy.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems of one load, bounded: the first {@link Limits#MAX_PROBLEMS} errors and the first as
 * many warnings are kept in the order found, the rest only counted, and a "did you mean" hint is
 * only computed for a problem that is kept: this is the one bound on the hints of a load (at most
 * {@link Limits#MAX_PROBLEMS} of each severity). However many problems an input holds, reporting
 * them costs a fixed amount of memory and time.
 */
final class Problems extends AbstractList<Problem> {

    private final List<Problem> kept = new ArrayList<>();
    private int errors;
    private int warnings;
    private int dropped;
    private Origin firstDropped;

    @Override
    public boolean add(Problem problem) {
        if (keeps(problem.severity())) {
            kept.add(problem);
        } else {
            if (dropped == 0) {
                firstDropped = problem.origin();
            }
            dropped++;
        }
        if (problem.severity() == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        return true;
    }

    /** Adds {@code problem} with the hint {@code suggestion} gives, asked for only when the problem is kept. */
    void add(Problem problem, Supplier<String> suggestion) {
        add(keeps(problem.severity()) ? problem.withSuggestion(suggestion.get()) : problem);
    }

    private boolean keeps(Severity severity) {
        return (severity == Severity.ERROR ? errors : warnings) < Limits.MAX_PROBLEMS;
    }

    @Override
    public Problem get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** How many errors were found, kept or not. */
    int errorCount() {
        return errors;
    }

    /**
     * What a load reports: the errors, then the warnings, at most {@link Limits#MAX_PROBLEMS} in
     * all, then, when some were left out, one more error that says how many and where the first of
     * them is.
     */
    List<Problem> report() {
        List<Problem> out = new ArrayList<>();
        for (Problem p : kept) {
            if (p.severity() == Severity.ERROR) {
                out.add(p);
            }
        }
        Origin firstLeftOut = firstDropped;
        for (Problem p : kept) {
            if (p.severity() != Severity.ERROR) {
                if (out.size() < Limits.MAX_PROBLEMS) {
                    out.add(p);
                } else if (firstLeftOut == null) {
                    firstLeftOut = p.origin();
                }
            }
        }
        int omitted = dropped + kept.size() - out.size();
        if (omitted > 0) {
            Origin at = firstLeftOut;
            out.add(Problem.error(
                    at,
                    String.valueOf(omitted),
                    Rule.MAX_PROBLEMS,
                    "and " + omitted + " more problem"
                            + (omitted == 1 ? "" : "s") + " not shown (at most " + Limits.MAX_PROBLEMS
                            + " are reported; the first one left out is here)"));
        }
        return out;
    }
}
