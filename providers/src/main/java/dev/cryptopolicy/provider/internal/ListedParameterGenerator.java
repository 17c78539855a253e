package dev.cryptopolicy.provider.internal;

import java.security.AlgorithmParameterGenerator;
import java.security.AlgorithmParameterGeneratorSpi;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;

/**
 * A backend's parameter generator whose results name an installed provider: SunJCE's DH and
 * SunJCE's and SUN's others create their parameters with a reference to the backend object itself,
 * and {@code AlgorithmParameters.getProvider()} would hand any caller the raw backend (see
 * {@link EnforcingSpis#listed}). Parameter generation is not otherwise governed.
 */
final class ListedParameterGenerator extends AlgorithmParameterGeneratorSpi {
    private final AlgorithmParameterGenerator delegate;

    ListedParameterGenerator(AlgorithmParameterGenerator delegate) {
        this.delegate = delegate;
    }

    @Override
    protected void engineInit(int size, SecureRandom random) {
        delegate.init(size, random);
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec genParamSpec, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        delegate.init(genParamSpec, random);
    }

    @Override
    protected AlgorithmParameters engineGenerateParameters() {
        return EnforcingSpis.listed(delegate.generateParameters());
    }
}
