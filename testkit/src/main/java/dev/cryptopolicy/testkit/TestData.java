package dev.cryptopolicy.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one resolver for the repository's test data: the folder {@code testdata/} at the root of the
 * checkout (its {@code README.md} names each source, version and licence).
 *
 * <p>The build passes the folder as the system property {@code cryptopolicy.testdata}. Without it
 * (a test started from an IDE) the folder is looked for in the working directory and its parents;
 * the nearest checkout wins. Every path handed out lies inside that folder and exists: a name that
 * climbs out of it, an absolute name or a missing file is an error that names what was asked for,
 * never a silently skipped test. A link is followed only when its target also lies inside.
 */
public final class TestData {

    /** The system property that names the folder. */
    public static final String PROPERTY = "cryptopolicy.testdata";

    /** The file that marks the folder as this repository's test data. */
    private static final String MARKER = "README.md";

    private TestData() {}

    /**
     * An existing file or folder of the test data.
     *
     * @param relative a path relative to {@code testdata/}, such as {@code "wycheproof/aes_gcm_test.json"}
     * @return the absolute, normalised path
     * @throws IllegalArgumentException if {@code relative} is absolute or leaves the folder
     * @throws IllegalStateException if the folder or the path does not exist
     */
    public static Path path(String relative) {
        return resolve(root(), relative);
    }

    /**
     * The test data folder itself.
     *
     * @return the absolute, normalised {@code testdata/} folder of this checkout
     * @throws IllegalStateException if it cannot be found
     */
    public static Path root() {
        return locate(System.getProperty(PROPERTY), Path.of(System.getProperty("user.dir")));
    }

    /** The folder named by {@code configured} when set, else the nearest {@code testdata/} at or above {@code start}. */
    static Path locate(String configured, Path start) {
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve(MARKER))) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + ": [" + dir
                        + "] is not the test data folder (it has no " + MARKER + ")");
            }
            return dir;
        }
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata");
            if (Files.isRegularFile(candidate.resolve(MARKER)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no testdata/ folder in [" + from + "] or its parents; set -D" + PROPERTY);
    }

    /** {@code relative} under {@code root}, which it must not leave and which must exist. */
    static Path resolve(Path root, String relative) {
        Path name = Path.of(relative);
        if (relative.isBlank() || name.isAbsolute()) {
            throw new IllegalArgumentException("test data [" + relative + "]: not a path relative to " + root);
        }
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("test data [" + relative + "]: leaves " + root);
        }
        if (!Files.exists(path)) {
            throw new IllegalStateException("test data [" + relative + "]: no such file " + path);
        }
        try {
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("test data [" + relative + "]: a link that leaves " + root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test data [" + relative + "]: " + path, e);
        }
        return path;
    }
}
