package dev.cryptopolicy.engine;

import java.util.Objects;

/**
 * One error or warning about a policy: where it is, what value is wrong and which rule it breaks.
 *
 * <p>Nothing of a problem can drive a terminal: every control or invisible character of the value,
 * message and suggestion is escaped ({@link Quote#escape}). The engine's problems also carry no
 * more of a file than a short excerpt of the value ({@link Quote#excerpt}) and messages of at most
 * {@value #MAX_TEXT} characters.
 *
 * @param severity   error or warning
 * @param origin     file, line, column and YAML path of the offending value
 * @param value      the offending value as written (may be empty when a value is missing); in the
 *                   engine's problems an escaped excerpt of at most {@value Quote#EXCERPT} characters
 * @param rule       the stable id of the rule, e.g. {@code known-algorithm}: always the id of a {@link Rule}
 * @param message    what is wrong, in a sentence
 * @param suggestion a fix, e.g. {@code did you mean 'SHA256withRSA'?}; when none is given and the
 *                   value contains a look-alike character, a note naming it
 *                   ({@code contains U+2010 HYPHEN; did you mean '-'?}); or empty
 */
public record Problem(Severity severity, Origin origin, String value, String rule, String message, String suggestion) {

    /** The longest message or suggestion kept, in code points; longer ones are cut with a count. */
    public static final int MAX_TEXT = 1000;

    /**
     * Checks the parts and escapes the text.
     *
     * @throws IllegalArgumentException when {@code rule} is not the id of a {@link Rule}
     */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rule, "rule");
        Rule.ofId(rule);
        Objects.requireNonNull(message, "message");
        // Escaping is idempotent, so a problem made from another (withSuggestion) stays the same.
        value = value == null ? "" : Quote.escape(value);
        message = Quote.escape(message);
        suggestion = suggestion == null || suggestion.isEmpty() ? Suggest.lookAlike(value) : Quote.escape(suggestion);
    }

    static Problem error(Origin origin, String value, Rule rule, String message) {
        return bounded(Severity.ERROR, origin, value, rule, message);
    }

    static Problem warning(Origin origin, String value, Rule rule, String message) {
        return bounded(Severity.WARNING, origin, value, rule, message);
    }

    /** A problem whose value is an excerpt and whose message is cut to {@link #MAX_TEXT}. */
    static Problem bounded(Severity severity, Origin origin, String value, Rule rule, String message) {
        String written = value == null ? "" : value;
        return new Problem(
                severity,
                origin,
                Quote.excerpt(written),
                rule.id(),
                Quote.excerpt(message, MAX_TEXT),
                Suggest.lookAlike(written));
    }

    /** The rule this problem breaks, with its descriptions. */
    public Rule definition() {
        return Rule.ofId(rule);
    }

    /** The same problem shown at {@code where}. */
    Problem at(Origin where) {
        return new Problem(severity, where, value, rule, message, suggestion);
    }

    Problem withSuggestion(String text) {
        return new Problem(
                severity, origin, value, rule, message, text.isEmpty() ? suggestion : Quote.excerpt(text, MAX_TEXT));
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
