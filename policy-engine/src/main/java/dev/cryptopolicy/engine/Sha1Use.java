package dev.cryptopolicy.engine;

/** The uses of SHA-1 a policy decides separately ({@code sha1.*}). */
enum Sha1Use {
    /** {@code MessageDigest SHA-1} (and SHA1PRNG, OAEP with SHA-1). */
    DIGEST("digest"),
    /** {@code HmacSHA1}, PBKDF2 with HmacSHA1 and TLS suites with a SHA-1 MAC. */
    HMAC("hmac"),
    /** {@code SHA1with*} signatures and TLS {@code *_sha1} signature schemes. */
    SIGNATURES("signatures"),
    /** SHA-1 signatures in certificates (certificate path validation). */
    CERTIFICATES("certificates");

    private final String key;

    Sha1Use(String key) {
        this.key = key;
    }

    /** The key under {@code sha1:} in policy files. */
    public String key() {
        return key;
    }
}
