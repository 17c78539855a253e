package dev.cryptopolicy.engine.algorithms;

/** The kinds of key a policy constrains, each with its own minimum size rule. */
public enum KeyFamily {
    /** RSA and RSASSA-PSS keys ({@code keys.rsa}). */
    RSA,
    /** DSA keys ({@code keys.dsa}). */
    DSA,
    /** Finite-field Diffie-Hellman keys ({@code keys.dh}). */
    DH,
    /** Weierstrass EC keys ({@code keys.ec}: minimum bits and named curves). */
    EC,
    /** Montgomery and Edwards keys (X25519, X448, Ed25519, Ed448): allowed by curve name. */
    CURVE_NAMED,
    /** Symmetric cipher keys (AES, ChaCha20, DESede, ...) ({@code keys.symmetric}). */
    SYMMETRIC,
    /** Keys no size rule applies to (HMAC keys, ML-KEM, ML-DSA, ...). */
    UNCONSTRAINED
}
