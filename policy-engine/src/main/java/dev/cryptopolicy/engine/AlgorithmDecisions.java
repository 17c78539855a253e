package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.function.Predicate;

/**
 * The algorithm and key decisions of a policy being compiled, as the later steps of compiling
 * (the {@link TlsCompiler}) read them: made first, then only asked.
 */
interface AlgorithmDecisions {

    /** The longest deny-rule reason a refusal quotes, in code points. */
    int MAX_REASON = 200;

    /** The policy reference, escaped: named in every decision. */
    String policy();

    /** The decision about a catalog algorithm by name; a name the catalog does not know is denied. */
    Decision decision(ServiceType type, String name, Scope scope);

    /** Whether some catalog algorithm of {@code type} that {@code which} accepts is allowed in {@code scope}. */
    boolean anyAllowed(ServiceType type, Scope scope, Predicate<Algorithm> which);

    /** The minimum key size of a family in a scope. */
    int minBits(KeyFamily family, Scope scope);

    /** Where that minimum was set. */
    Origin minBitsOrigin(KeyFamily family, Scope scope);

    /** The rule (a YAML path) that set that minimum. */
    String minBitsRule(KeyFamily family, Scope scope);

    /** Whether a named curve is allowed. */
    boolean curveAllowed(String name);

    /** Where the allowed curves were set. */
    Origin curvesOrigin();

    /** A refusal of this policy. */
    default Decision deny(String rule, Origin origin, String reason) {
        return new Decision(false, rule, origin, reason, policy());
    }

    /** The refusal a deny rule makes, quoting its reason. */
    default Decision denyByRule(Effective.DenyRule rule) {
        String reason = rule.spec().reason().isEmpty()
                ? ""
                : ": " + Quote.excerpt(rule.spec().reason(), MAX_REASON);
        return deny(rule.id(), rule.spec().origin(), "is denied by a deny rule of policy " + policy() + reason);
    }

    /** Whether a deny rule applies in a scope. */
    static boolean applies(DenySpec spec, Scope scope) {
        return spec.scopes().contains(Scope.ANY) || spec.scopes().contains(scope);
    }
}
