package dev.cryptopolicy.engine.yaml;

import java.util.function.UnaryOperator;

/**
 * A YAML source is malformed, hostile or uses a construct policies do not allow.
 *
 * <p>Text of the source that a message names (a key, a tag, a line) is kept apart from the message
 * ({@link #value()}), so that whoever shows the message decides how much of it to quote and how
 * ({@link #message(UnaryOperator)}); {@link #getMessage()} quotes it whole.
 */
public final class YamlSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private static final String VALUE = "{value}";

    private final Mark mark;
    private final String rule;
    private final String template;
    private final String value;

    /**
     * @param mark    where the problem is
     * @param rule    a short identifier of the rule broken, e.g. {@code yaml-syntax}
     * @param message what is wrong
     */
    public YamlSyntaxException(Mark mark, String rule, String message) {
        this(mark, rule, message, "");
    }

    /**
     * @param mark     where the problem is
     * @param rule     a short identifier of the rule broken, e.g. {@code yaml-syntax}
     * @param template what is wrong, with {@code {value}} where the source's text is quoted
     * @param value    the source's text the message names
     */
    YamlSyntaxException(Mark mark, String rule, String template, String value) {
        super(template.replace(VALUE, "'" + value + "'"));
        this.mark = mark;
        this.rule = rule;
        this.template = template;
        this.value = value;
    }

    /** Where the problem is. */
    public Mark mark() {
        return mark;
    }

    /** The rule broken. */
    public String rule() {
        return rule;
    }

    /** The text of the source the message names (a key, a tag, a line), or empty. */
    public String value() {
        return value;
    }

    /** The message with {@link #value()} quoted by {@code quote}. */
    public String message(UnaryOperator<String> quote) {
        return template.replace(VALUE, quote.apply(value));
    }
}
