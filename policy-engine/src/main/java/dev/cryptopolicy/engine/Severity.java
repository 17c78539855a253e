package dev.cryptopolicy.engine;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The policy cannot be used. */
    ERROR,
    /** Legal, but risky or probably unintended. */
    WARNING;

    /** Lower-case name as printed in {@code file:line:col: error: ...}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
