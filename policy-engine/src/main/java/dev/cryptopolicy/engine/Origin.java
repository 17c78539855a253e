package dev.cryptopolicy.engine;

/**
 * Where a value of a policy was written: the file (or shipped resource name), the 1-based line and
 * column, and the YAML path of the value.
 *
 * @param file   the file path or shipped name, e.g. {@code DEFAULT.yaml}
 * @param line   1-based line, or 0 when the value is a built-in default
 * @param column 1-based column, or 0 when the value is a built-in default
 * @param path   the YAML path, e.g. {@code keys.rsa.min_bits} or {@code algorithms.Signature[2]}
 */
public record Origin(String file, int line, int column, String path) {

    /** The longest file name kept, in code points (a path longer than Linux's PATH_MAX names no file). */
    static final int MAX_FILE = 4096;

    /** The longest YAML path kept, in code points; a longer one is made of keys no policy has. */
    static final int MAX_PATH = 200;

    /** File and path are escaped ({@link Quote#escape}) and cut to a bounded length. */
    public Origin {
        file = Quote.excerpt(java.util.Objects.requireNonNull(file, "file"), MAX_FILE);
        path = Quote.excerpt(java.util.Objects.requireNonNull(path, "path"), MAX_PATH);
    }

    /** The file name of origins in the policy reference itself. */
    private static final String REFERENCE = "<reference>";

    /** A place in the policy reference itself (the text given to the loader), at a 1-based column. */
    public static Origin inReference(int column) {
        return new Origin(REFERENCE, 1, column, "");
    }

    /**
     * Whether this is a place in the policy reference itself (a malformed reference, a missing file
     * named by it) rather than in a file.
     */
    public boolean inReference() {
        return REFERENCE.equals(file) && line == 1 && path.isEmpty();
    }

    /**
     * Where a problem of the whole policy found at a built-in default is shown: a built-in origin
     * moves to the top of {@code policyFile} (the policy the reference names), keeping its path;
     * any other origin, or a null file, stays.
     */
    Origin shownIn(String policyFile) {
        return policyFile == null || !isBuiltIn() ? this : new Origin(policyFile, 1, 1, path);
    }

    /** The origin of a value nobody wrote: a built-in default. */
    public static Origin builtIn(String path) {
        return new Origin("<default>", 0, 0, path);
    }

    /** Whether this value is a built-in default rather than written in a file. */
    public boolean isBuiltIn() {
        return line == 0;
    }

    /** {@code file:line:column}, or {@code <default>} for a built-in value. */
    public String location() {
        return isBuiltIn() ? file : file + ":" + line + ":" + column;
    }

    /** {@code file:line}, the short form used in refusal messages. */
    public String shortLocation() {
        return isBuiltIn() ? "built-in default" : file + ":" + line;
    }

    @Override
    public String toString() {
        return location() + " (" + path + ")";
    }
}
