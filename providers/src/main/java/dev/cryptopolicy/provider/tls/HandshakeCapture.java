package dev.cryptopolicy.provider.tls;

import java.security.Key;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the JCA calls of one handshake on a policy-held socket or engine show of what it
 * negotiated, which the JDK's sessions (17 and 25) do not expose: the key agreement of the named
 * group (its local private key) and the handshake signatures (algorithm, key and parameters). The
 * socket or engine puts its capture in force on the thread that runs the backend's handshake work
 * ({@code startHandshake}, {@code wrap}, {@code unwrap} and the engine's delegated tasks) and takes
 * it out afterwards; the enforcing SPIs note their calls into the capture in force, if any. Outside
 * a handshake there is none, and a capture is dropped when its handshake ends.
 *
 * <p>Outside a handshake an SPI's check costs one read of a process-wide count of the captures in
 * force (see {@link #current()}): the thread-local is read only while some thread runs a
 * policy-held handshake.
 *
 * <p>Only a key agreement's {@code init} and a signature's {@code sign} or {@code verify} are
 * noted: a client may generate key shares for groups the server does not choose, and a backend may
 * initialise signatures it does not use while choosing a scheme.
 */
public final class HandshakeCapture {

    /** The capture in force on each thread, or none. */
    private static final ThreadLocal<HandshakeCapture> CURRENT = new ThreadLocal<>();

    /**
     * How many {@link #enter}s that put a capture in force have not been ended by their {@link
     * #exit}, over all threads: zero when no thread has a capture in force. Changed only by atomic
     * increments and decrements; each thread increments before it sets its thread-local and
     * decrements after it restored it.
     */
    private static final AtomicInteger IN_FORCE = new AtomicInteger();

    /** Upper bound on the signatures one handshake notes; certificate chains are short. */
    private static final int MAX_SIGNATURES = 32;

    private volatile Key agreement;
    private final Noted[] signatures = new Noted[MAX_SIGNATURES];
    private int signed;

    HandshakeCapture() {}

    /**
     * A handshake signature: its JCA algorithm, the key it was made or verified with, and the
     * parameters set on it (PSS), or null.
     */
    public record Signed(String algorithm, Key key, AlgorithmParameterSpec parameters) {}

    /** A signature made ({@code sign}) or verified during the handshake. */
    private record Noted(boolean sign, Signed signed) {}

    /**
     * The capture in force on this thread, or null (outside every policy-held handshake). What the
     * enforcing SPIs call on every {@code sign}, {@code verify} and key agreement {@code init}:
     * while no thread has a capture in force, one plain read of a static count, and the
     * thread-local is not touched.
     *
     * <p>Exact under races: a capture is only ever put in force on the thread that then reads it
     * (the engine's delegated tasks enter it on the thread that runs them), and that thread
     * incremented the count before it set its thread-local, in program order; every later value of
     * the count is an atomic update built on that increment and holds it until the same thread's
     * own decrement. So a thread with a capture in force never reads zero; a thread without one
     * that reads another's non-zero count only pays the thread-local read and finds none.
     */
    public static HandshakeCapture current() {
        return IN_FORCE.getPlain() == 0 ? null : CURRENT.get();
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
                signatures[signed++] = new Noted(sign, new Signed(algorithm, key, parameters));
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
        IN_FORCE.incrementAndGet();
        HandshakeCapture before = CURRENT.get();
        CURRENT.set(capture);
        return before;
    }

    /** Restores what {@link #enter} changed. */
    static void exit(HandshakeCapture before) {
        if (before == UNCHANGED) {
            return;
        }
        try {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        } finally {
            IN_FORCE.decrementAndGet();
        }
    }

    /** How many captures are in force over all threads (see {@link #current()}); for tests. */
    static int inForce() {
        return IN_FORCE.get();
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
     * What this handshake negotiated, as far as its calls show: the key agreement, the server's
     * handshake signature (TLS 1.3 CertificateVerify, TLS 1.2 ServerKeyExchange) and, under client
     * authentication, the client's (its CertificateVerify). Each end names the same two: the
     * signature it made itself is its own role's, the last one it verified with the peer's own
     * certificate key the peer's (certificate chain checks use the issuers' keys, and come before
     * the peer's CertificateVerify). A client signs only its CertificateVerify, a server only its
     * own handshake signature.
     *
     * @param client  whether this end is the client
     * @param peerKey the key of the peer's own certificate, or null when it sent none
     */
    Negotiation negotiation(boolean client, PublicKey peerKey) {
        Signed made = null;
        Signed verified = null;
        synchronized (signatures) {
            for (int i = signed - 1; i >= 0; i--) {
                Noted n = signatures[i];
                if (n.sign()) {
                    made = made == null ? n.signed() : made;
                } else if (verified == null
                        && peerKey != null
                        && peerKey.equals(n.signed().key())) {
                    verified = n.signed();
                }
            }
        }
        return client ? new Negotiation(agreement, verified, made) : new Negotiation(agreement, made, verified);
    }

    /**
     * What a handshake's calls showed it negotiated.
     *
     * @param agreementKey the local private key of the key agreement, or null (none was made: an
     *                     RSA key exchange, or a resumption without a new key exchange)
     * @param server       the server's handshake signature, or null (none was made: a resumed
     *                     session, an RSA key exchange)
     * @param client       the client's handshake signature, or null (no client authentication, a
     *                     client without a certificate, a resumed session)
     */
    public record Negotiation(Key agreementKey, Signed server, Signed client) {

        /** Nothing observed: a connection whose handshake ran outside any capture. */
        public static final Negotiation NONE = new Negotiation(null, null, null);
    }
}
