package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.Set;

/**
 * A deny rule as written.
 *
 * @param algorithm    the name, family, glob or component it denies
 * @param services     the service types it applies to; empty means all
 * @param scopes       the scopes it applies to
 * @param keySizeBelow when positive, only keys smaller than this are denied
 * @param reason       free text shown in decisions, may be empty
 * @param origin       where the rule is
 */
record DenySpec(
        Located<String> algorithm,
        Set<ServiceType> services,
        Set<Scope> scopes,
        int keySizeBelow,
        String reason,
        Origin origin) {
    DenySpec {
        services = Set.copyOf(services);
        scopes = Set.copyOf(scopes);
    }
}
