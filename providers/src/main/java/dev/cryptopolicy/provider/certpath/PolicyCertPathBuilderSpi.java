package dev.cryptopolicy.provider.certpath;

import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathBuilderResult;
import java.security.cert.CertPathBuilderSpi;
import java.security.cert.CertPathChecker;
import java.security.cert.CertPathParameters;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXCertPathBuilderResult;

/**
 * A backend's PKIX builder with the policy's checker on every candidate path (see
 * {@link CertPathEnforcement}): a certificate the policy refuses is passed over for another path
 * where the backend finds one.
 */
final class PolicyCertPathBuilderSpi extends CertPathBuilderSpi {
    private final CertPathBuilder delegate;
    private final CertPathEnforcement enforcement;

    PolicyCertPathBuilderSpi(CertPathBuilder delegate, CertPathEnforcement enforcement) {
        this.delegate = delegate;
        this.enforcement = enforcement;
    }

    @Override
    public CertPathBuilderResult engineBuild(CertPathParameters parameters)
            throws CertPathBuilderException, InvalidAlgorithmParameterException {
        PolicyCertPathChecker checker = enforcement.checker();
        CertPathParameters held = CertPathEnforcement.withChecker(parameters, checker);
        CertPathBuilderResult result = delegate.build(held != null ? held : parameters);
        try {
            if (held == null) {
                PolicyCertPathValidatorSpi.checkAll(
                        checker, result.getCertPath().getCertificates());
            }
            if (!(result instanceof PKIXCertPathBuilderResult pkix)) {
                throw new CertPathValidatorException("the backend's PKIX builder returned a "
                        + result.getClass().getName() + " without a trust anchor, whose key policy "
                        + checker.policyName() + " must check");
            }
            checker.checkAnchor(pkix.getTrustAnchor());
        } catch (CertPathValidatorException e) {
            throw new CertPathBuilderException(e.getMessage(), e);
        }
        return result;
    }

    @Override
    public CertPathChecker engineGetRevocationChecker() {
        return delegate.getRevocationChecker();
    }
}
