package dev.cryptopolicy.engine.yaml;

/** A YAML source is malformed, hostile or uses a construct policies do not allow. */
public final class YamlSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Mark mark;
    private final String rule;

    /**
     * @param mark    where the problem is
     * @param rule    a short identifier of the rule broken, e.g. {@code yaml-syntax}
     * @param message what is wrong
     */
    public YamlSyntaxException(Mark mark, String rule, String message) {
        super(message);
        this.mark = mark;
        this.rule = rule;
    }

    /** Where the problem is. */
    public Mark mark() {
        return mark;
    }

    /** The rule broken. */
    public String rule() {
        return rule;
    }
}
