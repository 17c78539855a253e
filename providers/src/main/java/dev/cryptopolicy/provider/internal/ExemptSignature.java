package dev.cryptopolicy.provider.internal;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;

/**
 * The signature engine an allowlisted JDK call site ({@link JdkCaller}) gets for a signature the
 * policy refuses to applications, and that anyone gets for a signature an audit-mode policy would
 * refuse. It is a {@link Signature}, not a bare SPI, so that
 * {@code Signature.getInstance} instantiates the service at once and refuses application callers
 * there, or records them there in audit mode (see {@link PolicyService}); every key that enters is checked like everywhere else, and
 * {@link #getProvider()} is the wrapper the JCA found, never the backend.
 */
final class ExemptSignature extends Signature {
    private final EnforcingSpis.SignatureSpiImpl spi;

    ExemptSignature(String algorithm, EnforcingSpis.SignatureSpiImpl spi) {
        super(algorithm);
        this.spi = spi;
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        spi.engineInitVerify(publicKey);
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        spi.engineInitSign(privateKey);
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey, SecureRandom random) throws InvalidKeyException {
        spi.engineInitSign(privateKey, random);
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        spi.engineUpdate(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
        spi.engineUpdate(b, off, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        spi.engineUpdate(input);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        return spi.engineSign();
    }

    @Override
    protected int engineSign(byte[] out, int off, int len) throws SignatureException {
        return spi.engineSign(out, off, len);
    }

    @Override
    protected boolean engineVerify(byte[] sig) throws SignatureException {
        return spi.engineVerify(sig);
    }

    @Override
    protected boolean engineVerify(byte[] sig, int off, int len) throws SignatureException {
        return spi.engineVerify(sig, off, len);
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        spi.engineSetParameter(params);
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return spi.engineGetParameters();
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void engineSetParameter(String param, Object value) {
        spi.engineSetParameter(param, value);
    }

    @Override
    @SuppressWarnings("deprecation")
    protected Object engineGetParameter(String param) {
        return spi.engineGetParameter(param);
    }
}
