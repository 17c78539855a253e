package dev.cryptopolicy.provider;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;

/**
 * Keys of a class no JDK key interface describes: an algorithm name, a format and an encoding (any
 * of them may be null), nothing else; what hardware tokens and other libraries hand out.
 */
public abstract class OpaqueKeys implements Key {
    private static final long serialVersionUID = 1L;
    private final String algorithm;
    private final String format;
    private final byte[] encoded;

    OpaqueKeys(String algorithm, String format, byte[] encoded) {
        this.algorithm = algorithm;
        this.format = format;
        this.encoded = encoded == null ? null : encoded.clone();
    }

    /** An opaque copy of a key: its algorithm, format and encoding only. */
    public static Key of(Key key) {
        if (key instanceof PublicKey) {
            return new Public(key.getAlgorithm(), key.getFormat(), key.getEncoded());
        }
        return new Private(key.getAlgorithm(), key.getFormat(), key.getEncoded());
    }

    /** An opaque copy of a private key. */
    public static PrivateKey privateKey(PrivateKey of) {
        return new Private(of.getAlgorithm(), of.getFormat(), of.getEncoded());
    }

    /** An opaque copy of a public key. */
    public static PublicKey publicKey(PublicKey of) {
        return new Public(of.getAlgorithm(), of.getFormat(), of.getEncoded());
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return format;
    }

    @Override
    public byte[] getEncoded() {
        return encoded == null ? null : encoded.clone();
    }

    /** An opaque private key. */
    public static final class Private extends OpaqueKeys implements PrivateKey {
        private static final long serialVersionUID = 1L;

        public Private(String algorithm, String format, byte[] encoded) {
            super(algorithm, format, encoded);
        }
    }

    /** An opaque public key. */
    public static final class Public extends OpaqueKeys implements PublicKey {
        private static final long serialVersionUID = 1L;

        public Public(String algorithm, String format, byte[] encoded) {
            super(algorithm, format, encoded);
        }
    }

    /** An opaque secret key. */
    public static final class Secret extends OpaqueKeys implements SecretKey {
        private static final long serialVersionUID = 1L;

        public Secret(String algorithm, String format, byte[] encoded) {
            super(algorithm, format, encoded);
        }
    }
}
