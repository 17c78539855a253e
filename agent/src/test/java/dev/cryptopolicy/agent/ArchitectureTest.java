package dev.cryptopolicy.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The agent's class loaders as rules. The JVM loads {@code Agent} from the application class path;
 * the classes of {@code agent.boot} are defined in java.base (the hook) and in a class loader of
 * their own over the platform loader (its definer); the rest runs in the agent's own loader. What
 * those load may name nothing but the JDK, or a class of the engine or the providers would be
 * defined by the application's loader (or not found by the bootstrap loader).
 */
class ArchitectureTest {

    /** The agent's own classes: not its tests, nor the libraries the jar carries relocated under {@code agent.shaded}. */
    private static final JavaClasses AGENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/cryptopolicy/agent/shaded/"))
            .importPackages("dev.cryptopolicy.agent");

    @Test
    void theBootstrapHookNamesOnlyJavaBase() {
        classes()
                .that()
                .resideInAPackage("dev.cryptopolicy.agent.boot..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.security..", "java.util..", "dev.cryptopolicy.agent.boot..")
                .because("the bootstrap class loader sees java.base, and the definer's loader the platform's")
                .check(AGENT);
    }

    @Test
    void thePremainClassNamesOnlyTheJdk() {
        classes()
                .that()
                .haveFullyQualifiedName(Agent.class.getName())
                .or()
                .haveNameMatching(Agent.class.getName().replace(".", "\\.") + "\\$.*")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..")
                .because(
                        "Agent is loaded by the application's class loader; it starts the rest by name in the agent's own")
                .check(AGENT);
    }

    @Test
    void nothingIsAppendedToAClassPath_andOnlySecurityHooksRedefinesModules() {
        noClasses()
                .should()
                .callMethod(
                        java.lang.instrument.Instrumentation.class,
                        "appendToBootstrapClassLoaderSearch",
                        java.util.jar.JarFile.class)
                .orShould()
                .callMethod(
                        java.lang.instrument.Instrumentation.class,
                        "appendToSystemClassLoaderSearch",
                        java.util.jar.JarFile.class)
                .because("the hook is defined in java.base; a jar on the bootstrap path turns class-data sharing"
                        + " off for every other loader")
                .check(AGENT);
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(SecurityHooks.class.getName())
                .should()
                .callMethod(
                        java.lang.instrument.Instrumentation.class,
                        "redefineModule",
                        Module.class,
                        java.util.Set.class,
                        java.util.Map.class,
                        java.util.Map.class,
                        java.util.Set.class,
                        java.util.Map.class)
                .check(AGENT);
    }

    @Test
    void usesOnlyThePublicApiOfTheEngineAndTheProviders() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.cryptopolicy.engine.yaml..",
                        "dev.cryptopolicy.engine.io..",
                        "dev.cryptopolicy.provider.internal..",
                        "dev.cryptopolicy.provider.certpath..",
                        "dev.cryptopolicy.provider.tls..",
                        "dev.cryptopolicy.cli..",
                        "dev.cryptopolicy.conformance..")
                .because("the agent installs a policy the way an application does (docs/ARCHITECTURE.md, \"Modules\")")
                .check(AGENT);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.cryptopolicy.(**)").should().beFreeOfCycles().check(AGENT);
    }
}
