package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Mode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.Request;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.Suggest;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
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

    /** The TLS options and the kind of TLS name each asks about. */
    private static final Map<String, TlsKind> TLS_OPTIONS = tlsOptions();

    @Override
    String synopsis() {
        return "--policy REF --service TYPE --algorithm ALG [--key-size N | --curve NAME]\n"
                + "       [--key-algorithm A] [--scope any|tls|certpath|jar] [--format text|json]\n"
                + "   or: --policy REF (--tls-suite NAME | --tls-group NAME | --tls-scheme NAME | --protocol NAME)\n"
                + "       [--format text|json]";
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
                  cryptopolicy explain --policy FUTURE --tls-suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256

                With --tls-suite, --tls-group, --tls-scheme or --protocol it decides one TLS parameter
                instead, names the component that decides it (key exchange, cipher, MAC, key size,
                signature, curve, protocol range, the policy's list or a deny rule) and, when
                allowed, its place in the policy's preference order.

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
        Options options = new Options()
                .addOption(policyOption("policy reference, e.g. DEFAULT, DEFAULT:NO-SHA1 or site.yaml (required)"))
                .addOption(valueOption(
                        "service", "TYPE", "JCA service type: " + String.join(", ", serviceNames()) + " (required)"))
                .addOption(
                        valueOption("algorithm", "ALG", "algorithm name, alias or OID, e.g. SHA256withRSA (required)"))
                .addOption(valueOption("key-size", "N", "key size in bits"))
                .addOption(valueOption("curve", "NAME", "named curve of the key, e.g. secp256r1, X25519"))
                .addOption(valueOption(
                        "key-algorithm",
                        "A",
                        "the key's algorithm (RSA, EC, DH, AES, ...); default: the one ALG takes"))
                .addOption(valueOption(
                        "scope", "SCOPE", "where the decision is made: any, tls, certpath, jar (default any)"))
                .addOption(formatOption("text", FORMATS));
        Map<String, String> examples = Map.of(
                "tls-suite",
                "TLS_AES_128_GCM_SHA256",
                "tls-group",
                "ffdhe2048",
                "tls-scheme",
                "rsa_pss_rsae_sha256",
                "protocol",
                "TLSv1.1");
        TLS_OPTIONS.forEach((option, kind) -> options.addOption(valueOption(
                option, "NAME", "decide a TLS " + kind.description() + " instead, e.g. " + examples.get(option))));
        return options;
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        List<String> tls = TLS_OPTIONS.keySet().stream().filter(line::hasOption).toList();
        if (!tls.isEmpty()) {
            return executeTls(line, tls, out);
        }
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
        noArguments(line, "explain takes only options");
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
    private record Explanation(
            Decision decision, String subject, boolean aboutKey, Decision algorithmDecision, String suggestion) {}

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
            String tls = tlsOption(catalog, request.algorithm());
            if (tls != null) {
                suggestion = request.algorithm() + " is a TLS "
                        + TLS_OPTIONS.get(tls).description() + ", not a "
                        + request.service().jcaName() + " algorithm: ask 'cryptopolicy explain --policy "
                        + Quote.escape(policy.name()) + " --" + tls + " " + request.algorithm() + "'";
            }
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
                return a.families().isEmpty()
                        ? a.name()
                        : a.families().iterator().next();
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
                    + (d.allowed()
                            ? "this request would not be recorded"
                            : "this DENY would only be recorded, not enforced"));
        }
    }

    /** {@code Signature SHA256withRSA (RSA key of 1024 bits, scope any)}. */
    private static String describe(Request r) {
        StringBuilder sb = new StringBuilder(r.service().jcaName())
                .append(' ')
                .append(r.algorithm())
                .append(" (");
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

    /**
     * The fields every explain document has, algorithm or TLS parameter alike: the verdict, the
     * policy and its mode, an empty {@code request} object (filled by the caller: see
     * {@link #request}), and what was decided, why, by which rule and where it is written.
     */
    private static ObjectNode document(CompiledPolicy policy, Decision d, String subject) {
        ObjectNode root = Json.object();
        root.put("verdict", d.allowed() ? "ALLOW" : "DENY");
        root.put("allowed", d.allowed());
        root.put("policy", policy.name());
        root.put("mode", policy.mode().yamlName());
        root.put("enforced", policy.mode() == Mode.ENFORCE);
        root.putObject("request");
        root.put("subject", subject);
        root.put("reason", d.reason());
        root.put("explanation", d.explain(subject));
        root.put("rule", d.rule());
        root.set("origin", Json.origin(d.origin()));
        return root;
    }

    /** The {@code request} object of a {@link #document}. */
    private static ObjectNode request(ObjectNode document) {
        return (ObjectNode) document.get("request");
    }

    private static ObjectNode json(CompiledPolicy policy, Request r, Explanation e) {
        Decision d = e.decision();
        ObjectNode root = document(policy, d, e.subject());
        ObjectNode request = request(root);
        request.put("service", r.service().jcaName());
        request.put("algorithm", r.algorithm());
        request.put("keyAlgorithm", r.keyAlgorithm());
        request.put("keyBits", r.keyBits());
        request.put("curve", r.curve());
        request.put("scope", r.scope().yamlName());
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

    // ---- TLS parameters ------------------------------------------------------------------------

    private static Map<String, TlsKind> tlsOptions() {
        Map<String, TlsKind> m = new LinkedHashMap<>();
        m.put("tls-suite", TlsKind.CIPHER_SUITE);
        m.put("tls-group", TlsKind.NAMED_GROUP);
        m.put("tls-scheme", TlsKind.SIGNATURE_SCHEME);
        m.put("protocol", TlsKind.PROTOCOL);
        return Collections.unmodifiableMap(m);
    }

    /** The option that asks about {@code name} when it is a TLS name of the catalog, or null. */
    private static String tlsOption(AlgorithmCatalog catalog, String name) {
        for (Map.Entry<String, TlsKind> e : TLS_OPTIONS.entrySet()) {
            if (catalog.tls(e.getValue(), name) != null) {
                return e.getKey();
            }
        }
        return null;
    }

    private int executeTls(CommandLine line, List<String> given, PrintStream out)
            throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        String format = format(line, "text", FORMATS);
        if (given.size() > 1) {
            throw new UsageException(
                    "give one of --" + String.join(", --", TLS_OPTIONS.keySet()) + ", not " + given.size());
        }
        for (String other : List.of("service", "algorithm", "key-size", "curve", "key-algorithm", "scope")) {
            if (line.hasOption(other)) {
                throw new UsageException("--" + other + " does not go with --" + given.get(0)
                        + " (a TLS parameter is always decided in scope tls)");
            }
        }
        noArguments(line, "explain takes only options");
        String option = given.get(0);
        TlsKind kind = TLS_OPTIONS.get(option);
        String name = Quote.escape(required(line, option));
        CompiledPolicy policy = Diagnostics.load(reference);
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        TlsName known = catalog.tls(kind, name);
        String canonical = known == null ? name : known.name();
        Decision d = policy.decideTls(kind, name);
        String suggestion = "";
        if (known == null) {
            suggestion = Suggest.didYouMean(
                    name, catalog.tls(kind).stream().map(TlsName::name).toList());
        }
        List<String> enabled = enabled(policy, kind);
        int position = enabled.indexOf(canonical) + 1;
        String component = component(d);
        int status = d.allowed() ? ExitStatus.OK : ExitStatus.FAILED;
        String subject = kind.description() + " " + canonical;
        if ("json".equals(format)) {
            ObjectNode root = document(policy, d, subject);
            request(root).put("kind", kind.description()).put("name", canonical);
            root.put("component", component);
            root.put("preference", position);
            root.put("suggestion", suggestion);
            return printJson(out, status, root);
        }
        out.println((d.allowed() ? "ALLOW" : "DENY") + ": TLS " + subject + " under policy " + policy.name());
        out.println("  reason: " + subject + " " + d.reason());
        out.println("  decided by: " + component);
        out.println("  rule:   " + d.rule());
        out.println("  where:  " + where(d.origin()));
        if (position > 0) {
            out.println("  order:  " + position + " of " + enabled.size() + " enabled " + kind.description() + "s");
        }
        if (!suggestion.isEmpty()) {
            out.println("  hint:   " + suggestion);
        }
        if (policy.mode() == Mode.AUDIT) {
            out.println("  mode:   audit: policy " + policy.name() + " refuses nothing at run time");
        }
        return status;
    }

    private static List<String> enabled(CompiledPolicy policy, TlsKind kind) {
        return switch (kind) {
            case PROTOCOL -> policy.tls().protocols();
            case CIPHER_SUITE -> policy.tls().cipherSuites();
            case NAMED_GROUP -> policy.tls().namedGroups();
            case SIGNATURE_SCHEME -> policy.tls().signatureSchemes();
        };
    }

    /** The component of a TLS parameter that a decision's rule governs, in words. */
    static String component(Decision d) {
        String rule = d.rule();
        if (rule.startsWith("deny[")) {
            return "a deny rule";
        }
        if (rule.equals("tls.min_protocol") || rule.equals("tls.max_protocol")) {
            return "the protocol range";
        }
        if (rule.startsWith("tls")) {
            return d.allowed() ? "the policy's list" : "the policy's list (" + rule + ")";
        }
        if (rule.equals("keys.symmetric.min_bits")) {
            return "cipher key size";
        }
        if (rule.startsWith("keys.") && rule.endsWith(".min_bits")) {
            return "key size";
        }
        if (rule.equals("keys.ec.curves")) {
            return "curve";
        }
        return switch (rule) {
            case "algorithms.Cipher" -> "cipher";
            case "algorithms.Mac", "sha1.hmac" -> "MAC";
            case "algorithms.KeyAgreement", "algorithms.KEM" -> "key exchange";
            case "algorithms.Signature", "algorithms.KeyFactory", "sha1.signatures" -> "signature (authentication)";
            case "algorithms.MessageDigest", "sha1.digest" -> "digest";
            default -> rule;
        };
    }

    // ---- option values -------------------------------------------------------------------------

    private static List<String> serviceNames() {
        return Arrays.stream(ServiceType.values()).map(ServiceType::jcaName).toList();
    }

    private static ServiceType service(String text) throws UsageException {
        return ServiceType.ofJcaName(text)
                .orElseThrow(() -> new UsageException("unknown service type " + Quote.quoted(text) + " (valid: "
                        + String.join(", ", serviceNames()) + ")" + UsageException.hint(text, serviceNames())));
    }

    private static Scope scope(String text) throws UsageException {
        List<String> names = Arrays.stream(Scope.values()).map(Scope::yamlName).toList();
        return Scope.ofYamlName(text.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsageException("unknown scope " + Quote.quoted(text) + " (valid: "
                        + String.join(", ", names) + ")" + UsageException.hint(text, names)));
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
