package dev.cryptopolicy.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance (docs/ARCHITECTURE.md, "Testing"): the same policy gives the same features and the
 * same refusals on JDK 17 and Temurin 25, each with the JDK's providers alone and with Bouncy
 * Castle FIPS on the class path, for every shipped policy and two modifiers; where a policy cannot
 * be installed, the JVM says so at start-up, naming what is missing.
 *
 * <p>Runs the {@link Battery} in 48 child JVMs (6 policies x 4 runtimes x 2 routes, see
 * {@link Matrix.Route}), two at a time, prints the matrix, and compares. It runs once per CI run:
 * on JDK 17, which starts JDK 25 itself (the suite's second pass, on JDK 25, skips it). JDK 25 is
 * {@code $JDK25_HOME} or {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 *
 * <p>{@link #EXPECTED_DIFFERENCES} would list known differences, as defects to fix; it is empty,
 * and a new difference fails the test at once.
 */
@Slow
class ConformanceMatrixTest {

    /** The policies compared: every shipped policy, and the PQ and NO-SHA1 modifiers on DEFAULT. */
    static final List<String> POLICIES = Matrix.DEFAULT_POLICIES;

    /**
     * Where a policy cannot be installed, by {@code POLICY@RUNTIME}, with what the start-up message
     * must name. Everywhere else it must install.
     */
    static final Map<String, List<String>> UNSATISFIABLE = Map.of(
            // FIPS serves features only from a FIPS-validated backend.
            "FIPS@17", List.of("policy FIPS cannot be installed", "BCFIPS", "bc-fips"),
            "FIPS@25", List.of("policy FIPS cannot be installed", "BCFIPS", "bc-fips"),
            // PQ requires ML-KEM and ML-DSA: JDK 24 or later; bc-fips 2.1 has neither.
            "DEFAULT:PQ@17", List.of("policy DEFAULT:PQ cannot be installed", "ML-KEM-768", "ML-DSA-65"),
            "DEFAULT:PQ@17+bc-fips", List.of("policy DEFAULT:PQ cannot be installed", "ML-KEM-768", "ML-DSA-65"));

    /**
     * Known differences between runtimes, each a defect to fix. Empty: every runtime gives the same
     * result wherever the policy installs. A line is {@link Matrix.Difference#describe()}: policy,
     * route, battery line, and each runtime's value ({@code -}: the runtime does not print that line).
     */
    static final Set<String> EXPECTED_DIFFERENCES = Set.of();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void samePolicy_givesSameFeaturesAndRefusals_onJdk17And25_withAndWithoutBcFips() throws Exception {
        assumeTrue(
                Runtime.version().feature() == 17,
                "the matrix runs once per CI run, on JDK 17, and starts JDK 25 itself; this is JDK "
                        + Runtime.version());
        Path jdk25 = Path.of(System.getenv().getOrDefault("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assertTrue(
                Files.isExecutable(jdk25.resolve("bin").resolve("java")),
                "conformance needs Temurin 25 at " + jdk25 + " (set JDK25_HOME)");
        List<String> classPath =
                Matrix.split(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        assertTrue(Matrix.hasBcFips(classPath), "bc-fips is not on the test class path: " + classPath);
        List<Matrix.Jdk> jdks = List.of(Matrix.Jdk.current(), Matrix.Jdk.at(jdk25));
        Map<String, CompiledPolicy> policies = new LinkedHashMap<>();
        for (String reference : POLICIES) {
            policies.put(reference, PolicyLoader.standard().load(reference));
        }

        Matrix.Report report = Matrix.run(
                new Matrix.Settings(jdks, classPath, dir, Matrix.PARALLELISM, Matrix.CHILD_TIMEOUT),
                policies,
                run -> {});
        for (Matrix.Run r : report.runs()) {
            System.out.println(
                    r.policy() + " on " + r.target().label() + " [" + r.route().label() + "]: " + r.status() + " in "
                            + Matrix.seconds(r.millis()) + (r.message().isEmpty() ? "" : ": " + r.message()));
        }
        System.out.println("matrix: " + report.runs().size() + " child JVMs in " + Matrix.seconds(report.millis()));

        List<String> failures = new ArrayList<>();
        for (Matrix.Run r : report.errors()) {
            failures.add("child JVM failed: " + r.policy() + " on " + r.target().label() + " ["
                    + r.route().label() + "]: " + r.message());
        }
        for (Matrix.Run r : report.runs()) {
            String where = r.policy() + "@" + r.target().label();
            List<String> expected = UNSATISFIABLE.get(where);
            if (expected == null && r.status() == Matrix.Status.UNSATISFIABLE) {
                failures.add(where + " [" + r.route().label() + "] should install but did not: " + r.message());
            } else if (expected != null && r.status() == Matrix.Status.OK) {
                failures.add(where + " [" + r.route().label() + "] installed, but should fail at start-up naming "
                        + expected);
            } else if (expected != null && r.status() == Matrix.Status.UNSATISFIABLE) {
                for (String fragment : expected) {
                    if (!r.message().contains(fragment)) {
                        failures.add(where + " [" + r.route().label() + "]: the start-up error does not name '"
                                + fragment + "': " + r.message());
                    }
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        report.differences().forEach(d -> actual.add(d.describe()));
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(EXPECTED_DIFFERENCES);
        Set<String> fixed = new TreeSet<>(EXPECTED_DIFFERENCES);
        fixed.removeAll(actual);
        if (!unexpected.isEmpty()) {
            failures.add(unexpected.size() + " new differences between runtimes (not in EXPECTED_DIFFERENCES):\n    "
                    + String.join("\n    ", unexpected));
        }
        if (!fixed.isEmpty()) {
            failures.add(fixed.size() + " differences in EXPECTED_DIFFERENCES are gone; delete these lines:\n    "
                    + String.join("\n    ", fixed));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " conformance failures (the runs are printed above):\n  "
                    + String.join("\n  ", failures));
        }
    }
}
