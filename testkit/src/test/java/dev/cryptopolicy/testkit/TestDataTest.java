package dev.cryptopolicy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver hands out existing paths inside the checkout's {@code testdata/} and nothing else. */
class TestDataTest {

    @TempDir
    Path temp;

    @Test
    void theBuildPointsAtThisCheckoutsTestData_andEverySourceCarriesItsOriginAndLicence() {
        Path root = TestData.root();
        Path checkout = Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .normalize()
                .getParent();
        assertEquals(checkout.resolve("testdata"), root, "the test data of another checkout");
        for (String source : List.of(
                "wycheproof", "nist", "mozilla", "bad-yaml/yaml-test-suite", "bad-yaml/snakeyaml", "crypto-policies")) {
            assertTrue(Files.isRegularFile(TestData.path(source + "/SOURCE.txt")), source + " names no origin");
        }
        for (String licence : List.of(
                "wycheproof/LICENSE",
                "mozilla/LICENSE",
                "bad-yaml/yaml-test-suite/LICENSE",
                "bad-yaml/snakeyaml/LICENSE",
                "crypto-policies/COPYING.LESSER")) {
            assertTrue(Files.isRegularFile(TestData.path(licence)), licence);
        }
    }

    @Test
    void aNameThatLeavesTheFolder_isRefused_thoughTheFileExists() throws IOException {
        Path root = checkout(temp.resolve("checkout"));
        Files.writeString(temp.resolve("outside.txt"), "not test data");

        assertEquals(
                root.resolve("README.md"), TestData.resolve(root, "README.md"), "the control: inside is handed out");
        for (String escape : List.of("../../outside.txt", "sub/../../../outside.txt", "..", ".", "")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> TestData.resolve(root, escape), escape);
            assertTrue(e.getMessage().contains("[" + escape + "]"), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> TestData.resolve(root, temp.resolve("outside.txt").toString()),
                "an absolute name");
    }

    @Test
    void aLinkOutOfTheFolder_isRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("testdata"));
        Files.writeString(temp.resolve("outside.txt"), "not test data");
        Files.writeString(root.resolve("inside.txt"), "test data");
        Files.createSymbolicLink(root.resolve("in-link"), root.resolve("inside.txt"));
        Files.createSymbolicLink(root.resolve("out-link"), temp.resolve("outside.txt"));

        assertEquals(root.resolve("in-link"), TestData.resolve(root, "in-link"), "the control: a link inside");
        assertThrows(IllegalArgumentException.class, () -> TestData.resolve(root, "out-link"));
    }

    @Test
    void aMissingFile_failsAndNamesIt() throws IOException {
        Path root = Files.createDirectories(temp.resolve("testdata"));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> TestData.resolve(root, "wycheproof/none.json"));
        assertTrue(e.getMessage().contains("wycheproof/none.json"), e.getMessage());
    }

    @Test
    void withoutTheProperty_theNearestCheckoutAboveTheWorkingDirectoryIsFound() throws IOException {
        Path root = checkout(temp.resolve("checkout"));
        Path module = Files.createDirectories(temp.resolve("checkout/providers/target"));

        assertEquals(root, TestData.locate(null, module));
        assertEquals(root, TestData.locate(" ", module));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> TestData.locate(null, temp));
        assertTrue(none.getMessage().contains(TestData.PROPERTY), none.getMessage());
    }

    @Test
    void aPropertyThatNamesSomethingElse_isAnError_notAFallBack() throws IOException {
        Path root = checkout(temp.resolve("checkout"));

        assertEquals(root, TestData.locate(root.toString(), temp));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TestData.locate(temp.resolve("elsewhere").toString(), root.getParent()));
        assertTrue(e.getMessage().contains("elsewhere"), e.getMessage());
    }

    /** A reference into the design document by section name: {@code docs/ARCHITECTURE.md, "Modules"}. */
    private static final Pattern SECTION_REFERENCE =
            Pattern.compile("ARCHITECTURE\\.md(?:,|\\s*\\()[\\s*#]*\\\\?\"([^\"\\\\]+)\\\\?\"");

    /** What no file of the checkout may say: a path beside the checkout, or a design document it does not hold. */
    private static final List<String> OUTSIDE = List.of("../" + "shared", "cryptopolicy" + ".shared", "DESIGN" + ".md");

    @Test
    void noFileOfTheCheckoutPointsOutsideIt_andEverySectionItCitesExists() throws IOException {
        Path checkout = TestData.root().getParent();
        Set<String> sections = new TreeSet<>();
        for (String line : Files.readAllLines(checkout.resolve("docs/ARCHITECTURE.md"))) {
            if (line.startsWith("## ")) {
                sections.add(line.substring(3).strip());
            }
        }
        List<String> wrong = new ArrayList<>();
        int cited = 0;
        try (Stream<Path> files = Files.walk(checkout)) {
            for (Path file : files.filter(TestDataTest::projectFile).toList()) {
                // Byte for byte: fuzzing inputs are not all UTF-8, and every pattern sought is ASCII.
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String outside : OUTSIDE) {
                    if (text.contains(outside)) {
                        wrong.add(checkout.relativize(file) + ": " + outside);
                    }
                }
                Matcher m = SECTION_REFERENCE.matcher(text);
                while (m.find()) {
                    cited++;
                    if (!sections.contains(m.group(1))) {
                        wrong.add(checkout.relativize(file) + ": no section \"" + m.group(1)
                                + "\" in docs/ARCHITECTURE.md");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(
                cited >= 5 && sections.contains("Modules"),
                "too few section references found: " + cited + " " + sections);
    }

    @Test
    void aSectionReference_isRecognisedInCommentsStringsAndYaml() {
        for (String text : List.of(
                "(docs/ARCHITECTURE.md, \"Modules\")",
                "docs/ARCHITECTURE.md,\n * \"Install routes\").",
                "(docs/ARCHITECTURE.md, \\\"Modules\\\")\")",
                "docs/ARCHITECTURE.md (\"Modules\")")) {
            Matcher m = SECTION_REFERENCE.matcher(text);
            assertTrue(m.find(), text);
            assertTrue(Set.of("Modules", "Install routes").contains(m.group(1)), text + " -> " + m.group(1));
        }
    }

    /** A minimal checkout in {@code dir}: a {@code pom.xml} and {@code testdata/README.md}; returns its test data folder. */
    private static Path checkout(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("testdata"));
        Files.writeString(root.resolve("README.md"), "marker");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return root;
    }

    /** Sources, build files, policies and documents of the project; not build output or the data itself. */
    private static boolean projectFile(Path file) {
        String name = file.getFileName().toString();
        for (Path part : file) {
            String p = part.toString();
            if (p.equals("target") || p.equals(".git") || p.equals("testdata") || p.equals("node_modules")) {
                return false;
            }
        }
        return Files.isRegularFile(file)
                && (name.endsWith(".java")
                        || name.endsWith(".xml")
                        || name.endsWith(".yaml")
                        || name.endsWith(".md")
                        || name.endsWith(".properties")
                        || name.equals("run")
                        || name.equals("cryptopolicy"));
    }
}
