package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.certpath.KeyRule;
import dev.cryptopolicy.provider.internal.ProviderAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;

/**
 * Policies and policy-held contexts for the tests, built through the public API over SunJSSE
 * without installing anything in the JVM.
 */
final class Contexts {
    private static final Map<String, CompiledPolicy> POLICIES = new ConcurrentHashMap<>();

    private Contexts() {}

    static Provider sunJsse() {
        return Security.getProvider("SunJSSE");
    }

    /** A shipped policy reference or policy file, loaded once per JVM. */
    static CompiledPolicy policy(String reference) {
        return POLICIES.computeIfAbsent(reference, r -> {
            try {
                return PolicyLoader.standard().load(r);
            } catch (PolicyException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The policy's key rules, as an installation applies them. */
    static KeyRule keys(CompiledPolicy policy) {
        return ProviderAssembly.keyRule(policy);
    }

    /** The TLS filter of {@code policy}, with the installation's key rules. */
    static TlsFilter filter(CompiledPolicy policy) {
        return new TlsFilter(policy, keys(policy));
    }

    /** The public face an application sees of a policy-held SPI. */
    static SSLContext context(SSLContextSpi spi, Provider provider, String protocol) {
        return new SSLContext(spi, provider, protocol) {};
    }

    /** An uninitialised {@code protocol} context of SunJSSE under {@code policy}. */
    static SSLContext uninitialised(CompiledPolicy policy, String protocol) throws GeneralSecurityException {
        return context(TlsEnforcement.sslContextSpi(protocol, sunJsse(), policy, keys(policy)), sunJsse(), protocol);
    }

    /** A {@code protocol} context of SunJSSE under {@code policy}, initialised with the JDK's default managers. */
    static SSLContext ready(CompiledPolicy policy, String protocol) throws GeneralSecurityException {
        SSLContext context = uninitialised(policy, protocol);
        context.init(null, null, null);
        return context;
    }

    /** A {@code TLS} context of SunJSSE under {@code policy} with {@code identity} as key and trust. */
    static SSLContext initialised(CompiledPolicy policy, TestPki.Identity identity) throws Exception {
        SSLContext context = uninitialised(policy, "TLS");
        context.init(identity.keyManagers(), identity.trustManagers(), null);
        return context;
    }

    /** A plain SunJSSE {@code TLS} context, initialised with the JDK's default managers, for comparisons. */
    static SSLContext plain() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS", sunJsse());
        context.init(null, null, null);
        return context;
    }

    /** A policy file {@code name}.yaml with {@code yaml} in {@code dir}, loaded. */
    static CompiledPolicy policyFile(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return policy(file.toString());
    }

    /** DEFAULT in audit mode. */
    static CompiledPolicy auditDefault(Path dir) throws IOException {
        return policyFile(dir, "AUDIT-DEFAULT", "kind: policy\nextends: DEFAULT\nmode: audit\n");
    }

    /** DEFAULT without the named group secp521r1. */
    static CompiledPolicy withoutP521(Path dir) throws IOException {
        return policyFile(
                dir,
                "NO-P521",
                "kind: policy\nextends: DEFAULT\ntls:\n  named_groups: [x25519, secp256r1, secp384r1]\n");
    }
}
