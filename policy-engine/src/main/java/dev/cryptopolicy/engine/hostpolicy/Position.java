package dev.cryptopolicy.engine.hostpolicy;

/**
 * A place in a crypto-policies file.
 *
 * @param file   the file as named in messages
 * @param line   1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {

    /** {@code file:line:column}. */
    public String location() {
        return file + ":" + line + ":" + column;
    }
}
