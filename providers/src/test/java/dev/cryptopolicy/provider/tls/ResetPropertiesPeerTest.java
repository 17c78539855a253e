package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.certpath.TestChains;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code openssl s_server} whose certificate its CA signed with SHA1withRSA, against clients
 * in child JVMs that reset {@code jdk.certpath.disabledAlgorithms}, {@code jdk.tls.disabledAlgorithms}
 * and JDK 17's {@code jdk.tls.client.SignatureSchemes} before their first TLS use, which leaves the
 * JDK's own checks accepting that certificate. The policy's own constraints and PKIX checker refuse it.
 */
@Slow
class ResetPropertiesPeerTest {

    @Test
    void httpClientAndHttpsUrlConnection_areRefusedUnderDefault_andConnectWithoutThePolicy() throws Exception {
        String refused = http("DEFAULT");
        assertTrue(refused.contains("HttpClient REFUSED"), refused);
        assertTrue(refused.contains("HttpsURLConnection REFUSED"), refused);
        String control = http("NONE");
        assertTrue(control.contains("HttpClient CONNECTED 200"), control);
        assertTrue(control.contains("HttpsURLConnection CONNECTED 200"), control);
    }

    @Test
    void applicationConstraintsThatPermitEverything_leaveThePolicysConstraintsInForce() throws Exception {
        assertTrue(constraints("DEFAULT").contains("DEFAULT REFUSED"));
        assertTrue(constraints("LEGACY").contains("LEGACY CONNECTED"));
        assertTrue(constraints("JDK").contains("JDK CONNECTED"));
    }

    private static String http(String policy) throws Exception {
        Path dir = TestChains.dir();
        List<String> jvm = new ArrayList<>();
        if (!policy.equals("NONE")) {
            // As the agent sets them for JDK 17: the application then clears them.
            TlsEnforcement.systemPropertiesFor(Contexts.policy(policy)).forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        }
        try (OpenSsl server = sha1Server(dir)) {
            return TlsPeer.Run.run(
                    jvm,
                    "http",
                    policy,
                    String.valueOf(server.port()),
                    TestChains.root(dir, "sha1-leaf").toString());
        }
    }

    private static String constraints(String policy) throws Exception {
        Path dir = TestChains.dir();
        try (OpenSsl server = sha1Server(dir)) {
            String out = TlsPeer.Run.run(
                    List.of(),
                    "constraints",
                    policy,
                    String.valueOf(server.port()),
                    TestChains.root(dir, "sha1-leaf").toString());
            return out;
        }
    }

    /** OpenSSL itself refuses to serve a SHA-1-signed certificate above security level 0. */
    private static OpenSsl sha1Server(Path dir) throws Exception {
        return OpenSsl.server(
                new TestPki.Identity("RSA", TestChains.leaf(dir, "sha1-leaf"), TestChains.leafKey(dir, "sha1-leaf")),
                4,
                "-cipher",
                "DEFAULT@SECLEVEL=0");
    }
}
