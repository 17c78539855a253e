package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.TlsSettings;
import dev.cryptopolicy.engine.algorithms.Names;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.provider.certpath.KeyRule;
import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import dev.cryptopolicy.provider.logging.Logging;
import java.lang.System.Logger.Level;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The one place that decides which protocols, cipher suites, named groups and signature schemes
 * may be enabled: every context, socket, server socket and engine of one {@link TlsEnforcement}
 * asks it for the allowed subset of what an application or a backend offers. The allowed sets are
 * built once from the compiled policy; each value it drops is logged once.
 */
final class TlsFilter {

    private final CompiledPolicy policy;
    private final boolean enforcing;
    /** Per kind: the policy's names by {@link #key}, with their rank in the policy's preference order. */
    private final Map<TlsKind, Map<String, Integer>> ranks = new EnumMap<>(TlsKind.class);

    private final String[] namedGroups;
    private final String[] signatureSchemes;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final PolicyConstraints constraints;
    private final SessionListener sessions;

    TlsFilter(CompiledPolicy policy, KeyRule keys) {
        this(policy, keys, SessionListener.NONE);
    }

    TlsFilter(CompiledPolicy policy, KeyRule keys, SessionListener sessions) {
        this.policy = policy;
        this.sessions = sessions;
        this.enforcing = policy.enforcing();
        this.constraints = PolicyConstraints.of(policy, Scope.TLS, keys);
        TlsSettings tls = policy.tls();
        index(TlsKind.PROTOCOL, tls.protocols());
        index(TlsKind.CIPHER_SUITE, tls.cipherSuites());
        index(TlsKind.NAMED_GROUP, tls.namedGroups());
        index(TlsKind.SIGNATURE_SCHEME, tls.signatureSchemes());
        this.namedGroups = tls.namedGroups().toArray(String[]::new);
        this.signatureSchemes = tls.signatureSchemes().toArray(String[]::new);
    }

    private void index(TlsKind kind, List<String> names) {
        Map<String, Integer> rank = new HashMap<>();
        for (String name : names) {
            rank.putIfAbsent(key(kind, name), rank.size());
        }
        ranks.put(kind, Map.copyOf(rank));
    }

    /**
     * The name a policy uses for a backend's name: any ASCII case, and SunJSSE's {@code SSL_}
     * prefix of legacy suites ({@code SSL_RSA_WITH_3DES_EDE_CBC_SHA}) read as the IANA
     * {@code TLS_}. A name with a character that is not ASCII keeps it, so it is no policy's name
     * ({@link Names}): JSSE compares group and scheme names with {@code equalsIgnoreCase}, which
     * would read {@code secp256r1} spelt with U+017F LONG S as {@code secp256r1}.
     */
    static String key(TlsKind kind, String name) {
        String upper = Names.upper(name);
        return kind == TlsKind.CIPHER_SUITE && upper.startsWith("SSL_") ? "TLS_" + upper.substring(4) : upper;
    }

    CompiledPolicy policy() {
        return policy;
    }

    /** The policy's algorithm constraints in scope {@code tls}, put on every policy-held parameters object. */
    PolicyConstraints constraints() {
        return constraints;
    }

    /** Tells the installation what a completed handshake of a connection made under this filter negotiated. */
    void completed(SSLSession session, Certificate[] peer, HandshakeCapture.Negotiation negotiation) {
        sessions.completed(policy, session.getProtocol(), session.getCipherSuite(), peer, negotiation);
    }

    /** Whether values outside the policy are dropped (enforce mode) or only logged (audit mode). */
    boolean enforcing() {
        return enforcing;
    }

    boolean allows(TlsKind kind, String name) {
        return ranks.get(kind).containsKey(key(kind, name));
    }

    /** The policy's named groups, most preferred first (a fresh array). */
    String[] namedGroups() {
        return namedGroups.clone();
    }

    /** The policy's signature schemes, most preferred first (a fresh array). */
    String[] signatureSchemes() {
        return signatureSchemes.clone();
    }

    /**
     * What an application asked to enable, less what the policy does not allow, in the
     * application's order. Each dropped value is logged once; in audit mode nothing is dropped.
     *
     * @throws IllegalArgumentException when values were requested and the policy allows none of
     *         them; the message names the rule that denied each
     */
    String[] restrict(TlsKind kind, String[] requested) {
        if (requested == null) {
            throw new IllegalArgumentException("the " + kind.description() + "s to enable must not be null");
        }
        List<String> kept = new ArrayList<>(requested.length);
        StringJoiner denied = new StringJoiner("; ");
        for (String name : requested) {
            if (name == null) {
                throw new IllegalArgumentException(
                        "the " + kind.description() + "s to enable " + Arrays.toString(requested) + " contain null");
            }
            if (allows(kind, name)) {
                kept.add(name);
            } else {
                denied.add(dropped(kind, name));
            }
        }
        if (!enforcing) {
            return requested;
        }
        if (kept.isEmpty() && requested.length > 0) {
            throw new IllegalArgumentException("none of the requested " + kind.description() + "s "
                    + Arrays.toString(requested) + " may be enabled: " + denied);
        }
        return kept.toArray(String[]::new);
    }

    /** Logs the first drop of each (kind, value) and returns the policy's explanation. */
    private String dropped(TlsKind kind, String name) {
        String explanation = policy.decideTls(kind, name).explain(kind.description() + " " + name);
        if (logged.add(kind.name() + " " + key(kind, name))) {
            Logging.logger()
                    .log(
                            Level.WARNING,
                            enforcing ? "cryptopolicy: not enabled: {0}" : "cryptopolicy audit: would not enable: {0}",
                            explanation);
        }
        return explanation;
    }

    /**
     * What a backend offers that the policy allows, in the policy's preference order, silently (the
     * backend's own lists are not an application's request). In audit mode, {@code offered}.
     */
    String[] supported(TlsKind kind, String[] offered) {
        if (!enforcing) {
            return offered;
        }
        Map<String, Integer> rank = ranks.get(kind);
        String[] byRank = new String[rank.size()];
        for (String name : offered) {
            Integer r = rank.get(key(kind, name));
            if (r != null && byRank[r] == null) {
                byRank[r] = name;
            }
        }
        return Arrays.stream(byRank).filter(Objects::nonNull).toArray(String[]::new);
    }

    /**
     * A copy of an application's parameters with every list restricted as {@link #restrict(TlsKind,
     * String[])} does. A list left {@code null} keeps its meaning ("leave as is"), except named groups
     * and signature schemes, which become the policy's lists: SunJSSE resets a {@code null} named
     * group list to its own defaults. The application's algorithm constraints are kept beside the
     * policy's (both must permit); under audit they are kept as they are.
     *
     * @throws IllegalArgumentException when a list the application set has nothing the policy allows
     */
    SSLParameters restrict(SSLParameters requested) {
        String[] protocols = requested.getProtocols();
        String[] suites = requested.getCipherSuites();
        SSLParameters copy = new SSLParameters(
                suites == null ? null : restrict(TlsKind.CIPHER_SUITE, suites),
                protocols == null ? null : restrict(TlsKind.PROTOCOL, protocols));
        copy.setAlgorithmConstraints(
                enforcing ? constraints.and(requested.getAlgorithmConstraints()) : requested.getAlgorithmConstraints());
        copy.setEndpointIdentificationAlgorithm(requested.getEndpointIdentificationAlgorithm());
        copy.setServerNames(requested.getServerNames());
        copy.setSNIMatchers(requested.getSNIMatchers());
        copy.setUseCipherSuitesOrder(requested.getUseCipherSuitesOrder());
        copy.setEnableRetransmissions(requested.getEnableRetransmissions());
        copy.setMaximumPacketSize(requested.getMaximumPacketSize());
        copy.setApplicationProtocols(requested.getApplicationProtocols());
        if (requested.getNeedClientAuth()) {
            copy.setNeedClientAuth(true);
        } else {
            copy.setWantClientAuth(requested.getWantClientAuth());
        }
        String[] groups = ExtendedParameters.namedGroups(requested);
        String[] schemes = ExtendedParameters.signatureSchemes(requested);
        if (enforcing || groups != null) {
            ExtendedParameters.setNamedGroups(
                    copy, groups == null ? namedGroups() : restrict(TlsKind.NAMED_GROUP, groups));
        }
        if (enforcing || schemes != null) {
            ExtendedParameters.setSignatureSchemes(
                    copy, schemes == null ? signatureSchemes() : restrict(TlsKind.SIGNATURE_SCHEME, schemes));
        }
        return copy;
    }
}
