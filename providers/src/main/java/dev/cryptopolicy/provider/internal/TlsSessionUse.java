package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.TlsSession;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import dev.cryptopolicy.provider.tls.HandshakeCapture;
import java.math.BigInteger;
import java.security.Key;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import javax.crypto.interfaces.DHKey;

/**
 * What one completed TLS handshake negotiated, as records and the inventory decide it again under a
 * policy ({@link TlsSession}, the one decision of a session): the protocol, the cipher suite, the
 * named group, the server's handshake signature scheme and under client authentication the
 * client's, and the key and signature algorithm of the peer's own certificate. The JDK's sessions (17 and 25) expose neither the group nor the
 * scheme: they are read from the handshake's own JCA calls ({@link HandshakeCapture}) and named
 * by the catalog's TLS names.
 *
 * @param peerKey         the peer certificate's key, measured; null when the peer sent no certificate
 * @param peerSignature   the peer certificate's signature algorithm, or null
 * @param group           the named group of the key exchange, or null when none was seen
 * @param signatureScheme the scheme of the server's handshake signature, or null when none was made
 * @param clientSignatureScheme the scheme of the client's handshake signature, or null without
 *                        client authentication
 */
record TlsSessionUse(
        String protocol,
        String cipherSuite,
        KeyInfo peerKey,
        String peerSignature,
        String group,
        String signatureScheme,
        String clientSignatureScheme) {

    /**
     * The bits of an RFC 7919 (ffdhe) prime below its 64 leading one bits, the same for every size
     * (they are bits of e); the MODP primes of RFC 3526 and 2409 of the same sizes have those of pi.
     */
    private static final long FFDHE_BITS = 0xADF85458A2BB4A9AL;

    /** The refused components under one policy, and the decision of the first (its rule heads the record). */
    record Refusal(Decision first, String message) {}

    static TlsSessionUse of(
            String protocol, String cipherSuite, Certificate[] peer, HandshakeCapture.Negotiation negotiation) {
        String suite = cipherSuite.toUpperCase(Locale.ROOT).startsWith("SSL_")
                ? "TLS_" + cipherSuite.substring(4)
                : cipherSuite;
        String group = group(negotiation.agreementKey());
        String scheme = scheme(protocol, negotiation.server());
        String clientScheme = scheme(protocol, negotiation.client());
        if (peer.length == 0) {
            return new TlsSessionUse(protocol, suite, null, null, group, scheme, clientScheme);
        }
        String signature = peer[0] instanceof X509Certificate x ? x.getSigAlgName() : null;
        return new TlsSessionUse(
                protocol, suite, KeyInfo.of(peer[0].getPublicKey()), signature, group, scheme, clientScheme);
    }

    /**
     * The TLS name of the group a key agreement's local key belongs to: the catalog's group of its
     * curve (EC, XDH), or the ffdhe group of its size when its prime is an RFC 7919 one; null for
     * no key, or for finite-field parameters of no named group (TLS 1.2's legacy DHE).
     */
    static String group(Key key) {
        if (key == null) {
            return null;
        }
        KeyInfo info = KeyInfo.of(key);
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        // A curve's name, alias or OID (JDK 17 names some curves of its keys only by OID).
        Curve curve = info.curve() == null ? null : catalog.curve(info.curve());
        if (info.curve() != null && curve == null) {
            return null;
        }
        for (TlsName g : catalog.tls(TlsKind.NAMED_GROUP)) {
            if (g.components().contains("ML-KEM")) {
                continue;
            }
            boolean named = curve != null
                    ? g.curve() != null && curve == catalog.curve(g.curve())
                    : (g.curve() == null
                            && key instanceof DHKey dh
                            && dh.getParams() != null
                            && g.keyBits() == info.bits()
                            && ffdhe(dh.getParams().getP()));
            if (named) {
                return g.name();
            }
        }
        return null;
    }

    /** Whether {@code p} is an RFC 7919 prime: 64 one bits, the ffdhe bits, ..., 64 one bits. */
    private static boolean ffdhe(BigInteger p) {
        int n = p.bitLength();
        BigInteger ones = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        return n > 192
                && p.shiftRight(n - 64).equals(ones)
                && p.and(ones).equals(ones)
                && p.shiftRight(n - 128).longValue() == FFDHE_BITS;
    }

    /**
     * The TLS name of a handshake signature: the catalog's scheme of its JCA algorithm
     * and digest (RSASSA-PSS: {@code rsa_pss_rsae_} for an RSA key, {@code rsa_pss_pss_} for an
     * RSASSA-PSS key); null when none was made, before TLS 1.2 (which has no schemes), or for a
     * signature no scheme names.
     */
    static String scheme(String protocol, HandshakeCapture.Signed signed) {
        if (signed == null || !("TLSv1.2".equals(protocol) || "TLSv1.3".equals(protocol))) {
            return null;
        }
        String algorithm = signed.algorithm();
        Key key = signed.key();
        if (algorithm.equalsIgnoreCase("EdDSA") && key != null) {
            algorithm = KeyInfo.of(key).curve();
        }
        String digest = signed.parameters() instanceof PSSParameterSpec pss
                ? AlgorithmCatalog.canonicalDigest(pss.getDigestAlgorithm())
                : null;
        boolean pssKey = key != null && key.getAlgorithm().equalsIgnoreCase("RSASSA-PSS");
        for (TlsName s : AlgorithmCatalog.standard().tls(TlsKind.SIGNATURE_SCHEME)) {
            if (!s.jcaSignature().equalsIgnoreCase(algorithm)) {
                continue;
            }
            if (!s.jcaSignature().equalsIgnoreCase("RSASSA-PSS")) {
                return s.name();
            }
            if (digest != null
                    && digest.equals(AlgorithmCatalog.canonicalDigest(s.digest()))
                    && s.name().startsWith(pssKey ? "rsa_pss_pss_" : "rsa_pss_rsae_")) {
                return s.name();
            }
        }
        return null;
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
        if (group != null) {
            b.append(" group ").append(group);
        }
        if (signatureScheme != null) {
            b.append(" signature scheme ").append(signatureScheme);
        }
        if (clientSignatureScheme != null) {
            b.append(" client signature scheme ").append(clientSignatureScheme);
        }
        return b.toString();
    }

    /** The session as the engine decides it. */
    TlsSession session() {
        return peerKey == null
                ? new TlsSession(
                        protocol, cipherSuite, null, 0, null, null, null, group, signatureScheme, clientSignatureScheme)
                : new TlsSession(
                        protocol,
                        cipherSuite,
                        peerKey.algorithm(),
                        peerKey.bits(),
                        peerKey.curve(),
                        peerKey.unmeasured(),
                        peerSignature,
                        group,
                        signatureScheme,
                        clientSignatureScheme);
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
