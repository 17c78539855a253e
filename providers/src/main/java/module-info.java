/**
 * The enforcing providers: the front provider {@code CryptoPolicy} and same-named wrappers of the
 * JDK's providers, which serve only what a compiled policy allows.
 *
 * <p>Exported: the installation API ({@code dev.cryptopolicy.provider}), the audit MXBean
 * ({@code provider.audit}) and the backend discovery
 * and probes ({@code provider.backend}, which {@link dev.cryptopolicy.provider.CryptoPolicy#install(
 * dev.cryptopolicy.engine.CompiledPolicy, dev.cryptopolicy.provider.backend.BackendDiscovery)} takes).
 * Not exported: the enforcement machinery ({@code provider.internal}), the TLS wrapping
 * ({@code provider.tls}) and the certificate path checks ({@code provider.certpath}). The
 * conformance battery, which uses the shims {@code provider.backend.KemAccess} and
 * {@code provider.tls.ExtendedParameters}, runs on the class path.
 *
 * <p>Bouncy Castle FIPS is optional and reached by reflection only: it works from the class path
 * (the unnamed module, which every module reads reflectively) or from a directory the policy names.
 */
module dev.cryptopolicy.provider {
    requires transitive dev.cryptopolicy.engine;
    // The shipped policies are resources of their own module: this makes it part of every
    // application that requires this one, with no --add-modules.
    requires dev.cryptopolicy.policies;
    requires jdk.jfr;
    // The MXBean dev.cryptopolicy:type=Policy.
    requires java.management;
    // Only when java.util.logging is the System.Logger backend: audit.InventoryLogManager orders the
    // inventory's write at exit before the JDK closes its handlers.
    requires static java.logging;

    exports dev.cryptopolicy.provider;
    exports dev.cryptopolicy.provider.backend;
    // The MXBean's interface: JMX reads it by reflection, and monitoring tools by its name.
    exports dev.cryptopolicy.provider.audit;

    provides java.security.Provider with
            dev.cryptopolicy.provider.CryptoPolicyProvider;
}
