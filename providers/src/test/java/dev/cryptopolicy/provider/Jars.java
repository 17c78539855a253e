package dev.cryptopolicy.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the jars that {@code java -jar} and {@code -javaagent} tests start: a manifest and a few classes. */
public final class Jars {

    private Jars() {}

    /**
     * Writes {@code jar} with the given main manifest attributes ({@code Main-Class},
     * {@code Premain-Class}, {@code Class-Path}, ...) and the class files of {@code classes}
     * (top-level classes, read from the test class path).
     */
    public static Path write(Path jar, Map<String, String> attributes, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(manifest.getMainAttributes()::putValue);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Class<?> c : classes) {
                j.putNextEntry(new JarEntry(c.getName().replace('.', '/') + ".class"));
                try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    /** A manifest {@code Class-Path} value naming {@code entries} (jars and directories) by absolute URL. */
    public static String classPathAttribute(List<String> entries) {
        StringJoiner value = new StringJoiner(" ");
        for (String entry : entries) {
            value.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        return value.toString();
    }
}
