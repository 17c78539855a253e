package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.InstallPlan;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.Feature;
import dev.cryptopolicy.provider.backend.ProbeReport;
import dev.cryptopolicy.provider.backend.ProbeResult;
import dev.cryptopolicy.provider.backend.ProbeSuite;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy probe [--policy REF] [--format text|json]}: shows what installing a policy
 * would do on this JVM (the backends, the backend chosen for each feature, the backends passed
 * over, the unmet requirements) and runs the known-answer probes of every feature on every
 * backend that registers it. Installs nothing.
 */
final class ProbeCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json"};

    /** The width the list of left-out features is wrapped to. */
    private static final int WIDTH = 100;

    /** The policy probed when {@code --policy} is not given. */
    static final String DEFAULT_POLICY = "DEFAULT";

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "show which backend of this JVM would serve each feature of a policy, and test them";
    }

    @Override
    String synopsis() {
        return "[--policy REF] [--format text|json]";
    }

    @Override
    String description() {
        return """
                Works out what installing the policy would do on this JVM, without installing it:
                the backends (JCA providers) found, the backend chosen for each feature of the policy
                (its feature set and its backends.required list), and the requirements no backend
                meets. Then runs the known-answer probe of each feature on every backend that
                registers it, so that a backend whose claim is false shows up before it is used.
                Bouncy Castle FIPS is loaded only when the policy needs it.

                examples:
                  cryptopolicy probe
                  cryptopolicy probe --policy FIPS --format json

                exit status: 0 the policy can be installed here and no chosen backend failed its
                probe, 1 a requirement is unmet or a chosen backend failed its probe (a wrong
                answer, or a feature it registers but refuses) or the policy has errors, 2 usage
                error or a policy that cannot be read.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(policyOption(
                        "policy reference, e.g. FIPS or site.yaml:NO-SHA1 (default " + DEFAULT_POLICY + ")"))
                .addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = line.hasOption("policy") ? required(line, "policy") : DEFAULT_POLICY;
        String format = format(line, "text", FORMATS);
        noArguments(line, "name the policy with --policy");
        CompiledPolicy policy = Diagnostics.load(reference);
        InstallPlan plan = CryptoPolicy.plan(policy);
        List<Row> rows = rows(policy, plan);
        List<String> unavailable = unavailable(policy, rows);
        List<Feature> features = rows.stream().map(Row::feature).toList();
        ProbeReport report = ProbeSuite.standard().probeAll(plan.backends(), features);
        Map<Feature, List<ProbeResult>> results = registeredResults(report, rows);
        List<ProbeResult> chosenFailures = chosenFailures(rows, report);
        TlsReport tls = TlsReport.of(policy, plan);
        int status = plan.satisfiable() && chosenFailures.isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
        if ("json".equals(format)) {
            ObjectNode root = json(policy, plan, rows, unavailable, results, chosenFailures, report);
            tls.json(root.putObject("tls"));
            return printJson(out, status, root);
        }
        printText(policy, plan, rows, unavailable, results, chosenFailures, report, out);
        tls.print(out);
        return status;
    }

    /** One feature of the policy: the backend chosen for it (null when none) and whether it is required. */
    private record Row(ServiceType type, String algorithm, Feature feature, Backend chosen, boolean required) {}

    /**
     * The policy's features that matter here, in service-type and policy order: those a backend was
     * chosen for, and the required ones (chosen or not).
     */
    private static List<Row> rows(CompiledPolicy policy, InstallPlan plan) {
        Map<String, Backend> chosen = new HashMap<>();
        for (InstallPlan.Selection s : plan.selections()) {
            chosen.putIfAbsent(key(s.type(), s.algorithm()), s.backend());
        }
        Map<ServiceType, List<String>> required = policy.backends().required();
        List<Row> rows = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            List<String> requiredNames = required.getOrDefault(type, List.of());
            List<String> names = new ArrayList<>();
            for (Algorithm a : policy.features(type)) {
                names.add(a.name());
            }
            for (String r : requiredNames) {
                if (!names.contains(r)) {
                    names.add(r);
                }
            }
            for (String algorithm : names) {
                Backend backend = chosen.get(key(type, algorithm));
                boolean isRequired = requiredNames.contains(algorithm);
                if (backend != null || isRequired) {
                    rows.add(new Row(type, algorithm, Feature.of(type.jcaName(), algorithm), backend, isRequired));
                }
            }
        }
        return rows;
    }

    /** The features of the policy that no backend here offers and that are not required: left out on this JVM. */
    private static List<String> unavailable(CompiledPolicy policy, List<Row> rows) {
        List<String> shown = new ArrayList<>();
        for (Row row : rows) {
            shown.add(key(row.type(), row.algorithm()));
        }
        List<String> out = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            for (Algorithm a : policy.features(type)) {
                if (!shown.contains(key(type, a.name()))) {
                    out.add(type.jcaName() + " " + a.name());
                }
            }
        }
        return out;
    }

    private static String key(ServiceType type, String algorithm) {
        return type.jcaName() + " " + algorithm.toUpperCase(Locale.ROOT);
    }

    /**
     * For each feature, the results on the backends that register it, plus the chosen backend's
     * (which may serve it under an alias of the catalog).
     */
    private static Map<Feature, List<ProbeResult>> registeredResults(ProbeReport report, List<Row> rows) {
        Map<Feature, List<ProbeResult>> out = new HashMap<>();
        for (Row row : rows) {
            List<ProbeResult> shown = new ArrayList<>();
            for (Backend b : report.backends()) {
                Optional<ProbeResult> r = report.result(b, row.feature());
                if (r.isPresent() && (b.equals(row.chosen()) || registered(r.get()))) {
                    shown.add(r.get());
                }
            }
            out.put(row.feature(), shown);
        }
        return out;
    }

    private static boolean registered(ProbeResult r) {
        switch (r.status()) {
            case PASSED:
            case FAILED:
                return true;
            default:
                try {
                    return r.backend().registers(r.feature());
                } catch (RuntimeException e) {
                    // A provider that cannot answer a lookup: show what the probe made of it.
                    return true;
                }
        }
    }

    /**
     * The probes of chosen backends that failed: the plan would serve a feature from a backend that
     * got it wrong ({@code FAILED}) or that registers it but refuses it when asked
     * ({@code UNSUPPORTED}, e.g. a cipher mode the backend's base service does not have).
     */
    private static List<ProbeResult> chosenFailures(List<Row> rows, ProbeReport report) {
        List<ProbeResult> out = new ArrayList<>();
        for (Row row : rows) {
            if (row.chosen() == null) {
                continue;
            }
            report.result(row.chosen(), row.feature())
                    .filter(r -> r.status() == ProbeResult.Status.FAILED
                            || (r.status() == ProbeResult.Status.UNSUPPORTED && registered(r)))
                    .ifPresent(out::add);
        }
        return out;
    }

    // ---- text ----------------------------------------------------------------------------------

    private static void printText(
            CompiledPolicy policy,
            InstallPlan plan,
            List<Row> rows,
            List<String> unavailable,
            Map<Feature, List<ProbeResult>> results,
            List<ProbeResult> chosenFailures,
            ProbeReport report,
            PrintStream out) {
        out.println("policy " + policy.name() + " (mode " + policy.mode().yamlName()
                + (policy.backends().fipsOnly() ? ", FIPS backends only" : "") + ") on " + jdk());
        out.println();
        out.println("backends:");
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"NAME", "VERSION", "FIPS", "INFO"});
        for (Backend b : plan.backends()) {
            table.add(new String[] {b.name(), b.version(), b.fips() ? "yes" : "no", oneLine(b.info())});
        }
        printTable(table, out);
        out.println();
        out.println(
                "features (" + rows.size() + "; chosen backend, then the probe on each backend that registers it):");
        List<String[]> features = new ArrayList<>();
        for (Row row : rows) {
            List<String> probes = new ArrayList<>();
            for (ProbeResult r : results.get(row.feature())) {
                probes.add(describe(r));
            }
            features.add(new String[] {
                row.type().jcaName() + " " + row.algorithm() + (row.required() ? " (required)" : ""),
                row.chosen() == null ? "none" : row.chosen().name(),
                probes.isEmpty() ? "no backend registers it" : String.join("; ", probes)
            });
        }
        printTable(features, out);
        out.println(String.format(
                Locale.ROOT,
                "probed %d features on %d backends in %d ms",
                rows.size(),
                report.backends().size(),
                report.duration().toMillis()));
        if (!unavailable.isEmpty()) {
            out.println(
                    "left out (" + unavailable.size() + "; no backend here offers them, and they are not required):");
            printWrapped(unavailable, out);
        }
        out.println();
        printList("rejected backends:", plan.rejected(), out);
        List<String> failed = new ArrayList<>();
        for (ProbeResult r : chosenFailures) {
            failed.add(r.feature() + ": chosen backend " + describe(r));
        }
        if (!failed.isEmpty()) {
            printList("chosen backends that failed their probe:", failed, out);
        }
        printList("unmet requirements:", plan.missing(), out);
        out.println();
        String failures = count(chosenFailures.size(), "feature") + " served by a backend that failed its probe";
        if (!plan.satisfiable()) {
            out.println("policy " + policy.name() + " cannot be installed on this JVM: "
                    + count(plan.missing().size(), "unmet requirement")
                    + (chosenFailures.isEmpty() ? "" : "; " + failures));
        } else if (!chosenFailures.isEmpty()) {
            out.println("policy " + policy.name() + " would have " + failures);
        } else {
            out.println("policy " + policy.name() + " can be installed on this JVM");
        }
    }

    /** {@code SUN passed}, {@code BCFIPS FAILED: reason}, {@code SunJCE unsupported: reason}. */
    private static String describe(ProbeResult r) {
        switch (r.status()) {
            case PASSED:
                return r.backend().name() + " passed";
            case FAILED:
                return r.backend().name() + " FAILED: " + oneLine(r.reason());
            case NO_PROBE:
                return r.backend().name() + " not probed (no known-answer test)";
            default:
                return r.backend().name() + " unsupported: " + oneLine(r.reason());
        }
    }

    private static void printList(String title, List<String> lines, PrintStream out) {
        if (lines.isEmpty()) {
            out.println(title + " none");
            return;
        }
        out.println(title);
        for (String l : lines) {
            out.println("  " + l);
        }
    }

    /** Items separated by commas, in lines of at most {@value #WIDTH} characters, indented by two. */
    private static void printWrapped(List<String> items, PrintStream out) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (line.length() > 2 && line.length() + 1 + item.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder("  ");
            }
            line.append(line.length() > 2 ? " " : "").append(item);
        }
        out.println(line);
    }

    /** Left-aligned columns, two spaces apart, indented by two; the last column is not padded. */
    private static void printTable(List<String[]> rows, PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < columns - 1; i++) {
                sb.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            sb.append(row[columns - 1]);
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String jdk() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                + System.getProperty("java.home", "unknown home") + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    // ---- json ----------------------------------------------------------------------------------

    private static ObjectNode json(
            CompiledPolicy policy,
            InstallPlan plan,
            List<Row> rows,
            List<String> unavailable,
            Map<Feature, List<ProbeResult>> results,
            List<ProbeResult> chosenFailures,
            ProbeReport report) {
        ObjectNode root = Json.object();
        ObjectNode jdk = root.putObject("jdk");
        jdk.put("version", Runtime.version().toString());
        jdk.put("feature", Runtime.version().feature());
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("home", System.getProperty("java.home"));
        ObjectNode p = root.putObject("policy");
        p.put("name", policy.name());
        p.put("mode", policy.mode().yamlName());
        p.put("fipsOnly", policy.backends().fipsOnly());
        root.put("satisfiable", plan.satisfiable());
        root.put("ok", plan.satisfiable() && chosenFailures.isEmpty());
        ArrayNode backends = root.putArray("backends");
        for (Backend b : plan.backends()) {
            ObjectNode node = backends.addObject();
            node.put("name", b.name());
            node.put("version", b.version());
            node.put("fips", b.fips());
            node.put("info", b.info());
            node.put("class", b.implementationClass());
        }
        ArrayNode features = root.putArray("features");
        for (Row row : rows) {
            ObjectNode node = features.addObject();
            node.put("service", row.type().jcaName());
            node.put("algorithm", row.algorithm());
            node.put("required", row.required());
            node.put("chosen", row.chosen() == null ? null : row.chosen().name());
            ArrayNode probes = node.putArray("probes");
            for (ProbeResult r : results.get(row.feature())) {
                probes.add(probe(r));
            }
        }
        root.put("probeMillis", report.duration().toMillis());
        ArrayNode left = root.putArray("unavailable");
        unavailable.forEach(left::add);
        ArrayNode rejected = root.putArray("rejected");
        plan.rejected().forEach(rejected::add);
        ArrayNode failed = root.putArray("chosenFailures");
        chosenFailures.forEach(r -> failed.add(probe(r)));
        ArrayNode missing = root.putArray("missing");
        plan.missing().forEach(missing::add);
        return root;
    }

    private static ObjectNode probe(ProbeResult r) {
        ObjectNode node = Json.object();
        node.put("backend", r.backend().name());
        node.put("service", r.feature().serviceType());
        node.put("algorithm", r.feature().algorithm());
        node.put("status", r.status().name());
        node.put("passed", r.passed());
        node.put("reason", r.reason());
        node.put("millis", r.duration().toNanos() / 1e6);
        return node;
    }
}
