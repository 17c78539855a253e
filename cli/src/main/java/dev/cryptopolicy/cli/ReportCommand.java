package dev.cryptopolicy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.Request;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.TlsSession;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code cryptopolicy report --policy REF [--format text|json|sarif|cbom] FILE...}: decides every
 * use recorded in inventory files (JSON lines, {@code docs/inventory.schema.json}) again under a
 * candidate policy and reports what it would refuse, per service and per calling location, with
 * counts. The files are streamed one line at a time: memory grows with the distinct uses, not with
 * the lines.
 */
final class ReportCommand extends OptionCommand {

    private static final String[] FORMATS = {"text", "json", "sarif", "cbom"};

    /** Most distinct uses kept; past it, lines are still decided and counted, not itemised. */
    static final int MAX_USES = 1_000_000;

    /**
     * Most use texts remembered for lines already parsed ({@link InventoryLineShape}), some 300
     * bytes each; past it, lines of other uses are parsed in full every time (slower, not wrong).
     */
    static final int MAX_KNOWN_TEXTS = 262_144;

    /** The longest line read; a longer one is a bad line (an inventory line is a few hundred characters). */
    static final int MAX_LINE = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    /** The service of a TLS session line. */
    private static final String TLS = "TLS";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "decide recorded inventories again under a candidate policy: what it would refuse, where";
    }

    @Override
    String synopsis() {
        return "--policy REF [--format text|json|sarif|cbom] FILE...";
    }

    @Override
    String description() {
        return """
                Reads inventory files, the JSON lines that -javaagent:...=POLICY,inventory=FILE (or
                Installation.inventory) writes, or the messages of inventory-logger=NAME collected from
                the logs, from any number of JVMs, and decides each recorded use
                again under the candidate policy REF: what it would refuse, per service and algorithm
                and per calling location (class, module, jar), with the counts summed over the files.
                One week of inventories answers the question for any number of candidate policies.
                --format cbom prints every use as a CycloneDX 1.6 cryptography bill of materials,
                with the candidate's verdict on each.

                examples:
                  cryptopolicy report --policy FUTURE /var/log/app/crypto-*.jsonl
                  cryptopolicy report --policy DEFAULT:NO-SHA1 --format sarif inventories/*.jsonl

                exit status: 0 nothing would be refused, 1 something would (or a policy with errors),
                2 usage error, a file that cannot be read or a line that is not an inventory line.
                """;
    }

    @Override
    boolean hasJson() {
        return true;
    }

    @Override
    Options options() {
        return new Options()
                .addOption(org.apache.commons.cli.Option.builder("p")
                        .longOpt("policy")
                        .hasArg()
                        .argName("REF")
                        .desc("candidate policy reference, e.g. FUTURE or site.yaml:NO-SHA1 (required)")
                        .build())
                .addOption(formatOption("text", FORMATS));
    }

    /**
     * One distinct use, summed over the files. For a TLS session (service {@code TLS}) the
     * algorithm is the cipher suite, the key the peer certificate's, and {@code tls} the rest.
     */
    record Use(
            String service,
            String algorithm,
            String keyAlgorithm,
            int bits,
            String curve,
            TlsSession tls,
            String location,
            String callerClass,
            String module,
            String source) {}

    /** One refused use or TLS session component: what, in words, and the decision that refuses it. */
    record Refusal(String subject, Decision decision) {}

    /**
     * What the report is built from. {@code estimated} holds the uses whose count includes a line
     * marked {@code "estimated":true} (an inventory samples the callers of uses both its policies
     * allow, past their first uses): their counts per location are estimates, and say so.
     */
    record Tally(
            Map<Use, long[]> uses,
            Map<Use, List<Refusal>> refused,
            Set<Use> estimated,
            long lines,
            long overflow,
            int files) {}

    /** How an inventory line of the writer's shape ends its use text when its count is an estimate. */
    private static final String ESTIMATED = ",\"estimated\":true";

    /** Refused uses of one subject and rule: the finding, and its uses (locations) with counts. */
    private record Finding(String subject, Decision decision, List<Use> uses) {}

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        String reference = required(line, "policy");
        String format = format(line, "text", FORMATS);
        List<String> files = line.getArgList();
        if (files.isEmpty()) {
            throw new UsageException("no inventory FILE given");
        }
        CompiledPolicy policy = Diagnostics.load(reference);
        Tally tally = read(files, policy);
        int status = tally.refused().isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
        switch (format) {
            case "json" -> printJson(out, status, json(policy, tally));
            case "sarif" -> Json.print(out, sarif(policy, tally));
            case "cbom" -> Json.print(out, cbom(policy, tally));
            default -> text(policy, tally, out);
        }
        return status;
    }

    static Tally read(List<String> files, CompiledPolicy policy) throws CommandFailure {
        Map<Use, long[]> uses = new HashMap<>();
        Map<Use, List<Refusal>> refused = new HashMap<>();
        // The use of each use text parsed and checked before: a line that repeats it needs only its count.
        Map<String, Use> known = new HashMap<>();
        Set<Use> estimated = new HashSet<>();
        long lines = 0;
        long overflow = 0;
        for (String name : files) {
            Path file;
            try {
                file = Path.of(name);
            } catch (InvalidPathException e) {
                throw CommandFailure.io("not a path: " + Quote.quoted(name));
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    if (text.length() > MAX_LINE) {
                        throw CommandFailure.io(
                                Quote.escape(name) + ":" + number + ": line longer than " + MAX_LINE + " characters");
                    }
                    lines++;
                    String useText = InventoryLineShape.use(text);
                    Use use = useText == null ? null : known.get(useText);
                    long count;
                    boolean estimate;
                    if (use != null) {
                        count = InventoryLineShape.count(text);
                        estimate = useText.endsWith(ESTIMATED);
                    } else {
                        Map<String, Object> fields = fields(text, name, number);
                        Object lost = fields.get("overflow");
                        if (lost instanceof Long n) {
                            overflow += n;
                            continue;
                        }
                        use = use(fields, name, number);
                        count = fields.get("count") instanceof Long n ? n : 1;
                        estimate = Boolean.TRUE.equals(fields.get("estimated"));
                        if (useText != null && known.size() < MAX_KNOWN_TEXTS) {
                            known.put(useText, use);
                        }
                    }
                    long[] sum = uses.get(use);
                    if (sum == null) {
                        if (uses.size() >= MAX_USES) {
                            overflow += count;
                            continue;
                        }
                        sum = new long[1];
                        uses.put(use, sum);
                        List<Refusal> r = refusals(policy, use);
                        if (!r.isEmpty()) {
                            refused.put(use, r);
                        }
                    }
                    sum[0] += count;
                    if (estimate) {
                        estimated.add(use);
                    }
                }
            } catch (IOException e) {
                throw CommandFailure.io("cannot read " + Quote.quoted(name) + ": " + e.getMessage());
            }
        }
        return new Tally(uses, refused, estimated, lines, overflow, files.size());
    }

    /** The fields of one line: strings, and whole numbers as {@link Long}. */
    private static Map<String, Object> fields(String text, String file, int number) throws CommandFailure {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(file, number, "not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING -> fields.put(key, p.getText());
                    case VALUE_NUMBER_INT -> fields.put(key, p.getLongValue());
                    case VALUE_NULL -> fields.remove(key);
                    case VALUE_TRUE -> fields.put(key, Boolean.TRUE);
                    case VALUE_FALSE -> fields.put(key, Boolean.FALSE);
                    case START_OBJECT -> {
                        if (key.equals("tls")) {
                            tls(p, fields, file, number);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case START_ARRAY -> p.skipChildren();
                    default -> fields.put(key, p.getText());
                }
            }
            if (p.nextToken() != null) {
                throw bad(file, number, "text after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(file, number, "not JSON: " + Quote.escape(e.getOriginalMessage()));
        } catch (IOException e) {
            throw bad(file, number, "cannot parse: " + Quote.escape(String.valueOf(e.getMessage())));
        }
        Object v = fields.get("v");
        if (!(v instanceof Long version) || version != 1) {
            throw bad(file, number, "not an inventory line of format 1 (\"v\":1)");
        }
        return fields;
    }

    /** The string members of a line's {@code tls} object, as {@code tls.NAME} fields. */
    private static void tls(JsonParser p, Map<String, Object> fields, String file, int number)
            throws IOException, CommandFailure {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = "tls." + p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING) {
                fields.put(key, p.getText());
            } else if (v == JsonToken.VALUE_NULL) {
                fields.remove(key);
            } else {
                throw bad(file, number, "\"" + key + "\" is not a string");
            }
        }
        fields.put("tls", Boolean.TRUE);
    }

    private static Use use(Map<String, Object> f, String file, int number) throws CommandFailure {
        String service = string(f, "service", file, number);
        boolean tls = service.equals(TLS);
        if (!tls && ServiceType.ofJcaNameOrNull(service) == null) {
            throw bad(file, number, "unknown service " + Quote.quoted(service));
        }
        String algorithm = string(f, "algorithm", file, number);
        String key = optional(f, "key");
        int bits = f.get("bits") instanceof Long b ? (int) Math.min(b, Integer.MAX_VALUE) : 0;
        String curve = optional(f, "curve");
        TlsSession session = null;
        if (tls) {
            if (f.get("tls") == null) {
                throw bad(file, number, "a TLS line without its \"tls\" object");
            }
            String protocol = string(f, "tls.protocol", file, number);
            session = new TlsSession(
                    protocol,
                    algorithm,
                    key,
                    bits,
                    curve,
                    key == null ? null : optional(f, "tls.unmeasured"),
                    key == null ? null : optional(f, "tls.peerSignature"),
                    optional(f, "tls.group"),
                    optional(f, "tls.signatureScheme"),
                    optional(f, "tls.clientSignatureScheme"));
        }
        return new Use(
                service,
                algorithm,
                key,
                bits,
                curve,
                session,
                string(f, "location", file, number),
                optional(f, "class"),
                optional(f, "module"),
                optional(f, "source"));
    }

    private static String string(Map<String, Object> f, String key, String file, int number) throws CommandFailure {
        if (!(f.get(key) instanceof String s) || s.isEmpty()) {
            throw bad(file, number, "no \"" + key + "\"");
        }
        return s;
    }

    private static String optional(Map<String, Object> f, String key) {
        return f.get(key) instanceof String s ? s : null;
    }

    private static CommandFailure bad(String file, int number, String why) {
        return CommandFailure.io(Quote.escape(file) + ":" + number + ": " + why);
    }

    /**
     * What {@code policy} refuses of a use: the use itself, or each refused component of a TLS
     * session as the providers decide it ({@link TlsSession#refusals}); empty when it allows it.
     */
    static List<Refusal> refusals(CompiledPolicy policy, Use u) {
        if (u.tls() != null) {
            List<Refusal> out = new ArrayList<>(2);
            for (TlsSession.Refused r : u.tls().refusals(policy)) {
                out.add(new Refusal(
                        TLS + " " + (r.component() == TlsSession.Component.PEER_KEY ? "peer certificate " : "")
                                + r.subject(),
                        r.decision()));
            }
            return out;
        }
        ServiceType type = Objects.requireNonNull(ServiceType.ofJcaNameOrNull(u.service()));
        Decision d = policy.decide(
                new Request(type, u.algorithm(), u.keyAlgorithm(), Math.max(u.bits(), 0), u.curve(), Scope.ANY));
        return d.allowed() ? List.of() : List.of(new Refusal(subject(u), d));
    }

    /** Refused uses grouped by (subject, rule): the finding, and its locations with counts. */
    private static List<Finding> findings(Tally t) {
        Map<String, Finding> out = new TreeMap<>();
        for (Map.Entry<Use, List<Refusal>> e : t.refused().entrySet()) {
            for (Refusal r : e.getValue()) {
                out.computeIfAbsent(
                                r.subject() + " | " + r.decision().rule(),
                                k -> new Finding(r.subject(), r.decision(), new ArrayList<>()))
                        .uses()
                        .add(e.getKey());
            }
        }
        for (Finding f : out.values()) {
            f.uses()
                    .sort(Comparator.comparingLong((Use u) -> -t.uses().get(u)[0])
                            .thenComparing(Use::location)
                            .thenComparing(ReportCommand::subject));
        }
        return List.copyOf(out.values());
    }

    /** A use in words: {@code Signature SHA1withRSA}, {@code TLS session TLSv1.2 TLS_... peer RSA key of 2048 bits}. */
    static String subject(Use u) {
        if (u.tls() != null) {
            String s = "TLS session " + u.tls().protocol() + " " + u.algorithm();
            if (u.keyAlgorithm() != null) {
                s += " peer " + u.keyAlgorithm() + " key"
                        + (u.curve() != null
                                ? " on curve " + u.curve()
                                : u.bits() > 0 ? " of " + u.bits() + " bits" : "");
                if (u.tls().peerSignature() != null) {
                    s += " signed " + u.tls().peerSignature();
                }
            }
            if (u.tls().group() != null) {
                s += " group " + u.tls().group();
            }
            if (u.tls().signatureScheme() != null) {
                s += " signature scheme " + u.tls().signatureScheme();
            }
            if (u.tls().clientSignatureScheme() != null) {
                s += " client signature scheme " + u.tls().clientSignatureScheme();
            }
            return s;
        }
        String s = u.service() + " " + u.algorithm();
        if (u.keyAlgorithm() != null) {
            s += " with " + u.keyAlgorithm() + " key"
                    + (u.curve() != null ? " on curve " + u.curve() : u.bits() > 0 ? " of " + u.bits() + " bits" : "");
        }
        return s;
    }

    private static long count(Tally t, List<Use> uses) {
        return uses.stream().mapToLong(u -> t.uses().get(u)[0]).sum();
    }

    /** Whether the count of any of {@code uses} at its location is an estimate. */
    private static boolean estimated(Tally t, List<Use> uses) {
        for (Use u : uses) {
            if (t.estimated().contains(u)) {
                return true;
            }
        }
        return false;
    }

    private static void text(CompiledPolicy policy, Tally t, PrintStream out) {
        List<Finding> findings = findings(t);
        long refusedCount =
                t.refused().keySet().stream().mapToLong(u -> t.uses().get(u)[0]).sum();
        out.println("policy " + policy.name() + " would refuse " + refusedCount + " of "
                + t.uses().values().stream().mapToLong(c -> c[0]).sum() + " recorded uses (" + findings.size()
                + " findings, "
                + t.lines() + " lines in " + t.files() + " file" + (t.files() == 1 ? "" : "s") + ")");
        for (Finding f : findings) {
            Decision d = f.decision();
            long n = count(t, f.uses());
            out.println();
            out.println(Quote.escape(f.subject()) + ": " + n + " use" + (n == 1 ? "" : "s")
                    + (estimated(t, f.uses()) ? " (per location, some estimated: ~)" : ""));
            out.println("  reason: " + d.reason() + " (" + d.rule() + ", "
                    + d.origin().shortLocation() + ")");
            for (Use u : f.uses()) {
                out.println(
                        "  " + (t.estimated().contains(u) ? "~" : "") + t.uses().get(u)[0] + "  "
                                + Quote.escape(u.location())
                                + (u.callerClass() == null ? "" : "  class " + Quote.escape(u.callerClass()))
                                + (u.source() == null ? "" : "  from " + Quote.escape(u.source()))
                                + (u.tls() == null ? "" : "  in " + Quote.escape(subject(u))));
            }
        }
        if (t.overflow() > 0) {
            out.println();
            out.println("not itemised: " + t.overflow() + " uses (an inventory was full, or more than " + MAX_USES
                    + " distinct uses)");
        }
    }

    private static ObjectNode json(CompiledPolicy policy, Tally t) {
        ObjectNode result = Json.object();
        result.put("policy", policy.name());
        result.put("files", t.files());
        result.put("lines", t.lines());
        result.put("uses", t.uses().values().stream().mapToLong(c -> c[0]).sum());
        result.put("notItemised", t.overflow());
        ArrayNode findings = result.putArray("findings");
        for (Finding finding : findings(t)) {
            List<Use> uses = finding.uses();
            Use first = uses.get(0);
            Decision d = finding.decision();
            ObjectNode f = findings.addObject();
            f.put("service", first.service());
            f.put("subject", finding.subject());
            if (first.tls() == null) {
                // The sessions of one TLS finding share only the refused component: each location names its session.
                f.put("algorithm", first.algorithm());
            }
            if (first.tls() == null && first.keyAlgorithm() != null) {
                f.put("key", first.keyAlgorithm());
                if (first.bits() > 0) {
                    f.put("bits", first.bits());
                }
                if (first.curve() != null) {
                    f.put("curve", first.curve());
                }
            }
            f.put("rule", d.rule());
            f.put("reason", d.reason());
            f.set("where", Json.origin(d.origin()));
            f.put("count", count(t, uses));
            if (estimated(t, uses)) {
                f.put("estimated", true);
            }
            ArrayNode locations = f.putArray("locations");
            for (Use u : uses) {
                ObjectNode l = locations.addObject();
                l.put("location", u.location());
                l.put("class", u.callerClass());
                l.put("module", u.module());
                l.put("source", u.source());
                if (u.tls() != null) {
                    l.set("tls", tlsJson(u));
                }
                l.put("count", t.uses().get(u)[0]);
                if (t.estimated().contains(u)) {
                    l.put("estimated", true);
                }
            }
        }
        return result;
    }

    /** The session of a TLS use, as JSON. */
    private static ObjectNode tlsJson(Use u) {
        ObjectNode tls = Json.object();
        tls.put("protocol", u.tls().protocol());
        tls.put("cipherSuite", u.algorithm());
        if (u.keyAlgorithm() != null) {
            tls.put("peerKey", u.keyAlgorithm());
            if (u.bits() > 0) {
                tls.put("peerBits", u.bits());
            }
            if (u.curve() != null) {
                tls.put("peerCurve", u.curve());
            }
        }
        if (u.tls().peerSignature() != null) {
            tls.put("peerSignature", u.tls().peerSignature());
        }
        if (u.tls().group() != null) {
            tls.put("group", u.tls().group());
        }
        if (u.tls().signatureScheme() != null) {
            tls.put("signatureScheme", u.tls().signatureScheme());
        }
        if (u.tls().clientSignatureScheme() != null) {
            tls.put("clientSignatureScheme", u.tls().clientSignatureScheme());
        }
        return tls;
    }

    private static ObjectNode sarif(CompiledPolicy policy, Tally t) {
        ObjectNode log = Json.object();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<Finding> findings = findings(t);
        for (Finding f : findings) {
            ruleIndex.putIfAbsent(f.decision().rule(), ruleIndex.size());
        }
        ArrayNode results = Sarif.results(log, Main.version(), ruleIndex.keySet());
        for (Finding f : findings) {
            for (Use u : f.uses()) {
                Decision d = f.decision();
                ObjectNode r = results.addObject();
                r.put("ruleId", d.rule());
                r.put("ruleIndex", ruleIndex.get(d.rule()));
                r.put("level", "error");
                r.putObject("message")
                        .put(
                                "text",
                                d.explain(f.subject())
                                        + (u.tls() == null ? "" : " (" + subject(u) + ")")
                                        + "; called " + (t.estimated().contains(u) ? "about " : "")
                                        + t.uses().get(u)[0] + " times from " + u.location()
                                        + " under policy " + policy.name());
                ObjectNode logical = r.putArray("locations")
                        .addObject()
                        .putArray("logicalLocations")
                        .addObject();
                logical.put("fullyQualifiedName", u.location());
                logical.put("kind", "function");
                ObjectNode properties = r.putObject("properties");
                properties.put("count", t.uses().get(u)[0]);
                if (t.estimated().contains(u)) {
                    properties.put("estimated", true);
                }
                properties.put("class", u.callerClass());
                properties.put("source", u.source());
            }
        }
        return log;
    }

    /** Every recorded use as a CycloneDX 1.6 cryptographic asset, with the candidate policy's verdict. */
    static ObjectNode cbom(CompiledPolicy policy, Tally t) {
        ObjectNode bom = Json.object();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        bom.put("serialNumber", "urn:uuid:" + UUID.randomUUID());
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put(
                "timestamp",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "cryptopolicy");
        tool.put("version", Main.version());
        Map<String, List<Use>> assets = new TreeMap<>();
        for (Use u : t.uses().keySet()) {
            assets.computeIfAbsent(subject(u), k -> new ArrayList<>()).add(u);
        }
        ArrayNode components = bom.putArray("components");
        for (Map.Entry<String, List<Use>> a : assets.entrySet()) {
            Use first = a.getValue().get(0);
            ObjectNode c = components.addObject();
            c.put("type", "cryptographic-asset");
            c.put("bom-ref", "crypto:" + a.getKey());
            ObjectNode crypto;
            if (first.tls() != null) {
                c.put("name", first.tls().protocol());
                crypto = c.putObject("cryptoProperties");
                crypto.put("assetType", "protocol");
                ObjectNode protocol = crypto.putObject("protocolProperties");
                String version = first.tls().protocol();
                protocol.put("type", version.startsWith("SSL") ? "other" : "tls");
                protocol.put("version", version.replaceFirst("^(TLS|SSL)v", ""));
                protocol.putArray("cipherSuites").addObject().put("name", first.algorithm());
            } else {
                c.put("name", first.algorithm());
                crypto = c.putObject("cryptoProperties");
                crypto.put("assetType", "algorithm");
                ObjectNode algorithm = crypto.putObject("algorithmProperties");
                algorithm.put("primitive", primitive(first));
                if (first.curve() != null) {
                    algorithm.put("curve", first.curve());
                }
                if (first.keyAlgorithm() != null && first.bits() > 0) {
                    algorithm.put("parameterSetIdentifier", String.valueOf(first.bits()));
                }
            }
            ArrayNode occurrences = c.putObject("evidence").putArray("occurrences");
            for (Use u : a.getValue()) {
                ObjectNode o = occurrences.addObject();
                o.put("location", u.source() == null ? u.location() : u.source());
                o.put("symbol", u.location());
                o.put(
                        "additionalContext",
                        u.service() + " " + u.algorithm() + ", "
                                + (t.estimated().contains(u) ? "about " : "")
                                + t.uses().get(u)[0] + " uses");
            }
            List<Refusal> refused = t.refused().getOrDefault(first, List.of());
            ArrayNode properties = c.putArray("properties");
            property(properties, "cryptopolicy:service", first.service());
            if (first.tls() != null && first.keyAlgorithm() != null) {
                property(
                        properties,
                        "cryptopolicy:peerKey",
                        first.keyAlgorithm()
                                + (first.curve() != null
                                        ? " " + first.curve()
                                        : first.bits() > 0 ? " " + first.bits() : ""));
                if (first.tls().peerSignature() != null) {
                    property(
                            properties,
                            "cryptopolicy:peerSignature",
                            first.tls().peerSignature());
                }
            }
            // CycloneDX 1.6 protocol properties have no field for a named group or a signature scheme.
            if (first.tls() != null && first.tls().group() != null) {
                property(properties, "cryptopolicy:group", first.tls().group());
            }
            if (first.tls() != null && first.tls().signatureScheme() != null) {
                property(properties, "cryptopolicy:signatureScheme", first.tls().signatureScheme());
            }
            if (first.tls() != null && first.tls().clientSignatureScheme() != null) {
                property(
                        properties,
                        "cryptopolicy:clientSignatureScheme",
                        first.tls().clientSignatureScheme());
            }
            property(properties, "cryptopolicy:count", String.valueOf(count(t, a.getValue())));
            if (estimated(t, a.getValue())) {
                property(properties, "cryptopolicy:estimated", "true");
            }
            property(properties, "cryptopolicy:policy", policy.name());
            property(properties, "cryptopolicy:verdict", refused.isEmpty() ? "allowed" : "refused");
            for (Refusal r : refused) {
                property(properties, "cryptopolicy:rule", r.decision().rule());
                property(properties, "cryptopolicy:reason", r.decision().explain(r.subject()));
            }
        }
        return bom;
    }

    private static void property(ArrayNode properties, String name, String value) {
        ObjectNode p = properties.addObject();
        p.put("name", name);
        p.put("value", value);
    }

    /** The CycloneDX 1.6 {@code primitive} of a use. */
    private static String primitive(Use u) {
        String a = u.algorithm().toUpperCase(java.util.Locale.ROOT);
        return switch (u.service()) {
            case "MessageDigest" -> "hash";
            case "Mac" -> "mac";
            case "Signature" -> "signature";
            case "KeyAgreement" -> "key-agree";
            case "KEM" -> "kem";
            case "SecureRandom" -> "drbg";
            case "SecretKeyFactory" -> a.startsWith("PBKDF") || a.contains("HKDF") ? "kdf" : "other";
            case "Cipher" ->
                a.startsWith("RSA")
                        ? "pke"
                        : a.contains("GCM") || a.contains("POLY1305") || a.contains("CCM")
                                ? "ae"
                                : a.startsWith("ARCFOUR") || a.startsWith("RC4") || a.startsWith("CHACHA20")
                                        ? "stream-cipher"
                                        : "block-cipher";
            default -> "other";
        };
    }
}
