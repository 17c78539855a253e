package dev.cryptopolicy.provider.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** A backend's server socket factory under a policy: every server socket is configured by the context and wrapped. */
final class PolicySSLServerSocketFactory extends SSLServerSocketFactory {
    private final SSLServerSocketFactory delegate;
    private final PolicySSLContextSpi context;

    PolicySSLServerSocketFactory(SSLServerSocketFactory delegate, PolicySSLContextSpi context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return context.cipherSuites(delegate.getDefaultCipherSuites());
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return context.cipherSuites(delegate.getSupportedCipherSuites());
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return context.configure(delegate.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return context.configure(delegate.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return context.configure(delegate.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return context.configure(delegate.createServerSocket(port, backlog, address));
    }
}
