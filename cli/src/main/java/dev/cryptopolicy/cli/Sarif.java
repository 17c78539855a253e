package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Problem;
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
 * engine rule id, one result per problem with its file, line and column.
 */
final class Sarif {

    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {
    }

    /** The SARIF log for a lint run. */
    static ObjectNode log(List<LintResult> results, String toolVersion) {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (LintResult r : results) {
            for (Problem p : r.problems()) {
                ruleIndex.putIfAbsent(p.rule(), ruleIndex.size());
            }
        }
        ObjectNode log = Json.object();
        ArrayNode out = results(log, toolVersion, ruleIndex.keySet());
        for (LintResult r : results) {
            for (Problem p : r.problems()) {
                out.add(result(p, r.reference(), ruleIndex.get(p.rule())));
            }
        }
        return log;
    }

    /**
     * Fills {@code log} with the header, one run of tool {@code cryptopolicy} and one reporting
     * rule per id (in order: a result's {@code ruleIndex} is its position), and returns the run's
     * empty results array.
     */
    static ArrayNode results(ObjectNode log, String toolVersion, Iterable<String> ruleIds) {
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "cryptopolicy");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        for (String id : ruleIds) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", "cryptopolicy policy rule '" + id + "'");
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
        if (Diagnostics.REFERENCE_FILE.equals(o.file())) {
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
        if (!Diagnostics.REFERENCE_FILE.equals(o.file()) && !o.isBuiltIn()) {
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(o.file()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", o.line());
            if (o.column() > 0) {
                region.put("startColumn", o.column());
            }
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("reference", reference);
        properties.put("yamlPath", o.path());
        properties.put("value", p.value());
        return result;
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
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
