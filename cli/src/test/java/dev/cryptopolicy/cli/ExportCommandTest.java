package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportToFile_writesJavaSecurityProperties() throws IOException {
        Path file = dir.resolve("default.security");
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT", "--format", "java-security", "-o", file.toString());
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertEquals("", r.out(), "nothing on stdout when writing a file");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("jdk.tls.disabledAlgorithms"), text);
        assertTrue(text.contains("jdk.certpath.disabledAlgorithms"), text);
    }

    @Test
    void exportWithoutOutput_printsToStdout_withDefaultFormat() {
        Cli.Result r = Cli.run("export", "--policy", "FUTURE");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("jdk.tls.disabledAlgorithms"), r::toString);
    }

    @Test
    void withProviders_putsCryptoPolicyFirst_andRenumbersEveryJdkProvider() throws IOException {
        Cli.Result r = Cli.run(
                "export",
                "--policy",
                "DEFAULT:NO-SHA1",
                "--format",
                "java-security",
                "--with-providers",
                "--on-class-path");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertTrue(r.out().contains("jdk.tls.disabledAlgorithms"), r::toString);
        assertTrue(r.out().contains("security.provider.1=CryptoPolicy DEFAULT:NO-SHA1\n"), r::toString);
        // The one way this route fails open, the JDK skipping a provider it cannot load, is named with the way out.
        assertTrue(r.out().contains("# CLASSPATH: there, and with fat jars, use the agent"), r::toString);
        assertTrue(r.out().contains("security.provider.2=SUN\n"), r::toString);
        assertTrue(r.out().contains("must be complete"), r::toString);
        Properties loaded = new Properties();
        loaded.load(new StringReader(r.out()));
        List<String> expected = new ArrayList<>();
        expected.add("CryptoPolicy DEFAULT:NO-SHA1");
        for (Provider p : Security.getProviders()) {
            expected.add(p.getName());
        }
        List<String> written = new ArrayList<>();
        for (int i = 1; loaded.getProperty("security.provider." + i) != null; i++) {
            written.add(loaded.getProperty("security.provider." + i));
        }
        assertEquals(expected, written, r::toString);
        assertEquals(
                expected.size(),
                loaded.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("security.provider."))
                        .count(),
                "no gaps in the numbering");
    }

    @Test
    void withProvidersAlone_isRefused_becauseTheListFailsOpenWithoutTheClassPath() {
        Cli.Result r =
                Cli.run("export", "--policy", "DEFAULT", "--with-providers").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertEquals("", r.out(), "nothing written: " + r);
        assertTrue(r.err().contains("--with-providers needs --on-class-path"), r::toString);
        assertTrue(r.err().contains("-javaagent:lib/cryptopolicy-agent.jar=REF -jar app.jar"), r::toString);
    }

    @Test
    void onClassPathAlone_isAUsageError() {
        Cli.Result r =
                Cli.run("export", "--policy", "DEFAULT", "--on-class-path").assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("--on-class-path qualifies --with-providers"), r::toString);
    }

    @Test
    void withoutWithProviders_theFileLeavesTheProviderListAlone() {
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT");
        assertEquals(ExitStatus.OK, r.status(), r::toString);
        assertFalse(r.out().contains("security.provider."), r::toString);
    }

    @Test
    void unwritableOutput_exitsTwo_withoutStackTrace() {
        Path file = dir.resolve("no/such/folder/x.security");
        Cli.Result r =
                Cli.run("export", "--policy", "DEFAULT", "-o", file.toString()).assertNoStackTrace();
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("cannot write"), r::toString);
    }

    @Test
    void unknownFormat_isAUsageError() {
        Cli.Result r = Cli.run("export", "--policy", "DEFAULT", "--format", "java-securty");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("did you mean 'java-security'?"), r::toString);
    }

    @Test
    void missingPolicy_isAUsageError() {
        Cli.Result r = Cli.run("export", "--format", "java-security");
        assertEquals(ExitStatus.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("missing required option --policy"), r::toString);
    }
}
