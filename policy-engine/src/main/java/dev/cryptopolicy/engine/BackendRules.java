package dev.cryptopolicy.engine;

import java.util.List;
import java.util.Map;

/**
 * Which backends (installed JCA providers) may serve a policy's features.
 *
 * @param fipsOnly    only FIPS-validated backends may serve features
 * @param preference  provider names, most preferred first; empty means the JDK's order
 * @param minVersions minimum version per provider name, e.g. {@code BCFIPS -> 2.1}
 * @param required    the features (service type, canonical algorithm names) that must have a
 *                    passing backend for the policy to install
 */
public record BackendRules(boolean fipsOnly, List<String> preference, Map<String, String> minVersions,
        Map<ServiceType, List<String>> required) {

    public BackendRules {
        preference = List.copyOf(preference);
        minVersions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(minVersions));
        required = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(required));
    }
}
