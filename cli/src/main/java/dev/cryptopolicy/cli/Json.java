package dev.cryptopolicy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Problem;
import java.io.PrintStream;
import java.util.List;

/**
 * The JSON output of every command: exactly one pretty-printed document per run, on success and on
 * error, in one envelope:
 * <pre>
 * {
 *   "tool": "cryptopolicy",
 *   "version": "0.1.0",          // Main.version()
 *   "command": "explain",         // the command's name
 *   "ok": true,                   // exitStatus == 0
 *   "exitStatus": 0,              // the process exit status, see ExitStatus
 *   "result": { ... },            // what the command found; null when it could not run
 *   "errors": [ ... ]             // why it could not run; empty when it ran
 * }
 * </pre>
 * An entry of {@code errors} has at least {@code severity}, {@code rule}, {@code message} and
 * {@code text} (the one-line form also printed on stderr); a policy problem adds its location
 * ({@link #problem}). Rules of the command line itself: {@code usage} (exit status 2), {@code io}
 * (2: a file the command was to write or create) and {@code internal} (3: a bug).
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** A new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Prints a document followed by a newline. */
    static void print(PrintStream out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            // Only trees we built ourselves are written; failing here is a bug, not bad input.
            throw new IllegalStateException("cannot write JSON output: " + e.getMessage(), e);
        }
    }

    /**
     * The envelope of every {@code --format json} document.
     *
     * @param command    the command's name, e.g. {@code explain}
     * @param exitStatus the status the command exits with
     * @param result     the command's result, or null when it could not produce one
     * @param errors     why it could not (usage errors, problems of a policy that cannot be loaded)
     */
    static ObjectNode envelope(String command, int exitStatus, JsonNode result, List<? extends JsonNode> errors) {
        ObjectNode root = object();
        root.put("tool", "cryptopolicy");
        root.put("version", Main.version());
        root.put("command", command);
        root.put("ok", exitStatus == ExitStatus.OK);
        root.put("exitStatus", exitStatus);
        root.set("result", result == null ? NullNode.getInstance() : result);
        root.putArray("errors").addAll(errors);
        return root;
    }

    /**
     * An error of the command line rather than of a policy: {@code rule} is {@code usage},
     * {@code io} or {@code internal}; {@code text} is the line printed on stderr.
     */
    static ObjectNode error(String rule, String message, String text) {
        ObjectNode node = object();
        node.put("severity", "error");
        node.put("rule", rule);
        node.put("message", message);
        node.put("text", text);
        return node;
    }

    /** A JSON text that the engine wrote, as a tree to put into a document. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the engine wrote JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A problem with every field, plus its one-line text form ({@link Diagnostics#line}).
     *
     * @param reference the policy reference loaded, named instead of {@code <reference>}
     */
    static ObjectNode problem(Problem p, String reference) {
        ObjectNode node = object();
        node.put("severity", p.severity().label());
        node.put("file", p.origin().file());
        node.put("line", p.origin().line());
        node.put("column", p.origin().column());
        node.put("path", p.origin().path());
        node.put("value", p.value());
        node.put("rule", p.rule());
        node.put("message", p.message());
        node.put("suggestion", p.suggestion());
        node.put("text", Diagnostics.line(p, reference));
        return node;
    }

    /** Where a value was written: file, line, column, YAML path and the {@code file:line:col} form. */
    static ObjectNode origin(Origin o) {
        ObjectNode node = object();
        node.put("file", o.file());
        node.put("line", o.line());
        node.put("column", o.column());
        node.put("path", o.path());
        node.put("location", o.location());
        node.put("builtIn", o.isBuiltIn());
        return node;
    }
}
