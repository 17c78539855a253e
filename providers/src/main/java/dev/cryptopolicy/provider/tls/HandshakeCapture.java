package dev.cryptopolicy.provider.tls;

import java.security.Key;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;

/**
 * What the JCA calls of one handshake on a policy-held socket or engine show of what it
 * negotiated, which the JDK's sessions (17 and 25) do not expose: the key agreement of the named
 * group (its local private key) and the handshake signatures (algorithm, key and parameters). The
 * socket or engine puts its capture in force on the thread that runs the backend's handshake work
 * ({@code startHandshake}, {@code wrap}, {@code unwrap} and the engine's delegated tasks) and takes
 * it out afterwards; the enforcing SPIs note their calls into the capture in force, if any. Outside
 * a handshake there is none, and a capture is dropped when its handshake ends.
 *
 * <p>Only a key agreement's {@code init} and a signature's {@code sign} or {@code verify} are
 * noted: a client may generate key shares for groups the server does not choose, and a backend may
 * initialise signatures it does not use while choosing a scheme.
 */
public final class HandshakeCapture {

    /** The capture in force on each thread, or none. */
    private static final ThreadLocal<HandshakeCapture> CURRENT = new ThreadLocal<>();

    /** Upper bound on the signatures one handshake notes; certificate chains are short. */
    private static final int MAX_SIGNATURES = 32;

    private volatile Key agreement;
    private final Signed[] signatures = new Signed[MAX_SIGNATURES];
    private int signed;

    HandshakeCapture() {}

    /** A signature made or verified during the handshake. */
    private record Signed(boolean sign, String algorithm, Key key, AlgorithmParameterSpec parameters) {}

    /**
     * The capture in force on this thread, or null (outside every policy-held handshake): the one
     * thread-local read the enforcing SPIs make.
     */
    public static HandshakeCapture current() {
        return CURRENT.get();
    }

    /** Notes a key agreement initialised with {@code localKey} (the local private key of its group). */
    public void agreement(Key localKey) {
        agreement = localKey;
    }

    /**
     * Notes a signature made ({@code sign}) or verified with {@code key}.
     *
     * @param parameters the parameters set on the signature before (PSS), or null
     */
    public void signature(boolean sign, String algorithm, Key key, AlgorithmParameterSpec parameters) {
        synchronized (signatures) {
            if (signed < MAX_SIGNATURES) {
                signatures[signed++] = new Signed(sign, algorithm, key, parameters);
            }
        }
    }

    /** Whether nothing was noted. */
    boolean empty() {
        synchronized (signatures) {
            return agreement == null && signed == 0;
        }
    }

    /** What {@link #enter} returns when it put nothing in force. */
    private static final HandshakeCapture UNCHANGED = new HandshakeCapture();

    /**
     * Puts {@code capture} in force on the calling thread when it is not null; the caller must pass
     * what this returns to {@link #exit} in a {@code finally} block.
     *
     * @return what {@link #exit} restores
     */
    static HandshakeCapture enter(HandshakeCapture capture) {
        if (capture == null) {
            return UNCHANGED;
        }
        HandshakeCapture before = CURRENT.get();
        CURRENT.set(capture);
        return before;
    }

    /** Restores what {@link #enter} changed. */
    static void exit(HandshakeCapture before) {
        if (before == UNCHANGED) {
            return;
        }
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    /** {@code task} (an engine's delegated task) running with this capture in force. */
    Runnable around(Runnable task) {
        return () -> {
            HandshakeCapture before = enter(this);
            try {
                task.run();
            } finally {
                exit(before);
            }
        };
    }

    /**
     * What this handshake negotiated, as far as its calls show: the key agreement, and the server's
     * handshake signature (TLS 1.3 CertificateVerify, TLS 1.2 ServerKeyExchange). A client takes
     * the last signature verified with the peer's own certificate key (certificate chain checks use
     * the issuers' keys); a server takes the last one it made. A client's own CertificateVerify
     * (client authentication) is not the session's scheme.
     *
     * @param client  whether this end is the client
     * @param peerKey the key of the peer's own certificate, or null when it sent none
     */
    Negotiation negotiation(boolean client, PublicKey peerKey) {
        Signed chosen = null;
        synchronized (signatures) {
            for (int i = signed - 1; i >= 0 && chosen == null; i--) {
                Signed s = signatures[i];
                if (client ? !s.sign() && peerKey != null && peerKey.equals(s.key()) : s.sign()) {
                    chosen = s;
                }
            }
        }
        return chosen == null
                ? new Negotiation(agreement, null, null, null)
                : new Negotiation(agreement, chosen.algorithm(), chosen.key(), chosen.parameters());
    }

    /**
     * What a handshake's calls showed it negotiated.
     *
     * @param agreementKey        the local private key of the key agreement, or null (none was made:
     *                            an RSA key exchange, or a resumption without a new key exchange)
     * @param signature           the JCA algorithm of the server's handshake signature, or null (none
     *                            was made: a resumed session, an RSA key exchange)
     * @param signatureKey        the key it was made or verified with
     * @param signatureParameters the parameters set on it (PSS), or null
     */
    public record Negotiation(
            Key agreementKey, String signature, Key signatureKey, AlgorithmParameterSpec signatureParameters) {

        /** Nothing observed: a connection whose handshake ran outside any capture. */
        public static final Negotiation NONE = new Negotiation(null, null, null, null);
    }
}
