package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSession;

/**
 * What every policy-held socket and engine does when a handshake ends: a completed one has the
 * keys of the peer's certificates checked under the policy the connection was made under (so that
 * a policy put in force by a replacement, or a context that was never installed, refuses a key the
 * backend's own checks let through) and is reported to the installation's records; a failed one
 * is rethrown naming the policy rule behind JSSE's symptom.
 */
final class Handshake {

    /** A reason the policy gives: {@code ... policy NAME (rule, FILE:LINE)}. */
    private static final Pattern RULE = Pattern.compile("policy \\S+ \\([^()]*:\\d+\\)");

    /** Marks a message that already names the policy's rule. */
    private static final String NAMED = "(cryptopolicy: ";

    private Handshake() {}

    /**
     * Checks and reports a completed handshake. Under an enforcing policy a peer certificate whose
     * key the policy refuses (in scope {@code tls}) ends it: the caller must close the connection
     * and throw what this returns. Under audit mode the session is reported and allowed.
     *
     * @param capture what the handshake's JCA calls showed (see {@link HandshakeCapture}), or null
     *                when none was taken
     * @param client  whether this end is the client
     * @return the exception to throw, or null when the session may be used
     */
    static SSLHandshakeException completed(
            TlsFilter filter, SSLSession session, HandshakeCapture capture, boolean client) {
        Certificate[] peer = peerCertificates(session);
        filter.completed(
                session,
                peer,
                capture == null
                        ? HandshakeCapture.Negotiation.NONE
                        : capture.negotiation(client, peer.length == 0 ? null : peer[0].getPublicKey()));
        if (!filter.enforcing()) {
            return null;
        }
        PolicyConstraints constraints = filter.constraints();
        for (Certificate c : peer) {
            String refusal = constraints.refusal(c.getPublicKey());
            if (refusal != null) {
                String subject = c instanceof X509Certificate x
                        ? x.getSubjectX500Principal().getName()
                        : c.getType();
                return new SSLHandshakeException(
                        "the peer's certificate " + subject + " is refused " + NAMED + refusal + ")");
            }
        }
        return null;
    }

    /** The peer's certificates, or none when it sent none (a client without client authentication). */
    static Certificate[] peerCertificates(SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            return peer == null ? new Certificate[0] : peer;
        } catch (SSLPeerUnverifiedException e) {
            return new Certificate[0];
        }
    }

    /**
     * {@code failure}, or, when the policy caused it (a refusal among its causes, or a key the
     * policy's constraints refused on this thread during the handshake), an exception of the same
     * type whose message adds the policy's reason with its rule; {@code failure} is its cause.
     */
    static SSLException named(SSLException failure) {
        String keyRefusal = PolicyConstraints.takeKeyRefusal();
        String message = failure.getMessage();
        if (message != null && message.contains(NAMED)) {
            return failure;
        }
        String refusal = policyCause(failure);
        if (refusal == null) {
            refusal = keyRefusal;
        }
        if (refusal == null) {
            return failure;
        }
        String named = message + " " + NAMED + refusal + ")";
        SSLException e;
        if (failure instanceof SSLHandshakeException) {
            e = new SSLHandshakeException(named);
        } else if (failure instanceof SSLKeyException) {
            e = new SSLKeyException(named);
        } else if (failure instanceof SSLPeerUnverifiedException) {
            e = new SSLPeerUnverifiedException(named);
        } else if (failure instanceof SSLProtocolException) {
            e = new SSLProtocolException(named);
        } else {
            e = new SSLException(named);
        }
        e.initCause(failure);
        return e;
    }

    /**
     * The message of the first cause of a failed handshake that the policy raised (a refusal,
     * whose reason names a policy and its rule), or null. JSSE keeps such a cause but reports its
     * own words ("Cannot verify CertificateVerify signature", "Unsupported signature algorithm").
     */
    static String policyCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && depth < 16; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (t instanceof GeneralSecurityException
                    && message != null
                    && RULE.matcher(message).find()) {
                return message;
            }
        }
        return null;
    }
}
