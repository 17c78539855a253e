package dev.cryptopolicy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.testkit.Slow;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * A few fuzzed files in a temporary folder, composed by a fuzzed reference ({@code BASE:MOD...})
 * and by their own {@code extends}, load or are refused with a located {@code PolicyException}.
 * The input format is described in {@link FuzzedFiles}.
 */
@Slow
class CompositionFuzzTest {

    private static FuzzedFiles files;

    @BeforeAll
    static void createFolder() throws IOException {
        files = FuzzedFiles.create();
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        files.close();
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void filesComposedByExtendsAndModifiers_loadOrAreRefusedWithALocatedError(byte[] data) throws IOException {
        String reference = files.write(data);
        Outcome.load(PolicyLoader.standard(), reference);
    }
}
