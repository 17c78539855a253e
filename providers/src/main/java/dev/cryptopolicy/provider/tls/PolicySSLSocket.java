package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLException;
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
    /** Held while a handshake runs and is checked, so that a read and a write do not both start one. */
    private final Object handshakeLock = new Object();
    /** Whether a handshake completed and was checked; until then, a read or write starts one. */
    private volatile boolean handshaken;
    /** The session of the last handshake reported, and what its capture showed; guarded by the lock. */
    private SSLSession reportedSession;

    private HandshakeCapture reportedCapture;

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

    /**
     * The session, after the handshake if none was made yet (checked as {@link #startHandshake()}
     * checks it); as the JDK's, an invalid session when the handshake fails.
     */
    @Override
    public SSLSession getSession() {
        try {
            handshakeBeforeUse();
        } catch (IOException e) {
            // As SSLSocket.getSession() specifies: the failure shows as an invalid session.
        }
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    /**
     * Runs the backend's handshake, then checks what it negotiated (see {@link Handshake#completed}):
     * a peer certificate whose key the policy refuses closes the socket with an
     * {@link SSLHandshakeException} naming the rule. When the backend's handshake fails because the
     * policy refused something of the peer's (a certificate's key below a minimum size, a curve not
     * allowed, a key a signature refuses), the exception names that rule besides JSSE's own message,
     * which names only the symptom; the original is its cause.
     */
    @Override
    public void startHandshake() throws IOException {
        synchronized (handshakeLock) {
            PolicyConstraints.takeKeyRefusal();
            HandshakeCapture capture = new HandshakeCapture();
            HandshakeCapture before = HandshakeCapture.enter(capture);
            try {
                delegate.startHandshake();
            } catch (SSLException e) {
                throw Handshake.named(e);
            } finally {
                HandshakeCapture.exit(before);
                PolicyConstraints.takeKeyRefusal();
            }
            SSLSession session = delegate.getSession();
            SSLHandshakeException refused =
                    Handshake.completed(filter, session, reported(session, capture), getUseClientMode());
            if (refused != null) {
                delegate.close();
                throw refused;
            }
            handshaken = true;
        }
    }

    /**
     * {@code capture}, or, when it saw nothing and the session is the one reported last (a TLS 1.3
     * key update, a second {@code startHandshake} that made no new session), the capture of the
     * handshake that made that session. Guarded by the handshake lock.
     */
    private HandshakeCapture reported(SSLSession session, HandshakeCapture capture) {
        HandshakeCapture shown = capture;
        if (session == reportedSession && capture.empty() && reportedCapture != null) {
            shown = reportedCapture;
        }
        reportedSession = session;
        reportedCapture = shown;
        return shown;
    }

    /**
     * The handshake a first read or write (or {@link #getSession()}) starts: run here, through
     * {@link #startHandshake()}, so that it is checked and named as an explicit one is.
     */
    private void handshakeBeforeUse() throws IOException {
        if (!handshaken) {
            synchronized (handshakeLock) {
                if (!handshaken) {
                    startHandshake();
                }
            }
        }
    }

    /** A read or write that failed: named when the policy caused it (a handshake the peer started later). */
    private static IOException named(IOException e) {
        return e instanceof SSLException ssl ? Handshake.named(ssl) : e;
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

    /** The backend's stream; the first read runs the handshake through {@link #startHandshake()}. */
    @Override
    public InputStream getInputStream() throws IOException {
        InputStream in = delegate.getInputStream();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                handshakeBeforeUse();
                try {
                    return in.read();
                } catch (IOException e) {
                    throw named(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                handshakeBeforeUse();
                try {
                    return in.read(b, off, len);
                } catch (IOException e) {
                    throw named(e);
                }
            }

            @Override
            public long skip(long n) throws IOException {
                handshakeBeforeUse();
                try {
                    return in.skip(n);
                } catch (IOException e) {
                    throw named(e);
                }
            }

            @Override
            public int available() throws IOException {
                return handshaken ? in.available() : 0;
            }
        };
    }

    /** The backend's stream; the first write runs the handshake through {@link #startHandshake()}. */
    @Override
    public OutputStream getOutputStream() throws IOException {
        OutputStream out = delegate.getOutputStream();
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                handshakeBeforeUse();
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw named(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                handshakeBeforeUse();
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw named(e);
                }
            }

            @Override
            public void flush() throws IOException {
                if (handshaken) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
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
