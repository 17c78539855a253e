package dev.cryptopolicy.provider.vectors;

import java.util.Map;
import java.util.Set;

/**
 * Vectors on which a JDK backend is known to disagree with Wycheproof, as measured and listed in
 * {@code testdata/README.md}. The backend alone may deviate on these; the policy layer must
 * still give the backend's verdict (it neither breaks nor repairs one).
 *
 * <ul>
 *   <li>SunEC, every JDK: ECDSA tcId 6 ("MissingZero", a BER-lenient s) is accepted.</li>
 *   <li>SunEC, JDK 17: ECDSA tcIds 350 and 479 (valid, x &gt;= n) are rejected; Ed25519 tcId 37
 *       (a trailing 0x00 on the signature) is accepted. Temurin 25 fixes these.</li>
 * </ul>
 */
final class KnownDeviations {

    static final String ECDSA_P256 = "ecdsa_secp256r1_sha256_test.json";
    static final String ED25519 = "ed25519_test.json";

    private KnownDeviations() {}

    /** The tcIds of {@code file} on which {@code backend} deviates on the running JDK. */
    static Set<Integer> of(String backend, String file) {
        return of(backend, file, Runtime.version().feature());
    }

    static Set<Integer> of(String backend, String file, int jdkFeature) {
        if (!backend.equals("SunEC")) {
            return Set.of();
        }
        boolean jdk17 = jdkFeature <= 17;
        Map<String, Set<Integer>> byFile =
                jdk17 ? Map.of(ECDSA_P256, Set.of(6, 350, 479), ED25519, Set.of(37)) : Map.of(ECDSA_P256, Set.of(6));
        return byFile.getOrDefault(file, Set.of());
    }
}
