package dev.cryptopolicy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Parse, compose, compile, lint: each step only uses the ones before it. The compiled policy (and
 * every type it holds, transitively) knows nothing of how it was made.
 */
// The same classes as ArchitectureTest analyses, so that ArchUnit imports them once.
@AnalyzeClasses(packages = "dev.cryptopolicy.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class OneWayEngineTest {

    /** The machinery that makes a compiled policy. */
    private static final Class<?>[] MAKERS = {
        Compiler.class,
        TlsCompiler.class,
        AlgorithmDecisions.class,
        Composer.class,
        Lint.class,
        DocumentParser.class,
        Effective.class,
        PolicyLoader.class
    };

    private static ArchRule knowsNoMaker(Class<?>... classes) {
        return noClasses()
                .that()
                .belongToAnyOf(classes)
                .should()
                .transitivelyDependOnClassesThat()
                .belongToAnyOf(MAKERS)
                .because("a compiled policy is a value: it never calls back into its makers");
    }

    @ArchTest
    static void compiledPolicy_andWhatItHolds_dependOnNoStepThatMadeIt(JavaClasses engine) {
        knowsNoMaker(CompiledPolicy.class, Settings.class, PolicyWriter.class).check(engine);
    }

    @ArchTest
    static void theRule_findsABackEdge_whereOneExists(JavaClasses engine) {
        // Control: the loader drives every step, so the same rule fails for it.
        assertFalse(knowsNoMaker(PolicyLoader.class)
                .evaluate(engine)
                .getFailureReport()
                .isEmpty());
    }

    @ArchTest
    static void compilerAndLint_doNotCallEachOther(JavaClasses engine) {
        noClasses()
                .that()
                .belongToAnyOf(Compiler.class, TlsCompiler.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Lint.class)
                .check(engine);
        noClasses()
                .that()
                .belongToAnyOf(Lint.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Compiler.class, TlsCompiler.class, AlgorithmDecisions.class, Effective.class, Composer.class)
                .because("lint judges the compiled policy, not the composer's or compiler's state")
                .check(engine);
    }

    @ArchTest
    static void tlsCompiler_readsAlgorithmDecisions_notTheCompiler(JavaClasses engine) {
        noClasses()
                .that()
                .belongToAnyOf(TlsCompiler.class, AlgorithmDecisions.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Compiler.class)
                .check(engine);
    }

    @ArchTest
    static void earlierSteps_doNotKnowLaterOnes(JavaClasses engine) {
        noClasses()
                .that()
                .belongToAnyOf(DocumentParser.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Composer.class, Compiler.class, TlsCompiler.class, Lint.class, PolicyLoader.class)
                .check(engine);
        noClasses()
                .that()
                .belongToAnyOf(Composer.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Compiler.class, TlsCompiler.class, Lint.class, PolicyLoader.class)
                .check(engine);
    }
}
