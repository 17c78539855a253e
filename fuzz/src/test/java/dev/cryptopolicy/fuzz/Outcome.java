package dev.cryptopolicy.fuzz;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicySource;
import dev.cryptopolicy.engine.PolicyWriter;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Severity;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The oracle every fuzz target shares: a load either returns a policy or throws the policy error
 * type with at least one located error. Anything else (another exception, an error, a hang, an
 * out-of-memory) escapes to Jazzer as a finding. A policy that loads must also write out, export
 * and load back from its effective YAML to the same effective policy, as {@link PolicyWriter}
 * promises.
 */
final class Outcome {

    /** The shipped name the fuzzed bytes are served under by {@link #source}. */
    static final String FUZZED = "FUZZED";

    private static final String EFFECTIVE = "EFFECTIVE";

    private Outcome() {}

    /**
     * The shipped policies, with {@code extra} served under its names in front of them; the
     * listing of names is the shipped one, so that suggestions work as they do for users.
     */
    static PolicySource source(Map<String, byte[]> extra) {
        PolicySource shipped = PolicySource.classpath();
        return new PolicySource() {
            @Override
            public Optional<byte[]> read(String name) throws java.io.IOException {
                byte[] bytes = extra.get(name);
                return bytes != null ? Optional.of(bytes.clone()) : shipped.read(name);
            }

            @Override
            public List<String> names() {
                return shipped.names();
            }
        };
    }

    /**
     * Loads {@code reference}; returns the policy, or empty when the load failed as it should.
     *
     * @throws AssertionError when the failure or the loaded policy breaks the engine's contract
     */
    static Optional<CompiledPolicy> load(PolicyLoader loader, String reference) {
        CompiledPolicy policy;
        try {
            policy = loader.load(reference);
        } catch (PolicyException e) {
            requireLocatedError(reference, e);
            return Optional.empty();
        }
        writesAndLoadsBack(policy);
        return Optional.of(policy);
    }

    /** The rules of the errors in a failed load, for targets that branch on them. */
    static List<String> errorRules(PolicyLoader loader, String reference) {
        try {
            writesAndLoadsBack(loader.load(reference));
            return List.of();
        } catch (PolicyException e) {
            requireLocatedError(reference, e);
            List<String> rules = new ArrayList<>();
            for (Problem p : e.problems()) {
                if (p.severity() == Severity.ERROR) {
                    rules.add(p.rule());
                }
            }
            return rules;
        }
    }

    private static void requireLocatedError(String reference, PolicyException e) {
        boolean anError = false;
        for (Problem p : e.problems()) {
            if (p.origin() == null || p.origin().line() < 1 || p.origin().column() < 1) {
                throw new AssertionError("problem without a location loading " + reference + ": " + p, e);
            }
            if (p.message() == null
                    || p.message().isBlank()
                    || p.rule() == null
                    || p.rule().isBlank()) {
                throw new AssertionError("problem without a message or rule loading " + reference + ": " + p, e);
            }
            anError |= p.severity() == Severity.ERROR;
        }
        if (!anError) {
            throw new AssertionError("PolicyException without an error loading " + reference + ": " + e.problems(), e);
        }
    }

    private static void writesAndLoadsBack(CompiledPolicy policy) {
        String yaml = PolicyWriter.yaml(policy);
        PolicyWriter.json(policy);
        JavaSecurityExporter.export(policy);
        JavaSecurityExporter.securityProperties(policy);
        PolicyLoader reloader = new PolicyLoader(source(Map.of(EFFECTIVE, yaml.getBytes(StandardCharsets.UTF_8))));
        CompiledPolicy reloaded;
        try {
            reloaded = reloader.load(EFFECTIVE);
        } catch (PolicyException e) {
            throw new AssertionError(
                    "the effective policy of " + policy.name() + " does not load back: " + e.problems() + "\n" + yaml,
                    e);
        }
        List<String> before = body(yaml);
        List<String> after = body(PolicyWriter.yaml(reloaded));
        if (!after.equals(before)) {
            int i = 0;
            while (i < before.size() && i < after.size() && before.get(i).equals(after.get(i))) {
                i++;
            }
            throw new AssertionError("the effective policy of " + policy.name() + " changes when loaded back, at line "
                    + (i + 1) + ": '" + (i < before.size() ? before.get(i) : "") + "' becomes '"
                    + (i < after.size() ? after.get(i) : "") + "'");
        }
    }

    /**
     * The lines of an effective policy without those that name it: the opening comment with its
     * sources and the top-level {@code name}, which is the reference it was loaded by.
     */
    private static List<String> body(String yaml) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        lines.removeIf(line -> line.startsWith("# Effective policy ") || line.startsWith("name: "));
        return lines;
    }
}
