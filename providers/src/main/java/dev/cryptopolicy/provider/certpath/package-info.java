/**
 * Certificate paths and TLS algorithm checks answered from the compiled policy instead of the JDK's
 * {@code jdk.certpath/tls.disabledAlgorithms} properties, which an application can change:
 * {@link dev.cryptopolicy.provider.certpath.PolicyConstraints} is an {@code AlgorithmConstraints}
 * for TLS parameters and certificate checks, and
 * {@link dev.cryptopolicy.provider.certpath.CertPathEnforcement} adds a policy checker to every
 * PKIX {@code CertPathValidator} and {@code CertPathBuilder} a wrapper provider hands out.
 */
package dev.cryptopolicy.provider.certpath;
