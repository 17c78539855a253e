package dev.cryptopolicy.engine.algorithms;

/** The kinds of TLS parameter a policy governs. */
public enum TlsKind {
    /** {@code TLSv1.2}, {@code TLSv1.3}, ... */
    PROTOCOL("protocol"),
    /** IANA cipher suite names. */
    CIPHER_SUITE("cipher suite"),
    /** Named groups for key exchange ({@code x25519}, {@code secp256r1}, {@code ffdhe2048}). */
    NAMED_GROUP("named group"),
    /** Signature schemes ({@code ecdsa_secp256r1_sha256}, {@code rsa_pss_rsae_sha256}). */
    SIGNATURE_SCHEME("signature scheme");

    private final String description;

    TlsKind(String description) {
        this.description = description;
    }

    /** Human words for messages, e.g. "cipher suite". */
    public String description() {
        return description;
    }
}
