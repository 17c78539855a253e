package dev.cryptopolicy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Parse, compose, compile, lint: each step only uses the ones before it. The compiled policy (and
 * every type it holds, transitively) knows nothing of how it was made.
 */
class OneWayEngineTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cryptopolicy.engine");

    /** The machinery that makes a compiled policy. */
    private static final Class<?>[] MAKERS = {Compiler.class, TlsCompiler.class, AlgorithmDecisions.class,
        Composer.class, Lint.class, DocumentParser.class, Effective.class, PolicyLoader.class};

    private static ArchRule knowsNoMaker(Class<?>... classes) {
        return noClasses().that().belongToAnyOf(classes).should().transitivelyDependOnClassesThat()
                .belongToAnyOf(MAKERS).because("a compiled policy is a value: it never calls back into its makers");
    }

    @Test
    void compiledPolicy_andWhatItHolds_dependOnNoStepThatMadeIt() {
        knowsNoMaker(CompiledPolicy.class, Settings.class, PolicyWriter.class).check(ENGINE);
    }

    @Test
    void theRule_findsABackEdge_whereOneExists() {
        // Control: the loader drives every step, so the same rule fails for it.
        assertFalse(knowsNoMaker(PolicyLoader.class).evaluate(ENGINE).getFailureReport().isEmpty());
    }

    @Test
    void compilerAndLint_doNotCallEachOther() {
        noClasses().that().belongToAnyOf(Compiler.class, TlsCompiler.class).should().dependOnClassesThat()
                .belongToAnyOf(Lint.class).check(ENGINE);
        noClasses().that().belongToAnyOf(Lint.class).should().dependOnClassesThat()
                .belongToAnyOf(Compiler.class, TlsCompiler.class, AlgorithmDecisions.class, Effective.class,
                        Composer.class)
                .because("lint judges the compiled policy, not the composer's or compiler's state").check(ENGINE);
    }

    @Test
    void tlsCompiler_readsAlgorithmDecisions_notTheCompiler() {
        noClasses().that().belongToAnyOf(TlsCompiler.class, AlgorithmDecisions.class).should().dependOnClassesThat()
                .belongToAnyOf(Compiler.class).check(ENGINE);
    }

    @Test
    void earlierSteps_doNotKnowLaterOnes() {
        noClasses().that().belongToAnyOf(DocumentParser.class).should().dependOnClassesThat()
                .belongToAnyOf(Composer.class, Compiler.class, TlsCompiler.class, Lint.class, PolicyLoader.class)
                .check(ENGINE);
        noClasses().that().belongToAnyOf(Composer.class).should().dependOnClassesThat()
                .belongToAnyOf(Compiler.class, TlsCompiler.class, Lint.class, PolicyLoader.class).check(ENGINE);
    }
}
