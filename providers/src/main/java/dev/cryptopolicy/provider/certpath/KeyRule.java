package dev.cryptopolicy.provider.certpath;

import dev.cryptopolicy.engine.Scope;
import java.security.Key;

/**
 * The policy's key rules (minimum sizes, allowed curves) applied to one key, as the installation
 * measures keys. Supplied by the caller so that certificate and TLS checks measure keys exactly as
 * every other entry point does.
 */
@FunctionalInterface
public interface KeyRule {

    /**
     * Why the policy refuses {@code key} in {@code scope}, naming the rule and where it is written,
     * or {@code null} when the policy accepts it. Answers the policy's decision whatever its mode.
     */
    String refusal(Key key, Scope scope);
}
