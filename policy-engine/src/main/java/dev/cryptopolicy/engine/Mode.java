package dev.cryptopolicy.engine;

/** Whether a policy's refusals are enforced or only recorded. */
public enum Mode {
    /** Refusals are enforced. */
    ENFORCE,
    /** Nothing is refused; every would-be refusal is recorded. */
    AUDIT;

    /** The name used in policy files. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
