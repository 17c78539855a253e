package dev.cryptopolicy.engine.algorithms;

import java.util.List;
import java.util.Set;

/**
 * A TLS protocol version, cipher suite, named group or signature scheme, with its components
 * ({@code TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA} is ECDHE, RSA, AES_128, CBC and SHA-1).
 */
public final class TlsName extends Entry {
    private final TlsKind kind;
    private final int rank;
    private final String digest;
    private final String curve;
    private final String jcaSignature;
    private final String macAlgorithm;
    private final int keyBits;
    private final boolean tls13Only;

    TlsName(
            TlsKind kind,
            String name,
            List<String> aliases,
            Set<String> components,
            int rank,
            String digest,
            String curve,
            String jcaSignature,
            String macAlgorithm,
            int keyBits,
            boolean tls13Only) {
        super(name, aliases, components, Set.of());
        this.kind = kind;
        this.rank = rank;
        this.digest = digest;
        this.curve = curve;
        this.jcaSignature = jcaSignature;
        this.macAlgorithm = macAlgorithm;
        this.keyBits = keyBits;
        this.tls13Only = tls13Only;
    }

    /** What kind of TLS parameter this is. */
    public TlsKind kind() {
        return kind;
    }

    /** For protocols: an order, higher is newer. 0 for other kinds. */
    public int rank() {
        return rank;
    }

    /** The digest of a signature scheme, or the MAC/PRF digest of a suite; may be null. */
    public String digest() {
        return digest;
    }

    /** The curve of a named group or ECDSA signature scheme; may be null. */
    public String curve() {
        return curve;
    }

    /** For signature schemes: the JCA signature algorithm it corresponds to; may be null. */
    public String jcaSignature() {
        return jcaSignature;
    }

    /** For cipher suites with a MAC (not AEAD): the JCA Mac name, e.g. {@code HmacSHA1}; may be null. */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** Key size in bits fixed by the name (cipher key of a suite, size of an ffdhe group), or 0. */
    public int keyBits() {
        return keyBits;
    }

    /** For cipher suites: whether this is a TLS 1.3 suite ({@code TLS_AES_128_GCM_SHA256}). */
    public boolean tls13Only() {
        return tls13Only;
    }
}
