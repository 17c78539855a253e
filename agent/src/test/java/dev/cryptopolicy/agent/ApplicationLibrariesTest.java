package dev.cryptopolicy.agent;

import static dev.cryptopolicy.agent.AgentTest.agentJar;
import static dev.cryptopolicy.agent.AgentTest.itJars;
import static dev.cryptopolicy.agent.AgentTest.jarsIn;
import static dev.cryptopolicy.agent.AgentTest.testClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.agent.AgentTest.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications with libraries of their own under the agent: each keeps its versions (resolved from
 * Maven Central by the build), and the policy holds.
 */
class ApplicationLibrariesTest {

    @TempDir
    Path dir;

    private Run probe(List<String> options, List<Path> libraries, String... has) throws Exception {
        List<Path> classPath = new ArrayList<>();
        classPath.add(testClasses());
        classPath.addAll(libraries);
        return AgentTest.run(options, Map.of(), classPath, ProbeApp.class.getName(), dir, has);
    }

    @Test
    void jackson213AndSnakeYaml133Application_keepsItsLibraries_andThePolicyHolds() throws Exception {
        List<Path> libraries = jarsIn(itJars("jackson"));
        Run r = probe(List.of("-javaagent:" + agentJar() + "=DEFAULT"), libraries, "jackson");
        assertEquals(0, r.exit(), r.all());
        assertLibraries(r);
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED: NoSuchAlgorithmException"), r.all());
        assertTrue(
                r.out().contains("rsa1024=REFUSED: InvalidParameterException")
                        && r.out().contains("keys.rsa.min_bits"),
                r.all());
        // Control: without the agent, the same libraries, and the JDK allows both.
        Run plain = probe(List.of(), libraries, "jackson");
        assertLibraries(plain);
        assertTrue(
                plain.out().contains("sha1withrsa=SHA1withRSA") && plain.out().contains("rsa1024=RSA"), plain.all());
    }

    private static void assertLibraries(Run r) {
        String out = r.out();
        assertTrue(out.contains("jackson-databind=2.13.5"), r.all());
        assertTrue(out.contains("jackson-yaml={\"list\":[1,2],\"name\":\"x\"}"), r.all());
        assertTrue(out.contains("snakeyaml=snakeyaml-1.33.jar {a=[1, 2]}"), r.all());
        assertTrue(out.contains("snakeyaml-child-loader=snakeyaml-1.33.jar"), r.all());
        // One copy of each on the class path: the application's.
        assertTrue(
                out.contains("visible com/fasterxml/jackson/core/JsonFactory.class=[jackson-core-2.13.5.jar]"),
                r.all());
        assertTrue(out.contains("visible org/yaml/snakeyaml/Yaml.class=[snakeyaml-1.33.jar]"), r.all());
    }

    @Test
    void fipsBesideTheApplicationsBcprov_startsWithBcFipsApprovedOnly_andTheApplicationKeepsItsBcprov()
            throws Exception {
        Path agentDir = Files.createDirectories(dir.resolve("agent"));
        Path agent = Files.copy(agentJar(), agentDir.resolve("cryptopolicy-agent.jar"));
        for (Path jar : jarsIn(itJars("bc-fips"))) {
            Files.copy(jar, agentDir.resolve(jar.getFileName()));
        }
        List<Path> bcprov = jarsIn(itJars("bcprov"));
        String bcprovJar = bcprov.get(0).getFileName().toString();
        Run r = probe(List.of("-javaagent:" + agent + "=FIPS"), bcprov, "bcprov");
        SelfContainedAgentTest.assertFips(r);
        assertTrue(r.out().contains("bcprov-class=" + bcprovJar + " system"), r.all());
        // The application's own (non-FIPS) provider is governed too: under fips_only it serves nothing.
        assertTrue(r.out().contains("bcprov-digest=REFUSED") && r.out().contains("backends.fips_only"), r.all());
        assertTrue(
                r.out()
                        .contains(
                                "visible org/bouncycastle/jce/provider/BouncyCastleProvider.class=[" + bcprovJar + "]"),
                r.all());
        // Control: the same application without the agent uses its bcprov, and the JDK allows Ed25519.
        Run plain = probe(List.of(), bcprov, "bcprov");
        assertTrue(
                plain.out().contains("bcprov-digest=BC 32") && !plain.out().contains("ed25519=REFUSED"), plain.all());
    }

    @Test
    void applicationWithItsOwnCryptopolicyJars_andAJacksonTheyCannotUse_stillGetsTheAgentsPolicy() throws Exception {
        // The library's own (unshaded) jars from this build, beside Jackson 2.13, which they cannot
        // run on: the system class loader would find them before the agent's classes.
        List<Path> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).toString();
            if (name.matches(".*cryptopolicy-(policy-engine|policies|providers)-[0-9.]+(-SNAPSHOT)?\\.jar")
                    || name.matches(".*(policy-engine|policies|providers)" + File.separator + "target" + File.separator
                            + "classes")) {
                libraries.add(Path.of(entry));
            }
        }
        assertEquals(3, libraries.size(), "engine, policies and providers on " + System.getProperty("java.class.path"));
        libraries.addAll(jarsIn(itJars("jackson")));
        Run r = probe(List.of("-javaagent:" + agentJar() + "=DEFAULT"), libraries, "cryptopolicy", "jackson");
        assertEquals(0, r.exit(), r.all());
        assertTrue(
                r.out().contains("front=CryptoPolicy") && r.out().contains("front-loader=cryptopolicy-agent"), r.all());
        assertTrue(
                r.out().contains("own-cryptopolicy=cryptopolicy-policy-engine")
                        || r.out().contains("own-cryptopolicy=classes"),
                r.all());
        assertTrue(r.out().contains("sha1withrsa=REFUSED: NoSuchAlgorithmException"), r.all());
        assertTrue(r.out().contains("jackson-databind=2.13.5"), r.all());
    }
}
