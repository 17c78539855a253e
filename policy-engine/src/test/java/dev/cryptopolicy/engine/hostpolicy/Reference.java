package dev.cryptopolicy.engine.hostpolicy;

import dev.cryptopolicy.testkit.TestData;
import java.nio.file.Path;

/** The crypto-policies reference files (policies, modules, java-outputs), read from one place. */
public final class Reference {

    private Reference() {}

    /** {@code testdata/crypto-policies}, through the repository's one test-data resolver. */
    public static Path cryptoPolicies() {
        return TestData.path("crypto-policies");
    }
}
