package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The packaged agent jar as the build rewrites it (agent/pom.xml, {@code store-agent-jar}). */
class AgentJarTest {

    @Test
    void everyEntryIsStored_theManifestComesFirst_andEveryTimeIsTheBuildsOutputTimestamp() throws Exception {
        List<String> deflated = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long time = -1;
        try (ZipFile jar = new ZipFile(AgentTest.agentJar().toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                names.add(e.getName());
                if (e.getMethod() != ZipEntry.STORED) {
                    deflated.add(e.getName());
                }
                if (time == -1) {
                    time = e.getTime();
                }
                assertEquals(time, e.getTime(), e.getName() + " has another time than the first entry");
            }
        }
        assertTrue(deflated.isEmpty(), "deflated entries: " + deflated);
        assertTrue(names.size() > 500, "the whole agent: " + names.size() + " entries");
        assertTrue(names.contains("dev/cryptopolicy/agent/Agent.class"), names.toString());
        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF"), names.subList(0, 2));
        // As JarInputStream reads it, which needs the manifest among the first entries.
        try (InputStream in = Files.newInputStream(AgentTest.agentJar());
                JarInputStream jar = new JarInputStream(in)) {
            assertNotNull(jar.getManifest(), "JarInputStream finds the manifest");
            assertEquals(
                    "dev.cryptopolicy.agent.Agent",
                    jar.getManifest().getMainAttributes().getValue("Premain-Class"));
        }
    }
}
