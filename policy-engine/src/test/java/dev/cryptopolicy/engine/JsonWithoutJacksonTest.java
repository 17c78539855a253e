package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cryptopolicy.engine.yaml.PrecompiledTree;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing the JSON form (the start-up line's digest) loads no Jackson class: the engine, Jackson
 * and SnakeYAML are loaded afresh by a class loader that records every class it defines, the
 * shipped DEFAULT is loaded from its precompiled tree (no YAML parser either), and then its JSON
 * is written.
 */
class JsonWithoutJacksonTest {

    private static List<String> yamlStack(List<String> classes) {
        List<String> out = new ArrayList<>();
        for (String c : classes) {
            if (c.startsWith("com.fasterxml.") || c.startsWith("org.yaml.")) {
                out.add(c);
            }
        }
        return out;
    }

    @TempDir
    Path dir;

    /**
     * The shipped policies as the policies jar holds them: each YAML file with the precompiled
     * tree its build writes, so that loading DEFAULT runs no YAML parser either.
     */
    private Path shippedWithPrecompiledTrees() throws Exception {
        Path shipped = PolicySchemaTest.checkout().resolve("policies/src/main/resources/");
        Path folder = Files.createDirectories(dir.resolve(PolicySource.RESOURCE_FOLDER));
        Path source = shipped.resolve(PolicySource.RESOURCE_FOLDER);
        Files.copy(source.resolve("index.txt"), folder.resolve("index.txt"));
        byte[] yaml = Files.readAllBytes(source.resolve("DEFAULT.yaml"));
        Files.write(folder.resolve("DEFAULT.yaml"), yaml);
        Files.write(folder.resolve("DEFAULT" + PrecompiledTree.EXTENSION), PrecompiledTree.write(yaml));
        return dir;
    }

    @Test
    void json_ofDefault_loadsNoJacksonClass_whileYamlDoes() throws Exception {
        URL[] urls = {
            RecordingClassLoader.location(PolicyWriter.class),
            RecordingClassLoader.location(JsonFactory.class),
            RecordingClassLoader.location(YAMLFactory.class),
            RecordingClassLoader.location(org.yaml.snakeyaml.LoaderOptions.class),
            shippedWithPrecompiledTrees().toUri().toURL(),
        };
        try (RecordingClassLoader loader = new RecordingClassLoader(urls)) {
            Class<?> loaderClass = loader.loadClass(PolicyLoader.class.getName());
            Class<?> compiled = loader.loadClass(CompiledPolicy.class.getName());
            assertEquals(loader, compiled.getClassLoader(), "the engine is loaded afresh");
            Object standard = loaderClass.getMethod("standard").invoke(null);
            Object policy = loaderClass.getMethod("load", String.class).invoke(standard, "DEFAULT");

            assertEquals(List.of(), yamlStack(loader.since(0)), "loading DEFAULT from its precompiled tree");

            int mark = loader.defined.size();
            // Loaded, linked and verified from here on: verifying a class loads the types its code assigns.
            Class<?> writer = Class.forName(PolicyWriter.class.getName(), true, loader);
            String json = (String) writer.getMethod("json", compiled).invoke(null, policy);
            List<String> forJson = loader.since(mark);
            assertTrue(json.startsWith("{\n  \"kind\" : \"policy\""), json);
            assertTrue(forJson.contains(PolicyWriter.class.getName()), forJson::toString);
            assertEquals(List.of(), yamlStack(forJson), "classes loaded to write JSON: " + forJson);

            // Control: the recording sees Jackson when the YAML form is written.
            mark = loader.defined.size();
            writer.getMethod("yaml", compiled).invoke(null, policy);
            assertFalse(yamlStack(loader.since(mark)).isEmpty(), loader.since(mark)::toString);
        }
    }
}
