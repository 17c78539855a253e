package dev.cryptopolicy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The module rules of docs/ARCHITECTURE.md ("Modules"), for the engine, as executable rules. */
@AnalyzeClasses(packages = "dev.cryptopolicy.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNothingOfJcaProviders = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.Provider")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("javax.crypto..")
            .because("the engine decides; the providers module enforces");

    @ArchTest
    static final ArchRule engineKnowsNothingOfBouncyCastleOrOtherModules = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.bouncycastle..",
                    "dev.cryptopolicy.cli..",
                    "dev.cryptopolicy.provider..",
                    "dev.cryptopolicy.agent..");

    @ArchTest
    static final ArchRule onlyTheCliPrints = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** Every package is a slice, the root package included (a pattern {@code engine.(*)..} would leave it out). */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.cryptopolicy.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule yamlReaderStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.cryptopolicy.engine.yaml..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.cryptopolicy.engine",
                    "dev.cryptopolicy.engine.algorithms..",
                    "dev.cryptopolicy.engine.export..")
            .because("the strict YAML reader knows YAML, not policies");
}
