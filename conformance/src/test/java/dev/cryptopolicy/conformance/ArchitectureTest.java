package dev.cryptopolicy.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The conformance module prints only from the battery's child-JVM entry point, and reaches the
 * providers through their public API and the two shims made public for it, never their internals.
 */
class ArchitectureTest {

    private static final JavaClasses CONFORMANCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cryptopolicy.conformance");

    @Test
    void onlyTheBatterysMainTouchesTheProcessStreamsAndExit() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Battery.class.getName())
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(System.class, "exit", int.class)
                .check(CONFORMANCE);
    }

    @Test
    void usesNoInternalsOfTheOtherModules_norTheCliOrTheAgent() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.cryptopolicy.provider.internal..",
                        "dev.cryptopolicy.engine.yaml..",
                        "dev.cryptopolicy.cli..",
                        "dev.cryptopolicy.agent..")
                .check(CONFORMANCE);
    }
}
