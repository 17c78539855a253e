package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.TlsSettings;
import dev.cryptopolicy.provider.certpath.KeyRule;
import dev.cryptopolicy.provider.logging.Logging;
import java.lang.System.Logger.Level;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;

/**
 * Makes the {@link SSLContext}s of a backend (SunJSSE, BCJSSE, ...) follow a policy's TLS
 * settings, for clients and servers alike.
 *
 * <pre>{@code
 * TlsEnforcement tls = TlsEnforcement.of(policy);                 // once per installation
 * SSLContextSpi spi = tls.sslContextSpi("TLS", Security.getProvider("SunJSSE"));
 * }</pre>
 *
 * <p>The context's default and supported parameters, and every socket, server socket and engine
 * it hands out, enable only the protocols and cipher suites of the policy that the backend
 * supports, in the policy's preference order (a context for one version, such as
 * {@code TLSv1.2}, enables nothing newer than that version). Setters called afterwards
 * ({@code setEnabledProtocols}, {@code setEnabledCipherSuites}, {@code setSSLParameters}) keep only
 * what the policy allows: each value dropped is logged once through {@link System.Logger}
 * {@code dev.cryptopolicy}, and a request of which nothing is allowed throws
 * {@link IllegalArgumentException} naming the rule. Under an audit-mode policy nothing is changed
 * or dropped; what would be is logged.
 *
 * <p>Every policy-held {@link javax.net.ssl.SSLParameters} (the context's default and supported
 * parameters, and those of every socket, server socket and engine) carries the policy's
 * {@link java.security.AlgorithmConstraints} in scope {@code tls}, so the backend's handshake
 * (protocols, suites, groups, signature schemes, certificate signatures and keys through the trust
 * manager, ephemeral keys) asks the compiled policy, whatever {@code jdk.tls.disabledAlgorithms},
 * {@code jdk.certpath.disabledAlgorithms} or JDK 17's signature-scheme properties say. Constraints
 * an application sets are kept beside the policy's: both must permit.
 *
 * <p>When a handshake of a socket or engine completes (a socket's first read or write starts it
 * through {@code startHandshake}), the keys of the peer's certificates are checked under the
 * policy the connection was made under, and a refused one ends the connection with an
 * {@link javax.net.ssl.SSLHandshakeException} naming the rule; the completed session is reported to
 * the {@link SessionListener}. A handshake failure the policy caused is rethrown, same type,
 * naming the rule behind JSSE's symptom.
 *
 * <p>Named groups and signature schemes are set per connection where the JDK allows it
 * ({@code SSLParameters.setNamedGroups}/{@code setSignatureSchemes}, JDK 20 and later). On JDK 17
 * SunJSSE reads them only from system properties, once per process: see
 * {@link #systemPropertiesFor(CompiledPolicy)}.
 */
public final class TlsEnforcement {

    /** The filter of this policy, or null when the contexts follow {@link #current}. */
    private final TlsFilter filter;
    /** The enforcement in force, for contexts that follow a replaceable policy; null for a fixed one. */
    private final Supplier<TlsEnforcement> current;

    private TlsEnforcement(CompiledPolicy policy, KeyRule keys, SessionListener sessions) {
        this.filter = new TlsFilter(policy, keys, sessions);
        this.current = null;
    }

    private TlsEnforcement(Supplier<TlsEnforcement> current) {
        this.filter = null;
        this.current = current;
    }

    /**
     * Contexts that follow a policy that may be replaced: each context asks {@code current} for the
     * enforcement in force whenever it configures an engine, socket or parameters, so a context made
     * before a replacement (the JDK's default context, say) holds its later connections to the new
     * policy; a connection keeps the policy it was made under.
     *
     * @param current the enforcement in force (one of {@link #of}); read once per configuration
     */
    public static TlsEnforcement following(Supplier<TlsEnforcement> current) {
        return new TlsEnforcement(Objects.requireNonNull(current, "current"));
    }

    /** The filter in force. */
    private TlsFilter filter() {
        return current == null ? filter : current.get().filter();
    }

    /**
     * The TLS enforcement of one policy. Contexts made by one instance share the memory of which
     * values were already logged, so an installation should keep one.
     *
     * @param keys how the installation judges keys; applied to every key the handshake meets
     *             (certificates, ephemeral keys) through the parameters' algorithm constraints
     */
    public static TlsEnforcement of(CompiledPolicy policy, KeyRule keys) {
        return of(policy, keys, SessionListener.NONE);
    }

    /**
     * The TLS enforcement of one policy whose completed handshakes are reported to {@code sessions}.
     *
     * @param keys     how the installation judges keys (see {@link #of(CompiledPolicy, KeyRule)})
     * @param sessions told of every handshake completed on a connection of these contexts
     */
    public static TlsEnforcement of(CompiledPolicy policy, KeyRule keys, SessionListener sessions) {
        TlsEnforcement tls = new TlsEnforcement(
                Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(sessions, "sessions"));
        if (!ExtendedParameters.perConnection()) {
            StringJoiner unset = new StringJoiner(" ");
            systemPropertiesFor(policy).forEach((property, value) -> {
                if (!value.equals(System.getProperty(property))) {
                    unset.add("-D" + property + "=" + value);
                }
            });
            if (unset.length() > 0) {
                // At DEBUG: an installation's one INFO line already names the properties.
                Logging.logger()
                        .log(
                                Level.DEBUG,
                                "cryptopolicy: this JDK ({0}) cannot set TLS named groups and signature schemes"
                                        + " per connection; they follow policy {1} only with these system properties set before the"
                                        + " first TLS use: {2}",
                                Runtime.version(),
                                policy.name(),
                                unset);
            }
        }
        return tls;
    }

    /**
     * A context of {@code backend} for {@code protocol} under this policy.
     *
     * @param protocol the {@link SSLContext} algorithm: {@code TLS}, {@code TLSv1.3},
     *                 {@code Default}, ... ({@code Default} is initialised already, as
     *                 {@link SSLContext#getDefault()} is, and refuses {@code init})
     * @param backend  the provider that does the work
     * @throws NoSuchAlgorithmException when the backend has no such context; for DTLS, which the
     *         policy language has no versions for; and for a context of one version (such as
     *         {@code TLSv1.1}) when the policy allows neither that version nor an older one, naming
     *         the rule
     */
    public SSLContextSpi sslContextSpi(String protocol, Provider backend) throws NoSuchAlgorithmException {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(backend, "backend");
        if (protocol.toUpperCase(Locale.ROOT).startsWith("DTLS")) {
            throw new NoSuchAlgorithmException("SSLContext " + protocol + " is not available under policy "
                    + filter().policy().name() + ": the policy language has no DTLS versions to enforce");
        }
        return PolicySSLContextSpi.over(protocol, SSLContext.getInstance(protocol, backend), this::filter);
    }

    /** Shorthand for {@code of(policy, keys).sslContextSpi(protocol, backend)}, with its own log-once memory. */
    public static SSLContextSpi sslContextSpi(String protocol, Provider backend, CompiledPolicy policy, KeyRule keys)
            throws NoSuchAlgorithmException {
        return of(policy, keys).sslContextSpi(protocol, backend);
    }

    /**
     * Whether this JDK sets named groups and signature schemes per connection (JDK 20 and later).
     * When it does not, they follow the policy only through {@link #systemPropertiesFor}.
     */
    public static boolean setsGroupsAndSchemesPerConnection() {
        return ExtendedParameters.perConnection();
    }

    /**
     * The JDK system properties that restrict named groups and signature schemes process-wide to
     * the policy's lists: {@code jdk.tls.namedGroups}, {@code jdk.tls.client.SignatureSchemes} and
     * {@code jdk.tls.server.SignatureSchemes}, each a comma-separated list in preference order.
     * SunJSSE (and BCJSSE) read them once, when TLS is first used, so they must be set before that;
     * they are the only way to restrict these on JDK 17. The values are the policy's whatever its
     * mode: under an audit-mode policy, setting them would refuse what audit mode only records.
     */
    public static Map<String, String> systemPropertiesFor(CompiledPolicy policy) {
        TlsSettings tls = policy.tls();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jdk.tls.namedGroups", String.join(",", tls.namedGroups()));
        properties.put("jdk.tls.client.SignatureSchemes", String.join(",", tls.signatureSchemes()));
        properties.put("jdk.tls.server.SignatureSchemes", String.join(",", tls.signatureSchemes()));
        return Collections.unmodifiableMap(properties);
    }
}
