package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.provider.certpath.PolicyConstraints;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A backend's engine held to a policy: every method is forwarded, except that the setters that
 * enable protocols, cipher suites, named groups and signature schemes pass through the policy
 * first, and "supported" lists report what the policy allows. The ALPN selector sees this engine.
 */
final class PolicySSLEngine extends SSLEngine {
    private final SSLEngine delegate;
    private final TlsFilter filter;
    private volatile BiFunction<SSLEngine, List<String>, String> selector;
    /** The session last checked when a handshake finished (a renegotiation makes a new one). */
    private volatile SSLSession checkedSession;
    /** The refusal of the session, once refused: application data is never let through afterwards. */
    private volatile SSLHandshakeException refusal;
    /**
     * The capture of the handshake under way (see {@link HandshakeCapture}), in force around the
     * backend's {@code wrap}, {@code unwrap} and delegated tasks; null when no handshake is.
     */
    private volatile HandshakeCapture capture = new HandshakeCapture();

    PolicySSLEngine(SSLEngine delegate, TlsFilter filter) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
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

    // ---- seen through this engine --------------------------------------------------------

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        this.selector = selector;
        delegate.setHandshakeApplicationProtocolSelector(
                selector == null ? null : (engine, offered) -> selector.apply(this, offered));
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return selector;
    }

    @Override
    public String toString() {
        return "PolicySSLEngine[" + filter.policy().name() + "][" + delegate + "]";
    }

    // ---- handshakes checked and named ----------------------------------------------------

    /*
     * wrap and unwrap: a handshake that completes with them (status FINISHED) is checked as a
     * socket's is (see Handshake.completed): a peer certificate whose key the policy refuses closes
     * the engine's outbound side and throws SSLHandshakeException naming the rule, before any
     * application data. A failure the policy caused is rethrown naming its rule.
     */

    private SSLEngineResult checked(SSLEngineResult result) throws SSLException {
        SSLEngineResult.HandshakeStatus status = result.getHandshakeStatus();
        if (status != SSLEngineResult.HandshakeStatus.FINISHED) {
            if (status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                if (checkedSession != null) {
                    // A key update or a post-handshake message ended without a new session.
                    capture = null;
                }
            } else if (capture == null) {
                // A renegotiation or a key update begins.
                capture = new HandshakeCapture();
            }
        }
        if (status == SSLEngineResult.HandshakeStatus.FINISHED) {
            // A key refused during this handshake is no reason for a later failure.
            PolicyConstraints.takeKeyRefusal();
            HandshakeCapture finished = capture;
            capture = null;
            SSLSession session = delegate.getSession();
            if (session != checkedSession) {
                checkedSession = session;
                SSLHandshakeException refused =
                        Handshake.completed(filter, session, finished, delegate.getUseClientMode());
                if (refused != null) {
                    refusal = refused;
                    delegate.closeOutbound();
                    throw refused;
                }
            }
        }
        return result;
    }

    /** Once the session is refused, nothing the peer sends is unwrapped for the application. */
    private void refused() throws SSLHandshakeException {
        SSLHandshakeException r = refusal;
        if (r != null) {
            throw r;
        }
    }

    // ---- forwarded -----------------------------------------------------------------------

    @Override
    public String getPeerHost() {
        return delegate.getPeerHost();
    }

    @Override
    public int getPeerPort() {
        return delegate.getPeerPort();
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.wrap(src, dst));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, ByteBuffer dst) throws SSLException {
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.wrap(srcs, dst));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.wrap(srcs, offset, length, dst));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        refused();
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.unwrap(src, dst));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts) throws SSLException {
        refused();
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.unwrap(src, dsts));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        refused();
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            return checked(delegate.unwrap(src, dsts, offset, length));
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public Runnable getDelegatedTask() {
        Runnable task = delegate.getDelegatedTask();
        HandshakeCapture c = capture;
        return task == null || c == null ? task : c.around(task);
    }

    @Override
    public void closeInbound() throws SSLException {
        delegate.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        delegate.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

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

    @Override
    public void beginHandshake() throws SSLException {
        // A key refused on this thread before (another connection's) does not name this one's failure.
        PolicyConstraints.takeKeyRefusal();
        if (capture == null) {
            capture = new HandshakeCapture();
        }
        HandshakeCapture before = HandshakeCapture.enter(capture);
        try {
            delegate.beginHandshake();
        } catch (SSLException e) {
            throw Handshake.named(e);
        } finally {
            HandshakeCapture.exit(before);
        }
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return delegate.getHandshakeStatus();
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
}
