package dev.cryptopolicy.engine.yaml;

/**
 * A 1-based line and column in a YAML source.
 *
 * @param line   1-based line
 * @param column 1-based column
 */
public record Mark(int line, int column) {
}
