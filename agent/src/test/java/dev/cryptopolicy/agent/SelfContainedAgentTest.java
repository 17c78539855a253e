package dev.cryptopolicy.agent;

import static dev.cryptopolicy.agent.AgentTest.agentJar;
import static dev.cryptopolicy.agent.AgentTest.assertCleanRefusal;
import static dev.cryptopolicy.agent.AgentTest.itJars;
import static dev.cryptopolicy.agent.AgentTest.jarsIn;
import static dev.cryptopolicy.agent.AgentTest.testClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.agent.AgentTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar on its own: copied into an empty directory it installs DEFAULT, and with the
 * unmodified Bouncy Castle FIPS jars beside it (or named by {@code bcfips=}) FIPS; it holds nothing
 * an application could also have.
 */
class SelfContainedAgentTest {

    @TempDir
    Path dir;

    /** The agent jar copied alone into {@code directory}. */
    private static Path agentIn(Path directory) throws Exception {
        Files.createDirectories(directory);
        return Files.copy(agentJar(), directory.resolve("cryptopolicy-agent.jar"));
    }

    private static void copyBcFipsInto(Path directory) throws Exception {
        Files.createDirectories(directory);
        for (Path jar : jarsIn(itJars("bc-fips"))) {
            Files.copy(jar, directory.resolve(jar.getFileName()));
        }
    }

    private Run probe(String agentOption) throws Exception {
        List<String> options = agentOption == null ? List.of() : List.of(agentOption);
        return AgentTest.run(options, Map.of(), List.of(testClasses()), ProbeApp.class.getName(), dir);
    }

    @Test
    void agentJar_holdsOnlyCryptopolicyClasses_withItsDependenciesRelocated_andNoBouncyCastle() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            assertNull(
                    jar.getManifest().getMainAttributes().getValue("Class-Path"), "no Class-Path: the jar works alone");
            assertEquals(
                    Agent.class.getName(), jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean ours = name.startsWith("dev/cryptopolicy/")
                        || name.equals("dev/")
                        || name.equals("META-INF/")
                        || name.equals("META-INF/MANIFEST.MF")
                        || name.matches("META-INF/[A-Za-z-]*(LICENSE|NOTICE)")
                        || name.equals("META-INF/services/")
                        || name.equals("META-INF/services/java.security.Provider")
                        || name.startsWith("META-INF/services/dev.cryptopolicy.agent.shaded.");
                if (!ours || name.contains("bouncycastle")) {
                    foreign.add(name);
                }
            }
            assertTrue(
                    jar.getEntry("dev/cryptopolicy/agent/shaded/jackson/core/JsonFactory.class") != null,
                    "Jackson, relocated");
            assertTrue(
                    jar.getEntry("dev/cryptopolicy/agent/shaded/snakeyaml/Yaml.class") != null, "SnakeYAML, relocated");
            assertTrue(jar.getEntry("dev/cryptopolicy/policies/DEFAULT.yaml") != null, "the shipped policies");
        }
        assertEquals(List.of(), foreign, "entries an application could also have");
    }

    @Test
    void agentJarAloneInAnEmptyDirectory_installsDefault_andAddsNoLibraryToTheClassPath() throws Exception {
        Path agent = agentIn(dir.resolve("opt/x"));
        Run r = probe("-javaagent:" + agent);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED: NoSuchAlgorithmException"), r.all());
        assertTrue(
                r.out().contains("rsa1024=REFUSED: InvalidParameterException")
                        && r.out().contains("keys.rsa.min_bits"),
                r.all());
        for (String resource : List.of(
                "com/fasterxml/jackson/core/JsonFactory.class",
                "org/yaml/snakeyaml/Yaml.class",
                "org/bouncycastle/crypto/CryptoServicesRegistrar.class")) {
            assertTrue(r.out().contains("visible " + resource + "=[]"), resource + ": " + r.all());
        }
        // Control: the same application without the agent.
        Run plain = probe(null);
        assertTrue(
                plain.out().contains("sha1withrsa=SHA1withRSA") && plain.out().contains("rsa1024=RSA"), plain.all());
    }

    @Test
    void withTheUnmodifiedBcFipsJarsBesideIt_theAgentAloneInstallsFips() throws Exception {
        Path agent = agentIn(dir.resolve("opt/x"));
        copyBcFipsInto(dir.resolve("opt/x"));
        Run r = probe("-javaagent:" + agent + "=FIPS");
        assertFips(r);
        assertTrue(r.out().contains("visible org/bouncycastle/crypto/CryptoServicesRegistrar.class=[]"), r.all());
        // Control: DEFAULT from the same directory does not load Bouncy Castle FIPS at all.
        Run def = probe("-javaagent:" + agent + "=DEFAULT");
        assertEquals(0, def.exit(), def.all());
        assertTrue(!def.out().contains("ed25519=REFUSED") && def.out().contains("tls=SunJSSE"), def.all());
        assertTrue(def.out().contains("approved-only=REFUSED"), "no BC FIPS class behind the EC key: " + def.all());
    }

    @Test
    void bcfipsOption_namesTheDirectoryOfTheJars() throws Exception {
        Path agent = agentIn(dir.resolve("opt/agent"));
        copyBcFipsInto(dir.resolve("opt/bc"));
        assertFips(probe("-javaagent:" + agent + "=FIPS,bcfips=" + dir.resolve("opt/bc")));
        // The same directory, relative to the working directory of the application.
        assertFips(probe("-javaagent:" + agent + "=policy=FIPS,bcfips=opt/bc"));
    }

    @Test
    void fipsWithoutTheJars_stopsTheJvm_sayingWhereToPutThem() throws Exception {
        Path agent = agentIn(dir.resolve("opt/x"));
        Run r = probe("-javaagent:" + agent + "=FIPS");
        assertCleanRefusal(r, 1);
        assertTrue(
                r.err().contains("cryptopolicy agent: policy FIPS cannot be installed, the JVM does not start: "),
                r.all());
        assertTrue(
                r.err().contains("no bc-fips-*.jar in " + dir.resolve("opt/x"))
                        && r.err().contains("bcfips=DIR"),
                r.all());
        assertTrue(r.err().contains("(put bc-fips in " + dir.resolve("opt/x") + ")"), r.all());
    }

    static void assertFips(Run r) {
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("providers=CryptoPolicy,BCFIPS,BCJSSE"), r.all());
        // BCFIPS serves, from the unmodified jars in a class loader of their own, in approved-only mode.
        assertTrue(r.out().contains("ec-key-loader=cryptopolicy-bc-fips"), r.all());
        assertTrue(r.out().contains("approved-only=true"), r.all());
        assertTrue(r.out().contains("tls=BCJSSE"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED: NoSuchAlgorithmException"), r.all());
        assertTrue(r.out().contains("ed25519=REFUSED"), r.all());
    }
}
