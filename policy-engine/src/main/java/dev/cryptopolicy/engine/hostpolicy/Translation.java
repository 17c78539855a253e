package dev.cryptopolicy.engine.hostpolicy;

import java.util.List;

/**
 * A crypto-policies policy or sub-policy translated into this project's YAML policy language.
 *
 * @param yaml     the YAML text, one comment per value naming its crypto-policies line
 * @param lines    for each line of {@code yaml} (index 0 = line 1), the crypto-policies place it came from
 * @param findings errors and warnings found while reading and translating; any error means the
 *                 YAML must not be used
 * @param modifier whether the YAML is a modifier (a sub-policy read alone) rather than a policy
 */
public record Translation(String yaml, List<Position> lines, List<Finding> findings, boolean modifier) {

    public Translation {
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::error);
    }
}
