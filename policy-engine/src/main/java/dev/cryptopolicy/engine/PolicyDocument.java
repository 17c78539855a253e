package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy or modifier file as written, checked for shape and types but not yet composed with
 * anything. Every field is null (or empty) when the file does not set it.
 */
final class PolicyDocument {

    /** Whether a document stands alone or edits another. */
    enum Kind {
        POLICY,
        MODIFIER
    }

    final String file;
    Kind kind;
    Located<String> name;
    String description = "";
    Located<String> extendsRef;
    Located<Mode> mode;
    /** {@code host_restrictions}: true for {@code replace}, false for {@code keep}; null when unset. */
    Located<Boolean> replaceHost;

    Origin algorithmsOrigin;
    final Map<ServiceType, ListSpec> algorithms = new EnumMap<>(ServiceType.class);
    List<DenySpec> deny = List.of();
    final Map<KeyFamily, Located<Integer>> minBits = new EnumMap<>(KeyFamily.class);
    ListSpec curves;
    Located<Boolean> unmeasuredAllowed;
    final Map<Sha1Use, Map<Scope, Located<Boolean>>> sha1 = new EnumMap<>(Sha1Use.class);
    Located<String> tlsMin;
    Located<String> tlsMax;
    ListSpec suites;
    ListSpec groups;
    ListSpec schemes;
    Located<Boolean> fipsOnly;
    ListSpec preference;
    final Map<String, Located<String>> minVersions = new LinkedHashMap<>();
    final Map<ServiceType, ListSpec> required = new EnumMap<>(ServiceType.class);

    PolicyDocument(String file) {
        this.file = file;
    }

    /** The name shown in messages: the {@code name} key, or the file name without extension. */
    String displayName() {
        if (name != null) {
            return name.value();
        }
        String base = file.substring(file.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
