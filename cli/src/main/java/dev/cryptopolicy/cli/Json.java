package dev.cryptopolicy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Problem;
import java.io.PrintStream;

/** The JSON output of every command: one pretty-printed document per run. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

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

    /** A problem with every field, plus its one-line text form. */
    static ObjectNode problem(Problem p) {
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
        node.put("text", p.format());
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
