package dev.cryptopolicy.engine.hostpolicy;

import java.util.List;

/**
 * One error or warning found while reading or translating a crypto-policies file. The engine turns
 * it into its own {@code Problem}; this package stays free of the engine's types.
 *
 * @param error      true for an error (the file cannot be used), false for a warning
 * @param at         where the offending text is
 * @param value      the offending text as written (may be empty)
 * @param rule       a short stable identifier, e.g. {@code host-unknown-value}
 * @param message    what is wrong, in a sentence
 * @param candidates the legal names, for a "did you mean" hint (may be empty)
 */
public record Finding(boolean error, Position at, String value, String rule, String message, List<String> candidates) {

    public Finding {
        candidates = List.copyOf(candidates);
    }

    static Finding error(Position at, String value, String rule, String message) {
        return new Finding(true, at, value, rule, message, List.of());
    }

    static Finding warning(Position at, String value, String rule, String message) {
        return new Finding(false, at, value, rule, message, List.of());
    }
}
