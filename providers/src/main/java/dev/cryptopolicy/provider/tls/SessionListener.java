package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.CompiledPolicy;
import java.security.cert.Certificate;

/**
 * Told of each handshake completed on a policy-held socket or engine, on the thread that completed
 * it (the application's, for a socket; the one calling {@code wrap} or {@code unwrap}, for an
 * engine), before the session is used: the installation records what was negotiated.
 */
@FunctionalInterface
public interface SessionListener {

    /** Records nothing: the contexts of a policy that is not installed. */
    SessionListener NONE = (policy, protocol, cipherSuite, peer, negotiation) -> {};

    /**
     * @param policy      the policy the connection was made under
     * @param protocol    the negotiated protocol, as the session names it ({@code TLSv1.3})
     * @param cipherSuite the negotiated cipher suite, as the session names it
     * @param peer        the peer's certificates, its own first; empty when it sent none
     * @param negotiation what the handshake's JCA calls showed of its named group and signature
     *                    scheme, which the session does not expose
     */
    void completed(
            CompiledPolicy policy,
            String protocol,
            String cipherSuite,
            Certificate[] peer,
            HandshakeCapture.Negotiation negotiation);
}
