package dev.cryptopolicy.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI prints only to the streams it is handed, so every command can be tested in-process. */
class ArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cryptopolicy.cli");

    @Test
    void onlyMainTouchesTheProcessStreamsAndExit() {
        // DoctorProbe is the main class of the JVM that cryptopolicy doctor probes, not a command.
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Main.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(DoctorProbe.class.getName())
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(System.class, "exit", int.class)
                .check(CLI);
    }

    @Test
    void cliUsesOnlyThePublicApiOfTheOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.cryptopolicy.provider.internal..", "dev.cryptopolicy.engine.yaml..")
                .because("internal packages are not used across modules (docs/ARCHITECTURE.md, \"Modules\")")
                .check(CLI);
    }
}
