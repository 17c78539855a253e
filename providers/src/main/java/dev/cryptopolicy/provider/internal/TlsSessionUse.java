package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.TlsSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What one completed TLS handshake negotiated, as records and the inventory decide it again under a
 * policy ({@link TlsSession}, the one decision of a session): the
 * protocol, the cipher suite, and the key and signature algorithm of the peer's own certificate.
 * The named group and the signature scheme the handshake used are not among them: the JDK's
 * sessions (17 and 25) do not expose them.
 *
 * @param peerKey            the peer certificate's key, measured; null when the peer sent no certificate
 * @param peerSignature      the peer certificate's signature algorithm, or null
 */
record TlsSessionUse(String protocol, String cipherSuite, KeyInfo peerKey, String peerSignature) {

    /** The refused components under one policy, and the decision of the first (its rule heads the record). */
    record Refusal(Decision first, String message) {}

    static TlsSessionUse of(String protocol, String cipherSuite, Certificate[] peer) {
        String suite = cipherSuite.toUpperCase(Locale.ROOT).startsWith("SSL_")
                ? "TLS_" + cipherSuite.substring(4)
                : cipherSuite;
        if (peer.length == 0) {
            return new TlsSessionUse(protocol, suite, null, null);
        }
        String signature = peer[0] instanceof X509Certificate x ? x.getSigAlgName() : null;
        return new TlsSessionUse(protocol, suite, KeyInfo.of(peer[0].getPublicKey()), signature);
    }

    /** The feature a record names: {@code TLS session TLSv1.2 TLS_RSA_WITH_AES_256_GCM_SHA384 peer RSA 2048 SHA256withRSA}. */
    String feature() {
        StringBuilder b =
                new StringBuilder("TLS session ").append(protocol).append(' ').append(cipherSuite);
        if (peerKey != null) {
            b.append(" peer ").append(peerKey.algorithm());
            if (peerKey.curve() != null) {
                b.append(' ').append(peerKey.curve());
            } else if (peerKey.bits() > 0) {
                b.append(' ').append(peerKey.bits());
            }
            if (peerSignature != null) {
                b.append(' ').append(peerSignature);
            }
        }
        return b.toString();
    }

    /** The session as the engine decides it. */
    TlsSession session() {
        return peerKey == null
                ? new TlsSession(protocol, cipherSuite, null, 0, null, null, null)
                : new TlsSession(
                        protocol,
                        cipherSuite,
                        peerKey.algorithm(),
                        peerKey.bits(),
                        peerKey.curve(),
                        peerKey.unmeasured(),
                        peerSignature);
    }

    /** What {@code policy} refuses of this session, each component with its rule; null when it allows all. */
    Refusal refusal(CompiledPolicy policy) {
        List<TlsSession.Refused> refused = session().refusals(policy);
        if (refused.isEmpty()) {
            return null;
        }
        StringJoiner message = new StringJoiner("; ", feature() + ": ", "");
        refused.forEach(r -> message.add(r.explain()));
        return new Refusal(refused.get(0).decision(), message.toString());
    }
}
