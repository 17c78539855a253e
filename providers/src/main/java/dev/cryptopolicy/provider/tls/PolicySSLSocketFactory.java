package dev.cryptopolicy.provider.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A backend's socket factory under a policy: every socket it makes, connected, unconnected or
 * layered over an existing socket, is configured by the context and wrapped.
 */
final class PolicySSLSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final PolicySSLContextSpi context;

    PolicySSLSocketFactory(SSLSocketFactory delegate, PolicySSLContextSpi context) {
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
    public Socket createSocket() throws IOException {
        return context.configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return context.configure(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return context.configure(delegate.createSocket(socket, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return context.configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return context.configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return context.configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return context.configure(delegate.createSocket(address, port, localAddress, localPort));
    }
}
