package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicySource;
import dev.cryptopolicy.engine.PolicyWriter;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import dev.cryptopolicy.engine.yaml.PrecompiledTree;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import dev.cryptopolicy.engine.yaml.YamlNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precompiled form of the shipped files, written by the build, stands for their YAML exactly:
 * the same tree (every key, value, kind and line:column), the same effective policy and the same
 * decision, rule and origin for a battery of requests, for every policy and every policy:modifier;
 * and a form that is not of exactly the YAML at hand is never used.
 */
class PrecompiledPoliciesTest {

    private static final PolicySource CLASSPATH = PolicySource.classpath();

    /** The shipped files as YAML alone, as a source without precompiled forms reads them. */
    static final PolicySource YAML_ONLY = new PolicySource() {
        @Override
        public Optional<byte[]> read(String name) throws IOException {
            return CLASSPATH.read(name);
        }

        @Override
        public List<String> names() {
            return CLASSPATH.names();
        }
    };

    static Stream<String> names() {
        return CLASSPATH.names().stream();
    }

    static Stream<String> references() {
        List<String> references = new ArrayList<>(ShippedPoliciesTest.POLICIES);
        for (String policy : ShippedPoliciesTest.POLICIES) {
            for (String modifier : ShippedPoliciesTest.MODIFIERS) {
                references.add(policy + ":" + modifier);
            }
        }
        references.add("DEFAULT:NO-SHA1:ECDHE-ONLY:PQ");
        return references.stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void theBuildWroteTheTreeOfEveryShippedFile(String name) throws Exception {
        byte[] yaml = CLASSPATH.read(name).orElseThrow();
        byte[] form = CLASSPATH.readPrecompiled(name).orElseThrow(() -> new AssertionError("no " + name + ".tree"));
        YamlNode parsed = new StrictYamlReader().read(yaml);
        assertEquals(parsed, PrecompiledTree.read(form, yaml).orElseThrow());
    }

    @Test
    void aFormOfOtherBytesOrDamagedIsNeverUsed() throws Exception {
        byte[] yaml = CLASSPATH.read("DEFAULT").orElseThrow();
        byte[] form = CLASSPATH.readPrecompiled("DEFAULT").orElseThrow();
        // Control: the form of exactly these bytes is used.
        assertTrue(PrecompiledTree.read(form, yaml).isPresent());
        byte[] edited = yaml.clone();
        edited[edited.length / 2] ^= 1;
        assertEquals(Optional.empty(), PrecompiledTree.read(form, edited), "YAML edited after the build");
        assertEquals(Optional.empty(), PrecompiledTree.read(form, Arrays.copyOf(yaml, yaml.length + 1)), "YAML grown");
        assertEquals(
                Optional.empty(), PrecompiledTree.read(Arrays.copyOf(form, form.length - 1), yaml), "form truncated");
        assertEquals(
                Optional.empty(),
                PrecompiledTree.read(Arrays.copyOf(form, form.length + 1), yaml),
                "form with bytes after");
        byte[] damaged = form.clone();
        damaged[12] = 'X'; // the root's tag
        assertEquals(Optional.empty(), PrecompiledTree.read(damaged, yaml), "form damaged");
    }

    @Test
    void aStaleFormFallsBackToTheYaml() throws Exception {
        // DEFAULT.yaml with one more line at the top than the form was made from: every origin
        // moves down one line when the YAML, not the form, is what the load reads.
        byte[] original = CLASSPATH.read("DEFAULT").orElseThrow();
        byte[] edited = new byte[original.length + 1];
        edited[0] = '\n';
        System.arraycopy(original, 0, edited, 1, original.length);
        AtomicInteger formsRead = new AtomicInteger();
        PolicySource stale = new PolicySource() {
            @Override
            public Optional<byte[]> read(String name) throws IOException {
                return name.equals("DEFAULT") ? Optional.of(edited) : CLASSPATH.read(name);
            }

            @Override
            public List<String> names() {
                return CLASSPATH.names();
            }

            @Override
            public Optional<byte[]> readPrecompiled(String name) throws IOException {
                formsRead.incrementAndGet();
                return CLASSPATH.readPrecompiled(name);
            }
        };
        Decision fresh = PolicyLoader.standard().load("DEFAULT").decide(ServiceType.MESSAGE_DIGEST, "MD5", Scope.ANY);
        Decision fromStale =
                new PolicyLoader(stale).load("DEFAULT").decide(ServiceType.MESSAGE_DIGEST, "MD5", Scope.ANY);
        assertEquals(1, formsRead.get(), "the form was offered");
        assertEquals(
                fresh.origin().line() + 1,
                fromStale.origin().line(),
                fromStale.origin().toString());
    }

    @ParameterizedTest
    @MethodSource("references")
    void decidesExactlyAsTheYaml(String reference) throws PolicyException {
        CompiledPolicy precompiled = PolicyLoader.standard().load(reference);
        CompiledPolicy yaml = new PolicyLoader(YAML_ONLY).load(reference);
        assertEquals(PolicyWriter.json(yaml), PolicyWriter.json(precompiled));
        assertEquals(yaml.warnings(), precompiled.warnings());
        assertEquals(yaml.sources(), precompiled.sources());
        int compared = 0;
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        for (Scope scope : Scope.values()) {
            for (ServiceType service : ServiceType.values()) {
                for (Algorithm a : catalog.algorithms(service)) {
                    same(
                            yaml.decide(service, a.name(), scope),
                            precompiled.decide(service, a.name(), scope),
                            service + " " + a.name());
                    compared++;
                }
                same(
                        yaml.decide(service, "NoSuchAlgorithm", scope),
                        precompiled.decide(service, "NoSuchAlgorithm", scope),
                        "unknown");
            }
            for (String family : List.of("RSA", "DSA", "DH", "EC", "AES", "HmacSHA256")) {
                for (int bits : new int[] {64, 112, 128, 256, 1024, 2048, 3072, 4096}) {
                    same(
                            yaml.decideKey(family, bits, null, scope),
                            precompiled.decideKey(family, bits, null, scope),
                            family + bits);
                    compared++;
                }
            }
            for (Curve c : catalog.curves()) {
                same(
                        yaml.decideKey("EC", c.bits(), c.name(), scope),
                        precompiled.decideKey("EC", c.bits(), c.name(), scope),
                        c.name());
                compared++;
            }
        }
        for (TlsKind kind : TlsKind.values()) {
            for (TlsName t : catalog.tls(kind)) {
                same(yaml.decideTls(kind, t.name()), precompiled.decideTls(kind, t.name()), kind + " " + t.name());
                compared++;
            }
        }
        assertTrue(compared > 500, "a battery, not a sample: " + compared);
    }

    @Test
    void originsStillNameTheYamlSource() throws PolicyException {
        Decision md5 = PolicyLoader.standard().load("DEFAULT").decide(ServiceType.MESSAGE_DIGEST, "MD5", Scope.ANY);
        assertFalse(md5.allowed());
        assertEquals("DEFAULT.yaml", md5.origin().file());
        assertTrue(md5.origin().line() > 1, md5.origin().toString());
    }

    private static void same(Decision yaml, Decision precompiled, String what) {
        assertEquals(yaml.allowed(), precompiled.allowed(), what);
        assertEquals(yaml.rule(), precompiled.rule(), what);
        assertEquals(yaml.origin(), precompiled.origin(), what);
        assertEquals(yaml.reason(), precompiled.reason(), what);
        assertEquals(yaml.policy(), precompiled.policy(), what);
    }
}
