package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Rule;
import dev.cryptopolicy.engine.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lint results as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the input
 * format of code-scanning services: one run, tool {@code cryptopolicy}, one reporting rule per
 * engine {@link Rule} (id, short and full description, help; in the enum's order, so that a
 * rule's index is the same in every log), one result per problem with its file, line and column.
 * Every result has a physical location, as GitHub code scanning requires, and every log is valid
 * under the OASIS SARIF 2.1.0 JSON schema (checked by the tests).
 */
final class Sarif {

    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {}

    /** The SARIF log for a lint run. */
    static ObjectNode log(List<LintResult> results, String toolVersion) {
        ObjectNode log = Json.object();
        ObjectNode run = run(log, toolVersion);
        ArrayNode rules = ((ObjectNode) run.get("tool").get("driver")).putArray("rules");
        for (Rule r : Rule.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.putObject("shortDescription").put("text", r.shortDescription());
            rule.putObject("fullDescription").put("text", r.fullDescription());
            rule.putObject("help").put("text", r.help());
        }
        ArrayNode out = run.putArray("results");
        for (LintResult r : results) {
            for (Problem p : r.problems()) {
                out.add(result(p, r.reference(), p.definition().ordinal()));
            }
        }
        return log;
    }

    /**
     * Fills {@code log} with the header, one run of tool {@code cryptopolicy} and one reporting
     * rule per policy rule id (in order: a result's {@code ruleIndex} is its position), each with
     * the full description and help code scanning shows, and returns the run's empty results array.
     */
    static ArrayNode results(ObjectNode log, String toolVersion, Iterable<String> ruleIds) {
        ObjectNode run = run(log, toolVersion);
        ArrayNode rules = ((ObjectNode) run.get("tool").get("driver")).putArray("rules");
        for (String id : ruleIds) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", "refused by policy rule " + id);
            rule.putObject("fullDescription")
                    .put(
                            "text",
                            "A use of cryptography recorded in an inventory is refused by"
                                    + " the candidate policy's rule " + id + ".");
            rule.putObject("help")
                    .put(
                            "text",
                            "Move the calling code to an algorithm or key the policy allows, or change"
                                    + " the rule; 'cryptopolicy explain' shows what the rule decides.");
        }
        return run.putArray("results");
    }

    private static ObjectNode result(Problem p, String reference, int ruleIndex) {
        ObjectNode result = Json.object();
        result.put("ruleId", p.rule());
        result.put("ruleIndex", ruleIndex);
        result.put("level", p.severity() == Severity.ERROR ? "error" : "warning");
        Origin o = p.origin();
        StringBuilder text = new StringBuilder();
        if (o.inReference()) {
            text.append("policy reference '").append(reference).append("': ");
        }
        if (!o.path().isEmpty()) {
            text.append(o.path()).append(": ");
        }
        text.append(p.message());
        if (!p.suggestion().isEmpty()) {
            text.append("; ").append(p.suggestion());
        }
        result.putObject("message").put("text", text.toString());
        // Code scanning takes only results with a location: a problem of the reference itself (or
        // of a built-in default) is placed at the reference, as scan places a built-in rule's finding.
        boolean inFile = !o.inReference() && !o.isBuiltIn();
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(inFile ? o.file() : reference));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", inFile ? Math.max(1, o.line()) : 1);
        if (inFile && o.column() > 0) {
            region.put("startColumn", o.column());
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("reference", reference);
        properties.put("yamlPath", o.path());
        properties.put("value", p.value());
        return result;
    }

    /**
     * The SARIF log for a scan: one reporting rule per policy rule that refuses something, each
     * with a full description and help; one result per finding, located at the target that holds
     * the refused item (the key store, certificate or jar file; for a TLS endpoint the policy file
     * that sets the rule, or the {@code host:port} text when the rule is built in), with the rule's
     * own file and line as a related location.
     */
    static ObjectNode scanLog(List<ScanFinding> findings, String toolVersion) {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode log = Json.object();
        ObjectNode run = run(log, toolVersion);
        ArrayNode rules = ((ObjectNode) run.get("tool").get("driver")).putArray("rules");
        ArrayNode results = run.putArray("results");
        for (ScanFinding f : findings) {
            Integer index = ruleIndex.get(f.rule());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(f.rule(), index);
                rules.add(scanRule(f));
            }
            ObjectNode result = results.addObject();
            result.put("ruleId", f.rule());
            result.put("ruleIndex", index);
            result.put("level", "error");
            result.putObject("message")
                    .put(
                            "text",
                            f.item() + ": " + f.subject() + " " + f.reason() + " (" + f.rule() + ", " + f.where()
                                    + ")");
            boolean atRule = f.endpoint() && !f.origin().isBuiltIn();
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation")
                    .put("uri", uri(atRule ? f.origin().file() : f.target()));
            physical.putObject("region").put("startLine", atRule ? f.origin().line() : 1);
            if (!f.origin().isBuiltIn()) {
                ObjectNode related = result.putArray("relatedLocations").addObject();
                related.put("id", 0);
                related.putObject("message").put("text", "the rule " + f.rule());
                ObjectNode rulePlace = related.putObject("physicalLocation");
                rulePlace
                        .putObject("artifactLocation")
                        .put("uri", uri(f.origin().file()));
                ObjectNode region = rulePlace.putObject("region");
                region.put("startLine", f.origin().line());
                if (f.origin().column() > 0) {
                    region.put("startColumn", f.origin().column());
                }
            }
            ObjectNode properties = result.putObject("properties");
            properties.put("target", f.target());
            properties.put("item", f.item());
            properties.put("kind", f.kind());
            properties.put("policyLocation", f.where());
        }
        return log;
    }

    /** Fills in the log's schema and version and its one run with the tool's driver; returns the run. */
    private static ObjectNode run(ObjectNode log, String toolVersion) {
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "cryptopolicy");
        driver.put("version", toolVersion);
        return run;
    }

    private static ObjectNode scanRule(ScanFinding f) {
        ObjectNode rule = Json.object();
        rule.put("id", f.rule());
        rule.put("name", f.kind());
        rule.putObject("shortDescription").put("text", "refused by policy rule " + f.rule());
        String full = ScanFinding.VALIDITY_RULE.equals(f.rule())
                ? "A certificate in use is outside its validity period."
                : "A " + f.kind() + " in use is refused by the policy rule " + f.rule() + ", written at " + f.where()
                        + ".";
        rule.putObject("fullDescription").put("text", full);
        String help = ScanFinding.VALIDITY_RULE.equals(f.rule())
                ? "Renew the certificate, or remove it from the key store or chain."
                : "Replace the item with one the policy allows (a larger key, an allowed curve, a SHA-2 or"
                        + " stronger signature), or change the rule at " + f.where()
                        + "; 'cryptopolicy explain' shows what the rule decides.";
        rule.putObject("help").put("text", help);
        rule.putObject("defaultConfiguration").put("level", "error");
        return rule;
    }

    /**
     * A URI reference for a file name as the engine reports it: {@code file:} URIs for absolute
     * paths, percent-encoded relative references otherwise (so that {@code a b.yaml} and
     * {@code x:y.yaml} stay valid and unambiguous).
     */
    static String uri(String file) {
        try {
            Path path = Path.of(file);
            if (path.isAbsolute()) {
                return path.toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // Not a path on this system: encode it as text below.
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
