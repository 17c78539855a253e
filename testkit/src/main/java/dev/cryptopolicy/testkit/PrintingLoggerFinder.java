package dev.cryptopolicy.testkit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link System.LoggerFinder} for child JVMs, standing for the logging library a fleet's
 * application brings: it prints each record at INFO and above on standard output, one line each,
 * {@code RECORD LEVEL NAME MESSAGE} for the logger {@value #INVENTORY} and
 * {@code OTHER LEVEL NAME MESSAGE} for any other, with the message's parameters formatted.
 *
 * <p>Never found by itself: {@link #classPath(Path)} writes the {@code META-INF/services} entry that
 * makes a child JVM use it, so that no other JVM of the build logs through it.
 */
public final class PrintingLoggerFinder extends System.LoggerFinder {
    /** The logger whose records are printed as {@code RECORD}: the inventory's usual logger. */
    public static final String INVENTORY = "dev.cryptopolicy.inventory";

    /** The prefix of the inventory logger's lines. */
    public static final String RECORD = "RECORD ";

    private static final List<String> INVENTORY_RECORDS = new CopyOnWriteArrayList<>();

    /** Found by {@link java.util.ServiceLoader}. */
    public PrintingLoggerFinder() {}

    /**
     * The class path entries that make a child JVM use this finder: a directory, created in
     * {@code dir}, holding the service entry, and where this class is loaded from.
     */
    public static List<Path> classPath(Path dir) throws IOException {
        Path root = dir.resolve("logger-finder");
        Path services = root.resolve("META-INF").resolve("services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve("java.lang.System$LoggerFinder"), PrintingLoggerFinder.class.getName() + "\n");
        try {
            return List.of(
                    root,
                    Path.of(PrintingLoggerFinder.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the testkit's classes: " + e.getMessage(), e);
        }
    }

    /** The messages of the {@code RECORD} lines in a child's output, each {@code LEVEL NAME MESSAGE}. */
    public static List<String> records(String output) {
        return output.lines()
                .filter(l -> l.startsWith(RECORD))
                .map(l -> l.substring(RECORD.length()))
                .toList();
    }

    /** In the child JVM: whether a record of the inventory logger so far holds {@code text}. */
    public static boolean inventoryLogged(String text) {
        return INVENTORY_RECORDS.stream().anyMatch(m -> m.contains(text));
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Printing(name);
    }

    private static final class Printing implements System.Logger {
        private final String name;

        Printing(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            print(level, msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            print(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }

        private void print(Level level, String message) {
            if (!isLoggable(level)) {
                return;
            }
            if (name.equals(INVENTORY)) {
                System.out.println(RECORD + level + " " + name + " " + message);
                INVENTORY_RECORDS.add(message);
            } else {
                System.out.println("OTHER " + level + " " + name + " " + message);
            }
        }
    }
}
