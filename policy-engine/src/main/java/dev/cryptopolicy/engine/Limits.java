package dev.cryptopolicy.engine;

/**
 * The bounds every policy input is held to, so that no file or reference, however hostile, makes a
 * load cost more than a fixed amount of time and memory. Each is far above what any real policy
 * needs; the README's "Limits" table lists them with the reader's own ({@code StrictYamlReader}).
 */
final class Limits {

    /** Files in one {@code extends} chain, the file that starts it included. */
    static final int MAX_EXTENDS_DEPTH = 64;

    /** {@code :MODIFIER} parts in one reference. */
    static final int MAX_MODIFIERS = 64;

    /** Entries of one list, rules of one {@code deny} and providers of one {@code min_versions}. */
    static final int MAX_ENTRIES = 4096;

    /** Problems reported by one load; the rest are counted, not kept. */
    static final int MAX_PROBLEMS = 100;

    private Limits() {}
}
