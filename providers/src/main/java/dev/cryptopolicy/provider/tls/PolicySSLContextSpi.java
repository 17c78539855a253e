package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A backend's {@link SSLContext} under a policy: the public context object does the work, and
 * everything it hands out is configured with the policy's parameters and wrapped so that later
 * setters cannot leave the policy.
 */
final class PolicySSLContextSpi extends SSLContextSpi {

    /** Context protocols that name one version, oldest first; such a context enables nothing newer. */
    private static final List<String> VERSIONS = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /** The protocols and cipher suites of {@code filter}'s policy that the backend supports, in the policy's order. */
    private record Profile(TlsFilter filter, String[] protocols, String[] cipherSuites) {}

    private final String protocol;
    private final SSLContext delegate;
    /** The filter in force, read once per configuration (the policy may be replaced between two). */
    private final Supplier<TlsFilter> filters;
    /** Index in {@link #VERSIONS} of the newest version this context may enable. */
    private final int newest;
    /** Computed at first use (the backend may need initialising first); racing computations agree. */
    private volatile Profile profile;

    /**
     * A context over {@code delegate}. Typed as {@link SSLContextSpi} so that its caller,
     * {@link TlsEnforcement}, which the installation uses before any TLS, does not load this class
     * when it is verified (returning a subclass where the supertype is declared would).
     *
     * @throws NoSuchAlgorithmException as the constructor does
     */
    static SSLContextSpi over(String protocol, SSLContext delegate, Supplier<TlsFilter> filters)
            throws NoSuchAlgorithmException {
        return new PolicySSLContextSpi(protocol, delegate, filters);
    }

    /**
     * @throws NoSuchAlgorithmException when {@code protocol} names a version and the policy allows
     *         neither it nor an older one: such a context could never connect
     */
    PolicySSLContextSpi(String protocol, SSLContext delegate, Supplier<TlsFilter> filters)
            throws NoSuchAlgorithmException {
        this.protocol = protocol;
        this.delegate = delegate;
        this.filters = filters;
        TlsFilter filter = filters.get();
        String version =
                VERSIONS.stream().filter(protocol::equalsIgnoreCase).findFirst().orElse(null);
        this.newest = version == null ? VERSIONS.size() : VERSIONS.indexOf(version);
        if (version != null
                && filter.enforcing()
                && VERSIONS.subList(0, newest + 1).stream().noneMatch(v -> filter.allows(TlsKind.PROTOCOL, v))) {
            throw new NoSuchAlgorithmException("SSLContext " + protocol + " could never connect: "
                    + filter.policy().decideTls(TlsKind.PROTOCOL, version).explain("protocol " + version));
        }
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        if ("Default".equalsIgnoreCase(protocol)) {
            throw new KeyManagementException("Default SSLContext is initialized automatically");
        }
        delegate.init(keyManagers, trustManagers, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return new PolicySSLSocketFactory(delegate.getSocketFactory(), this);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new PolicySSLServerSocketFactory(delegate.getServerSocketFactory(), this);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return configure(delegate.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return configure(delegate.createSSLEngine(host, port));
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return delegate.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return withPolicy(delegate.getDefaultSSLParameters());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return withPolicy(delegate.getSupportedSSLParameters());
    }

    /** The cipher suites a factory reports as default or supported: the policy's, or the backend's under audit. */
    String[] cipherSuites(String[] backend) {
        TlsFilter filter = filters.get();
        return filter.enforcing() ? profile(filter).cipherSuites().clone() : backend;
    }

    SSLSocket configure(Socket socket) throws IOException {
        TlsFilter filter = filters.get();
        if (!(socket instanceof SSLSocket ssl)) {
            socket.close();
            throw new SocketException("the backend's socket factory made a "
                    + socket.getClass().getName() + ", not an SSLSocket; it cannot be held to policy "
                    + filter.policy().name());
        }
        if (filter.enforcing()) {
            ssl.setSSLParameters(withPolicy(filter, ssl.getSSLParameters()));
        }
        return new PolicySSLSocket(ssl, filter);
    }

    SSLServerSocket configure(ServerSocket socket) throws IOException {
        TlsFilter filter = filters.get();
        if (!(socket instanceof SSLServerSocket ssl)) {
            socket.close();
            throw new SocketException("the backend's server socket factory made a "
                    + socket.getClass().getName() + ", not an SSLServerSocket; it cannot be held to policy "
                    + filter.policy().name());
        }
        if (filter.enforcing()) {
            ssl.setSSLParameters(withPolicy(filter, ssl.getSSLParameters()));
        }
        return new PolicySSLServerSocket(ssl, filter);
    }

    private SSLEngine configure(SSLEngine engine) {
        TlsFilter filter = filters.get();
        if (filter.enforcing()) {
            engine.setSSLParameters(withPolicy(filter, engine.getSSLParameters()));
        }
        return new PolicySSLEngine(engine, filter);
    }

    /**
     * The backend's {@code parameters} with the policy's protocols, suites, groups, schemes and
     * algorithm constraints, unchanged under audit.
     */
    private SSLParameters withPolicy(SSLParameters parameters) {
        return withPolicy(filters.get(), parameters);
    }

    private SSLParameters withPolicy(TlsFilter filter, SSLParameters parameters) {
        if (filter.enforcing()) {
            Profile p = profile(filter);
            parameters.setProtocols(p.protocols());
            parameters.setCipherSuites(p.cipherSuites());
            ExtendedParameters.setNamedGroups(parameters, filter.namedGroups());
            ExtendedParameters.setSignatureSchemes(parameters, filter.signatureSchemes());
            // In place of the backend's own: it applies its defaults (jdk.tls.disabledAlgorithms) anyway.
            parameters.setAlgorithmConstraints(filter.constraints());
        }
        return parameters;
    }

    private Profile profile(TlsFilter filter) {
        Profile p = profile;
        if (p == null || p.filter() != filter) {
            SSLParameters supported = delegate.getSupportedSSLParameters();
            String[] protocols = Arrays.stream(supported.getProtocols())
                    .filter(v -> VERSIONS.indexOf(v) <= newest)
                    .toArray(String[]::new);
            p = new Profile(
                    filter,
                    filter.supported(TlsKind.PROTOCOL, protocols),
                    filter.supported(TlsKind.CIPHER_SUITE, supported.getCipherSuites()));
            profile = p;
        }
        return p;
    }
}
