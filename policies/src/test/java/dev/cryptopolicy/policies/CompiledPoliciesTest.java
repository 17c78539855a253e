package dev.cryptopolicy.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicySource;
import dev.cryptopolicy.engine.PolicyWriter;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.Entry;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped policy loaded by its name comes from the compiled form the build wrote
 * ({@code NAME.compiled}) and decides exactly as its YAML compiled at run time: every catalog name
 * and alias in several spellings for every service type and scope, keys over a grid of families,
 * sizes and curves, every TLS protocol, suite, group and scheme, the warnings, the effective
 * policy's JSON and YAML forms (the start-up line's digest is the SHA-256 of the JSON) and every
 * refusal's text with its file:line:col.
 */
class CompiledPoliciesTest {

    private static final PolicySource CLASSPATH = PolicySource.classpath();

    /** The class path's files, counting the YAML trees read: a compiled form reads none. */
    private static final class Counting implements PolicySource {
        final AtomicInteger trees = new AtomicInteger();

        @Override
        public Optional<byte[]> read(String name) throws IOException {
            return CLASSPATH.read(name);
        }

        @Override
        public List<String> names() {
            return CLASSPATH.names();
        }

        @Override
        public Optional<byte[]> readPrecompiled(String name) throws IOException {
            trees.incrementAndGet();
            return CLASSPATH.readPrecompiled(name);
        }

        @Override
        public Optional<byte[]> readCompiled(String name) throws IOException {
            return CLASSPATH.readCompiled(name);
        }
    }

    static List<String> policies() {
        return ShippedPoliciesTest.POLICIES;
    }

    @Test
    void theBuildWroteTheFormOfEveryPolicy_andOfNoModifier() throws IOException {
        for (String policy : ShippedPoliciesTest.POLICIES) {
            assertTrue(CLASSPATH.readCompiled(policy).isPresent(), policy);
        }
        for (String modifier : ShippedPoliciesTest.MODIFIERS) {
            assertEquals(Optional.empty(), CLASSPATH.readCompiled(modifier), modifier);
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void aShippedNameIsLoadedFromItsForm_aModifiedOneIsCompiled(String policy) throws Exception {
        Counting source = new Counting();
        new PolicyLoader(source).load(policy);
        assertEquals(0, source.trees.get(), policy + " composed nothing");
        // Control: the same source compiles a reference with a modifier, reading the trees.
        new PolicyLoader(source).load(policy + ":NO-SHA1");
        assertTrue(source.trees.get() >= 2, policy + ":NO-SHA1 read " + source.trees.get() + " trees");
    }

    @ParameterizedTest
    @MethodSource("policies")
    void decidesExactlyAsItsYaml(String policy) throws Exception {
        CompiledPolicy form = PolicyLoader.standard().load(policy);
        CompiledPolicy yaml = new PolicyLoader(PrecompiledPoliciesTest.YAML_ONLY).load(policy);
        assertEquals(PolicyWriter.json(yaml), PolicyWriter.json(form), "the JSON form, digested at start-up");
        // The digest the form carries for the start-up line is the one of the YAML's JSON form.
        assertEquals(sha256(PolicyWriter.json(yaml)), form.knownJsonSha256(), policy);
        assertNull(yaml.knownJsonSha256(), "compiled here: the caller digests it");
        assertNull(new PolicyLoader(PrecompiledPoliciesTest.YAML_ONLY)
                .load(policy + ":NO-SHA1")
                .knownJsonSha256());
        assertEquals(PolicyWriter.yaml(yaml), PolicyWriter.yaml(form));
        assertEquals(yaml.name(), form.name());
        assertEquals(yaml.mode(), form.mode());
        assertEquals(yaml.description(), form.description());
        assertEquals(yaml.sources(), form.sources());
        assertEquals(yaml.replacesHostRestrictions(), form.replacesHostRestrictions());
        assertEquals(yaml.tls(), form.tls());
        assertEquals(yaml.backends(), form.backends());
        assertEquals(texts(yaml.warnings()), texts(form.warnings()));
        assertEquals(yaml.warnings(), form.warnings());

        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        int compared = 0;
        for (ServiceType service : ServiceType.values()) {
            assertEquals(yaml.features(service), form.features(service), service.toString());
            List<String> names = new ArrayList<>(List.of("NoSuchAlgorithm", ""));
            for (Entry a : catalog.algorithms(service)) {
                names.addAll(spellings(a));
            }
            for (String name : names) {
                for (Scope scope : Scope.values()) {
                    same(yaml.decide(service, name, scope), form.decide(service, name, scope), service + " " + name);
                    compared++;
                }
            }
        }
        List<String> keyAlgorithms = new ArrayList<>(List.of(
                "RSA",
                "RSASSA-PSS",
                "DSA",
                "DH",
                "EC",
                "XDH",
                "X25519",
                "Ed25519",
                "Ed448",
                "AES",
                "DESede",
                "DES",
                "RC4",
                "HmacSHA256",
                "ML-KEM",
                "rsa",
                "1.2.840.113549.1.1.1",
                "NoSuchKey"));
        // Keys on every curve by its name and aliases as written; curveAllowed below in every spelling.
        List<String> curves = new ArrayList<>();
        curves.add(null);
        List<String> curveSpellings = new ArrayList<>();
        for (Curve c : catalog.curves()) {
            curves.add(c.name());
            curves.addAll(c.aliases());
            curveSpellings.addAll(spellings(c));
        }
        for (Scope scope : Scope.values()) {
            for (String key : keyAlgorithms) {
                for (int bits : new int[] {
                    0, 56, 64, 80, 112, 128, 160, 192, 224, 256, 384, 512, 521, 1024, 1536, 2048, 3072, 4096, 8192
                }) {
                    for (String curve : curves) {
                        same(
                                yaml.decideKey(key, bits, curve, scope),
                                form.decideKey(key, bits, curve, scope),
                                key + " " + bits + " " + curve + " " + scope);
                        compared++;
                    }
                }
            }
            for (KeyFamily family : KeyFamily.values()) {
                assertEquals(yaml.minKeyBits(family, scope), form.minKeyBits(family, scope), family + " " + scope);
            }
        }
        for (String key : keyAlgorithms) {
            same(yaml.decideUnmeasuredKey(key), form.decideUnmeasuredKey(key), "unmeasured " + key);
        }
        for (String curve : curveSpellings) {
            assertEquals(yaml.curveAllowed(curve), form.curveAllowed(curve), curve);
        }
        for (TlsKind kind : TlsKind.values()) {
            List<String> names = new ArrayList<>(List.of("TLS_NO_SUCH_NAME"));
            for (Entry t : catalog.tls(kind)) {
                names.addAll(spellings(t));
            }
            for (String name : names) {
                same(yaml.decideTls(kind, name), form.decideTls(kind, name), kind + " " + name);
                compared++;
            }
        }
        assertTrue(compared > 20_000, "a battery, not a sample: " + compared);
    }

    /** The name and every alias, as written, in upper and in lower case. */
    private static Set<String> spellings(Entry e) {
        Set<String> out = new LinkedHashSet<>();
        List<String> written = new ArrayList<>(e.aliases());
        written.add(0, e.name());
        for (String s : written) {
            out.add(s);
            out.add(s.toUpperCase(Locale.ROOT));
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> texts(List<Problem> problems) {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.format());
        }
        return out;
    }

    private static void same(Decision yaml, Decision form, String what) {
        assertEquals(yaml.allowed(), form.allowed(), what);
        assertEquals(yaml.rule(), form.rule(), what);
        assertEquals(yaml.origin(), form.origin(), what);
        assertEquals(yaml.origin().location(), form.origin().location(), what);
        assertEquals(yaml.reason(), form.reason(), what);
        assertEquals(yaml.policy(), form.policy(), what);
        assertEquals(yaml.explain("the request"), form.explain("the request"), what);
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
