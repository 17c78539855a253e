package dev.cryptopolicy.provider.certpath;

import dev.cryptopolicy.provider.logging.Logging;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

/**
 * Checks every certificate of a path against the policy in scope {@code certpath}: its signature
 * algorithm (so SHA-1 in certificates follows {@code sha1.certificates}) and its public key (sizes
 * and curves of {@code keys.*}). The checks need no state, so the checker runs in either direction
 * and a builder can pass over a refused certificate for another path. The trust anchor is not a
 * certificate of the path: its own signature is not checked (as the JDK's checkers do not), its key
 * is, by {@link #checkAnchor(TrustAnchor)}.
 *
 * <p>Refusals are {@link CertPathValidatorException}s with reason
 * {@link BasicReason#ALGORITHM_CONSTRAINED} and a message that names the certificate, the policy,
 * the rule and where it is written. Under an audit-mode policy nothing is refused; what would be is
 * logged once.
 */
final class PolicyCertPathChecker extends PKIXCertPathChecker {

    private final PolicyConstraints constraints;
    private final Set<String> logged;

    PolicyCertPathChecker(PolicyConstraints constraints, Set<String> logged) {
        this.constraints = constraints;
        this.logged = logged;
    }

    /** Whether {@code other} enforces the same policy constraints as this checker. */
    boolean sameRulesAs(PolicyCertPathChecker other) {
        return constraints == other.constraints;
    }

    /** The name of the policy checked. */
    String policyName() {
        return constraints.policy().name();
    }

    @Override
    public void init(boolean forward) {
        // Stateless: each certificate is judged on its own.
    }

    @Override
    public boolean isForwardCheckingSupported() {
        return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
        return null;
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCritExts)
            throws CertPathValidatorException {
        if (!(certificate instanceof X509Certificate x509)) {
            refuse("a " + certificate.getType() + " certificate cannot be checked against policy "
                    + constraints.policy().name() + ", so it is refused");
            return;
        }
        String subject = "certificate " + x509.getSubjectX500Principal().getName();
        String signature = constraints.refusal(x509.getSigAlgName(), parameters(x509, subject));
        if (signature != null) {
            refuse(subject + ": " + signature);
        }
        String key = constraints.refusal(x509.getPublicKey());
        if (key != null) {
            refuse(subject + ": " + key);
        }
    }

    /** Checks the key of the anchor a path was validated or built to. */
    void checkAnchor(TrustAnchor anchor) throws CertPathValidatorException {
        X509Certificate trusted = anchor.getTrustedCert();
        PublicKey key = trusted != null ? trusted.getPublicKey() : anchor.getCAPublicKey();
        String refusal = constraints.refusal(key);
        if (refusal != null) {
            refuse("trust anchor "
                    + (trusted != null ? trusted.getSubjectX500Principal().getName() : anchor.getCAName()) + ": "
                    + refusal);
        }
    }

    /**
     * The RSASSA-PSS parameters of {@code certificate}, which carry its digests, or null for other
     * signature algorithms (their parameters, if any, hold nothing the policy decides).
     *
     * @throws CertPathValidatorException when RSASSA-PSS parameters cannot be read: without the
     *         digests the policy cannot decide, so the certificate is refused
     */
    private AlgorithmParameters parameters(X509Certificate certificate, String subject)
            throws CertPathValidatorException {
        byte[] encoded = certificate.getSigAlgParams();
        if (encoded == null || !"RSASSA-PSS".equalsIgnoreCase(certificate.getSigAlgName())) {
            return null;
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encoded);
            return parameters;
        } catch (GeneralSecurityException | IOException e) {
            throw new CertPathValidatorException(
                    subject + ": its RSASSA-PSS parameters cannot be read (" + e.getMessage() + "), so policy "
                            + constraints.policy().name() + " cannot decide its digests",
                    e,
                    null,
                    -1,
                    BasicReason.ALGORITHM_CONSTRAINED);
        }
    }

    private void refuse(String message) throws CertPathValidatorException {
        if (constraints.policy().enforcing()) {
            throw new CertPathValidatorException(message, null, null, -1, BasicReason.ALGORITHM_CONSTRAINED);
        }
        if (logged.size() < 1024 && logged.add(message)) {
            Logging.logger().log(Level.WARNING, "cryptopolicy audit: would refuse {0}", message);
        }
    }
}
