package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.apps.Apps.Agent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code java -jar} application whose manifest Class-Path names its libraries in lib/ beside it
 * (src/apps/classpath-jar), started from another directory.
 */
class ClassPathJarAppTest {

    @TempDir
    static Path dir;

    private static App app;

    @BeforeAll
    static void buildOnce() throws Exception {
        app = App.build("classpath-jar", dir);
    }

    private static void assertTheLibrariesOfItsClassPath(Report report) {
        assertEquals(app.jar().toString(), report.version("class-path"), report.output());
        assertEquals("2.17.2", report.version("jackson-databind"), report.output());
        assertEquals("2.17.2", report.version("jackson-dataformat-yaml"), report.output());
        assertTrue(report.version("snakeyaml").endsWith("/target/lib/snakeyaml-2.2.jar"), report.output());
        assertTrue(report.output().contains("works jackson={app=class-path-jar}"), report.output());
    }

    @Test
    void underTheAgent_itStartsWithTheLibrariesOfItsClassPath_andDefaultHolds() throws Exception {
        Report report = app.runJar(app.java(Agent.DEFAULT));
        assertAll(() -> assertTheLibrariesOfItsClassPath(report), report::assertDefaultHolds);
    }

    @Test
    void withoutTheAgent_theSameRequestsSucceed() throws Exception {
        Report report = app.runJar(app.java(Agent.NONE));
        assertTheLibrariesOfItsClassPath(report);
        report.assertAllAllowed();
    }
}
