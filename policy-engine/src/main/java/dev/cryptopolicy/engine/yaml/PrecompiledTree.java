package dev.cryptopolicy.engine.yaml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The {@link YamlNode} tree of a shipped policy, written when the library is built so that loading
 * a shipped policy at run time needs no YAML parser (and loads none of its classes). The tree holds
 * every key, value, kind and line:column of the YAML, so that the document built from it, its
 * problems and its origins are those of the YAML source.
 *
 * <p>The form records the length and CRC-32 of the YAML it was made from: {@link #read} returns
 * nothing unless the YAML at hand is exactly that one, and nothing for a form it cannot read in
 * full, so that a stale or damaged form is never used; the caller then parses the YAML itself.
 * Nesting and the number of values are bounded as {@link StrictYamlReader} bounds them.
 */
public final class PrecompiledTree {

    /** The name a precompiled tree has next to {@code NAME.yaml}: {@code NAME.tree}. */
    public static final String EXTENSION = ".tree";

    private static final int MAGIC = 0x43505431; // "CPT1"
    private static final byte MAP = 'M';
    private static final byte SEQ = 'S';
    private static final byte SCALAR = 'V';
    private static final YamlScalar.Type[] TYPES = YamlScalar.Type.values();

    private PrecompiledTree() {}

    /**
     * The precompiled form of {@code yaml}, parsed by {@link StrictYamlReader}.
     *
     * @throws YamlSyntaxException when {@code yaml} is not a policy the reader accepts, or is empty
     */
    public static byte[] write(byte[] yaml) throws YamlSyntaxException {
        YamlNode root = new StrictYamlReader().read(yaml);
        if (root == null) {
            throw new YamlSyntaxException(new Mark(1, 1), "not-empty", "the file is empty");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(yaml.length);
            out.writeInt(crc(yaml));
            node(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The tree in {@code form}, when it was made from exactly {@code yaml} and is whole; otherwise
     * empty (the caller parses {@code yaml}).
     */
    public static Optional<YamlNode> read(byte[] form, byte[] yaml) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
            if (in.readInt() != MAGIC || in.readInt() != yaml.length || in.readInt() != crc(yaml)) {
                return Optional.empty();
            }
            YamlNode root = new Reader(in).node(0);
            return in.read() == -1 ? Optional.of(root) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // Truncated, or a value out of range: not a form this class wrote.
            return Optional.empty();
        }
    }

    /**
     * Writes {@code NAME.tree} next to every {@code NAME.yaml} in the folder {@code args[0]}: the
     * build step of the policies module. Fails (exit status 1) on a file the reader refuses.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompiledTree FOLDER");
        }
        List<Path> files = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(Path.of(args[0]), "*.yaml")) {
            listing.forEach(files::add);
        }
        for (Path yaml : files) {
            String name = yaml.getFileName().toString();
            try {
                Path tree = yaml.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + EXTENSION);
                Files.write(tree, write(Files.readAllBytes(yaml)));
            } catch (YamlSyntaxException e) {
                throw new IllegalStateException(
                        yaml + ":" + e.mark().line() + ":" + e.mark().column() + ": " + e.rule() + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static void node(DataOutputStream out, YamlNode node) throws IOException {
        if (node instanceof YamlMap map) {
            out.writeByte(MAP);
            mark(out, map.mark());
            out.writeInt(map.fields().size());
            for (YamlMap.Field field : map.fields().values()) {
                text(out, field.key());
                mark(out, field.keyMark());
                node(out, field.value());
            }
        } else if (node instanceof YamlSeq seq) {
            out.writeByte(SEQ);
            mark(out, seq.mark());
            out.writeInt(seq.items().size());
            for (YamlNode item : seq.items()) {
                node(out, item);
            }
        } else {
            YamlScalar scalar = (YamlScalar) node;
            out.writeByte(SCALAR);
            mark(out, scalar.mark());
            out.writeByte(scalar.type().ordinal());
            text(out, scalar.text());
        }
    }

    private static void mark(DataOutputStream out, Mark mark) throws IOException {
        out.writeInt(mark.line());
        out.writeInt(mark.column());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads one form, with the reader's bounds on nesting and values. */
    private static final class Reader {
        private final DataInputStream in;
        private int values;

        Reader(DataInputStream in) {
            this.in = in;
        }

        YamlNode node(int depth) throws IOException {
            if (depth > StrictYamlReader.MAX_DEPTH || ++values > StrictYamlReader.MAX_VALUES) {
                throw new IllegalArgumentException("deeper or larger than a policy may be");
            }
            byte tag = in.readByte();
            Mark mark = mark();
            switch (tag) {
                case MAP -> {
                    int n = count();
                    Map<String, YamlMap.Field> fields = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String key = text();
                        Mark keyMark = mark();
                        if (fields.put(key, new YamlMap.Field(key, keyMark, node(depth + 1))) != null) {
                            throw new IllegalArgumentException("duplicate key");
                        }
                    }
                    return new YamlMap(fields, mark);
                }
                case SEQ -> {
                    int n = count();
                    List<YamlNode> items = new ArrayList<>(Math.min(n, 64));
                    for (int i = 0; i < n; i++) {
                        items.add(node(depth + 1));
                    }
                    return new YamlSeq(items, mark);
                }
                case SCALAR -> {
                    int type = in.readUnsignedByte();
                    if (type >= TYPES.length) {
                        throw new IllegalArgumentException("scalar type " + type);
                    }
                    return new YamlScalar(text(), TYPES[type], mark);
                }
                default -> throw new IllegalArgumentException("tag " + tag);
            }
        }

        private Mark mark() throws IOException {
            int line = in.readInt();
            int column = in.readInt();
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("mark " + line + ":" + column);
            }
            return new Mark(line, column);
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > StrictYamlReader.MAX_VALUES) {
                throw new IllegalArgumentException("count " + n);
            }
            return n;
        }

        private String text() throws IOException {
            int length = in.readInt();
            if (length < 0 || length > StrictYamlReader.MAX_BYTES) {
                throw new IllegalArgumentException("length " + length);
            }
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }
}
