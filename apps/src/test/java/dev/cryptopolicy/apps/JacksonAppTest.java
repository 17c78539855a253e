package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.apps.Apps.Agent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application with Jackson 2.13 and SnakeYAML 1.33 of its own, on a plain class path (src/apps/jackson). */
class JacksonAppTest {

    @TempDir
    static Path dir;

    private static App app;

    @BeforeAll
    static void buildOnce() throws Exception {
        app = App.build("jackson", dir);
    }

    private static void assertItsOwnLibraries(Report report) {
        assertEquals("2.13.5", report.version("jackson-databind"), report.output());
        assertEquals("2.13.5", report.version("jackson-dataformat-yaml"), report.output());
        assertTrue(report.version("snakeyaml").startsWith("1.33 from "), report.output());
        assertTrue(report.version("snakeyaml").endsWith("/lib/snakeyaml-1.33.jar"), report.output());
        assertTrue(
                report.output()
                        .contains("works jackson={app=jackson, libraries=[databind, yaml]} snakeyaml={app=snakeyaml}"),
                report.output());
    }

    @Test
    void underTheAgent_itStartsWithItsOwnJacksonAndSnakeYaml_andDefaultHolds() throws Exception {
        Report report = app.runMain(app.java(Agent.DEFAULT));
        assertAll(() -> assertItsOwnLibraries(report), report::assertDefaultHolds);
    }

    @Test
    void withoutTheAgent_theSameRequestsSucceed() throws Exception {
        Report report = app.runMain(app.java(Agent.NONE));
        assertItsOwnLibraries(report);
        report.assertAllAllowed();
    }

    @Test
    void withoutTheAgentButWithTheJdksOwnDefaults_onlyTheTls11HandshakeIsRefused_byTheJdk() throws Exception {
        Report report = app.runMain(Apps.javaWithTheJdksTlsBan(Agent.NONE, app.keyStore()));
        report.ok("sha1withrsa");
        report.ok("rsa1024");
        report.ok("tls11-context");
        // jdk.tls.disabledAlgorithms of JDK 17 and 25 lists TLSv1.1: the JDK refuses the handshake itself.
        report.refused("tls11-handshake", "SSLHandshakeException", "No appropriate protocol");
    }
}
