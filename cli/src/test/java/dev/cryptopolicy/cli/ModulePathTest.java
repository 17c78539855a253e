package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application module that {@code requires dev.cryptopolicy.provider} and nothing else runs on
 * the module path, with no {@code --add-modules} and no class path: the module graph brings the
 * engine, the shipped policies and Jackson, {@code ServiceLoader} finds the front provider, the
 * policy is enforced, and the engine's internal packages are closed to the application. Compiled and run by the JDK under test (its javac in-process, its java in a
 * child JVM), so CI checks it on 17 and on 25.
 */
@Slow
class ModulePathTest {

    /** Our modules' main outputs (classes directory or jar, never the tests) and the libraries they require. */
    private static final Pattern MODULE_PATH = Pattern.compile(
            ".*[/\\\\](policy-engine|policies|providers)[/\\\\]target[/\\\\](classes|cryptopolicy-[a-z-]+-[^/\\\\]*(?<!-tests)\\.jar)"
                    + "|.*[/\\\\](jackson-(core|databind|annotations|dataformat-yaml)|snakeyaml)-[^/\\\\]+\\.jar");

    private static final String MODULE_INFO = """
            module app {
                requires dev.cryptopolicy.provider;

                uses java.security.Provider;
            }
            """;

    private static final String MAIN = """
            package app;

            import dev.cryptopolicy.provider.CryptoPolicy;
            import java.security.GeneralSecurityException;
            import java.security.KeyPairGenerator;
            import java.security.MessageDigest;
            import java.security.Provider;
            import java.security.Signature;
            import java.util.ServiceLoader;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    for (Provider provider : ServiceLoader.load(Provider.class)) {
                        if (provider.getName().equals("CryptoPolicy")) {
                            System.out.println("service loader: CryptoPolicy from module "
                                    + provider.getClass().getModule().getName());
                        }
                    }
                    if (!args[0].equals("none")) {
                        System.out.println("installed: " + CryptoPolicy.install(args[0]).policy().name()
                                + " from module " + CryptoPolicy.class.getModule().getName());
                    }
                    System.out.println("SHA-256 from: " + MessageDigest.getInstance("SHA-256").getProvider().getName());
                    try {
                        Class<?> reader = Class.forName("dev.cryptopolicy.engine.yaml.StrictYamlReader");
                        System.out.println("engine.yaml: read " + reader.getField("MAX_BYTES").getInt(null));
                    } catch (IllegalAccessException e) {
                        System.out.println("engine.yaml: refused: " + e);
                    }
                    try {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        Signature signature = Signature.getInstance("SHA1withRSA");
                        signature.initSign(generator.generateKeyPair().getPrivate());
                        signature.update(new byte[] {1, 2, 3});
                        signature.sign();
                        System.out.println("SHA1withRSA: signed");
                    } catch (GeneralSecurityException | RuntimeException e) {
                        System.out.println("SHA1withRSA: refused: " + e);
                    }
                }
            }
            """;

    @TempDir
    static Path temp;

    private static String modulePath;

    @BeforeAll
    static void compileTheApplication() throws IOException {
        List<String> modules = new ArrayList<>();
        for (String entry : Jvm.classPath()) {
            if (MODULE_PATH.matcher(entry).matches()) {
                modules.add(entry);
            }
        }
        assertEquals(8, modules.size(), "engine, policies, providers and five Jackson/SnakeYAML jars: " + modules);
        Path sources = temp.resolve("src");
        Files.createDirectories(sources.resolve("app"));
        Files.writeString(sources.resolve("module-info.java"), MODULE_INFO, StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("app/Main.java"), MAIN, StandardCharsets.UTF_8);
        Path classes = temp.resolve("app");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-d", classes.toString(), "--module-path", String.join(File.pathSeparator, modules)),
                        null,
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjects(
                                        sources.resolve("module-info.java"), sources.resolve("app/Main.java")))
                .call();
        assertTrue(compiled, diagnostics.toString());
        modules.add(classes.toString());
        modulePath = String.join(File.pathSeparator, modules);
    }

    private static Jvm.Result run(List<String> options, String policy) throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>(options);
        launch.addAll(List.of("--module-path", modulePath, "--module", "app/app.Main", policy));
        return Jvm.launch(List.of(), launch);
    }

    @Test
    void defaultInstalledFromTheModulePath_refusesSha1WithRsa() throws Exception {
        Jvm.Result run = run(List.of(), "DEFAULT");

        assertEquals(0, run.exit(), run.output());
        assertTrue(
                run.output().contains("service loader: CryptoPolicy from module dev.cryptopolicy.provider"),
                run.output());
        assertTrue(run.output().contains("installed: DEFAULT from module dev.cryptopolicy.provider"), run.output());
        assertTrue(run.output().contains("SHA1withRSA: refused: "), run.output());
        assertTrue(run.output().contains("SHA-256 from: CryptoPolicy"), run.output());
        assertTrue(run.output().contains("engine.yaml: refused: java.lang.IllegalAccessException"), run.output());
    }

    @Test
    void control_onTheClassPath_theSameClassesReadTheEnginesInternalPackage() throws Exception {
        Jvm.Result run = Jvm.launch(List.of(), List.of("--class-path", modulePath, "app.Main", "none"));

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("engine.yaml: read " + (1 << 20)), run.output());
        assertTrue(run.output().contains("SHA1withRSA: signed"), run.output());
    }

    @Test
    void control_withoutThePolicy_theSameApplicationSignsWithSha1WithRsa() throws Exception {
        Jvm.Result run = run(List.of(), "none");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SHA1withRSA: signed"), run.output());
        assertFalse(run.output().contains("installed:"), run.output());
    }

    @Test
    void bouncyCastleFipsOnTheClassPath_servesTheFipsPolicyOfAModule() throws Exception {
        List<String> fips = new ArrayList<>();
        for (String entry : Jvm.classPath()) {
            if (entry.matches(".*[/\\\\](bc-fips|bctls-fips|bcutil-fips)-[^/\\\\]+\\.jar")) {
                fips.add(entry);
            }
        }
        assertEquals(3, fips.size(), "bc-fips, bctls-fips and bcutil-fips on the test class path: " + fips);

        Jvm.Result run = run(List.of("--class-path", String.join(File.pathSeparator, fips)), "FIPS");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("installed: FIPS from module dev.cryptopolicy.provider"), run.output());
        // BCFIPS alone (JDK 17 appends a notice after a semicolon; 25 ends the line).
        assertTrue(
                Pattern.compile("(?m)installed by route programmatic; backends BCFIPS(;|$)")
                        .matcher(run.output())
                        .find(),
                run.output());
        assertTrue(run.output().contains("SHA1withRSA: refused: "), run.output());
    }
}
