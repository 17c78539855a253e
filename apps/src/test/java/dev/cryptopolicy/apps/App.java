package dev.cryptopolicy.apps;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built application of src/apps, the directory its runs work in, and the key store (RSA-2048,
 * certificate for 127.0.0.1) its TLS probes and servers use.
 */
record App(Path project, Path keyStore, Path directory) {

    /** Builds (or finds the build of) application {@code name} and makes a key store in {@code directory}. */
    static App build(String name, Path directory) throws Exception {
        return new App(Apps.build(name), Apps.keyStore(directory, "server", 2048), directory);
    }

    /** The application's jar, {@code target/app.jar}. */
    Path jar() {
        return project.resolve("target/app.jar");
    }

    /** The start of a {@code java} command line for this application (see {@link Apps#java}). */
    List<String> java(Apps.Agent agent) {
        return Apps.java(agent, keyStore);
    }

    /** Runs {@code app.Main} from the jar and its libraries in {@code target/lib}, after {@code java}. */
    Report runMain(List<String> java, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(java);
        command.add("-cp");
        command.add(jar() + File.pathSeparator + project.resolve("target/lib/*"));
        command.add("app.Main");
        command.addAll(List.of(arguments));
        return Report.of(Apps.run(command, Map.of(), directory));
    }

    /** Runs {@code java -jar target/app.jar}, after {@code java}. */
    Report runJar(List<String> java, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(java);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(arguments));
        return Report.of(Apps.run(command, Map.of(), directory));
    }
}
