package dev.cryptopolicy.provider;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The module rules of docs/ARCHITECTURE.md ("Modules"), for the providers module, as executable rules. */
@AnalyzeClasses(packages = "dev.cryptopolicy.provider", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule bouncyCastleIsOnlyLoadedByReflection = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.bouncycastle..")
            .because("bc-fips is optional at run time and is loaded only when a policy needs it");

    @ArchTest
    static final ArchRule nothingDependsOnTheCli = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.cryptopolicy.cli..", "dev.cryptopolicy.agent..");

    @ArchTest
    static final ArchRule engineInternalsStayInTheEngine =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.cryptopolicy.engine.yaml..");

    @ArchTest
    static final ArchRule backendProbesDoNotKnowTheEnforcementLayer = noClasses()
            .that()
            .resideInAPackage("dev.cryptopolicy.provider.backend..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.cryptopolicy.provider", "dev.cryptopolicy.provider.internal..");

    @ArchTest
    static final ArchRule onlyTheCliPrints = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    /** Every package is a slice, the root package included (a pattern {@code provider.(*)..} would leave it out). */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.cryptopolicy.(**)").should().beFreeOfCycles();
}
