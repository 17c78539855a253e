package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contracts every command keeps (README, "Command-line reference"): exit status 0 on success,
 * 1 for a policy with errors, 2 for a usage error or input that cannot be read; and with
 * {@code --format json} exactly one JSON document on stdout, in one envelope, whatever happens.
 */
class OptionCommandTest {

    /** Each command's arguments for one policy reference, doing something that succeeds under DEFAULT. */
    private static final Map<String, Function<String, List<String>>> COMMANDS = Map.of(
            "lint", ref -> List.of("lint", ref),
            "show", ref -> List.of("show", ref),
            "explain",
                    ref -> List.of("explain", "--policy", ref, "--service", "MessageDigest", "--algorithm", "SHA-256"),
            "export", ref -> List.of("export", "--policy", ref),
            "probe", ref -> List.of("probe", "--policy", ref),
            "matrix", ref -> List.of("matrix", "--policy", ref));

    @TempDir
    Path dir;

    private String missing;
    private String broken;
    private String directory;

    @BeforeEach
    void files() throws IOException {
        missing = dir.resolve("absent.yaml").toString();
        broken = Files.writeString(
                        dir.resolve("broken.yaml"),
                        "kind: policy\nextends: DEFAULT\nkeys:\n  rsa: {min_bits: \"2048\"}\n")
                .toString();
        directory = Files.createDirectory(dir.resolve("folder.yaml")).toString();
    }

    private static Cli.Result run(String command, String reference, String... extra) {
        List<String> args = new ArrayList<>(COMMANDS.get(command).apply(reference));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0])).assertNoStackTrace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "export", "probe", "matrix"})
    void missingFile_orDirectory_exitsTwo(String command) {
        for (String reference : List.of(missing, directory, "DEFAUL", "DEFAULT:NO-SHA11")) {
            Cli.Result r = run(command, reference);
            assertEquals(ExitStatus.USAGE, r.status(), r::toString);
            assertTrue(r.all().contains(reference), r::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "export", "probe", "matrix"})
    void policyWithErrors_exitsOne_withTheErrorsFileLineColumn(String command) {
        Cli.Result r = run(command, broken);
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertTrue(r.all().contains(broken + ":4:19: error: keys.rsa.min_bits: "), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "export", "probe", "matrix"})
    void unknownOption_exitsTwo_withAPointerToTheHelp(String command) {
        Cli.Result r = run(command, "DEFAULT", "--bogus");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("cryptopolicy " + command + ": unknown option '--bogus'"), r::toString);
        assertTrue(r.err().contains("try 'cryptopolicy " + command + " --help'"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "export", "probe"})
    void success_exitsZero(String command) {
        Cli.Result r = run(command, "DEFAULT");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertFalse(r.out().isEmpty(), r::toString);
    }

    // ---- --format json: one document, one envelope -------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"show", "explain", "probe", "matrix"})
    void json_ofAPolicyThatCannotBeRead_isOneDocumentWithTheProblem(String command) {
        Cli.Result r = run(command, missing, "--format", "json");
        JsonNode errors = Envelope.assertError(r, command, ExitStatus.USAGE, "unreadable");
        // The value is the engine's short excerpt of the path; the message names the whole path.
        assertEquals(
                dev.cryptopolicy.engine.Quote.excerpt(missing),
                errors.get(0).path("value").asText(),
                r::toString);
        assertTrue(errors.get(0).path("message").asText().contains(missing), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "explain", "probe", "matrix"})
    void json_ofAPolicyWithErrors_isOneDocumentWithEveryProblemLocated(String command) {
        Cli.Result r = run(command, broken, "--format", "json");
        JsonNode errors = Envelope.assertError(r, command, ExitStatus.FAILED, "type");
        JsonNode first = errors.get(0);
        assertEquals(broken, first.path("file").asText(), r::toString);
        assertEquals(4, first.path("line").asInt(), r::toString);
        assertEquals(19, first.path("column").asInt(), r::toString);
        assertEquals("keys.rsa.min_bits", first.path("path").asText(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "probe", "matrix"})
    void json_ofAUsageError_isOneDocument_inEveryFormOfTheOption(String command) {
        for (String[] format : List.of(
                new String[] {"--format", "json"},
                new String[] {"--format=json"},
                new String[] {"-f", "json"},
                new String[] {"-fjson"},
                new String[] {"--format", "JSON"})) {
            List<String> extra = new ArrayList<>(List.of(format));
            extra.add("--bogus");
            Cli.Result r = run(command, "DEFAULT", extra.toArray(new String[0]));
            JsonNode errors = Envelope.assertError(r, command, ExitStatus.USAGE, "usage");
            assertTrue(errors.get(0).path("message").asText().contains("unknown option '--bogus'"), r::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "show", "explain", "probe"})
    void json_ofASuccess_isOneDocumentWithTheResult(String command) {
        Cli.Result r = run(command, "DEFAULT", "--format", "json");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(Envelope.result(r, command).isObject(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void json_ofADenial_hasTheResult_andExitsOne() {
        Cli.Result r = Cli.run(
                "explain",
                "--policy",
                "DEFAULT",
                "--service",
                "Signature",
                "--algorithm",
                "SHA1withRSA",
                "--format",
                "json");
        assertEquals(ExitStatus.FAILED, r.status(), r::toString);
        assertEquals("DENY", Envelope.result(r, "explain").path("verdict").asText(), r::toString);
    }

    @Test
    void json_ofLint_reportsUnreadableAndBrokenPoliciesInItsResult() {
        Cli.Result r = Cli.run("lint", "--format", "json", broken, missing);
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        JsonNode policies = Envelope.result(r, "lint").path("policies");
        assertEquals("errors", policies.get(0).path("status").asText(), r::toString);
        assertEquals("unreadable", policies.get(1).path("status").asText(), r::toString);
        Cli.Result one = Cli.run("lint", "--format", "json", broken);
        assertEquals(ExitStatus.FAILED, one.status(), one::toString);
        Envelope.result(one, "lint");
    }

    @Test
    void textFormats_andHelp_printNoJson() {
        Cli.Result r = Cli.run("show", missing, "--format", "yaml");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(
                ExitStatus.USAGE, Cli.run("show", "DEFAULT", "--format", "xml").status());
        assertEquals("", Cli.run("show", "DEFAULT", "--format", "xml").out());
    }

    /** A command with --format json whose execute fails as given, for the failures no shipped command can be made to hit. */
    private static OptionCommand failing(java.util.concurrent.Callable<Integer> body) {
        return new OptionCommand() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public String summary() {
                return "fail";
            }

            @Override
            String synopsis() {
                return "[--format text|json]";
            }

            @Override
            String description() {
                return "exit status: whatever the body returns";
            }

            @Override
            boolean hasJson() {
                return true;
            }

            @Override
            org.apache.commons.cli.Options options() {
                return new org.apache.commons.cli.Options().addOption(formatOption("text", "text", "json"));
            }

            @Override
            int execute(org.apache.commons.cli.CommandLine line, java.io.PrintStream out, java.io.PrintStream err)
                    throws UsageException, CommandFailure {
                try {
                    return body.call();
                } catch (UsageException | CommandFailure | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
    }

    private static Cli.Result runDirectly(OptionCommand command, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status;
        try (java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
                java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
            try {
                status = command.run(List.of(args), o, e);
            } catch (IllegalStateException bug) {
                e.println(Main.internalError(bug)); // what Main.run does with it
                status = ExitStatus.INTERNAL_ERROR;
            }
        }
        return new Cli.Result(
                status,
                out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void json_ofAnOutputThatCannotBeWritten_isOneDocumentWithAnIoError() {
        Cli.Result r = runDirectly(
                failing(() -> {
                    throw CommandFailure.io("cannot write 'x.security': permission denied");
                }),
                "--format",
                "json");
        Envelope.assertError(r, "failing", ExitStatus.USAGE, "io");
        assertTrue(r.err().contains("cryptopolicy failing: cannot write 'x.security': permission denied"), r::toString);
    }

    @Test
    void json_ofABug_isOneDocumentWithAnInternalError_andTheBugStillReachesMain() {
        Cli.Result r = runDirectly(
                failing(() -> {
                    throw new IllegalStateException("impossible state");
                }),
                "--format",
                "json");
        JsonNode errors = Envelope.assertError(r, "failing", ExitStatus.INTERNAL_ERROR, "internal");
        assertTrue(errors.get(0).path("message").asText().contains("impossible state"), r::toString);
        Cli.Result text = runDirectly(failing(() -> {
            throw new IllegalStateException("impossible state");
        }));
        assertEquals("", text.out(), text::toString);
    }

    @Test
    void asksForJson_readsEveryFormTheParserTakes_andStopsAtDoubleDash() {
        assertTrue(OptionCommand.asksForJson(List.of("--format", "json")));
        assertTrue(OptionCommand.asksForJson(List.of("x", "--format=JSON")));
        assertTrue(OptionCommand.asksForJson(List.of("-f", "json")));
        assertTrue(OptionCommand.asksForJson(List.of("-fjson")));
        assertFalse(OptionCommand.asksForJson(List.of("--format", "yaml")));
        assertFalse(OptionCommand.asksForJson(List.of("--format")));
        assertFalse(OptionCommand.asksForJson(List.of("--", "--format", "json")));
        assertFalse(OptionCommand.asksForJson(List.of("json")));
    }
}
