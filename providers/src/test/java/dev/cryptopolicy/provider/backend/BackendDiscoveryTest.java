package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendDiscoveryTest {

    private static final String MISSING_CLASS = "org.bouncycastle.nowhere.NoSuchFipsProvider";

    @Test
    void installed_listsTheSecurityProvidersInPreferenceOrder() {
        List<Provider> expected = Arrays.asList(Security.getProviders());

        List<Backend> installed = new BackendDiscovery().installed();

        assertEquals(expected, installed.stream().map(Backend::provider).toList());
    }

    @Test
    void discoveryWithoutBcOnTheClassPath_reportsAClearReason_andThrowsNothing() {
        BackendDiscovery discovery = new BackendDiscovery(MISSING_CLASS, Backend.BC_JSSE_CLASS);

        BackendLoad load = discovery.bcFips();

        assertFalse(load.isAvailable());
        assertEquals(
                "BCFIPS: class " + MISSING_CLASS + " is not on the class path (add the bc-fips jar, unmodified)",
                load.reason());
    }

    @Test
    void unavailableBcfips_makesBcjsseUnavailable_withBothReasons() {
        BackendDiscovery discovery = new BackendDiscovery(MISSING_CLASS, Backend.BC_JSSE_CLASS);

        BackendLoad jsse = discovery.bcJsseFips();

        assertFalse(jsse.isAvailable());
        assertTrue(jsse.reason().startsWith("BCJSSE: FIPS mode needs BCFIPS, which is unavailable"), jsse.reason());
        assertTrue(jsse.reason().contains(MISSING_CLASS), jsse.reason());
    }

    @Test
    void missingBcjsseClass_isReportedWithItsName() {
        BackendDiscovery discovery = new BackendDiscovery(Backend.BC_FIPS_CLASS, "org.bouncycastle.nowhere.NoJsse");

        BackendLoad jsse = discovery.bcJsseFips();

        assertFalse(jsse.isAvailable());
        assertTrue(
                jsse.reason().contains("class org.bouncycastle.nowhere.NoJsse is not on the class path"),
                jsse.reason());
    }

    @Test
    void constructorThatThrows_isReportedWithItsMessage() {
        BackendDiscovery discovery =
                new BackendDiscovery(TestProviders.SelfTestFailingProvider.class.getName(), Backend.BC_JSSE_CLASS);

        BackendLoad load = discovery.bcFips();

        assertFalse(load.isAvailable());
        assertTrue(
                load.reason().contains("IllegalStateException: power-up self-test failed (simulated)"), load.reason());
    }

    @Test
    void classThatIsNotAProvider_isRefusedWithAReason() {
        BackendLoad load = new BackendDiscovery("java.lang.String", Backend.BC_JSSE_CLASS).bcFips();

        assertFalse(load.isAvailable());
        assertEquals("BCFIPS: class java.lang.String is not a java.security.Provider", load.reason());
    }

    @Test
    void aFailedLoad_isRememberedByTheDiscovery() {
        BackendDiscovery discovery = new BackendDiscovery(MISSING_CLASS, Backend.BC_JSSE_CLASS);

        assertSame(discovery.bcFips(), discovery.bcFips());
    }

    @Test
    void bcfipsOnTheClassPath_isConstructedButNotInstalled() {
        List<Provider> before = Arrays.asList(Security.getProviders());

        BackendLoad load = TestBackends.discovery().bcFips();

        assertTrue(load.isAvailable(), load.reason());
        Backend bcFips = load.backend().orElseThrow();
        assertEquals("BCFIPS", bcFips.name());
        assertTrue(bcFips.fips());
        assertEquals(before, Arrays.asList(Security.getProviders()));
        assertSame(load, TestBackends.discovery().bcFips());
    }

    @Test
    void bcjsseInFipsMode_isBuiltOnTheUninstalledBcfipsObject() {
        BackendLoad load = TestBackends.discovery().bcJsseFips();

        assertTrue(load.isAvailable(), load.reason());
        Backend jsse = load.backend().orElseThrow();
        assertEquals("BCJSSE", jsse.name());
        assertTrue(jsse.fips());
        assertTrue(jsse.registers("SSLContext", "TLSv1.3"));
        assertFalse(Arrays.stream(Security.getProviders()).anyMatch(provider -> provider == jsse.provider()));
    }

    @Test
    void directoryWithoutBcFips_isUnavailable_namingTheDirectoryAndTheAgentOption(@TempDir Path dir) throws Exception {
        // Jars whose names only start like Bouncy Castle FIPS's are not taken for it.
        Files.createFile(dir.resolve("bc-fips-debug.jar"));

        BackendLoad load = BackendDiscovery.inDirectory(dir).bcFips();

        assertFalse(load.isAvailable());
        assertEquals(
                "BCFIPS: no bc-fips-*.jar in " + dir.toAbsolutePath() + " (put the unmodified bc-fips, bctls-fips and"
                        + " bcutil-fips jars there, or name their directory with the agent option bcfips=DIR)",
                load.reason());
        assertFalse(BackendDiscovery.inDirectory(dir).bcJsseFips().isAvailable());
        assertEquals(
                "in " + dir.toAbsolutePath(), BackendDiscovery.inDirectory(dir).location());
        assertEquals("on the class path", new BackendDiscovery().location());
    }

    @Test
    void directoryWithTwoVersionsOfAJar_isUnavailable_ratherThanPickingOne(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("bc-fips-2.1.3.jar"));
        Files.createFile(dir.resolve("bc-fips-2.0.0.jar"));

        BackendLoad load = BackendDiscovery.inDirectory(dir).bcFips();

        assertFalse(load.isAvailable());
        assertEquals(
                "BCFIPS: " + dir.toAbsolutePath()
                        + " holds 2 bc-fips-*.jar files [bc-fips-2.0.0.jar, bc-fips-2.1.3.jar];"
                        + " keep exactly one version of each Bouncy Castle FIPS jar",
                load.reason());
    }

    @Test
    void directoryOfTheUnmodifiedJars_loadsThemInAClassLoaderOfTheirOwn(@TempDir Path dir) throws Exception {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("bc-fips-") || name.startsWith("bctls-fips-") || name.startsWith("bcutil-fips-")) {
                Files.copy(Path.of(entry), dir.resolve(name));
            }
        }
        BackendDiscovery discovery = BackendDiscovery.inDirectory(dir);

        BackendLoad fips = discovery.bcFips();
        BackendLoad jsse = discovery.bcJsseFips();

        assertTrue(fips.isAvailable(), fips.reason());
        assertTrue(jsse.isAvailable(), jsse.reason());
        ClassLoader own = fips.backend().orElseThrow().provider().getClass().getClassLoader();
        assertEquals("cryptopolicy-bc-fips", own.getName());
        // Nothing of the class path is visible to it: an application's bcprov cannot mix in.
        assertSame(ClassLoader.getPlatformClassLoader(), own.getParent());
        assertTrue(BackendDiscovery.isBcFipsLoader(own));
        assertFalse(BackendDiscovery.isBcFipsLoader(ClassLoader.getSystemClassLoader())
                || BackendDiscovery.isBcFipsLoader(null));
        assertSame(own, jsse.backend().orElseThrow().provider().getClass().getClassLoader());
        assertTrue(fips.backend().orElseThrow().fips()
                && jsse.backend().orElseThrow().fips());
        assertTrue(fips.reason().contains("from " + dir.toAbsolutePath()), fips.reason());
    }
}
