package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Suggest;
import dev.cryptopolicy.engine.Quote;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Mode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Request;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy explain --policy REF --service TYPE --algorithm ALG [...]}: decides one
 * request and says which rule decided it and where that rule is written.
 */
final class ExplainCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json"};

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "decide one request and show the rule that decided it, with its file:line:col";
    }

    @Override
    String synopsis() {
        return "--policy REF --service TYPE --algorithm ALG [--key-size N | --curve NAME]\n"
                + "       [--key-algorithm A] [--scope any|tls|certpath|jar] [--format text|json]";
    }

    @Override
    String description() {
        return """
                Asks the policy whether ALG of service TYPE may be used in a scope, and with a key
                (--key-size, --curve) whether that key is acceptable. Prints ALLOW or DENY, the
                reason, the rule (a YAML path) and the file:line:col where the rule is written.

                examples:
                  cryptopolicy explain --policy DEFAULT --service Signature --algorithm SHA1withRSA
                  cryptopolicy explain --policy FUTURE --service KeyPairGenerator --algorithm RSA --key-size 2048
                  cryptopolicy explain --policy DEFAULT --service KeyAgreement --algorithm ECDH --curve secp256k1

                exit status: 0 allowed, 1 denied or a policy with errors, 2 usage error or a policy
                that cannot be read.
                A policy in audit mode refuses nothing at run time; explain still reports what its
                rules decide (DENY, exit status 1) and says that the denial would only be recorded.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(Option.builder("p").longOpt("policy").hasArg().argName("REF")
                        .desc("policy reference, e.g. DEFAULT, DEFAULT:NO-SHA1 or site.yaml (required)").build())
                .addOption(Option.builder().longOpt("service").hasArg().argName("TYPE")
                        .desc("JCA service type: " + String.join(", ", serviceNames()) + " (required)").build())
                .addOption(Option.builder().longOpt("algorithm").hasArg().argName("ALG")
                        .desc("algorithm name, alias or OID, e.g. SHA256withRSA (required)").build())
                .addOption(Option.builder().longOpt("key-size").hasArg().argName("N")
                        .desc("key size in bits").build())
                .addOption(Option.builder().longOpt("curve").hasArg().argName("NAME")
                        .desc("named curve of the key, e.g. secp256r1, X25519").build())
                .addOption(Option.builder().longOpt("key-algorithm").hasArg().argName("A")
                        .desc("the key's algorithm (RSA, EC, DH, AES, ...); default: the one ALG takes").build())
                .addOption(Option.builder().longOpt("scope").hasArg().argName("SCOPE")
                        .desc("where the decision is made: any, tls, certpath, jar (default any)").build())
                .addOption(formatOption("text", FORMATS));
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        ServiceType service = service(required(line, "service"));
        // What the command line names is shown back; escaped, it cannot drive the terminal.
        String algorithm = Quote.escape(required(line, "algorithm"));
        Scope scope = scope(line.getOptionValue("scope", "any"));
        String format = format(line, "text", FORMATS);
        if (line.hasOption("key-size") && line.hasOption("curve")) {
            throw new UsageException("give --key-size or --curve, not both (a named curve fixes the key size)");
        }
        int keyBits = line.hasOption("key-size") ? keySize(line.getOptionValue("key-size")) : 0;
        String curve = escapeOrNull(line.getOptionValue("curve"));
        String keyAlgorithm = escapeOrNull(line.getOptionValue("key-algorithm"));
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument " + Quote.quoted(line.getArgList().get(0)) + "; explain takes only options");
        }
        CompiledPolicy policy = Diagnostics.load(reference);
        Request request = new Request(service, algorithm, keyAlgorithm, keyBits, curve, scope);
        Explanation explanation = explain(policy, request);
        int status = explanation.decision().allowed() ? ExitStatus.OK : ExitStatus.FAILED;
        if ("json".equals(format)) {
            return printJson(out, status, json(policy, request, explanation));
        }
        printText(policy, request, explanation, out);
        return status;
    }

    /** The decision, what it is about, and a spelling hint when the algorithm is unknown. */
    private record Explanation(Decision decision, String subject, boolean aboutKey, Decision algorithmDecision,
            String suggestion) {
    }

    private static Explanation explain(CompiledPolicy policy, Request request) {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        Algorithm known = catalog.algorithm(request.service(), request.algorithm());
        String algorithmSubject = request.service().jcaName() + " " + request.algorithm();
        Decision algorithmDecision = policy.decide(request.service(), request.algorithm(), request.scope());
        String suggestion = "";
        if (known == null) {
            List<String> names = new ArrayList<>();
            for (Algorithm a : catalog.algorithms(request.service())) {
                names.add(a.name());
            }
            suggestion = Suggest.didYouMean(request.algorithm(), names);
        }
        Decision decision = policy.decide(request);
        boolean keyGiven = request.keyAlgorithm() != null || request.keyBits() != 0 || request.curve() != null;
        boolean aboutKey = algorithmDecision.allowed() && keyGiven;
        String subject = aboutKey ? keySubject(request, known) : algorithmSubject;
        return new Explanation(decision, subject, aboutKey, algorithmDecision, suggestion);
    }

    private static String escapeOrNull(String text) {
        return text == null ? null : Quote.escape(text);
    }

    private static String keySubject(Request request, Algorithm known) {
        String keyAlgorithm = request.keyAlgorithm();
        if (keyAlgorithm == null) {
            keyAlgorithm = known == null ? request.algorithm() : keyName(known);
        }
        if (request.curve() != null) {
            return keyAlgorithm + " key on curve " + request.curve();
        }
        if (request.keyBits() > 0) {
            return keyAlgorithm + " key of " + request.keyBits() + " bits";
        }
        return keyAlgorithm + " key";
    }

    private static String keyName(Algorithm a) {
        switch (a.keyFamily()) {
            case RSA:
            case DSA:
            case DH:
            case EC:
                return a.keyFamily().name();
            case CURVE_NAMED:
                return a.curve() != null ? a.curve() : a.name();
            case SYMMETRIC:
                return a.families().isEmpty() ? a.name() : a.families().iterator().next();
            default:
                return a.name();
        }
    }

    private static void printText(CompiledPolicy policy, Request request, Explanation e, PrintStream out) {
        Decision d = e.decision();
        out.println((d.allowed() ? "ALLOW" : "DENY") + ": " + describe(request) + " under policy " + policy.name());
        out.println("  reason: " + e.subject() + " " + d.reason());
        out.println("  rule:   " + d.rule());
        out.println("  where:  " + where(d.origin()));
        if (e.aboutKey()) {
            Decision a = e.algorithmDecision();
            out.println("  algorithm: " + request.service().jcaName() + " " + request.algorithm() + " " + a.reason()
                    + " (" + a.rule() + ", " + where(a.origin()) + ")");
        }
        if (!e.suggestion().isEmpty()) {
            out.println("  hint:   " + e.suggestion());
        }
        if (policy.mode() == Mode.AUDIT) {
            out.println("  mode:   audit: policy " + policy.name() + " refuses nothing at run time; "
                    + (d.allowed() ? "this request would not be recorded"
                            : "this DENY would only be recorded, not enforced"));
        }
    }

    /** {@code Signature SHA256withRSA (RSA key of 1024 bits, scope any)}. */
    private static String describe(Request r) {
        StringBuilder sb = new StringBuilder(r.service().jcaName()).append(' ').append(r.algorithm()).append(" (");
        if (r.keyAlgorithm() != null || r.keyBits() > 0 || r.curve() != null) {
            sb.append(r.keyAlgorithm() != null ? r.keyAlgorithm() + " key" : "key");
            if (r.keyBits() > 0) {
                sb.append(" of ").append(r.keyBits()).append(" bits");
            }
            if (r.curve() != null) {
                sb.append(" on curve ").append(r.curve());
            }
            sb.append(", ");
        }
        return sb.append("scope ").append(r.scope().yamlName()).append(')').toString();
    }

    private static String where(Origin o) {
        return o.isBuiltIn() ? "built-in default" : o.location();
    }

    private static ObjectNode json(CompiledPolicy policy, Request r, Explanation e) {
        Decision d = e.decision();
        ObjectNode root = Json.object();
        root.put("verdict", d.allowed() ? "ALLOW" : "DENY");
        root.put("allowed", d.allowed());
        root.put("policy", policy.name());
        root.put("mode", policy.mode().yamlName());
        root.put("enforced", policy.mode() == Mode.ENFORCE);
        ObjectNode request = root.putObject("request");
        request.put("service", r.service().jcaName());
        request.put("algorithm", r.algorithm());
        request.put("keyAlgorithm", r.keyAlgorithm());
        request.put("keyBits", r.keyBits());
        request.put("curve", r.curve());
        request.put("scope", r.scope().yamlName());
        root.put("subject", e.subject());
        root.put("reason", d.reason());
        root.put("explanation", d.explain(e.subject()));
        root.put("rule", d.rule());
        root.set("origin", Json.origin(d.origin()));
        if (e.aboutKey()) {
            ObjectNode algorithm = root.putObject("algorithmDecision");
            algorithm.put("allowed", e.algorithmDecision().allowed());
            algorithm.put("reason", e.algorithmDecision().reason());
            algorithm.put("rule", e.algorithmDecision().rule());
            algorithm.set("origin", Json.origin(e.algorithmDecision().origin()));
        }
        root.put("suggestion", e.suggestion());
        return root;
    }

    // ---- option values -------------------------------------------------------------------------

    private static List<String> serviceNames() {
        return Arrays.stream(ServiceType.values()).map(ServiceType::jcaName).toList();
    }

    private static ServiceType service(String text) throws UsageException {
        return ServiceType.ofJcaName(text).orElseThrow(() -> new UsageException("unknown service type " + Quote.quoted(text) + " (valid: "
                + String.join(", ", serviceNames()) + ")" + UsageException.hint(text, serviceNames())));
    }

    private static Scope scope(String text) throws UsageException {
        List<String> names = Arrays.stream(Scope.values()).map(Scope::yamlName).toList();
        return Scope.ofYamlName(text.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new UsageException(
                "unknown scope " + Quote.quoted(text) + " (valid: " + String.join(", ", names) + ")" + UsageException.hint(text, names)));
    }

    private static int keySize(String text) throws UsageException {
        int bits;
        try {
            bits = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--key-size must be a whole number of bits, not " + Quote.quoted(text));
        }
        if (bits <= 0 || bits > 65536) {
            throw new UsageException("--key-size [" + bits + "] must be between 1 and 65536 bits");
        }
        return bits;
    }
}
