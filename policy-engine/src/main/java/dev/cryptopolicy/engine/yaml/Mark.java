package dev.cryptopolicy.engine.yaml;

import java.io.Serializable;

/**
 * A 1-based line and column in a YAML source.
 *
 * @param line   1-based line
 * @param column 1-based column
 */
public record Mark(int line, int column) implements Serializable {}
