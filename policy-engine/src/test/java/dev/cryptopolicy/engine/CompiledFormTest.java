package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled form of a shipped policy ({@link CompiledForm}) read back is the policy the
 * compiler made, part by part (settings, key table, every decision, TLS, backends, warnings); and
 * a form that is damaged, truncated, of another engine, for another reference or of other YAML is
 * never read, the loader then compiling the YAML.
 */
class CompiledFormTest {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.standard();

    /** The shipped files of the checkout, as the policies build reads them. */
    static final PolicySource SHIPPED = CompiledForm.folder(
            PolicySchemaTest.checkout().resolve("policies/src/main/resources").resolve(PolicySource.RESOURCE_FOLDER));

    static Stream<String> policies() {
        return Stream.of("DEFAULT", "FIPS", "FUTURE", "LEGACY");
    }

    private static CompiledPolicy compiled(String name) throws PolicyException {
        return new PolicyLoader(SHIPPED).compile(name);
    }

    private static byte[] form(String name) throws Exception {
        return CompiledForm.write(compiled(name), SHIPPED, CATALOG);
    }

    @ParameterizedTest
    @MethodSource("policies")
    void readsBackThePolicyTheCompilerMade(String name) throws Exception {
        CompiledPolicy made = compiled(name);
        CompiledPolicy read = CompiledForm.read(CompiledForm.write(made, SHIPPED, CATALOG), name, SHIPPED, CATALOG)
                .orElseThrow(() -> new AssertionError("the form of " + name + " was not read"));
        assertEquals(made.name(), read.name());
        assertEquals(made.mode(), read.mode());
        assertEquals(made.description(), read.description());
        assertEquals(made.sources(), read.sources());
        assertEquals(made.settings(), read.settings());
        assertEquals(made.tls(), read.tls());
        assertEquals(made.backends(), read.backends());
        assertEquals(made.warnings(), read.warnings());
        assertEquals(PolicyWriter.json(made), PolicyWriter.json(read));
        assertEquals(PolicyWriter.yaml(made), PolicyWriter.yaml(read));

        CompiledPolicy.KeyTable a = made.keyTable();
        CompiledPolicy.KeyTable b = read.keyTable();
        assertTrue(Arrays.deepEquals(a.minBits(), b.minBits()));
        for (int f = 0; f < a.deny().length; f++) {
            for (int s = 0; s < a.deny()[f].length; s++) {
                same(a.deny()[f][s], b.deny()[f][s], "deny " + f + " " + s);
                same(a.allow()[f][s], b.allow()[f][s], "allow " + f + " " + s);
            }
        }
        for (int s = 0; s < a.curveDeny().length; s++) {
            same(a.curveDeny()[s], b.curveDeny()[s], "curve " + s);
        }
        same(a.unconstrained(), b.unconstrained(), "unconstrained");
        same(a.unmeasured(), b.unmeasured(), "unmeasured");

        int decisions = 0;
        for (ServiceType type : ServiceType.values()) {
            Map<Algorithm, Decision[]> x = made.decisionsByAlgorithm().get(type);
            Map<Algorithm, Decision[]> y = read.decisionsByAlgorithm().get(type);
            assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()), type.toString());
            for (Algorithm alg : x.keySet()) {
                for (int s = 0; s < x.get(alg).length; s++) {
                    same(x.get(alg)[s], y.get(alg)[s], type + " " + alg.name() + " " + s);
                    decisions++;
                }
            }
            assertEquals(made.features(type), read.features(type), type.toString());
        }
        assertEquals(
                made.tlsDecisionsByName().keySet(), read.tlsDecisionsByName().keySet());
        for (Map.Entry<TlsName, Decision> t : made.tlsDecisionsByName().entrySet()) {
            same(
                    t.getValue(),
                    read.tlsDecisionsByName().get(t.getKey()),
                    t.getKey().name());
        }
        assertTrue(decisions > 1000, "every decision, not a sample: " + decisions);
    }

    @Test
    void aWholeFormOfThisEngine_isRead_andAnyDamagedByteIsNot() throws Exception {
        byte[] form = form("DEFAULT");
        // Control: the form as written is read.
        assertTrue(CompiledForm.read(form, "DEFAULT", SHIPPED, CATALOG).isPresent());
        for (int at = 0; at < form.length; at += Math.max(1, form.length / 257)) {
            byte[] damaged = form.clone();
            damaged[at] ^= 0x10;
            assertEquals(Optional.empty(), CompiledForm.read(damaged, "DEFAULT", SHIPPED, CATALOG), "byte " + at);
        }
        for (int length : new int[] {0, 3, 4, 20, form.length / 2, form.length - 1}) {
            assertEquals(
                    Optional.empty(),
                    CompiledForm.read(Arrays.copyOf(form, length), "DEFAULT", SHIPPED, CATALOG),
                    "truncated to " + length);
        }
        assertEquals(
                Optional.empty(),
                CompiledForm.read(Arrays.copyOf(form, form.length + 1), "DEFAULT", SHIPPED, CATALOG),
                "a byte after");
    }

    @Test
    void aFormOfAnotherEngineOrReference_isNotRead() throws Exception {
        CompiledPolicy made = compiled("DEFAULT");
        byte[] other = CompiledForm.write(made, SHIPPED, CATALOG, CompiledForm.ENGINE + 1);
        assertEquals(Optional.empty(), CompiledForm.read(other, "DEFAULT", SHIPPED, CATALOG), "another engine");
        // Control: the same policy written by this engine is read.
        assertTrue(CompiledForm.read(
                        CompiledForm.write(made, SHIPPED, CATALOG, CompiledForm.ENGINE), "DEFAULT", SHIPPED, CATALOG)
                .isPresent());
        assertEquals(Optional.empty(), CompiledForm.read(form("FUTURE"), "DEFAULT", SHIPPED, CATALOG), "FUTURE's");
    }

    @Test
    void aFormOfOtherYaml_isNotRead_evenAFileItExtends() throws Exception {
        byte[] future = form("FUTURE");
        PolicySource editedDefault = edited("DEFAULT", yaml -> yaml + "\n# edited after the build\n");
        assertEquals(Optional.empty(), CompiledForm.read(future, "FUTURE", editedDefault, CATALOG), "DEFAULT edited");
        PolicySource editedFuture = edited("FUTURE", yaml -> yaml.replace("min_bits: 3072", "min_bits: 4096"));
        assertEquals(Optional.empty(), CompiledForm.read(future, "FUTURE", editedFuture, CATALOG), "FUTURE edited");
        PolicySource noDefault = edited("DEFAULT", yaml -> null);
        assertEquals(Optional.empty(), CompiledForm.read(future, "FUTURE", noDefault, CATALOG), "DEFAULT gone");
        // Control: the same YAML, another source object: read.
        assertTrue(CompiledForm.read(future, "FUTURE", edited("DEFAULT", yaml -> yaml), CATALOG)
                .isPresent());
    }

    @Test
    void theLoaderReadsTheForm_forTheShippedNameAsWritten_only() throws Exception {
        Counting source = new Counting(SHIPPED, form("DEFAULT"));
        PolicyLoader loader = new PolicyLoader(source);
        CompiledPolicy fromForm = loader.load("DEFAULT");
        assertEquals(0, source.trees.get(), "nothing composed");
        assertEquals(PolicyWriter.json(compiled("DEFAULT")), PolicyWriter.json(fromForm));
        // Controls: another spelling, a modifier and a form that is not whole are compiled.
        for (String reference : List.of("default", "DEFAULT:NO-SHA1", "Default")) {
            int before = source.trees.get();
            CompiledPolicy c = loader.load(reference);
            assertEquals(reference, c.name());
            assertTrue(source.trees.get() > before, reference + " was compiled");
        }
        byte[] truncated = form("DEFAULT");
        Counting damaged = new Counting(SHIPPED, Arrays.copyOf(truncated, truncated.length - 8));
        CompiledPolicy compiled = new PolicyLoader(damaged).load("DEFAULT");
        assertEquals(1, damaged.trees.get(), "compiled from the YAML");
        assertEquals(PolicyWriter.json(fromForm), PolicyWriter.json(compiled));
    }

    @Test
    void theLoaderCompilesTheYaml_whenTheFormIsStale() throws Exception {
        byte[] form = form("DEFAULT");
        // DEFAULT.yaml with one more line at the top: every origin of the YAML moves down one line.
        PolicySource moved = edited("DEFAULT", yaml -> "\n" + yaml);
        Counting source = new Counting(moved, form);
        Decision md5 = new PolicyLoader(source).load("DEFAULT").decide(ServiceType.MESSAGE_DIGEST, "MD5", Scope.ANY);
        Decision before = compiled("DEFAULT").decide(ServiceType.MESSAGE_DIGEST, "MD5", Scope.ANY);
        assertFalse(md5.allowed());
        assertEquals(
                before.origin().line() + 1, md5.origin().line(), md5.origin().toString());
        assertNotEquals(0, source.trees.get());
    }

    private static PolicySource edited(String name, java.util.function.UnaryOperator<String> edit) {
        return new PolicySource() {
            @Override
            public Optional<byte[]> read(String file) throws IOException {
                Optional<byte[]> bytes = SHIPPED.read(file);
                if (!file.equals(name) || bytes.isEmpty()) {
                    return bytes;
                }
                String changed = edit.apply(new String(bytes.get(), StandardCharsets.UTF_8));
                return changed == null ? Optional.empty() : Optional.of(changed.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public List<String> names() {
                return SHIPPED.names();
            }
        };
    }

    /** A source with one compiled form for DEFAULT that counts the reads of the YAML trees, i.e. compilations. */
    private static final class Counting implements PolicySource {
        private final PolicySource files;
        private final byte[] form;
        final AtomicInteger trees = new AtomicInteger();

        Counting(PolicySource files, byte[] form) {
            this.files = files;
            this.form = form;
        }

        @Override
        public Optional<byte[]> read(String name) throws IOException {
            return files.read(name);
        }

        @Override
        public List<String> names() {
            return files.names();
        }

        @Override
        public Optional<byte[]> readPrecompiled(String name) {
            trees.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> readCompiled(String name) {
            return name.equals("DEFAULT") ? Optional.of(form) : Optional.empty();
        }
    }

    private static void same(Decision x, Decision y, String what) {
        if (x == null || y == null) {
            assertEquals(x, y, what);
            return;
        }
        assertEquals(x.allowed(), y.allowed(), what);
        assertEquals(x.rule(), y.rule(), what);
        assertEquals(x.origin(), y.origin(), what);
        assertEquals(x.reason(), y.reason(), what);
        assertEquals(x.policy(), y.policy(), what);
        assertEquals(x.explain("it"), y.explain("it"), what);
    }

    /** What composes and compiles a policy, and the YAML stack: none of it runs for a compiled form. */
    private static final List<String> COMPILING = List.of(
            Composer.class.getName(),
            Compiler.class.getName(),
            TlsCompiler.class.getName(),
            FirstDenyRules.class.getName(),
            Patterns.class.getName(),
            DocumentParser.class.getName(),
            Lint.class.getName(),
            dev.cryptopolicy.engine.yaml.PrecompiledTree.class.getName(),
            dev.cryptopolicy.engine.yaml.StrictYamlReader.class.getName());

    private static List<String> compiling(List<String> classes) {
        return classes.stream()
                .filter(c -> COMPILING.contains(c) || c.startsWith("com.fasterxml.") || c.startsWith("org.yaml."))
                .toList();
    }

    @Test
    void loadingAShippedPolicyFromItsForm_loadsNothingThatCompiles(@TempDir Path dir) throws Exception {
        // The shipped files as the policies jar holds them: YAML, trees and DEFAULT's compiled form.
        Path folder = Files.createDirectories(dir.resolve(PolicySource.RESOURCE_FOLDER));
        for (String name : SHIPPED.names()) {
            byte[] yaml = SHIPPED.read(name).orElseThrow();
            Files.write(folder.resolve(name + ".yaml"), yaml);
            Files.write(
                    folder.resolve(name + dev.cryptopolicy.engine.yaml.PrecompiledTree.EXTENSION),
                    dev.cryptopolicy.engine.yaml.PrecompiledTree.write(yaml));
        }
        Files.writeString(folder.resolve("index.txt"), String.join("\n", SHIPPED.names()) + "\n");
        Files.write(folder.resolve("DEFAULT" + CompiledForm.EXTENSION), form("DEFAULT"));
        URL[] urls = {
            RecordingClassLoader.location(PolicyLoader.class),
            RecordingClassLoader.location(com.fasterxml.jackson.core.JsonFactory.class),
            RecordingClassLoader.location(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class),
            RecordingClassLoader.location(org.yaml.snakeyaml.LoaderOptions.class),
            dir.toUri().toURL(),
        };
        try (RecordingClassLoader loader = new RecordingClassLoader(urls)) {
            Class<?> loaderClass = loader.loadClass(PolicyLoader.class.getName());
            assertEquals(loader, loaderClass.getClassLoader(), "the engine is loaded afresh");
            Object standard = loaderClass.getMethod("standard").invoke(null);
            Method load = loaderClass.getMethod("load", String.class);
            load.invoke(standard, "DEFAULT");
            List<String> forDefault = loader.since(0);
            assertTrue(forDefault.contains(CompiledForm.class.getName()), forDefault::toString);
            assertEquals(List.of(), compiling(forDefault), "loading DEFAULT from its compiled form");

            // Control: a reference with a modifier is composed and compiled, in the same loader.
            int mark = loader.defined.size();
            load.invoke(standard, "DEFAULT:NO-SHA1");
            List<String> forModified = compiling(loader.since(mark));
            assertTrue(
                    forModified.containsAll(List.of(Composer.class.getName(), Compiler.class.getName())),
                    forModified::toString);
        }
    }

    @Test
    void theFolderSourceReadsTheShippedFiles() throws Exception {
        Path folder = PolicySchemaTest.checkout().resolve("policies/src/main/resources/dev/cryptopolicy/policies");
        assertArrayEquals(
                Files.readAllBytes(folder.resolve("DEFAULT.yaml")),
                SHIPPED.read("DEFAULT").orElseThrow());
        assertEquals(Optional.empty(), SHIPPED.read("NO-SUCH-POLICY"));
        assertTrue(SHIPPED.names().contains("NO-SHA1"));
    }
}
