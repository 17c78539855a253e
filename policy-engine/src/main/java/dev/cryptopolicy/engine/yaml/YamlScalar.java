package dev.cryptopolicy.engine.yaml;

/**
 * A scalar value. {@code type} is what YAML 1.2's core schema makes of it; a quoted scalar is
 * always a string.
 *
 * @param text the scalar's text, as written (without quotes)
 * @param type how it resolves
 * @param mark where it starts
 */
public record YamlScalar(String text, Type type, Mark mark) implements YamlNode {

    /** How a scalar resolves. */
    public enum Type {
        /** A string (quoted, or plain text that is not one of the others). */
        STRING("a string"),
        /** An integer such as {@code 2048}. */
        INTEGER("an integer"),
        /** A floating-point number such as {@code 1.2}. */
        FLOAT("a number"),
        /** {@code true} or {@code false}. */
        BOOLEAN("a boolean"),
        /** {@code null}, {@code ~} or nothing. */
        NULL("null");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** Words for messages, e.g. "an integer". */
        public String description() {
            return description;
        }
    }

    @Override
    public String kindName() {
        return type.description();
    }
}
