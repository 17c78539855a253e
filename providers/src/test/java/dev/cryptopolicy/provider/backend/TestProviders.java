package dev.cryptopolicy.provider.backend;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.CipherSpi;
import javax.crypto.NoSuchPaddingException;
import org.bouncycastle.crypto.fips.FipsUnapprovedOperationError;

/**
 * Deliberately broken, refusing or counting providers for the backend tests. The SPI classes are
 * public with public no-argument constructors because the JCA instantiates them reflectively.
 */
public final class TestProviders {

    private TestProviders() {}

    /** A provider that registers exactly the services a test adds. */
    public static final class FakeProvider extends Provider {
        private static final long serialVersionUID = 1L;

        public FakeProvider(String name) {
            super(name, "1.0", "test provider " + name);
        }

        FakeProvider add(String type, String algorithm, Class<?> spi) {
            return add(type, algorithm, spi.getName(), null);
        }

        FakeProvider add(String type, String algorithm, String className, Map<String, String> attributes) {
            putService(new Service(this, type, algorithm, className, null, attributes));
            return this;
        }
    }

    static Backend backend(FakeProvider provider) {
        return Backend.of(provider);
    }

    /** Real SHA-256 with the first output byte changed: registers fine, answers wrong. */
    public static final class WrongSha256 extends MessageDigestSpi {
        private final MessageDigest real;

        public WrongSha256() throws GeneralSecurityException {
            real = MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            real.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            real.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            byte[] digest = real.digest();
            digest[0] ^= 0x5a;
            return digest;
        }

        @Override
        protected void engineReset() {
            real.reset();
        }

        @Override
        protected int engineGetDigestLength() {
            return 32;
        }
    }

    /** SHA-256 whose digest() forgets to reset, so a second message continues the first. */
    public static final class ResetlessSha256 extends MessageDigestSpi {
        private final MessageDigest real;

        public ResetlessSha256() throws GeneralSecurityException {
            real = MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            real.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            real.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            try {
                return ((MessageDigest) real.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void engineReset() {
            // Deliberately nothing: MessageDigest.digest() relies on the SPI to reset itself.
        }
    }

    /** A SecureRandom that only ever produces zeros. */
    public static final class ZeroRandom extends SecureRandomSpi {
        /** Made by the JCA from the provider's registration. */
        public ZeroRandom() {}

        private static final long serialVersionUID = 1L;

        @Override
        protected void engineSetSeed(byte[] seed) {}

        @Override
        protected void engineNextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return new byte[numBytes];
        }
    }

    /** A digest that refuses as Bouncy Castle FIPS does in approved-only mode. */
    public static final class ApprovedOnlyRefusingDigest extends RefusingDigest {
        public ApprovedOnlyRefusingDigest() {
            super(() -> new FipsUnapprovedOperationError("SHA-1 is not approved (simulated)"));
        }
    }

    /** A digest that throws an Error of its own, as a buggy provider might. */
    public static final class ErrorThrowingDigest extends RefusingDigest {
        public ErrorThrowingDigest() {
            super(() -> new AssertionError("internal state corrupted (simulated)"));
        }
    }

    /** Base for digests that throw on first use. */
    public abstract static class RefusingDigest extends MessageDigestSpi {
        private final Supplier<Error> error;

        RefusingDigest(Supplier<Error> error) {
            this.error = error;
        }

        @Override
        protected void engineUpdate(byte input) {
            throw error.get();
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            throw error.get();
        }

        @Override
        protected byte[] engineDigest() {
            throw error.get();
        }

        @Override
        protected void engineReset() {}
    }

    /**
     * A cipher registered under its bare name with no SupportedModes attribute whose SPI, like
     * Bouncy Castle's AES, only rejects an unknown mode when asked.
     */
    public static final class ModeRefusingCipher extends CipherSpi {
        /** Made by the JCA from the provider's registration. */
        public ModeRefusingCipher() {}

        @Override
        protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
            throw new NoSuchAlgorithmException(mode + " not found");
        }

        @Override
        protected void engineSetPadding(String padding) throws NoSuchPaddingException {}

        @Override
        protected int engineGetBlockSize() {
            return 16;
        }

        @Override
        protected int engineGetOutputSize(int inputLen) {
            return inputLen;
        }

        @Override
        protected byte[] engineGetIV() {
            return null;
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return null;
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
            throw new UnsupportedOperationException();
        }
    }

    /** Forwards to a JDK signature; optionally accepts every signature, as a broken verifier would. */
    @SuppressWarnings("deprecation")
    public abstract static class DelegatingSignature extends SignatureSpi {
        private final Signature real;
        private final boolean acceptEverything;

        DelegatingSignature(String algorithm, String provider, boolean acceptEverything) {
            try {
                real = Signature.getInstance(algorithm, provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("test setup: no " + algorithm + " in " + provider, e);
            }
            this.acceptEverything = acceptEverything;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            real.initVerify(publicKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            real.initSign(privateKey);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            real.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            real.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return real.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            boolean valid = real.verify(sigBytes);
            return acceptEverything || valid;
        }

        @Override
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("no parameters");
        }
    }

    /** SHA256withECDSA whose verify says yes to anything. */
    public static final class AcceptingEcdsa extends DelegatingSignature {
        public AcceptingEcdsa() {
            super("SHA256withECDSA", "SunEC", true);
        }
    }

    /** A correct Ed25519 signature (SunEC underneath). */
    public static final class ForwardingEd25519 extends DelegatingSignature {
        public ForwardingEd25519() {
            super("Ed25519", "SunEC", false);
        }
    }

    /** Ed25519 key pair generation through SunEC, counting how often a key pair is generated. */
    public static final class CountingEd25519Generator extends KeyPairGeneratorSpi {
        static final AtomicInteger GENERATED = new AtomicInteger();
        private final KeyPairGenerator real;

        public CountingEd25519Generator() throws GeneralSecurityException {
            real = KeyPairGenerator.getInstance("Ed25519", "SunEC");
        }

        @Override
        public void initialize(int keysize, SecureRandom random) {
            real.initialize(keysize, random);
        }

        @Override
        public KeyPair generateKeyPair() {
            GENERATED.incrementAndGet();
            return real.generateKeyPair();
        }
    }

    /**
     * X25519 that answers the RFC 7748 section 6.1 shared secret whatever the keys: what a backend
     * tuned to pass a fixed known answer would do.
     */
    public static final class ConstantX25519 extends javax.crypto.KeyAgreementSpi {
        /** Made by the JCA from the provider's registration. */
        public ConstantX25519() {}

        static final byte[] RFC7748_SHARED =
                java.util.HexFormat.of().parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

        @Override
        protected void engineInit(Key key, SecureRandom random) {}

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random) {}

        @Override
        protected Key engineDoPhase(Key key, boolean lastPhase) {
            return null;
        }

        @Override
        protected byte[] engineGenerateSecret() {
            return RFC7748_SHARED.clone();
        }

        @Override
        protected int engineGenerateSecret(byte[] sharedSecret, int offset) {
            System.arraycopy(RFC7748_SHARED, 0, sharedSecret, offset, RFC7748_SHARED.length);
            return RFC7748_SHARED.length;
        }

        @Override
        protected javax.crypto.SecretKey engineGenerateSecret(String algorithm) {
            return new javax.crypto.spec.SecretKeySpec(RFC7748_SHARED, algorithm);
        }
    }

    /** A provider class whose constructor fails, as BCFIPS does when its power-up self-test fails. */
    public static final class SelfTestFailingProvider extends Provider {
        private static final long serialVersionUID = 1L;

        public SelfTestFailingProvider() {
            super("Failing", "1.0", "fails on construction");
            throw new IllegalStateException("power-up self-test failed (simulated)");
        }
    }
}
