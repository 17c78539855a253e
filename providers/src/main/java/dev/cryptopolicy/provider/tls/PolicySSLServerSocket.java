package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A backend's server socket held to a policy: setters pass through the policy, and every accepted
 * socket is wrapped so that its own setters do too. Everything else is forwarded.
 */
final class PolicySSLServerSocket extends SSLServerSocket {
    private final SSLServerSocket delegate;
    private final TlsFilter filter;

    PolicySSLServerSocket(SSLServerSocket delegate, TlsFilter filter) throws IOException {
        this.delegate = delegate;
        this.filter = filter;
    }

    // ---- held to the policy --------------------------------------------------------------

    @Override
    public String[] getSupportedCipherSuites() {
        return filter.supported(TlsKind.CIPHER_SUITE, delegate.getSupportedCipherSuites());
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(filter.restrict(TlsKind.CIPHER_SUITE, suites));
    }

    @Override
    public String[] getSupportedProtocols() {
        return filter.supported(TlsKind.PROTOCOL, delegate.getSupportedProtocols());
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(filter.restrict(TlsKind.PROTOCOL, protocols));
    }

    @Override
    public void setSSLParameters(SSLParameters parameters) {
        delegate.setSSLParameters(filter.restrict(parameters));
    }

    @Override
    public Socket accept() throws IOException {
        Socket accepted = delegate.accept();
        if (!(accepted instanceof SSLSocket ssl)) {
            accepted.close();
            throw new SocketException("the backend's server socket accepted a "
                    + accepted.getClass().getName() + ", not an SSLSocket; it cannot be held to policy "
                    + filter.policy().name());
        }
        return new PolicySSLSocket(ssl, filter);
    }

    @Override
    public String toString() {
        return "PolicySSLServerSocket[" + filter.policy().name() + "][" + delegate + "]";
    }

    // ---- forwarded: SSLServerSocket ------------------------------------------------------

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        delegate.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    // ---- forwarded: ServerSocket ---------------------------------------------------------

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        delegate.bind(endpoint);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        delegate.bind(endpoint, backlog);
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return delegate.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public ServerSocketChannel getChannel() {
        return delegate.getChannel();
    }

    @Override
    public boolean isBound() {
        return delegate.isBound();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        delegate.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws IOException {
        return delegate.getSoTimeout();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        delegate.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return delegate.getReuseAddress();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        delegate.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return delegate.getReceiveBufferSize();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        delegate.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> PolicySSLServerSocket setOption(SocketOption<T> name, T value) throws IOException {
        delegate.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return delegate.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return delegate.supportedOptions();
    }
}
