package dev.cryptopolicy.provider.certpath;

import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathChecker;
import java.security.cert.CertPathParameters;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertPathValidatorSpi;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathValidatorResult;
import java.util.List;
import java.util.Set;

/** A backend's PKIX validator with the policy's checker on every path (see {@link CertPathEnforcement}). */
final class PolicyCertPathValidatorSpi extends CertPathValidatorSpi {
    private final CertPathValidator delegate;
    private final CertPathEnforcement enforcement;

    PolicyCertPathValidatorSpi(CertPathValidator delegate, CertPathEnforcement enforcement) {
        this.delegate = delegate;
        this.enforcement = enforcement;
    }

    @Override
    public CertPathValidatorResult engineValidate(CertPath path, CertPathParameters parameters)
            throws CertPathValidatorException, InvalidAlgorithmParameterException {
        PolicyCertPathChecker checker = enforcement.checker();
        CertPathParameters held = CertPathEnforcement.withChecker(parameters, checker);
        CertPathValidatorResult result = delegate.validate(path, held != null ? held : parameters);
        if (held == null) {
            checkAll(checker, path.getCertificates());
        }
        if (!(result instanceof PKIXCertPathValidatorResult pkix)) {
            throw new CertPathValidatorException("the backend's PKIX validator returned a "
                    + result.getClass().getName() + " without a trust anchor, whose key policy "
                    + checker.policyName() + " must check");
        }
        checker.checkAnchor(pkix.getTrustAnchor());
        return result;
    }

    @Override
    public CertPathChecker engineGetRevocationChecker() {
        return delegate.getRevocationChecker();
    }

    /** Runs {@code checker} over a whole path, from the certificate nearest the anchor to the target. */
    static void checkAll(PolicyCertPathChecker checker, List<? extends Certificate> certificates)
            throws CertPathValidatorException {
        for (int i = certificates.size() - 1; i >= 0; i--) {
            checker.check(certificates.get(i), Set.of());
        }
    }
}
