package dev.cryptopolicy.provider.certpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertPathBuilderSpi;
import java.security.cert.CertPathParameters;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorSpi;
import java.security.cert.PKIXParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertPathEnforcementTest {
    private static final CertPathEnforcement DEFAULT = Policies.enforcement(Policies.load("DEFAULT"));

    @Test
    void pkixValidatorsAndBuilders_areGoverned_otherCertificateServicesAreNot() {
        Provider sun = Security.getProvider("SUN");
        assertTrue(CertPathEnforcement.governs(sun.getService("CertPathValidator", "PKIX")));
        assertTrue(CertPathEnforcement.governs(sun.getService("CertPathBuilder", "PKIX")));
        assertFalse(CertPathEnforcement.governs(sun.getService("CertStore", "Collection")));
        assertThrows(
                IllegalArgumentException.class,
                () -> DEFAULT.service(owner(), sun.getService("CertStore", "Collection"), List.of(), Map.of()));
    }

    @Test
    void theCheckerIsAddedFirst_toACopy_neverToTheCallersParameters() throws Exception {
        PKIXParameters callers = TestChains.validation(TestChains.dir(), "good");
        PolicyCertPathChecker checker = DEFAULT.checker();
        PKIXParameters copy = (PKIXParameters) CertPathEnforcement.withChecker(callers, checker);
        assertTrue(callers.getCertPathCheckers().isEmpty(), "the caller's parameters are unchanged");
        assertInstanceOf(PolicyCertPathChecker.class, copy.getCertPathCheckers().get(0));
        PKIXParameters again = (PKIXParameters) CertPathEnforcement.withChecker(copy, DEFAULT.checker());
        assertEquals(1, again.getCertPathCheckers().size(), "parameters handed on again get no second checker");
        assertEquals(callers.getTrustAnchors(), copy.getTrustAnchors());
        assertFalse(copy.isRevocationEnabled());
    }

    @Test
    void theConstraints_areBuiltAtTheFirstChecker_onceForEveryChecker() throws Exception {
        CertPathEnforcement fresh = Policies.enforcement(Policies.load("DEFAULT"));
        assertFalse(fresh.constraintsBuilt(), "nothing is decided when the enforcement is made");
        List<PolicyCertPathChecker> checkers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> checkers.add(fresh.checker()));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(8, checkers.size());
        assertTrue(fresh.constraintsBuilt());
        for (PolicyCertPathChecker c : checkers) {
            assertTrue(c.sameRulesAs(checkers.get(0)), "racing first uses share one set of constraints");
        }
        // Control: another enforcement of the same policy has rules of its own.
        assertFalse(DEFAULT.checker().sameRulesAs(checkers.get(0)));
    }

    @Test
    void parametersOfAnotherKind_areLeftToTheCheckAfterwards() {
        assertNull(CertPathEnforcement.withChecker(
                new CertPathParameters() {
                    @Override
                    public Object clone() {
                        return this;
                    }
                },
                DEFAULT.checker()));
    }

    @Test
    void theServices_handOutHeldValidatorsAndBuilders() throws Exception {
        Provider sun = Security.getProvider("SUN");
        Provider.Service validator =
                DEFAULT.service(owner(), sun.getService("CertPathValidator", "PKIX"), List.of(), Map.of());
        Provider.Service builder =
                DEFAULT.service(owner(), sun.getService("CertPathBuilder", "PKIX"), List.of(), Map.of());
        CertPathValidatorSpi spi = assertInstanceOf(PolicyCertPathValidatorSpi.class, validator.newInstance(null));
        assertInstanceOf(PolicyCertPathBuilderSpi.class, builder.newInstance(null));
        assertInstanceOf(CertPathBuilderSpi.class, builder.newInstance(null));
        Path dir = TestChains.dir();
        CertPathValidator held = new CertPathValidator(spi, sun, "PKIX") {};
        held.validate(TestChains.path(dir, "good"), TestChains.validation(dir, "good"));
    }

    private static Provider owner() {
        return new Provider("CertPathEnforcementTest", "1", "owner of test services") {
            private static final long serialVersionUID = 1L;
        };
    }
}
