package dev.cryptopolicy.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a decision is made. A rule scoped to {@link #ANY} applies in every scope; a rule scoped to
 * {@link #TLS} applies only to decisions made for TLS handshakes, and so on.
 */
public enum Scope {
    /** Everything not covered by a narrower scope, such as a plain {@code Signature.getInstance}. */
    ANY,
    /** TLS handshakes. */
    TLS,
    /** Certificate path validation. */
    CERTPATH,
    /** Signed JAR verification. */
    JAR;

    /** The name used in policy files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a scope name as written in policy files. */
    public static Optional<Scope> ofYamlName(String name) {
        for (Scope scope : values()) {
            if (scope.yamlName().equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
