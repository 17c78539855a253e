package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the one JSON document a {@code --format json} run prints, checking its envelope. */
final class Envelope {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Envelope() {}

    /**
     * The whole of stdout as exactly one JSON document (nothing before or after it) with the
     * envelope's fields, whose {@code exitStatus} is the run's.
     */
    static JsonNode document(Cli.Result r, String command) {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(r.out())) {
            root = parser.readValueAsTree();
            assertTrue(root != null && root.isObject(), () -> "no JSON object on stdout:\n" + r);
            assertNull(parser.nextToken(), () -> "more than one JSON document on stdout:\n" + r);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON document:\n" + r, e);
        }
        assertEquals("cryptopolicy", root.path("tool").asText(), r::toString);
        assertEquals(Main.version(), root.path("version").asText(), r::toString);
        assertEquals(command, root.path("command").asText(), r::toString);
        assertEquals(r.status(), root.path("exitStatus").asInt(-1), r::toString);
        assertEquals(r.status() == ExitStatus.OK, root.path("ok").asBoolean(), r::toString);
        assertTrue(root.has("result"), r::toString);
        assertTrue(root.path("errors").isArray(), r::toString);
        return root;
    }

    /** The {@code result} of a run that produced one, with no errors. */
    static JsonNode result(Cli.Result r, String command) {
        JsonNode root = document(r, command);
        assertTrue(root.path("errors").isEmpty(), r::toString);
        assertFalse(root.path("result").isNull(), r::toString);
        return root.path("result");
    }

    /**
     * The errors of a run that could not produce its result: no result, at least one error, the
     * first of the given rule, each with the line printed on stderr.
     */
    static JsonNode assertError(Cli.Result r, String command, int status, String rule) {
        assertEquals(status, r.status(), r::toString);
        JsonNode root = document(r, command);
        assertTrue(root.path("result").isNull(), r::toString);
        JsonNode errors = root.path("errors");
        assertTrue(errors.size() > 0, r::toString);
        assertEquals(rule, errors.get(0).path("rule").asText(), r::toString);
        assertEquals("error", errors.get(0).path("severity").asText(), r::toString);
        for (JsonNode e : errors) {
            assertFalse(e.path("message").asText().isEmpty(), r::toString);
            assertTrue(r.err().contains(e.path("text").asText()), () -> "stderr lacks " + e + "\n" + r);
        }
        return errors;
    }
}
