package dev.cryptopolicy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.InstallPlan;
import dev.cryptopolicy.provider.backend.Backend;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * What TLS will actually offer under a policy on this JVM: the policy's protocols and cipher
 * suites intersected with what the TLS backend supports, and the policy entries the backend lacks
 * (a Mozilla profile lists suites SunJSSE does not implement, for instance).
 */
record TlsReport(
        String backend,
        List<String> protocols,
        List<String> suites,
        List<String> unsupportedProtocols,
        List<String> unsupportedSuites,
        String problem) {

    static TlsReport of(CompiledPolicy policy, InstallPlan plan) {
        for (Backend b : plan.backends()) {
            if (b.provider().getService("SSLContext", "TLS") == null
                    || (policy.backends().fipsOnly() && !b.fips())) {
                continue;
            }
            try {
                SSLContext context = SSLContext.getInstance("TLS", b.provider());
                context.init(null, null, null);
                SSLParameters supported = context.getSupportedSSLParameters();
                List<String> supportedSuites = Arrays.asList(supported.getCipherSuites());
                List<String> supportedProtocols = Arrays.asList(supported.getProtocols());
                List<String> protocols = new ArrayList<>();
                List<String> missingProtocols = new ArrayList<>();
                for (String p : policy.tls().protocols()) {
                    (supportedProtocols.contains(p) ? protocols : missingProtocols).add(p);
                }
                List<String> suites = new ArrayList<>();
                List<String> missingSuites = new ArrayList<>();
                for (String s : policy.tls().cipherSuites()) {
                    boolean has = supportedSuites.contains(s) || supportedSuites.contains("SSL_" + s.substring(4));
                    (has ? suites : missingSuites).add(s);
                }
                return new TlsReport(b.name(), protocols, suites, missingProtocols, missingSuites, null);
            } catch (GeneralSecurityException | RuntimeException e) {
                return new TlsReport(
                        b.name(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        "cannot create a TLS context: " + e.getMessage());
            }
        }
        return new TlsReport(null, List.of(), List.of(), List.of(), List.of(), "no TLS backend on this JVM");
    }

    void print(PrintStream out) {
        out.println();
        if (problem != null) {
            out.println("tls: " + (backend == null ? "" : backend + ": ") + problem);
            return;
        }
        out.println("tls (" + backend + "): protocols " + String.join(", ", protocols) + "; " + suites.size()
                + " cipher suites of the policy supported");
        if (!unsupportedProtocols.isEmpty()) {
            out.println(
                    "  policy protocols " + backend + " does not support: " + String.join(", ", unsupportedProtocols));
        }
        if (!unsupportedSuites.isEmpty()) {
            out.println("  policy cipher suites " + backend + " does not support (left out): "
                    + String.join(", ", unsupportedSuites));
        }
    }

    void json(ObjectNode node) {
        node.put("backend", backend);
        if (problem != null) {
            node.put("problem", problem);
        }
        add(node.putArray("protocols"), protocols);
        add(node.putArray("cipherSuites"), suites);
        add(node.putArray("unsupportedProtocols"), unsupportedProtocols);
        add(node.putArray("unsupportedCipherSuites"), unsupportedSuites);
    }

    private static void add(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
