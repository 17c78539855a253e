package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.certpath.ApplicationConstraints;
import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.AlgorithmConstraints;
import java.security.CryptoPrimitive;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's algorithm constraints on every policy-held {@link SSLParameters}, combined with an application's. */
class PolicyParametersConstraintsTest {
    private static final Set<CryptoPrimitive> SIGNATURE = EnumSet.of(CryptoPrimitive.SIGNATURE);

    @Test
    void everyPolicyHeldParametersObject_refusesWhatThePolicyDenies() throws Exception {
        for (SSLParameters parameters : everyParameters(Contexts.ready(Contexts.policy("DEFAULT"), "TLS"))) {
            AlgorithmConstraints constraints = parameters.getAlgorithmConstraints();
            assertNotNull(constraints);
            assertFalse(constraints.permits(SIGNATURE, "SHA1withRSA", null));
            assertFalse(constraints.permits(SIGNATURE, "rsa_pkcs1_sha1", null));
            assertFalse(constraints.permits(SIGNATURE, "TLSv1.1", null));
            assertTrue(constraints.permits(SIGNATURE, "SHA256withRSA", null));
            assertTrue(constraints.permits(SIGNATURE, "TLS_AES_128_GCM_SHA256", null));
        }
    }

    @Test
    void control_legacyPermitsSha1() throws Exception {
        for (SSLParameters parameters : everyParameters(Contexts.ready(Contexts.policy("LEGACY"), "TLS"))) {
            assertTrue(parameters.getAlgorithmConstraints().permits(SIGNATURE, "SHA1withRSA", null));
        }
    }

    @Test
    void anApplicationsConstraintsThatPermitEverything_leaveThePolicysInForce() throws Exception {
        SSLContext context = Contexts.ready(Contexts.policy("DEFAULT"), "TLS");
        SSLEngine engine = context.createSSLEngine();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
                SSLServerSocket server = (SSLServerSocket)
                        context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<AlgorithmConstraints> held = new ArrayList<>();
            SSLParameters permitAll = engine.getSSLParameters();
            permitAll.setAlgorithmConstraints(ApplicationConstraints.PERMIT_ALL);
            engine.setSSLParameters(permitAll);
            socket.setSSLParameters(permitAll);
            server.setSSLParameters(permitAll);
            held.add(engine.getSSLParameters().getAlgorithmConstraints());
            held.add(socket.getSSLParameters().getAlgorithmConstraints());
            held.add(server.getSSLParameters().getAlgorithmConstraints());
            for (AlgorithmConstraints constraints : held) {
                assertFalse(constraints.permits(SIGNATURE, "SHA1withRSA", null));
                assertTrue(constraints.permits(SIGNATURE, "SHA256withRSA", null));
            }
            SSLParameters refusesSha384 = socket.getSSLParameters();
            refusesSha384.setAlgorithmConstraints(new ApplicationConstraints("SHA384"));
            socket.setSSLParameters(refusesSha384);
            AlgorithmConstraints both = socket.getSSLParameters().getAlgorithmConstraints();
            assertFalse(both.permits(SIGNATURE, "SHA384withECDSA", null), "the application's own refusals hold too");
            assertFalse(both.permits(SIGNATURE, "SHA1withRSA", null));
        }
    }

    @Test
    void parametersReadAndSetAgain_keepOneCopyOfThePolicysConstraints() throws Exception {
        SSLEngine engine = Contexts.ready(Contexts.policy("DEFAULT"), "TLS").createSSLEngine();
        AlgorithmConstraints first = engine.getSSLParameters().getAlgorithmConstraints();
        for (int i = 0; i < 3; i++) {
            engine.setSSLParameters(engine.getSSLParameters());
        }
        assertTrue(first == engine.getSSLParameters().getAlgorithmConstraints(), "no nesting on each round trip");
    }

    @Test
    void auditMode_leavesTheParametersAsTheyAre(@TempDir Path dir) throws Exception {
        SSLContext context = Contexts.ready(Contexts.auditDefault(dir), "TLS");
        assertFalse(
                context.getDefaultSSLParameters().getAlgorithmConstraints() instanceof PolicyConstraints,
                "the backend's own constraints");
    }

    /** The context's default and supported parameters, and those of a new engine, socket and server socket. */
    private static List<SSLParameters> everyParameters(SSLContext context) throws Exception {
        List<SSLParameters> out = new ArrayList<>();
        out.add(context.getDefaultSSLParameters());
        out.add(context.getSupportedSSLParameters());
        out.add(context.createSSLEngine().getSSLParameters());
        out.add(context.createSSLEngine("localhost", 443).getSSLParameters());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
                SSLServerSocket server = (SSLServerSocket)
                        context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            out.add(socket.getSSLParameters());
            out.add(server.getSSLParameters());
        }
        return out;
    }
}
