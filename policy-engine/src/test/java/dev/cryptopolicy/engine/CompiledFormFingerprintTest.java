package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CompiledForm#ENGINE} is the fingerprint of the engine sources a compiled form's content
 * depends on, so that a form written by an engine built from other sources (a policies jar of
 * another build beside this engine) is never read: every source of the packages that read,
 * compose and compile a policy and hold the catalog, but for those that only use a compiled
 * policy. A change to any of them fails this test until the constant is set to the value it
 * prints.
 */
class CompiledFormFingerprintTest {

    /** The folders of the sources, under {@code policy-engine/src/main/java}. */
    private static final List<String> FOLDERS =
            List.of("dev/cryptopolicy/engine", "dev/cryptopolicy/engine/algorithms", "dev/cryptopolicy/engine/yaml");

    /**
     * Sources that only read or use a compiled policy, whose changes leave every form as it was:
     * the diff of two policies and the record of a TLS session. The writers of its JSON form
     * ({@code PolicyWriter}, {@code JsonText}) are part of the fingerprint: a form carries the
     * SHA-256 of that form, which a change to them would make stale.
     */
    private static final Set<String> USERS_ONLY =
            Set.of("dev/cryptopolicy/engine/PolicyDiff.java", "dev/cryptopolicy/engine/TlsSession.java");

    /** The line of {@link CompiledForm} that holds the fingerprint, which cannot be part of it. */
    private static final String CONSTANT = "static final long ENGINE =";

    static List<Path> sources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> listing = Files.list(root.resolve(folder))) {
                listing.filter(p -> p.getFileName().toString().endsWith(".java"))
                        .filter(p -> !USERS_ONLY.contains(root.relativize(p).toString()))
                        .forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    static long fingerprint(Path root) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (Path file : sources(root)) {
            sha256.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            String text = Files.readString(file).replace("\r\n", "\n");
            StringBuilder kept = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (!line.contains(CONSTANT)) {
                    kept.append(line).append('\n');
                }
            }
            sha256.update(kept.toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        byte[] h = sha256.digest();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v;
    }

    private static Path root() {
        return PolicySchemaTest.checkout().resolve("policy-engine/src/main/java");
    }

    @Test
    void theConstantIsTheFingerprintOfTheSources() throws Exception {
        long now = fingerprint(root());
        assertEquals(
                String.format("0x%016XL", now),
                String.format("0x%016XL", CompiledForm.ENGINE),
                "the engine sources changed: set CompiledForm.ENGINE to the value expected here");
    }

    @Test
    void coversTheCompilerAndTheCatalog_notTheWriters() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path p : sources(root())) {
            names.add(root().relativize(p).toString());
        }
        for (String needed : List.of(
                "dev/cryptopolicy/engine/Compiler.java",
                "dev/cryptopolicy/engine/TlsCompiler.java",
                "dev/cryptopolicy/engine/Composer.java",
                "dev/cryptopolicy/engine/DocumentParser.java",
                "dev/cryptopolicy/engine/Lint.java",
                "dev/cryptopolicy/engine/CompiledForm.java",
                "dev/cryptopolicy/engine/algorithms/AlgorithmCatalog.java",
                "dev/cryptopolicy/engine/yaml/PrecompiledTree.java")) {
            assertTrue(names.contains(needed), needed);
        }
        for (String user : USERS_ONLY) {
            assertTrue(Files.isRegularFile(root().resolve(user)), "still a source: " + user);
            assertFalse(names.contains(user), user);
        }
    }

    @Test
    void anEditedSourceChangesTheFingerprint(@TempDir Path dir) throws Exception {
        for (String folder : FOLDERS) {
            Files.createDirectories(dir.resolve(folder));
            for (Path p : sources(root())) {
                if (root().relativize(p.getParent()).toString().equals(folder)) {
                    Files.copy(p, dir.resolve(root().relativize(p).toString()));
                }
            }
        }
        long copy = fingerprint(dir);
        // Control: the copy has the fingerprint of the sources.
        assertEquals(fingerprint(root()), copy);
        Path compiler = dir.resolve("dev/cryptopolicy/engine/Compiler.java");
        Files.writeString(compiler, Files.readString(compiler).replace("bits of policy", "bits in policy"));
        assertNotEquals(copy, fingerprint(dir));
    }
}
