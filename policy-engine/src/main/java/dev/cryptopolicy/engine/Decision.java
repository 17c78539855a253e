package dev.cryptopolicy.engine;

/**
 * The answer to one request: allowed or denied, the rule that decided and where that rule was
 * written. Decisions are computed when a policy is compiled and shared, so asking costs a lookup.
 */
public final class Decision {
    private final boolean allowed;
    private final String rule;
    private final Origin origin;
    private final String reason;
    private final String policy;

    Decision(boolean allowed, String rule, Origin origin, String reason, String policy) {
        this.allowed = allowed;
        this.rule = rule;
        this.origin = origin;
        this.reason = reason;
        this.policy = policy;
    }

    /** Whether the policy allows the request (before audit mode is taken into account). */
    public boolean allowed() {
        return allowed;
    }

    /** The rule that decided, as a YAML path: {@code keys.rsa.min_bits}, {@code deny[2]}, ... */
    public String rule() {
        return rule;
    }

    /** Where that rule was written. */
    public Origin origin() {
        return origin;
    }

    /** Why, in words that follow a subject: "is not in the feature set of policy DEFAULT", ... */
    public String reason() {
        return reason;
    }

    /** The name of the policy that decided, e.g. {@code DEFAULT:NO-SHA1}. */
    public String policy() {
        return policy;
    }

    /**
     * A sentence for an exception or a log line: the subject, the reason (which names the policy),
     * the rule and its file and line, e.g. "RSA key of 1024 bits is below the minimum of 2048 bits
     * of policy DEFAULT (keys.rsa.min_bits, DEFAULT.yaml:14)".
     */
    public String explain(String subject) {
        return subject + " " + reason + " (" + rule + ", " + origin.shortLocation() + ")";
    }

    @Override
    public String toString() {
        return (allowed ? "ALLOW" : "DENY") + " " + rule + " " + origin.shortLocation() + ": " + reason;
    }
}
