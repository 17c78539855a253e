package dev.cryptopolicy.provider.certpath;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policies and their constraints for the tests, built without installing anything. */
final class Policies {

    private Policies() {}

    static CompiledPolicy load(String reference) {
        try {
            return PolicyLoader.standard().load(reference);
        } catch (PolicyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** DEFAULT in audit mode, written to {@code dir}. */
    static CompiledPolicy auditDefault(Path dir) throws IOException {
        Path file = dir.resolve("AUDIT-DEFAULT.yaml");
        Files.writeString(file, "kind: policy\nextends: DEFAULT\nmode: audit\n");
        return load(file.toString());
    }

    /** DEFAULT with SHA1withRSA in the feature set and {@code sha1.signatures}/{@code sha1.certificates} as given. */
    static CompiledPolicy sha1(Path dir, String signatures, String certificates) throws IOException {
        Path file = dir.resolve("SHA1-" + signatures + "-" + certificates + ".yaml");
        Files.writeString(
                file,
                "kind: policy\nextends: DEFAULT\nalgorithms:\n  Signature: [+SHA1withRSA]\nsha1:\n" + "  signatures: "
                        + signatures + "\n  certificates: " + certificates + "\n");
        return load(file.toString());
    }

    static PolicyConstraints constraints(CompiledPolicy policy, Scope scope) {
        return PolicyConstraints.of(policy, scope, ProviderAssembly.keyRule(policy));
    }

    static PolicyConstraints constraints(String reference, Scope scope) {
        return constraints(load(reference), scope);
    }

    static CertPathEnforcement enforcement(CompiledPolicy policy) {
        return CertPathEnforcement.of(policy, ProviderAssembly.keyRule(policy));
    }
}
