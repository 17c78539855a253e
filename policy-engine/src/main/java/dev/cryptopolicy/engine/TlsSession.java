package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What one completed TLS handshake negotiated, decided under a policy component by component: the
 * protocol, the cipher suite, the named group and the server's handshake signature scheme (against
 * the policy's {@code tls.named_groups} and {@code tls.signature_schemes}), under client
 * authentication the scheme of the client's handshake signature (against {@code
 * tls.signature_schemes} too), the peer certificate's key (size or curve, in scope tls) and its
 * signature algorithm (in scope tls). The one decision of a session, shared by the providers' audit
 * records and inventory and by {@code cryptopolicy report}. Both ends of a connection see the same
 * session: the client's peer is the server's certificate, the server's peer the client's (or none).
 *
 * @param protocol          the negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite       the negotiated cipher suite, under its {@code TLS_} name
 * @param peerKeyAlgorithm  the peer certificate's key algorithm, or null when the peer sent no certificate
 * @param peerKeyBits       its size in bits, 0 when unknown
 * @param peerKeyCurve      its named curve, or null
 * @param peerKeyUnmeasured null when the key was measured; otherwise why its size is unknown
 * @param peerSignature     the peer certificate's signature algorithm, or null
 * @param group             the named group of the key exchange, under its TLS name ({@code x25519}), or
 *                          null when none was seen (an RSA key exchange, a resumption without one)
 * @param signatureScheme   the scheme of the server's handshake signature, under its TLS name
 *                          ({@code rsa_pss_rsae_sha256}), or null when none was made (a resumed
 *                          session, an RSA key exchange)
 * @param clientSignatureScheme the scheme of the client's handshake signature under client
 *                          authentication (its CertificateVerify, mutual TLS), under its TLS name,
 *                          as the server verified it with the client certificate's key or the
 *                          client made it; null without client authentication
 */
public record TlsSession(
        String protocol,
        String cipherSuite,
        String peerKeyAlgorithm,
        int peerKeyBits,
        String peerKeyCurve,
        String peerKeyUnmeasured,
        String peerSignature,
        String group,
        String signatureScheme,
        String clientSignatureScheme) {

    /** A component of a session. */
    public enum Component {
        /** The protocol version. */
        PROTOCOL,
        /** The cipher suite. */
        CIPHER_SUITE,
        /** The peer certificate's key. */
        PEER_KEY,
        /** The peer certificate's signature algorithm. */
        PEER_SIGNATURE,
        /** The named group of the key exchange. */
        GROUP,
        /** The signature scheme of the server's handshake signature. */
        SIGNATURE_SCHEME,
        /** The signature scheme of the client's handshake signature (client authentication). */
        CLIENT_SIGNATURE_SCHEME
    }

    /**
     * One refused component.
     *
     * @param component what was refused
     * @param subject   what it is, in words: {@code protocol TLSv1.1}, {@code RSA key of 2048 bits}
     * @param decision  the refusal, with its rule
     */
    public record Refused(Component component, String subject, Decision decision) {

        /** The refusal in words, naming the component and its rule. */
        public String explain() {
            return component == Component.PEER_KEY
                    ? "peer certificate " + decision.explain(subject)
                    : decision.explain(subject);
        }
    }

    /**
     * Every component {@code policy} refuses, in the order protocol, suite, group, signature
     * scheme, client signature scheme, peer key, peer signature; empty when it allows all.
     */
    public List<Refused> refusals(CompiledPolicy policy) {
        List<Refused> out = new ArrayList<>(2);
        tls(out, policy, Component.PROTOCOL, "protocol ", TlsKind.PROTOCOL, protocol);
        tls(out, policy, Component.CIPHER_SUITE, "cipher suite ", TlsKind.CIPHER_SUITE, cipherSuite);
        tls(out, policy, Component.GROUP, "group ", TlsKind.NAMED_GROUP, group);
        tls(out, policy, Component.SIGNATURE_SCHEME, "signature scheme ", TlsKind.SIGNATURE_SCHEME, signatureScheme);
        tls(
                out,
                policy,
                Component.CLIENT_SIGNATURE_SCHEME,
                "client signature scheme ",
                TlsKind.SIGNATURE_SCHEME,
                clientSignatureScheme);
        if (peerKeyAlgorithm != null) {
            Decision d = peerKeyUnmeasured == null
                    ? policy.decideKey(peerKeyAlgorithm, peerKeyBits, peerKeyCurve, Scope.TLS)
                    : policy.decideUnmeasuredKey(peerKeyAlgorithm);
            add(out, Component.PEER_KEY, keySubject(), d);
        }
        if (peerSignature != null
                && AlgorithmCatalog.standard().algorithm(ServiceType.SIGNATURE, peerSignature) != null) {
            add(
                    out,
                    Component.PEER_SIGNATURE,
                    "peer certificate signature algorithm " + peerSignature,
                    policy.decide(ServiceType.SIGNATURE, peerSignature, Scope.TLS));
        }
        return List.copyOf(out);
    }

    /** Adds the refusal of a TLS name, when there is one and {@code policy} refuses it. */
    private static void tls(
            List<Refused> out, CompiledPolicy policy, Component c, String words, TlsKind kind, String name) {
        if (name != null) {
            add(out, c, words + name, policy.decideTls(kind, name));
        }
    }

    private static void add(List<Refused> out, Component c, String subject, Decision d) {
        if (!d.allowed()) {
            out.add(new Refused(c, subject, d));
        }
    }

    /** The peer key in words: {@code RSA key of 2048 bits}, {@code EC key on curve secp256r1}. */
    private String keySubject() {
        StringBuilder subject = new StringBuilder(peerKeyAlgorithm).append(" key");
        if (peerKeyUnmeasured != null) {
            subject.append(' ').append(peerKeyUnmeasured);
        } else if (peerKeyCurve != null) {
            subject.append(" on curve ").append(peerKeyCurve);
        }
        if (peerKeyBits > 0 && peerKeyCurve == null) {
            subject.append(" of ").append(peerKeyBits).append(" bits");
        }
        return subject.toString();
    }
}
