package dev.cryptopolicy.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where shipped policies and modifiers come from, by name. The default reads classpath resources
 * {@code dev/cryptopolicy/policies/NAME.yaml} and the list of names from
 * {@code dev/cryptopolicy/policies/index.txt} (both in the {@code cryptopolicy-policies} jar), and
 * the precompiled forms of each, {@code NAME.tree} and {@code NAME.compiled}, written when that jar
 * is built.
 */
public interface PolicySource {

    /** The classpath folder of shipped policies. */
    String RESOURCE_FOLDER = "dev/cryptopolicy/policies/";

    /**
     * The content of the shipped file with that name (upper case, no extension), or empty.
     *
     * @throws IOException when the file exists but cannot be read
     */
    Optional<byte[]> read(String name) throws IOException;

    /** The shipped names, for listings and "did you mean" hints. */
    List<String> names();

    /**
     * The precompiled form of the shipped file with that name ({@code NAME.tree}, see
     * {@link dev.cryptopolicy.engine.yaml.PrecompiledTree}), or empty; the loader uses it only
     * when it was made from exactly the bytes {@link #read} returns. None by default.
     *
     * @throws IOException when the form exists but cannot be read
     */
    default Optional<byte[]> readPrecompiled(String name) throws IOException {
        return Optional.empty();
    }

    /**
     * The compiled form of the shipped policy with that name ({@code NAME.compiled}, written when
     * the policies jar is built: every decision of {@code PolicyLoader.load("NAME")}), or empty; the
     * loader uses it only when it was made by this engine, for exactly that reference, from exactly
     * the files {@link #read} returns. None by default.
     *
     * @throws IOException when the form exists but cannot be read
     */
    default Optional<byte[]> readCompiled(String name) throws IOException {
        return Optional.empty();
    }

    /** Reads shipped policies from the class path of this library (or of the calling thread). */
    static PolicySource classpath() {
        return new PolicySource() {
            @Override
            public Optional<byte[]> read(String name) throws IOException {
                return resource(RESOURCE_FOLDER + name + ".yaml");
            }

            @Override
            public Optional<byte[]> readPrecompiled(String name) throws IOException {
                return resource(RESOURCE_FOLDER + name + dev.cryptopolicy.engine.yaml.PrecompiledTree.EXTENSION);
            }

            @Override
            public Optional<byte[]> readCompiled(String name) throws IOException {
                return resource(RESOURCE_FOLDER + name + CompiledForm.EXTENSION);
            }

            @Override
            public List<String> names() {
                try {
                    Optional<byte[]> index = resource(RESOURCE_FOLDER + "index.txt");
                    List<String> names = new ArrayList<>();
                    if (index.isPresent()) {
                        for (String line : new String(index.get(), StandardCharsets.UTF_8).split("\n")) {
                            String name = line.trim();
                            if (!name.isEmpty() && !name.startsWith("#")) {
                                names.add(name);
                            }
                        }
                    }
                    return List.copyOf(names);
                } catch (IOException e) {
                    return List.of();
                }
            }
        };
    }

    private static Optional<byte[]> resource(String resource) throws IOException {
        ClassLoader own = PolicySource.class.getClassLoader();
        InputStream in =
                own == null ? ClassLoader.getSystemResourceAsStream(resource) : own.getResourceAsStream(resource);
        if (in == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            in = context == null ? null : context.getResourceAsStream(resource);
        }
        if (in == null) {
            return Optional.empty();
        }
        try (InputStream stream = in) {
            return Optional.of(stream.readNBytes(dev.cryptopolicy.engine.yaml.StrictYamlReader.MAX_BYTES + 1));
        }
    }
}
