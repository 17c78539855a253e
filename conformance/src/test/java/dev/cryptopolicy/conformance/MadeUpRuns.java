package dev.cryptopolicy.conformance;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Runtimes and runs made up for the tests of the comparison and of its rendering (the CLI's). */
public final class MadeUpRuns {

    /** A JDK 17 that is never started. */
    public static final Matrix.Target T17 =
            new Matrix.Target(new Matrix.Jdk("17", Path.of("/jdk17/bin/java"), 17, "17.0.15"), false);

    /** A JDK 25 that is never started. */
    public static final Matrix.Target T25 =
            new Matrix.Target(new Matrix.Jdk("25", Path.of("/jdk25/bin/java"), 25, "25.0.3"), false);

    private MadeUpRuns() {}

    /** A successful run of DEFAULT by the export route, taking a second, with these lines. */
    public static Matrix.Run run(Matrix.Target target, Map<String, String> lines) {
        return new Matrix.Run("DEFAULT", target, Matrix.Route.EXPORT, Matrix.Status.OK, new TreeMap<>(lines), "", 1000);
    }
}
