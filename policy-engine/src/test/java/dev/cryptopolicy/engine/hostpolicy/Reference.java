package dev.cryptopolicy.engine.hostpolicy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The crypto-policies reference files (policies, modules, java-outputs), read from one place. */
public final class Reference {

    private Reference() {
    }

    /** {@code reference/crypto-policies} of the shared folder: -Dcryptopolicy.shared, else ../../shared. */
    public static Path cryptoPolicies() {
        String configured = System.getProperty("cryptopolicy.shared");
        Path shared = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("basedir", ".")).resolve("../../shared");
        Path path = shared.resolve("reference/crypto-policies");
        assertTrue(Files.isDirectory(path), "crypto-policies reference files not found at " + path.toAbsolutePath().normalize());
        return path;
    }
}
