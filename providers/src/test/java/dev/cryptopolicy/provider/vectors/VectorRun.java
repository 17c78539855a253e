package dev.cryptopolicy.provider.vectors;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a list of vectors through every {@link Route} of one installed policy, once, and answers the
 * two questions the vector tests ask: does the backend alone give the vector's expected result
 * (apart from known deviations), and does the policy layer give the backend's verdict (apart from
 * what the policy denies)? Failures list every vector that disagrees, not just the first.
 *
 * @param <V> the vector type: a Wycheproof case or a NIST record
 */
final class VectorRun<V> {

    /** One operation on one vector through one route's engines; exceptions become failed verdicts. */
    interface Runner<V> {
        Verdict run(PolicyHarness.Engines engines, V vector) throws Exception;
    }

    /** Whether a verdict is what the vector expects. */
    interface Conformance<V> {
        boolean conforms(V vector, Verdict verdict);
    }

    /** A named operation ("verify", "decrypt", ...) and what the vector expects of it. */
    record Operation<V>(String name, Runner<V> runner, Conformance<V> conformance) {}

    /** The verdicts of every route for one operation on one vector. */
    record Row<V>(V vector, String label, Operation<V> operation, Map<Route, Verdict> verdicts) {
        Verdict backend() {
            return verdicts.get(Route.BACKEND);
        }

        String describe() {
            return label + " " + operation.name();
        }
    }

    private static final int LISTED = 25;

    private final String family;
    private final String policy;
    private final int vectors;
    private final List<Row<V>> rows;

    private VectorRun(String family, String policy, int vectors, List<Row<V>> rows) {
        this.family = family;
        this.policy = policy;
        this.vectors = vectors;
        this.rows = rows;
    }

    /** Runs every operation on every vector through every route. */
    static <V> VectorRun<V> run(
            String family,
            PolicyHarness harness,
            List<V> vectors,
            Function<V, String> label,
            List<Operation<V>> operations) {
        if (vectors.isEmpty()) {
            throw new IllegalStateException(family + ": no vectors loaded");
        }
        Map<Route, PolicyHarness.Engines> engines = new EnumMap<>(Route.class);
        for (Route r : Route.values()) {
            engines.put(r, harness.engines(r));
        }
        List<Row<V>> rows = new ArrayList<>();
        for (V v : vectors) {
            for (Operation<V> op : operations) {
                Map<Route, Verdict> verdicts = new EnumMap<>(Route.class);
                for (Route r : Route.values()) {
                    Verdict verdict;
                    try {
                        verdict = op.runner().run(engines.get(r), v);
                    } catch (Exception e) {
                        verdict = Verdict.failed(e);
                    }
                    verdicts.put(r, verdict);
                }
                rows.add(new Row<>(v, label.apply(v), op, verdicts));
            }
        }
        return new VectorRun<>(family, harness.installation().policy().name(), vectors.size(), List.copyOf(rows));
    }

    List<Row<V>> rows() {
        return rows;
    }

    int vectors() {
        return vectors;
    }

    /**
     * Fails, listing them, when the backend's verdict does not conform on a vector that is not a
     * known deviation.
     *
     * @return the known deviations that did occur, as labels
     */
    List<String> assertBackendConforms(Predicate<V> knownDeviation) {
        List<String> unexpected = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (Row<V> row : rows) {
            if (row.operation().conformance().conforms(row.vector(), row.backend())) {
                continue;
            }
            String line = row.describe() + ": backend " + row.backend();
            (knownDeviation.test(row.vector()) ? known : unexpected).add(line);
        }
        if (!unexpected.isEmpty()) {
            fail(family + ": the backend alone disagrees with " + unexpected.size() + " of " + rows.size()
                    + " expected results (not a known deviation, see testdata/README.md):\n"
                    + listing(unexpected));
        }
        return known;
    }

    /** Fails, listing them, when a policy route's verdict differs from the backend's. */
    int assertPolicyAgrees() {
        return assertPolicyAgreesOrRefuses(v -> false, null, null);
    }

    /**
     * Fails, listing them, when a policy route's verdict differs from the backend's on a vector the
     * policy allows, or when a policy route does not refuse a vector the policy denies with an
     * exception of {@code refusal} whose message names {@code rule}.
     *
     * @return how many operations the policy refused (each through both policy routes)
     */
    int assertPolicyAgreesOrRefuses(Predicate<V> denied, Class<? extends Exception> refusal, String rule) {
        List<String> problems = new ArrayList<>();
        Exception firstUnexpected = null;
        int refused = 0;
        for (Row<V> row : rows) {
            boolean deny = denied.test(row.vector());
            for (Route r : Route.values()) {
                if (!r.policy()) {
                    continue;
                }
                Verdict v = row.verdicts().get(r);
                if (deny) {
                    Exception e = v.failure();
                    if (e == null
                            || !refusal.isInstance(e)
                            || e.getMessage() == null
                            || !e.getMessage().contains(rule)) {
                        problems.add(row.describe() + " via " + r + ": expected a refusal (" + refusal.getSimpleName()
                                + " naming " + rule + "), got " + v + "; backend " + row.backend());
                    }
                } else if (!v.equals(row.backend()) || refusedByPolicy(v.failure())) {
                    // Equal exception classes are not enough: a policy refusal must not hide behind
                    // a backend failure of the same class (InvalidKeyException on a low-order point).
                    problems.add(row.describe() + " via " + r + ": " + v + "; backend alone: " + row.backend());
                    if (firstUnexpected == null && v.failure() != null) {
                        firstUnexpected = v.failure();
                    }
                }
            }
            refused += deny ? 1 : 0;
        }
        if (!problems.isEmpty()) {
            StringBuilder m = new StringBuilder(family)
                    .append(": the policy layer changes ")
                    .append(problems.size())
                    .append(" verdicts:\n")
                    .append(listing(problems));
            if (firstUnexpected != null) {
                StringWriter trace = new StringWriter();
                firstUnexpected.printStackTrace(new PrintWriter(trace));
                m.append("\nfirst unexpected policy-route exception:\n").append(trace);
            }
            fail(m.toString());
        }
        return refused;
    }

    /** Whether {@code e}, or one of its causes, is a refusal by the installed policy (its message names the policy). */
    private boolean refusedByPolicy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("policy " + policy)) {
                return true;
            }
        }
        return false;
    }

    private static String listing(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, lines.size()); i++) {
            out.append("  ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > LISTED) {
            out.append("  ... and ").append(lines.size() - LISTED).append(" more\n");
        }
        return out.toString();
    }
}
