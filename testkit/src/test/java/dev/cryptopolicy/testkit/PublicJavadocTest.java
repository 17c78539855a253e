package dev.cryptopolicy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type of the library modules has a javadoc comment, and so has every public member
 * of a package its module exports (module-info.java). ArchUnit reads class files, which hold no
 * javadoc, and the javadoc tool's doclint "missing" group also asks for every {@code @param} and
 * {@code @return}; this scan of the sources asks for the one comment and fails the build without one.
 * Exempt: {@code @Override} methods (they inherit the overridden one's) and the compact
 * constructors of records (the record's own comment documents its components).
 */
class PublicJavadocTest {

    /** The modules whose main sources are published. */
    private static final List<String> MODULES =
            List.of("policy-engine", "policies", "providers", "conformance", "agent", "cli", "testkit", "benchmarks");

    private static final Pattern PUBLIC = Pattern.compile("^(\\s*)(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*public\\s+(.*)$");
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^[A-Z]\\w*\\s*\\{.*");
    private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");

    @TempDir
    Path temp;

    @Test
    void everyPublicTypeAndEveryPublicMemberOfAnExportedPackageHasJavadoc() throws IOException {
        Path root = Path.of(System.getProperty(
                "cryptopolicy.root",
                Path.of(System.getProperty("user.dir")).getParent().toString()));
        List<String> missing = new ArrayList<>();
        int scanned = 0;
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), sources + " is not there");
            scanned += scan(sources, missing);
        }
        assertTrue(scanned > 100, "only " + scanned + " source files found under " + root);
        assertEquals(List.of(), missing, "public declarations without javadoc");
    }

    @Test
    void theScanFindsAMissingComment_onATypeAndOnAnExportedMember_notOnAnInternalMember() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Files.writeString(sources.resolve("module-info.java"), "module m {\n    exports api;\n}\n");
        String body = "\n    /** Documented. */\n    public static final int DOCUMENTED = 1;\n\n"
                + "    public Kind() {\n    }\n\n    @Override\n    public String toString() {\n        return \"\";\n    }\n}\n";
        write(
                sources.resolve("api/Kind.java"),
                "package api;\n\n/** A documented type. */\npublic final class Kind {" + body);
        write(
                sources.resolve("internal/Kind.java"),
                "package internal;\n\n/** A documented type. */\npublic final class Kind {" + body);
        write(
                sources.resolve("internal/Bare.java"),
                "package internal;\n\n@Deprecated\npublic record Bare(int x) {\n" + "    public Bare {\n    }\n}\n");
        List<String> missing = new ArrayList<>();

        assertEquals(3, scan(sources, missing));

        assertEquals(
                List.of(
                        sources.resolve("api/Kind.java") + ":8: public Kind() {",
                        sources.resolve("internal/Bare.java") + ":4: public record Bare(int x) {"),
                missing);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Adds {@code file:line: declaration} for each public declaration under {@code sources} that needs javadoc and has none. */
    private static int scan(Path sources, List<String> missing) throws IOException {
        Set<String> exported = new HashSet<>();
        Path descriptor = sources.resolve("module-info.java");
        if (Files.exists(descriptor)) {
            Matcher exports = EXPORTS.matcher(Files.readString(descriptor, StandardCharsets.UTF_8));
            while (exports.find()) {
                exported.add(exports.group(1));
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String pkg = sources.relativize(file.getParent())
                    .toString()
                    .replace(file.getFileSystem().getSeparator(), ".");
            scanFile(file, exported.contains(pkg), missing);
        }
        return files.size();
    }

    private static void scanFile(Path file, boolean membersToo, List<String> missing) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean documented = false;
        boolean override = false;
        boolean inComment = false;
        boolean inJavadoc = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.trim();
            if (inComment) {
                if (text.contains("*/")) {
                    inComment = false;
                    documented = inJavadoc;
                }
                continue;
            }
            if (text.startsWith("/*")) {
                inJavadoc = text.startsWith("/**");
                inComment = !text.contains("*/");
                documented = inJavadoc && !inComment;
                continue;
            }
            if (text.isEmpty() || text.startsWith("//")) {
                continue;
            }
            Matcher declaration = PUBLIC.matcher(line);
            if (text.startsWith("@") && !declaration.matches()) {
                override |= text.startsWith("@Override");
                continue;
            }
            if (declaration.matches()) {
                boolean topLevel = declaration.group(1).isEmpty();
                boolean compactConstructor =
                        COMPACT_CONSTRUCTOR.matcher(declaration.group(2)).matches();
                if (!documented && !override && !compactConstructor && (topLevel || membersToo)) {
                    missing.add(file + ":" + (i + 1) + ": " + text);
                }
            }
            documented = false;
            override = false;
        }
    }
}
