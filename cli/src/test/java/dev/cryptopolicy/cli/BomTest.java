package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The published build: cryptopolicy-bom pins every published module and exactly the Bouncy Castle
 * FIPS jars this build resolves and tests with, and every POM carries the metadata Maven Central
 * requires. A version changed in one place and not the other fails here.
 */
class BomTest {

    private static final List<String> BC_FIPS = List.of("bc-fips", "bctls-fips", "bcpkix-fips", "bcutil-fips");

    /** A Bouncy Castle jar in the local repository: {@code .../org/bouncycastle/A/V/A-V.jar}. */
    private static final Pattern BC_JAR =
            Pattern.compile(".*[/\\\\]org[/\\\\]bouncycastle[/\\\\]([a-z-]+)[/\\\\]([^/\\\\]+)[/\\\\]\\1-\\2\\.jar");

    private static Path root() {
        return Path.of(System.getProperty("cryptopolicy.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    /** groupId:artifactId to version, from a POM's dependencyManagement. */
    private static Map<String, String> managed(Element pom) {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList deps =
                child(child(pom, "dependencyManagement"), "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            out.put(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "version"));
        }
        return out;
    }

    /** The jars of each Bouncy Castle FIPS artifact on this test class path, by artifact. */
    private static Map<String, List<String>> testedBcFipsVersions() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Matcher m = BC_JAR.matcher(entry);
            if (m.matches()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
        }
        return out;
    }

    @Test
    void bomPinsExactlyTheBouncyCastleFipsSetThisBuildResolvesAndTests() throws Exception {
        Map<String, String> bom = managed(pom(root().resolve("bom/pom.xml")));
        Element parent = pom(root().resolve("pom.xml"));
        Map<String, List<String>> tested = testedBcFipsVersions();
        for (String artifact : BC_FIPS) {
            String pinned = bom.get("org.bouncycastle:" + artifact);
            assertEquals(
                    text(child(parent, "properties"), artifact + ".version"),
                    pinned,
                    artifact + ": the BOM and the parent's property differ");
            assertEquals(
                    List.of(pinned),
                    tested.get(artifact),
                    artifact + ": the BOM pins " + pinned + " but the build tests with " + tested.get(artifact));
        }
        assertFalse(tested.containsKey("bcprov-jdk18on"), "bcprov must never be next to bc-fips: " + tested);
    }

    @Test
    void bomPinsEveryPublishedModule_atTheProjectVersion_andHasNoParent() throws Exception {
        Element bomPom = pom(root().resolve("bom/pom.xml"));
        Element parent = pom(root().resolve("pom.xml"));
        String version = text(parent, "version");
        assertEquals(
                null,
                child(bomPom, "parent"),
                "an imported BOM brings its parent's dependencyManagement (Jackson, JUnit) along");
        assertEquals(version, text(bomPom, "version"));
        Map<String, String> bom = managed(bomPom);
        NodeList modules = child(parent, "modules").getElementsByTagName("module");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Element modulePom = pom(root().resolve(module).resolve("pom.xml"));
            String artifact = text(modulePom, "artifactId");
            Element properties = child(modulePom, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            if (module.equals("bom") || skipped) {
                continue;
            }
            published.add(artifact);
            assertFalse(text(modulePom, "name").isEmpty(), artifact + " has no name");
            assertFalse(text(modulePom, "description").isEmpty(), artifact + " has no description");
            assertEquals(
                    version, bom.get("dev.cryptopolicy:" + artifact), artifact + " is published but not in the BOM");
        }
        assertTrue(
                published.containsAll(
                        List.of("cryptopolicy-policy-engine", "cryptopolicy-providers", "cryptopolicy-agent")),
                published::toString);
        assertFalse(published.contains("cryptopolicy-benchmarks"), published::toString);
    }

    @Test
    void everyPublishedPomCarriesTheMetadataMavenCentralRequires() throws Exception {
        for (String file : List.of("pom.xml", "bom/pom.xml")) {
            Element pom = pom(root().resolve(file));
            assertTrue(text(pom, "url").startsWith("https://"), file);
            assertEquals("Apache-2.0", text(child(child(pom, "licenses"), "license"), "name"), file);
            assertFalse(
                    text(child(child(pom, "developers"), "developer"), "name").isEmpty(), file);
            Element scm = child(pom, "scm");
            for (String field : List.of("connection", "developerConnection", "url")) {
                assertFalse(text(scm, field).isEmpty(), file + " scm " + field);
            }
            assertFalse(text(pom, "description").isEmpty(), file);
        }
        String license = Files.readString(root().resolve("LICENSE"));
        assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004"), "LICENSE");
    }
}
