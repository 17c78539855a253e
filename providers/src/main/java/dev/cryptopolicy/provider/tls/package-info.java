/**
 * TLS under a policy: {@link dev.cryptopolicy.provider.tls.TlsEnforcement} wraps a backend's
 * {@code SSLContext} so that its sockets, server sockets and engines enable only what the policy
 * allows, whatever the application sets afterwards.
 */
package dev.cryptopolicy.provider.tls;
