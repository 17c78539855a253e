package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import dev.cryptopolicy.engine.yaml.YamlSeq;
import dev.cryptopolicy.engine.yaml.YamlSyntaxException;
import dev.cryptopolicy.testkit.Slow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No policy input makes a load hang, exhaust memory or overflow the stack: devices and FIFOs are
 * refused by type, extends chains, modifiers, lists, values and reported problems are capped, and
 * every hostile input is answered with a located error. The corpus runs in a JVM of 256 MiB.
 */
@Slow
class HostileInputTest {

    /** Wall-clock bound per case: the target is 2 s, this leaves room for a loaded CI machine. */
    private static final long BOUND_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final PolicyLoader loader = TestPolicies.standard().loader();

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private PolicyException refused(String reference) {
        return assertTimeoutPreemptively(
                Duration.ofMillis(BOUND_MILLIS),
                () -> assertThrows(PolicyException.class, () -> loader.load(reference)));
    }

    private static Problem first(PolicyException e, String rule) {
        Problem p = e.problems().get(0);
        assertEquals(rule, p.rule(), e::getMessage);
        assertFalse(p.origin().isBuiltIn(), e::getMessage);
        return p;
    }

    @Test
    void everyHostileInput_isAnsweredWithinItsBound_inA256MiBHeap() throws Exception {
        List<HostileCorpus.Case> cases = HostileCorpus.write(Files.createDirectory(dir.resolve("expected")));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Xss512k",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                HostileCorpus.class.getName(),
                Files.createDirectory(dir.resolve("corpus")).toString()));
        Path out = dir.resolve("out.txt");
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the corpus did not finish in 180 s:\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        System.out.println("hostile corpus, -Xmx256m (case, wall ms, cpu ms, rule, location, problems):\n" + output);
        assertEquals(0, child.exitValue(), output);
        Map<String, String[]> outcomes = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\t");
            if (fields.length == 6) {
                outcomes.put(fields[0], fields);
            }
        }
        for (HostileCorpus.Case c : cases) {
            String[] o = outcomes.get(c.name());
            assertTrue(o != null, () -> c.name() + " gave no answer:\n" + output);
            assertEquals(c.rule(), o[3], () -> c.name() + ":\n" + output);
            assertTrue(Long.parseLong(o[1]) <= BOUND_MILLIS, () -> c.name() + " took " + o[1] + " ms:\n" + output);
            if (!c.rule().equals("ok")) {
                assertTrue(o[4].matches(".+:\\d+:\\d+"), () -> c.name() + " is not located:\n" + output);
            }
        }
    }

    @Test
    void nameOf900000Characters_inADenyRule_isAnsweredWithinItsBound() throws Exception {
        first(refused(HostileCorpus.longName(dir).reference()), "known-algorithm");
    }

    @Test
    void devices_areRefusedByType_asTheFile_andAsTheTargetOfExtends() throws IOException, PolicyException {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            Assumptions.assumeTrue(Files.exists(Path.of(device)), "no " + device + " here");
            Problem direct = first(refused(device), "unreadable");
            assertTrue(direct.message().startsWith("not a regular file: " + device), direct::message);
            assertTrue(refused(device).getClass() == UnreadablePolicyException.class);
            Path child = write("child.yaml", "kind: policy\nextends: " + device + "\n");
            Problem through = first(refused(child.toString()), "unreadable");
            assertEquals(child + ":2:10", through.origin().location());
            assertTrue(through.message().contains("a device, FIFO or socket"), through::message);
        }
        // Control: the same extends of a regular file loads.
        Path child = write("child.yaml", "kind: policy\nextends: " + write("base.yaml", TestPolicies.BASE) + "\n");
        assertEquals(child.toString(), loader.load(child.toString()).name());
    }

    @Test
    void fifo_asTheTargetOfExtends_orAsAModifier_isRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Assumptions.assumeTrue(HostileCorpus.mkfifo(fifo), "no mkfifo here");
        Path child = write("child.yaml", "kind: policy\nextends: pipe.yaml\n");
        Problem p = first(refused(child.toString()), "unreadable");
        assertTrue(p.message().startsWith("not a regular file: " + fifo), p::message);
        first(refused("BASE:" + fifo), "unreadable");
    }

    @Test
    void linkToADevice_isJudgedByWhatItLeadsTo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        Problem p = first(refused(link.toString()), "unreadable");
        assertTrue(p.message().startsWith("not a regular file: " + link), p::message);
    }

    /** {@code c0.yaml} extends {@code c1.yaml} ... {@code c<files-1>.yaml} extends {@code BASE}. */
    private String chain(int files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("chain" + files));
        for (int i = 0; i < files; i++) {
            String next = i == files - 1 ? "BASE" : "c" + (i + 1) + ".yaml";
            Files.writeString(folder.resolve("c" + i + ".yaml"), "kind: policy\nextends: " + next + "\n");
        }
        return folder.resolve("c0.yaml").toString();
    }

    @Test
    void extendsChain_isCappedAt64Policies_withALocatedErrorNamingTheChain() throws IOException, PolicyException {
        // 63 files and BASE: 64 policies, the limit.
        assertEquals(64, loader.load(chain(63)).sources().size());
        Problem p = first(refused(chain(64)), "max-extends-depth");
        assertEquals(dir.resolve("chain64/c63.yaml") + ":2:10", p.origin().location());
        assertEquals("BASE", p.value());
        assertTrue(p.message().contains("longer than " + Limits.MAX_EXTENDS_DEPTH + " files"), p::message);
        assertTrue(
                p.message().contains("c0.yaml -> ")
                        && p.message().contains("(58 more)")
                        && p.message().contains("c63.yaml -> ..."),
                p::message);
    }

    @Test
    void cycle_isStillFoundBeforeTheDepthLimit() throws IOException {
        write("a.yaml", "kind: policy\nextends: b.yaml\n");
        write("b.yaml", "kind: policy\nextends: a.yaml\n");
        assertTrue(first(refused(dir.resolve("a.yaml").toString()), "extends-cycle")
                .message()
                .contains(" -> "));
    }

    @Test
    void modifiers_areCappedAt64PerReference() throws PolicyException {
        assertEquals(64, loader.load("BASE" + ":NO-SHA1".repeat(64)).sources().size() - 1);
        PolicyException e = refused("BASE" + ":NO-SHA1".repeat(65));
        assertTrue(e instanceof UnreadablePolicyException);
        Problem p = first(e, "max-modifiers");
        assertEquals("65", p.value());
        first(refused("BASE" + ":NO-SHA1".repeat(100_000)), "max-modifiers");
    }

    @Test
    void modifiersInAnExtendsReference_areCappedToo() throws IOException {
        Path child = write("child.yaml", "kind: policy\nextends: BASE" + ":NO-SHA1".repeat(65) + "\n");
        assertEquals(
                child + ":2:10",
                first(refused(child.toString()), "max-modifiers").origin().location());
    }

    @Test
    void lists_areCappedAt4096Entries() throws IOException, PolicyException {
        String at = "kind: policy\nextends: BASE\nalgorithms:\n  Signature:\n" + "    - SHA256withRSA\n".repeat(4096);
        assertEquals(
                1,
                loader.load(write("at.yaml", at).toString())
                        .features(ServiceType.SIGNATURE)
                        .size());
        Path over = write("over.yaml", at + "    - SHA256withRSA\n");
        Problem p = first(refused(over.toString()), "max-entries");
        assertEquals(over + ":5:5", p.origin().location());
        assertEquals("4097", p.value());
    }

    @Test
    void denyRules_areCappedAt4096() throws IOException, PolicyException {
        String rule = "  - algorithm: MD5\n";
        String at = "kind: policy\nextends: BASE\ndeny:\n" + rule.repeat(4096);
        loader.load(write("at.yaml", at).toString());
        first(refused(write("over.yaml", at + rule).toString()), "max-entries");
    }

    @Test
    void problems_areCappedAt100_andTheRestCountedAtTheFirstLeftOut() throws IOException {
        StringBuilder names = new StringBuilder("kind: policy\nextends: BASE\nalgorithms:\n  Signature:\n");
        for (int i = 0; i < 150; i++) {
            names.append("    - Unknown").append(i).append('\n');
        }
        Path file = write("unknown.yaml", names.toString());
        PolicyException e = refused(file.toString());
        assertEquals(Limits.MAX_PROBLEMS + 1, e.problems().size());
        Problem more = e.problems().get(Limits.MAX_PROBLEMS);
        assertEquals("max-problems", more.rule());
        assertTrue(more.message().startsWith("and 50 more problems not shown"), more::message);
        assertEquals(
                file + ":" + (5 + Limits.MAX_PROBLEMS) + ":7", more.origin().location());
        // Control: at the limit, every problem is shown and none is about the limit.
        Path hundred = write("hundred.yaml", names.substring(0, names.indexOf("    - Unknown100\n")));
        PolicyException all = refused(hundred.toString());
        assertEquals(Limits.MAX_PROBLEMS, all.problems().size());
        assertTrue(all.problems().stream().noneMatch(p -> p.rule().equals("max-problems")));
    }

    @Test
    void backtrackingGlob_isMatchedInLinearTime() throws IOException {
        Path file = write(
                "glob.yaml",
                "kind: policy\nextends: BASE\ndeny:\n  - algorithm: \"" + "*".repeat(40) + "Q\"\n" + "  - algorithm: \""
                        + "*A".repeat(30) + "*Q\"\n");
        PolicyException e = refused(file.toString());
        assertEquals(2, e.problems().size(), e::getMessage);
        first(e, "known-algorithm");
        // Control: a glob still matches what it names, however many stars it is written with.
        assertTrue(Patterns.globMatches("sha*****WITHrsa", "SHA256withRSA"));
        assertTrue(Patterns.globMatches("*", ""));
        assertFalse(Patterns.globMatches("SHA*withRSA", "SHA256withECDSA"));
        assertFalse(Patterns.globMatches("\u017fHA*", "SHA1"), "no non-ASCII letter stands in for an ASCII one");
    }

    @Test
    void values_areCappedPerFile() throws YamlSyntaxException {
        StrictYamlReader reader = new StrictYamlReader();
        // The list and MAX_VALUES - 1 items: the limit.
        String at = "[" + "1,".repeat(StrictYamlReader.MAX_VALUES - 2) + "1]";
        assertEquals(
                StrictYamlReader.MAX_VALUES - 1,
                ((YamlSeq) reader.read(at.getBytes(StandardCharsets.UTF_8)))
                        .items()
                        .size());
        String over = "[" + "1,".repeat(StrictYamlReader.MAX_VALUES - 1) + "1]";
        YamlSyntaxException e =
                assertThrows(YamlSyntaxException.class, () -> reader.read(over.getBytes(StandardCharsets.UTF_8)));
        assertEquals("max-values", e.rule());
    }
}
