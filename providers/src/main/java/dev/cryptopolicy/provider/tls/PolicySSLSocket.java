package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A backend's socket held to a policy: every method is forwarded, except that the setters that
 * enable protocols, cipher suites, named groups and signature schemes pass through the policy
 * first, and "supported" lists report what the policy allows. Listeners and the ALPN selector see
 * this socket, not the backend's.
 */
final class PolicySSLSocket extends SSLSocket {
    private final SSLSocket delegate;
    private final TlsFilter filter;
    private final Map<HandshakeCompletedListener, HandshakeCompletedListener> listeners = new ConcurrentHashMap<>();
    private volatile BiFunction<SSLSocket, List<String>, String> selector;

    PolicySSLSocket(SSLSocket delegate, TlsFilter filter) {
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

    // ---- seen through this socket --------------------------------------------------------

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        HandshakeCompletedListener forwarding =
                event -> listener.handshakeCompleted(new HandshakeCompletedEvent(this, event.getSession()));
        if (listeners.putIfAbsent(listener, forwarding) == null) {
            delegate.addHandshakeCompletedListener(forwarding);
        }
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        HandshakeCompletedListener forwarding = listener == null ? null : listeners.remove(listener);
        if (forwarding == null) {
            throw new IllegalArgumentException("listener " + listener + " is not registered");
        }
        delegate.removeHandshakeCompletedListener(forwarding);
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        this.selector = selector;
        delegate.setHandshakeApplicationProtocolSelector(
                selector == null ? null : (socket, offered) -> selector.apply(this, offered));
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return selector;
    }

    @Override
    public String toString() {
        return "PolicySSLSocket[" + filter.policy().name() + "][" + delegate + "]";
    }

    // ---- forwarded: SSLSocket ------------------------------------------------------------

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
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    /**
     * Runs the backend's handshake; when it fails because the policy refused something of the
     * peer's (a certificate's key below a minimum size, a curve not allowed, a key a signature
     * refuses), the exception names that rule besides JSSE's own message, which names only the
     * symptom ("Cannot verify CertificateVerify signature", "Unsupported signature algorithm").
     * The original is its cause.
     */
    @Override
    public void startHandshake() throws IOException {
        PolicyConstraints.takeKeyRefusal();
        try {
            delegate.startHandshake();
        } catch (SSLHandshakeException e) {
            String refusal = policyCause(e, filter.policy().name());
            if (refusal == null) {
                refusal = PolicyConstraints.takeKeyRefusal();
            }
            if (refusal == null) {
                throw e;
            }
            SSLHandshakeException named =
                    new SSLHandshakeException(e.getMessage() + " (cryptopolicy: " + refusal + ")");
            named.initCause(e);
            throw named;
        } finally {
            PolicyConstraints.takeKeyRefusal();
        }
    }

    /**
     * The message of the first cause of a failed handshake that the policy raised (a refusal,
     * whose reason names the policy), or null. JSSE keeps such a cause but reports its own words.
     */
    static String policyCause(Throwable failure, String policy) {
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && depth < 16; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (t instanceof GeneralSecurityException
                    && message != null
                    && message.contains("policy " + policy + " (")) {
                return message;
            }
        }
        return null;
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
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    // ---- forwarded: Socket ---------------------------------------------------------------

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        delegate.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        delegate.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        delegate.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return delegate.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return delegate.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return delegate.getChannel();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return delegate.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return delegate.getOutputStream();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        delegate.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return delegate.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        delegate.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return delegate.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        delegate.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        delegate.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return delegate.getOOBInline();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        delegate.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return delegate.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        delegate.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return delegate.getSendBufferSize();
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
    public void setKeepAlive(boolean on) throws SocketException {
        delegate.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return delegate.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        delegate.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return delegate.getTrafficClass();
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
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        delegate.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        delegate.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
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
    public boolean isInputShutdown() {
        return delegate.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return delegate.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        delegate.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> PolicySSLSocket setOption(SocketOption<T> name, T value) throws IOException {
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
