package dev.cryptopolicy.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what an application can call: the public API of the engine and the providers. */
class ArchitectureTest {

    private static final JavaClasses BENCHMARKS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cryptopolicy.benchmarks");

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
                        "dev.cryptopolicy.agent..",
                        "dev.cryptopolicy.conformance..")
                .because("a benchmark of an internal path measures what no application runs")
                .check(BENCHMARKS);
    }

    @Test
    void benchmarksDoNotPrint() {
        // The commands that run and report (Table renders JMH's JSON; the start-up launcher and its
        // application are whole processes, not JMH) print by design; the JMH benchmarks do not.
        noClasses()
                .that()
                .resideInAPackage("dev.cryptopolicy.benchmarks")
                .and()
                .doNotHaveSimpleName("Table")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("JMH reports the results; a print inside a measured method is measured too")
                .check(BENCHMARKS);
    }
}
