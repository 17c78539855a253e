package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.Backend;
import java.util.List;

/**
 * What installing a policy would do on this JVM, worked out without installing it.
 *
 * @param policy     the policy
 * @param backends   the backends considered, in the JDK's order (plus Bouncy Castle FIPS when the policy needs it)
 * @param selections the backend chosen for each feature of the policy
 * @param rejected   backends passed over because they failed a known-answer test, with the reason
 * @param missing    unmet requirements, one line each; installation fails when this is not empty
 */
public record InstallPlan(
        CompiledPolicy policy,
        List<Backend> backends,
        List<Selection> selections,
        List<String> rejected,
        List<String> missing) {

    /**
     * A feature of the policy and the backend chosen to serve it.
     *
     * @param type      the service type
     * @param algorithm the canonical algorithm name
     * @param backend   the backend
     */
    public record Selection(ServiceType type, String algorithm, Backend backend) {}

    public InstallPlan {
        backends = List.copyOf(backends);
        selections = List.copyOf(selections);
        rejected = List.copyOf(rejected);
        missing = List.copyOf(missing);
    }

    /** Whether the policy can be installed here. */
    public boolean satisfiable() {
        return missing.isEmpty();
    }
}
