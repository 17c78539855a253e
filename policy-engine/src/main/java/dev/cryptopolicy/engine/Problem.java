package dev.cryptopolicy.engine;

import java.util.Objects;

/**
 * One error or warning about a policy: where it is, what value is wrong and which rule it breaks.
 *
 * @param severity   error or warning
 * @param origin     file, line, column and YAML path of the offending value
 * @param value      the offending value as written (may be empty when a value is missing)
 * @param rule       a short stable identifier of the rule, e.g. {@code known-algorithm}
 * @param message    what is wrong, in a sentence
 * @param suggestion a fix, e.g. {@code did you mean 'SHA256withRSA'?}, or empty
 */
public record Problem(Severity severity, Origin origin, String value, String rule, String message,
        String suggestion) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        value = value == null ? "" : value;
        suggestion = suggestion == null ? "" : suggestion;
    }

    static Problem error(Origin origin, String value, String rule, String message) {
        return new Problem(Severity.ERROR, origin, value, rule, message, "");
    }

    static Problem warning(Origin origin, String value, String rule, String message) {
        return new Problem(Severity.WARNING, origin, value, rule, message, "");
    }

    Problem withSuggestion(String text) {
        return new Problem(severity, origin, value, rule, message, text);
    }

    /**
     * The compiler-style one-line form:
     * {@code file:line:col: error: path: message (rule: r); suggestion}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(origin.location()).append(": ").append(severity.label()).append(": ");
        if (!origin.path().isEmpty()) {
            sb.append(origin.path()).append(": ");
        }
        sb.append(message).append(" (rule: ").append(rule).append(')');
        if (!suggestion.isEmpty()) {
            sb.append("; ").append(suggestion);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
