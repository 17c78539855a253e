package dev.cryptopolicy.engine;

import java.util.List;

/**
 * What a policy lets TLS negotiate, resolved: only what every other rule of the policy allows,
 * in preference order.
 *
 * @param minProtocol       the lowest protocol version, e.g. {@code TLSv1.2}
 * @param maxProtocol       the highest protocol version
 * @param protocols         the enabled protocol versions, newest first
 * @param cipherSuites      the enabled cipher suites (IANA names), most preferred first
 * @param namedGroups       the enabled named groups, most preferred first
 * @param signatureSchemes  the enabled signature schemes, most preferred first
 */
public record TlsSettings(
        String minProtocol,
        String maxProtocol,
        List<String> protocols,
        List<String> cipherSuites,
        List<String> namedGroups,
        List<String> signatureSchemes) {

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
    }
}
