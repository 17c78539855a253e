package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.tls.HandshakeCapture;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyAgreementSpi;
import javax.crypto.KeyGenerator;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.ShortBufferException;

/**
 * The SPIs that stand between an application and a backend for the engine types where keys enter:
 * each holds the backend's public engine object and checks every key and size against the policy
 * before passing the call on. Digests, random generators, parameters, key stores and certificate
 * factories take no keys and are served by the backend's own SPI objects, at no cost.
 */
final class EnforcingSpis {

    private EnforcingSpis() {}

    /** Creates the enforcing SPI for one engine type around a fresh engine object of the backend. */
    static Object create(ServiceType type, String algorithm, java.security.Provider backend, Enforcer enforcer)
            throws NoSuchAlgorithmException {
        BackendRandom random = new BackendRandom(backend);
        try {
            switch (type) {
                case SIGNATURE:
                    return new SignatureSpiImpl(Signature.getInstance(algorithm, backend), enforcer, algorithm, random);
                case CIPHER:
                    return new CipherSpiImpl(Cipher.getInstance(algorithm, backend), enforcer, algorithm, random);
                case MAC:
                    return new MacSpiImpl(Mac.getInstance(algorithm, backend), enforcer, algorithm);
                case KEY_AGREEMENT:
                    return new KeyAgreementSpiImpl(
                            KeyAgreement.getInstance(algorithm, backend), enforcer, algorithm, random);
                case KEY_PAIR_GENERATOR:
                    return new KeyPairGeneratorSpiImpl(
                            KeyPairGenerator.getInstance(algorithm, backend), enforcer, algorithm, random);
                case KEY_GENERATOR:
                    return new KeyGeneratorSpiImpl(
                            KeyGenerator.getInstance(algorithm, backend), enforcer, algorithm, random);
                case KEY_FACTORY:
                    return new KeyFactorySpiImpl(
                            java.security.KeyFactory.getInstance(algorithm, backend), enforcer, algorithm);
                case SECRET_KEY_FACTORY:
                    return new SecretKeyFactorySpiImpl(
                            SecretKeyFactory.getInstance(algorithm, backend), enforcer, algorithm);
                default:
                    throw new IllegalArgumentException("no enforcing SPI for " + type);
            }
        } catch (NoSuchPaddingException e) {
            NoSuchAlgorithmException n = new NoSuchAlgorithmException(e.getMessage());
            n.initCause(e);
            throw n;
        }
    }

    /**
     * {@code parameters}, or a copy from the installed providers when they name a provider that
     * is not in the JDK's list. A backend may create its parameters with a reference to itself
     * (SunJCE's GCM and RSA ciphers use {@code SunJCE.getInstance()}), and
     * {@code AlgorithmParameters.getProvider()} would then hand any caller the raw backend.
     */
    static AlgorithmParameters listed(AlgorithmParameters parameters) {
        if (parameters == null
                || java.security.Security.getProvider(parameters.getProvider().getName()) == parameters.getProvider()) {
            return parameters;
        }
        try {
            AlgorithmParameters copy = AlgorithmParameters.getInstance(parameters.getAlgorithm());
            copy.init(parameters.getEncoded());
            return copy;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new java.security.ProviderException(
                    parameters.getAlgorithm() + " parameters of "
                            + parameters.getProvider().getName()
                            + " cannot be handed out through the installed providers: " + e,
                    e);
        }
    }

    /** Whether {@link #create} has an enforcing SPI for the type. */
    static boolean enforces(ServiceType type) {
        switch (type) {
            case SIGNATURE:
            case CIPHER:
            case MAC:
            case KEY_AGREEMENT:
            case KEY_PAIR_GENERATOR:
            case KEY_GENERATOR:
            case KEY_FACTORY:
            case SECRET_KEY_FACTORY:
                return true;
            default:
                return false;
        }
    }

    static final class SignatureSpiImpl extends SignatureSpi {
        private final Signature delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        private final BackendRandom random;
        /** The key of the last {@code init} and the parameters set, for a TLS handshake's capture. */
        private Key key;

        private AlgorithmParameterSpec parameters;

        SignatureSpiImpl(Signature delegate, Enforcer enforcer, String algorithm, BackendRandom random) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
            this.random = random;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.SIGNATURE, algorithm, publicKey, delegate.getProvider());
            delegate.initVerify(publicKey);
            key = publicKey;
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.SIGNATURE, algorithm, privateKey, delegate.getProvider());
            if (random.replaces()) {
                delegate.initSign(privateKey, random.apply(null));
            } else {
                delegate.initSign(privateKey);
            }
            key = privateKey;
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey, SecureRandom random) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.SIGNATURE, algorithm, privateKey, delegate.getProvider());
            delegate.initSign(privateKey, this.random.apply(random));
            key = privateKey;
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            try {
                delegate.update(input);
            } catch (SignatureException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            captured(true);
            return delegate.sign();
        }

        @Override
        protected int engineSign(byte[] out, int off, int len) throws SignatureException {
            captured(true);
            return delegate.sign(out, off, len);
        }

        @Override
        protected boolean engineVerify(byte[] sig) throws SignatureException {
            captured(false);
            return delegate.verify(sig);
        }

        @Override
        protected boolean engineVerify(byte[] sig, int off, int len) throws SignatureException {
            captured(false);
            return delegate.verify(sig, off, len);
        }

        /** Notes the signature in the capture of a TLS handshake running on this thread, if any. */
        private void captured(boolean sign) {
            HandshakeCapture c = HandshakeCapture.current();
            if (c != null) {
                c.signature(sign, algorithm, key, parameters);
            }
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            delegate.setParameter(params);
            parameters = params;
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return listed(delegate.getParameters());
        }

        @Override
        @SuppressWarnings("deprecation")
        protected void engineSetParameter(String param, Object value) {
            delegate.setParameter(param, value);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected Object engineGetParameter(String param) {
            return delegate.getParameter(param);
        }
    }

    static final class CipherSpiImpl extends CipherSpi {
        private final Cipher delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        private final BackendRandom random;
        /** The key the last {@code init} allowed, so the same key object again skips measuring it. */
        private Enforcer.Allowed allowed;

        CipherSpiImpl(Cipher delegate, Enforcer enforcer, String algorithm, BackendRandom random) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
            this.random = random;
        }

        @Override
        protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
            throw new NoSuchAlgorithmException("the transformation " + algorithm + " is fixed; mode " + mode
                    + " must be part of the name passed to Cipher.getInstance");
        }

        @Override
        protected void engineSetPadding(String padding) throws NoSuchPaddingException {
            throw new NoSuchPaddingException("the transformation " + algorithm + " is fixed; padding " + padding
                    + " must be part of the name passed to Cipher.getInstance");
        }

        @Override
        protected int engineGetBlockSize() {
            return delegate.getBlockSize();
        }

        @Override
        protected int engineGetOutputSize(int inputLen) {
            return delegate.getOutputSize(inputLen);
        }

        @Override
        protected byte[] engineGetIV() {
            return delegate.getIV();
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return listed(delegate.getParameters());
        }

        @Override
        protected int engineGetKeySize(Key key) throws InvalidKeyException {
            return KeyInfo.of(key).bits();
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
            allowed = enforcer.checkKey(ServiceType.CIPHER, algorithm, key, delegate.getProvider(), allowed);
            delegate.init(opmode, key, this.random.apply(random));
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            allowed = enforcer.checkKey(ServiceType.CIPHER, algorithm, key, delegate.getProvider(), allowed);
            delegate.init(opmode, key, params, this.random.apply(random));
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            allowed = enforcer.checkKey(ServiceType.CIPHER, algorithm, key, delegate.getProvider(), allowed);
            delegate.init(opmode, key, params, this.random.apply(random));
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int off, int len) {
            return delegate.update(input, off, len);
        }

        @Override
        protected int engineUpdate(byte[] input, int off, int len, byte[] out, int outOff) throws ShortBufferException {
            return delegate.update(input, off, len, out, outOff);
        }

        @Override
        protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
            return delegate.update(input, output);
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int off, int len)
                throws IllegalBlockSizeException, BadPaddingException {
            return delegate.doFinal(input, off, len);
        }

        @Override
        protected int engineDoFinal(byte[] input, int off, int len, byte[] out, int outOff)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
            return delegate.doFinal(input, off, len, out, outOff);
        }

        @Override
        protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
            return delegate.doFinal(input, output);
        }

        @Override
        protected void engineUpdateAAD(byte[] src, int offset, int len) {
            delegate.updateAAD(src, offset, len);
        }

        @Override
        protected void engineUpdateAAD(ByteBuffer src) {
            delegate.updateAAD(src);
        }

        @Override
        protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
            enforcer.checkKey(ServiceType.CIPHER, algorithm, key, delegate.getProvider());
            return delegate.wrap(key);
        }

        @Override
        protected Key engineUnwrap(byte[] wrapped, String wrappedAlgorithm, int wrappedType)
                throws InvalidKeyException, NoSuchAlgorithmException {
            Key key = delegate.unwrap(wrapped, wrappedAlgorithm, wrappedType);
            enforcer.checkKey(ServiceType.CIPHER, algorithm, key, delegate.getProvider());
            return key;
        }
    }

    static final class MacSpiImpl extends MacSpi implements Cloneable {
        private Mac delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        MacSpiImpl(Mac delegate, Enforcer enforcer, String algorithm) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
        }

        @Override
        protected int engineGetMacLength() {
            return delegate.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            enforcer.checkKey(ServiceType.MAC, algorithm, key, delegate.getProvider());
            delegate.init(key, params);
        }

        @Override
        protected void engineUpdate(byte input) {
            delegate.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            delegate.update(input, offset, len);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            delegate.update(input);
        }

        @Override
        protected byte[] engineDoFinal() {
            return delegate.doFinal();
        }

        @Override
        protected void engineReset() {
            delegate.reset();
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            MacSpiImpl copy = (MacSpiImpl) super.clone();
            copy.delegate = (Mac) delegate.clone();
            return copy;
        }
    }

    static final class KeyAgreementSpiImpl extends KeyAgreementSpi {
        private final KeyAgreement delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        private final BackendRandom random;

        KeyAgreementSpiImpl(KeyAgreement delegate, Enforcer enforcer, String algorithm, BackendRandom random) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
            this.random = random;
        }

        @Override
        protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.KEY_AGREEMENT, algorithm, key, delegate.getProvider());
            delegate.init(key, this.random.apply(random));
            captured(key);
        }

        /** Notes the agreement's local key in the capture of a TLS handshake running on this thread, if any. */
        private static void captured(Key key) {
            HandshakeCapture c = HandshakeCapture.current();
            if (c != null) {
                c.agreement(key);
            }
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            enforcer.checkKey(ServiceType.KEY_AGREEMENT, algorithm, key, delegate.getProvider());
            delegate.init(key, params, this.random.apply(random));
            captured(key);
        }

        @Override
        protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.KEY_AGREEMENT, algorithm, key, delegate.getProvider());
            return delegate.doPhase(key, lastPhase);
        }

        @Override
        protected byte[] engineGenerateSecret() {
            return delegate.generateSecret();
        }

        @Override
        protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
            return delegate.generateSecret(sharedSecret, offset);
        }

        @Override
        protected SecretKey engineGenerateSecret(String alg) throws NoSuchAlgorithmException, InvalidKeyException {
            return delegate.generateSecret(alg);
        }
    }

    static final class KeyPairGeneratorSpiImpl extends KeyPairGeneratorSpi {
        private final KeyPairGenerator delegate;
        private final Enforcer enforcer;
        private final String algorithm;
        private boolean initialized;
        private boolean sizeChecked;

        private final BackendRandom random;

        KeyPairGeneratorSpiImpl(KeyPairGenerator delegate, Enforcer enforcer, String algorithm, BackendRandom random) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
            this.random = random;
        }

        @Override
        public void initialize(int keysize, SecureRandom random) {
            enforcer.checkSize(ServiceType.KEY_PAIR_GENERATOR, algorithm, algorithm, keysize);
            delegate.initialize(keysize, this.random.apply(random));
            initialized = true;
            sizeChecked = true;
        }

        @Override
        public void initialize(AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidAlgorithmParameterException {
            enforcer.checkSpec(ServiceType.KEY_PAIR_GENERATOR, algorithm, params);
            delegate.initialize(params, this.random.apply(random));
            initialized = true;
            sizeChecked = KeyInfo.of(algorithm, params).bits() > 0
                    || KeyInfo.of(algorithm, params).curve() != null;
        }

        @Override
        public KeyPair generateKeyPair() {
            if (!initialized) {
                initializeToPolicyDefault();
            }
            KeyPair pair = delegate.generateKeyPair();
            if (!sizeChecked) {
                // Sizes chosen by the backend (defaults, opaque parameter specs) are checked on the result.
                enforcer.checkProducedKey(
                        ServiceType.KEY_PAIR_GENERATOR, algorithm, pair.getPublic(), delegate.getProvider());
            }
            return pair;
        }

        /**
         * JDKs disagree on default sizes (RSA: 2048 on 17, 3072 on 25). An uninitialised generator
         * makes keys of the policy's minimum (at least 2048 bits), so every JDK gives the same keys.
         */
        private void initializeToPolicyDefault() {
            KeyFamily family = switch (algorithm.toUpperCase(java.util.Locale.ROOT)) {
                case "RSA", "RSASSA-PSS" -> KeyFamily.RSA;
                case "DSA" -> KeyFamily.DSA;
                case "DH", "DIFFIEHELLMAN" -> KeyFamily.DH;
                default -> null;
            };
            if (family != null) {
                delegate.initialize(Math.max(2048, enforcer.minBits(family)), random.apply(null));
            }
            initialized = true;
        }
    }

    static final class KeyGeneratorSpiImpl extends KeyGeneratorSpi {
        private final KeyGenerator delegate;
        private final Enforcer enforcer;
        private final String algorithm;
        private boolean initialized;

        private final BackendRandom backendRandom;

        KeyGeneratorSpiImpl(KeyGenerator delegate, Enforcer enforcer, String algorithm, BackendRandom random) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
            this.backendRandom = random;
        }

        @Override
        protected void engineInit(SecureRandom random) {
            SecureRandom r = backendRandom.apply(random);
            delegate.init(r);
            initialized = defaultSizeFor(r);
        }

        @Override
        protected void engineInit(AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidAlgorithmParameterException {
            delegate.init(params, backendRandom.apply(random));
            initialized = true;
        }

        @Override
        protected void engineInit(int keysize, SecureRandom random) {
            enforcer.checkSize(ServiceType.KEY_GENERATOR, algorithm, algorithm, keysize);
            delegate.init(keysize, backendRandom.apply(random));
            initialized = true;
        }

        @Override
        protected SecretKey engineGenerateKey() {
            if (!initialized) {
                defaultSizeFor(backendRandom.apply(null));
            }
            SecretKey key = delegate.generateKey();
            enforcer.checkProducedKey(ServiceType.KEY_GENERATOR, algorithm, key, delegate.getProvider());
            return key;
        }

        /**
         * The default AES key size differs between JDKs (128 on 17, 256 on 19+); an uninitialised
         * AES generator makes keys of the smallest size the policy accepts.
         */
        private boolean defaultSizeFor(SecureRandom random) {
            if (algorithm.equalsIgnoreCase("AES")) {
                int min = enforcer.minBits(KeyFamily.SYMMETRIC);
                int size = min <= 128 ? 128 : min <= 192 ? 192 : 256;
                if (random == null) {
                    delegate.init(size);
                } else {
                    delegate.init(size, random);
                }
            }
            return true;
        }
    }

    static final class KeyFactorySpiImpl extends KeyFactorySpi {
        private final java.security.KeyFactory delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        KeyFactorySpiImpl(java.security.KeyFactory delegate, Enforcer enforcer, String algorithm) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
            // Public keys are decoded by the JDK itself (certificates, key stores); they are checked
            // where they are used (initVerify, doPhase, Cipher.init), not here.
            return delegate.generatePublic(keySpec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
            PrivateKey key = delegate.generatePrivate(keySpec);
            try {
                enforcer.checkKey(ServiceType.KEY_FACTORY, algorithm, key, delegate.getProvider());
            } catch (InvalidKeyException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            }
            return key;
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
            return delegate.getKeySpec(key, keySpec);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.KEY_FACTORY, algorithm, key, delegate.getProvider());
            return delegate.translateKey(key);
        }
    }

    static final class SecretKeyFactorySpiImpl extends SecretKeyFactorySpi {
        private final SecretKeyFactory delegate;
        private final Enforcer enforcer;
        private final String algorithm;

        SecretKeyFactorySpiImpl(SecretKeyFactory delegate, Enforcer enforcer, String algorithm) {
            this.delegate = delegate;
            this.enforcer = enforcer;
            this.algorithm = algorithm;
        }

        @Override
        protected SecretKey engineGenerateSecret(KeySpec keySpec) throws InvalidKeySpecException {
            SecretKey key = delegate.generateSecret(keySpec);
            try {
                enforcer.checkKey(ServiceType.SECRET_KEY_FACTORY, algorithm, key, delegate.getProvider());
            } catch (InvalidKeyException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            }
            return key;
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected KeySpec engineGetKeySpec(SecretKey key, Class keySpec) throws InvalidKeySpecException {
            @SuppressWarnings("unchecked")
            Class<? extends KeySpec> spec = (Class<? extends KeySpec>) keySpec;
            return delegate.getKeySpec(key, spec);
        }

        @Override
        protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
            enforcer.checkKey(ServiceType.SECRET_KEY_FACTORY, algorithm, key, delegate.getProvider());
            return delegate.translateKey(key);
        }
    }
}
