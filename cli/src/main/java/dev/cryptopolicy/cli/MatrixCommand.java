package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.conformance.Battery;
import dev.cryptopolicy.conformance.Matrix;
import dev.cryptopolicy.engine.CompiledPolicy;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy matrix [--policy REF]... [--java PATH]... [--format text|json]}: runs the
 * conformance battery ({@link Battery}, through {@link Matrix}) for each policy in child JVMs on
 * each JDK, each with and without Bouncy Castle FIPS on the class path, and shows whether the
 * policy gives the same features and the same refusals everywhere it can be installed.
 * {@code --policy} and {@code --java} may be repeated; without {@code --java}, the JDKs come from
 * {@value #JAVA_ENV}, else from {@link #discover}.
 */
final class MatrixCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json"};

    /** The environment variable with the JDKs to run on when no {@code --java} is given: a path list. */
    static final String JAVA_ENV = "CRYPTOPOLICY_MATRIX_JAVA";

    /** The feature releases cryptopolicy is tested on (README): what {@link #discover} looks for. */
    static final List<Integer> TESTED_RELEASES = List.of(17, 25);

    @Override
    public String name() {
        return "matrix";
    }

    @Override
    public String summary() {
        return "check that policies give the same features and refusals on JDK 17 and 25, with and without bc-fips";
    }

    @Override
    String synopsis() {
        return "[--policy REF]... [--java PATH]... [--format text|json] | --here [--tls-only] --policy REF";
    }

    @Override
    String description() {
        return """
                Runs a fixed battery in a fresh JVM for each policy on each runtime: each JDK, with
                this command's class path as it is and without the Bouncy Castle FIPS jars (and without
                jars whose manifest brings them in). The JDKs are those of --java (repeatable), else
                those of the environment variable CRYPTOPOLICY_MATRIX_JAVA (JDK homes or java
                launchers, separated by ':', ';' on Windows), else this JDK and, for each tested
                release (17, 25) it is not, the first JDK of that release installed beside it (in the
                directory that holds this JDK's home).

                Each JVM installs the policy, with its java.security export as well (route
                'export'), and records the features it exposes, about 45 operations (digests, MACs,
                key generation of several sizes and curves, signatures, ciphers, agreements, KEM) as
                OK or as the class of the exception that refused them, and the default TLS protocols,
                cipher suites and (JDK 20 and later) named groups. A second JVM installs the policy
                alone and records the TLS defaults only (route 'install': the policy-held contexts alone).

                The table shows each runtime's results side by side, then every line on which the
                runtimes that can install the policy disagree. A runtime that cannot install the
                policy (FIPS without bc-fips) shows why; that is not a difference. While the JVMs
                run, one line per finished JVM goes to stderr.

                With --here, runs the battery once in this JVM, installing the policy into it, and
                prints its lines: what each child JVM of the matrix runs.

                examples:
                  cryptopolicy matrix
                  cryptopolicy matrix --policy DEFAULT --policy FIPS --format json
                  cryptopolicy matrix --policy FUTURE --java /opt/jdk-21 --java /opt/jdk-25

                exit status: 0 every policy gives the same results on every runtime where it can be
                installed, 1 some differ, a child JVM failed or a policy has errors (--here: the policy
                cannot be installed in this JVM), 2 usage error or a policy that cannot be read.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Set<String> repeatable() {
        return Set.of("policy", "java");
    }

    @Override
    Options options() {
        return new Options()
                .addOption(policyOption(
                        "policy reference, repeatable (default: " + String.join(", ", Matrix.DEFAULT_POLICIES) + ")"))
                .addOption(valueOption(
                        "java",
                        "PATH",
                        "a JDK (its home or its java launcher) to run on, repeatable; replaces " + JAVA_ENV
                                + " and the JDKs found beside this one"))
                .addOption(formatOption("text", FORMATS))
                .addOption(flagOption(
                        "here", "run the battery for one --policy in this JVM (installing it) and print its lines"))
                .addOption(flagOption(
                        "tls-only", "with --here: record the TLS defaults only (the 'install' route of the matrix)"));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        noArguments(line, "name policies with --policy");
        String format = format(line, "text", FORMATS);
        List<String> references = values(line, "policy");
        List<String> javas = values(line, "java");
        if (line.hasOption("here")) {
            if (references.size() != 1) {
                throw new UsageException("--here needs exactly one --policy");
            }
            if (!javas.isEmpty() || line.hasOption("format")) {
                throw new UsageException(
                        "--here runs in this JVM and prints its lines; --java and --format do not apply");
            }
            return here(references.get(0), line.hasOption("tls-only"), out, err);
        }
        if (line.hasOption("tls-only")) {
            throw new UsageException("--tls-only goes with --here");
        }
        if (references.isEmpty()) {
            references = Matrix.DEFAULT_POLICIES;
        }
        List<Matrix.Jdk> jdks = jdks(javas, System.getenv(JAVA_ENV), Matrix.Jdk.current());
        Map<String, CompiledPolicy> policies = new LinkedHashMap<>();
        for (String reference : new LinkedHashSet<>(references)) {
            policies.put(reference, Diagnostics.load(reference));
        }
        List<String> classPath = Matrix.split(System.getProperty("java.class.path", ""));
        Path work;
        try {
            work = Files.createTempDirectory("cryptopolicy-matrix");
        } catch (IOException e) {
            throw CommandFailure.io("cannot create a temporary directory: " + e.getMessage());
        }
        Matrix.Settings settings = new Matrix.Settings(jdks, classPath, work, Matrix.PARALLELISM, Matrix.CHILD_TIMEOUT);
        List<Matrix.Target> targets = Matrix.targets(jdks, classPath);
        int total = policies.size() * targets.size() * Matrix.Route.values().length;
        err.println("cryptopolicy matrix: " + total + " child JVMs ("
                + plural(policies.size(), "policy").replace("policys", "policies") + " x "
                + plural(targets.size(), "runtime") + " x "
                + plural(Matrix.Route.values().length, "route") + "), "
                + Matrix.PARALLELISM + " at a time"
                + (Matrix.hasBcFips(classPath)
                        ? ""
                        : "; no bc-fips jars on the class path, so every runtime is without it"));
        Matrix.Report report;
        try {
            AtomicInteger done = new AtomicInteger();
            report = Matrix.run(settings, policies, run -> progress(err, done.incrementAndGet(), total, run));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cryptopolicy matrix: interrupted");
            return ExitStatus.FAILED;
        } finally {
            deleteQuietly(work);
        }
        int status = report.identical() ? ExitStatus.OK : ExitStatus.FAILED;
        if ("json".equals(format)) {
            return printJson(out, status, json(report));
        }
        printText(report, out);
        return status;
    }

    /** {@code --here}: the battery in this JVM. */
    private int here(String reference, boolean tlsOnly, PrintStream out, PrintStream err) throws CommandFailure {
        Battery.Outcome outcome = Battery.run(Diagnostics.load(reference), tlsOnly, false);
        outcome.text().forEach(out::println);
        return outcome.unsatisfiable() == null ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** One line on stderr per finished child JVM: {@code [3/48] DEFAULT on 25+bc-fips [export]: ok in 2.9 s}. */
    static void progress(PrintStream err, int done, int total, Matrix.Run run) {
        String status = run.status() == Matrix.Status.OK ? "ok" : run.status().name();
        synchronized (err) {
            err.println("cryptopolicy matrix: [" + done + "/" + total + "] " + run.policy() + " on "
                    + run.target().label() + " [" + run.route().label() + "]: " + status + " in "
                    + Matrix.seconds(run.millis()));
            err.flush();
        }
    }

    /**
     * The JDKs to run on: those of {@code --java}; without, those of {@code environment} (the value
     * of {@value #JAVA_ENV}, a path list) when it is set and not blank; else {@link #discover}.
     */
    static List<Matrix.Jdk> jdks(List<String> javas, String environment, Matrix.Jdk current) throws UsageException {
        List<Matrix.Jdk> out = new ArrayList<>();
        if (!javas.isEmpty()) {
            for (String java : javas) {
                out.add(jdk(java, "--java '" + java + "'"));
            }
        } else if (environment != null && !environment.isBlank()) {
            for (String java : environment.split(File.pathSeparator, -1)) {
                if (java.isBlank()) {
                    throw new UsageException(JAVA_ENV + " has an empty entry: '" + environment + "'");
                }
                out.add(jdk(java, JAVA_ENV + " entry '" + java + "'"));
            }
        } else {
            out.addAll(discover(current));
        }
        return distinctLabels(out);
    }

    private static Matrix.Jdk jdk(String java, String what) throws UsageException {
        try {
            return Matrix.Jdk.at(Path.of(java));
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }

    /**
     * The default JDKs: {@code current}, then for each {@link #TESTED_RELEASES tested release} it
     * is not, the first JDK of that release (by directory name) among the directories beside
     * {@code current}'s home that hold an executable {@code bin/java}. A JDK that cannot tell its
     * version is passed over.
     */
    static List<Matrix.Jdk> discover(Matrix.Jdk current) {
        List<Matrix.Jdk> out = new ArrayList<>();
        out.add(current);
        Path bin = current.java().getParent();
        Path home = bin == null ? null : bin.getParent();
        Path beside = home == null ? null : home.getParent();
        if (beside == null || !Files.isDirectory(beside)) {
            return out;
        }
        Map<Integer, Matrix.Jdk> found = new TreeMap<>();
        try (Stream<Path> homes = Files.list(beside)) {
            for (Path candidate : homes.sorted().toList()) {
                if (candidate.equals(home)
                        || !Files.isExecutable(candidate.resolve("bin").resolve("java"))) {
                    continue;
                }
                try {
                    Matrix.Jdk jdk = Matrix.Jdk.at(candidate);
                    if (TESTED_RELEASES.contains(jdk.feature()) && jdk.feature() != current.feature()) {
                        found.putIfAbsent(jdk.feature(), jdk);
                    }
                } catch (IllegalArgumentException e) {
                    // Not usable: the matrix runs on the others.
                }
            }
        } catch (IOException e) {
            // Nothing can be listed there: this JDK alone.
        }
        out.addAll(found.values());
        return out;
    }

    /** Labels are feature releases; two JDKs of one release become {@code 21} and {@code 21#2}. */
    private static List<Matrix.Jdk> distinctLabels(List<Matrix.Jdk> jdks) {
        List<Matrix.Jdk> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Matrix.Jdk jdk : jdks) {
            String label = jdk.label();
            for (int i = 2; used.contains(label); i++) {
                label = jdk.label() + "#" + i;
            }
            used.add(label);
            out.add(jdk.withLabel(label));
        }
        return out;
    }

    // ---- text ----------------------------------------------------------------------------------

    /** The whole report: the runtimes, one table per policy, and a summary line. */
    static void printText(Matrix.Report report, PrintStream out) {
        out.println("runtimes:");
        Set<Matrix.Jdk> jdks = new LinkedHashSet<>();
        report.targets().forEach(t -> jdks.add(t.jdk()));
        for (Matrix.Jdk jdk : jdks) {
            out.println("  " + jdk.label() + ": Java " + jdk.version() + " (" + jdk.java() + ")");
        }
        out.println("  +bc-fips: with the Bouncy Castle FIPS jars on the class path; without them otherwise");
        out.println("routes: export = CryptoPolicy.install and -Djava.security.properties=<the policy's export>:");
        out.println("          the whole battery;");
        out.println("        install = CryptoPolicy.install alone: TLS defaults only (they are the JDK's)");
        for (String policy : report.policies()) {
            out.println();
            printPolicy(report, policy, out);
        }
        out.println();
        long differing = report.policies().stream()
                .filter(p ->
                        report.differences().stream().anyMatch(d -> d.policy().equals(p)))
                .count();
        out.println("matrix: " + report.runs().size() + " child JVMs in " + Matrix.seconds(report.millis()) + "; "
                + (report.identical()
                        ? "every policy gives the same results wherever it can be installed"
                        : plural(report.differences().size(), "difference") + " in " + differing + " of "
                                + report.policies().size() + " policies"
                                + (report.errors().isEmpty()
                                        ? ""
                                        : ", " + plural(report.errors().size(), "failed run"))));
    }

    private static void printPolicy(Matrix.Report report, String policy, PrintStream out) {
        List<Matrix.Target> targets = report.targets();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("policy " + policy);
        targets.forEach(t -> header.add(t.label()));
        rows.add(header.toArray(new String[0]));
        rows.add(row("status", targets, t -> status(report, policy, t)));
        rows.add(row("seconds (install/export)", targets, t -> times(report, policy, t)));
        rows.add(row("features", targets, t -> count(report, policy, t, Matrix.Route.EXPORT, "feature ")));
        Set<String> ops = new java.util.TreeSet<>();
        for (Matrix.Target t : targets) {
            report.run(policy, t, Matrix.Route.EXPORT)
                    .ifPresent(r -> r.lines().keySet().stream()
                            .filter(k -> k.startsWith("op "))
                            .forEach(ops::add));
        }
        for (String op : ops) {
            rows.add(row(op, targets, t -> value(report, policy, t, Matrix.Route.EXPORT, op)));
        }
        for (Matrix.Route route : Matrix.Route.values()) {
            String suffix = " [" + route.label() + "]";
            rows.add(row("tls context" + suffix, targets, t -> value(report, policy, t, route, "tls context")));
            rows.add(row("tls protocols" + suffix, targets, t -> joined(report, policy, t, route, "tls protocol ")));
            rows.add(row("tls suites" + suffix, targets, t -> count(report, policy, t, route, "tls suite ")));
            rows.add(row("tls groups" + suffix, targets, t -> {
                String na = value(report, policy, t, route, "tls group");
                return Matrix.ABSENT.equals(na) ? count(report, policy, t, route, "tls group ") : na;
            }));
        }
        List<Matrix.Difference> differences = report.differences().stream()
                .filter(d -> d.policy().equals(policy))
                .toList();
        if (!differences.isEmpty()) {
            List<String> h = new ArrayList<>();
            h.add("differences (" + differences.size() + ")");
            targets.forEach(t -> h.add(""));
            rows.add(h.toArray(new String[0]));
            for (Matrix.Difference d : differences) {
                rows.add(row(
                        "[" + d.route().label() + "] " + d.key(),
                        targets,
                        t -> d.values().getOrDefault(t.label(), "(not installable)")));
            }
        }
        printTable(rows, out);
        for (Matrix.Target t : targets) {
            Set<String> messages = new LinkedHashSet<>();
            for (Matrix.Route route : Matrix.Route.values()) {
                report.run(policy, t, route)
                        .filter(r -> r.status() != Matrix.Status.OK)
                        .ifPresent(r -> messages.add(
                                r.status() + (r.status() == Matrix.Status.ERROR ? " [" + route.label() + "]" : "")
                                        + ": " + r.message()));
            }
            for (String m : messages) {
                out.println("  " + t.label() + ": " + m);
            }
        }
        out.println("  => "
                + (differences.isEmpty()
                        ? "identical wherever it can be installed"
                        : plural(differences.size(), "difference")));
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String[] row(
            String key, List<Matrix.Target> targets, java.util.function.Function<Matrix.Target, String> cell) {
        String[] row = new String[targets.size() + 1];
        row[0] = key;
        for (int i = 0; i < targets.size(); i++) {
            row[i + 1] = cell.apply(targets.get(i));
        }
        return row;
    }

    private static String status(Matrix.Report report, String policy, Matrix.Target t) {
        Set<String> statuses = new LinkedHashSet<>();
        for (Matrix.Route route : Matrix.Route.values()) {
            report.run(policy, t, route)
                    .ifPresent(r -> statuses.add(
                            r.status() == Matrix.Status.OK ? "ok" : r.status().name()));
        }
        return String.join("/", statuses);
    }

    private static String times(Matrix.Report report, String policy, Matrix.Target t) {
        List<String> parts = new ArrayList<>();
        for (Matrix.Route route : Matrix.Route.values()) {
            parts.add(report.run(policy, t, route)
                    .map(r -> String.format(java.util.Locale.ROOT, "%.1f", r.millis() / 1000.0))
                    .orElse("-"));
        }
        return String.join("/", parts);
    }

    private static Optional<Matrix.Run> ok(Matrix.Report report, String policy, Matrix.Target t, Matrix.Route route) {
        return report.run(policy, t, route).filter(r -> r.status() == Matrix.Status.OK);
    }

    private static String value(Matrix.Report report, String policy, Matrix.Target t, Matrix.Route route, String key) {
        return ok(report, policy, t, route)
                .map(r -> r.lines().getOrDefault(key, Matrix.ABSENT))
                .orElse(Matrix.ABSENT);
    }

    private static String count(
            Matrix.Report report, String policy, Matrix.Target t, Matrix.Route route, String prefix) {
        return ok(report, policy, t, route)
                .map(r -> String.valueOf(r.lines().keySet().stream()
                        .filter(k -> k.startsWith(prefix))
                        .count()))
                .orElse(Matrix.ABSENT);
    }

    private static String joined(
            Matrix.Report report, String policy, Matrix.Target t, Matrix.Route route, String prefix) {
        return ok(report, policy, t, route)
                .map(r -> String.join(
                        ",",
                        r.lines().keySet().stream()
                                .filter(k -> k.startsWith(prefix))
                                .map(k -> k.substring(prefix.length()))
                                .toList()))
                .orElse(Matrix.ABSENT);
    }

    /** The widest line a table prints, so that it reads in a 100-column terminal. */
    static final int TABLE_WIDTH = 100;
    /** The narrowest the first column (the row names) is made, wrapping them, before values wrap. */
    private static final int MIN_KEY_WIDTH = 28;
    /** The most targets shown side by side with wrapped values; more are printed in groups. */
    private static final int MAX_SIDE_BY_SIDE = 3;

    /**
     * Left-aligned columns, two spaces apart, indented by two, at most {@link #TABLE_WIDTH} wide.
     * When the table is wider, the row names wrap first (down to {@link #MIN_KEY_WIDTH}); then,
     * for up to {@link #MAX_SIDE_BY_SIDE} targets, the widest values wrap inside their columns
     * (after a comma, space, slash or colon where there is one); with more targets, their
     * columns are printed in groups, each with the row names again.
     */
    static void printTable(List<String[]> rows, PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        int targets = 0;
        for (int i = 1; i < columns; i++) {
            targets += width[i] + 2;
        }
        if (2 + width[0] + targets > TABLE_WIDTH) {
            width[0] = Math.max(Math.min(width[0], MIN_KEY_WIDTH), TABLE_WIDTH - 2 - targets);
        }
        int room = TABLE_WIDTH - 2 - width[0] - 2;
        if (2 + width[0] + targets > TABLE_WIDTH && columns - 1 <= MAX_SIDE_BY_SIDE) {
            shareRoom(width, room - 2 * (columns - 2));
        }
        for (int i = 1; i < columns; i++) {
            width[i] = Math.max(1, Math.min(width[i], room));
        }
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        int used = 2 + width[0];
        for (int i = 1; i < columns; i++) {
            if (!group.isEmpty() && used + 2 + width[i] > TABLE_WIDTH) {
                groups.add(group);
                group = new ArrayList<>();
                used = 2 + width[0];
            }
            group.add(i);
            used += 2 + width[i];
        }
        groups.add(group);
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) {
                out.println();
            }
            List<Integer> cells = new ArrayList<>();
            cells.add(0);
            cells.addAll(groups.get(g));
            for (String[] row : rows) {
                List<List<String>> wrapped = new ArrayList<>();
                int lines = 1;
                for (int i : cells) {
                    List<String> pieces = wrap(row[i], width[i]);
                    wrapped.add(pieces);
                    lines = Math.max(lines, pieces.size());
                }
                for (int l = 0; l < lines; l++) {
                    StringBuilder sb = new StringBuilder("  ");
                    for (int c = 0; c < cells.size(); c++) {
                        List<String> pieces = wrapped.get(c);
                        String piece = l < pieces.size() ? pieces.get(l) : "";
                        sb.append(piece).append(" ".repeat(width[cells.get(c)] - piece.length() + 2));
                    }
                    out.println(sb.toString().stripTrailing());
                }
            }
        }
    }

    /**
     * Narrows the target columns ({@code width[1..]}) to share {@code room} characters: the
     * narrow ones keep their width, the wide ones get equal shares of what is left.
     */
    private static void shareRoom(int[] width, int room) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < width.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(width[a], width[b]));
        int left = room;
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            int share = left / (order.size() - k);
            width[i] = Math.min(width[i], share);
            left -= width[i];
        }
    }

    /** {@code text} in pieces of at most {@code width} characters, broken after a comma, space, slash or colon where possible. */
    static List<String> wrap(String text, int width) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            // A space may fall just after the piece; a comma, slash or colon stays on its line.
            int cut = rest.lastIndexOf(' ', width);
            for (char c : new char[] {',', '/', ':'}) {
                cut = Math.max(cut, rest.lastIndexOf(c, width - 1) + 1);
            }
            if (cut <= 0) {
                cut = width;
            }
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }

    // ---- json ----------------------------------------------------------------------------------

    static ObjectNode json(Matrix.Report report) {
        ObjectNode root = Json.object();
        root.put("identical", report.identical());
        root.put("millis", report.millis());
        ArrayNode runtimes = root.putArray("runtimes");
        for (Matrix.Target t : report.targets()) {
            ObjectNode node = runtimes.addObject();
            node.put("label", t.label());
            node.put("java", t.jdk().java().toString());
            node.put("version", t.jdk().version());
            node.put("feature", t.jdk().feature());
            node.put("bcFips", t.bcFips());
        }
        ArrayNode policies = root.putArray("policies");
        for (String policy : report.policies()) {
            ObjectNode p = policies.addObject();
            p.put("reference", policy);
            List<Matrix.Difference> differences = report.differences().stream()
                    .filter(d -> d.policy().equals(policy))
                    .toList();
            p.put(
                    "identical",
                    differences.isEmpty()
                            && report.errors().stream()
                                    .noneMatch(r -> r.policy().equals(policy)));
            ArrayNode runs = p.putArray("runs");
            for (Matrix.Run r : report.runs().stream()
                    .filter(r -> r.policy().equals(policy))
                    .sorted(Comparator.comparing(
                                    (Matrix.Run r) -> report.targets().indexOf(r.target()))
                            .thenComparing(Matrix.Run::route))
                    .toList()) {
                ObjectNode node = runs.addObject();
                node.put("runtime", r.target().label());
                node.put("route", r.route().label());
                node.put("status", r.status().name());
                node.put("message", r.message());
                node.put("millis", r.millis());
                ObjectNode lines = node.putObject("lines");
                r.lines().forEach(lines::put);
            }
            ArrayNode diffs = p.putArray("differences");
            for (Matrix.Difference d : differences) {
                ObjectNode node = diffs.addObject();
                node.put("route", d.route().label());
                node.put("key", d.key());
                ObjectNode values = node.putObject("values");
                d.values().forEach(values::put);
                node.put("text", d.describe());
            }
        }
        return root;
    }

    // ---- options -------------------------------------------------------------------------------

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A temporary file left behind is harmless.
                }
            });
        } catch (IOException e) {
            // Likewise.
        }
    }
}
