package dev.cryptopolicy.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A java.util.logging configuration for a child JVM whose records go to one file, through a
 * {@code FileHandler} as an application would configure it: a test passes
 * {@code -Djava.util.logging.config.file=} the returned path and reads the log file after the child
 * exits.
 */
public final class JulFileConfig {
    private JulFileConfig() {}

    /**
     * Writes {@code logging.properties} in {@code dir}: every INFO record to {@code logFile} (removed
     * first, never appended to), one line each as {@code LEVEL logger message}.
     *
     * @return the configuration file
     * @throws IOException when a file cannot be removed or written
     */
    public static Path write(Path dir, Path logFile) throws IOException {
        Files.deleteIfExists(logFile);
        Path config = dir.resolve("logging.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "handlers=java.util.logging.FileHandler",
                        ".level=INFO",
                        "java.util.logging.FileHandler.pattern="
                                + logFile.toString().replace("\\", "/"),
                        "java.util.logging.FileHandler.append=false",
                        "java.util.logging.FileHandler.level=INFO",
                        "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
                        "java.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%n",
                        ""));
        return config;
    }
}
