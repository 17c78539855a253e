package dev.cryptopolicy.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The two edits the agent makes to class files, written against the class-file format (JVMS 4)
 * directly rather than through a bytecode library: a library's few dozen classes, loaded from the
 * agent jar, verified and interpreted once at start-up, cost more than the edits themselves.
 *
 * <ul>
 *   <li>{@link #rename}: one class's name replaced in the constant pool, where every name in a class
 *       file is;
 *   <li>{@link #prefix}: instructions put first in chosen methods, everything else (the other
 *       methods, every attribute, the constant pool, which only grows) copied as it is.
 * </ul>
 *
 * Anything this does not understand (a constant-pool tag, an attribute of a rewritten method's code
 * that holds code offsets) is refused with an exception, never copied unchanged.
 */
final class ClassFiles {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHODREF = 10;
    private static final int NAME_AND_TYPE = 12;

    static final int ALOAD = 0x19;
    static final int ILOAD = 0x15;
    static final int ASTORE = 0x3a;
    static final int ISTORE = 0x36;
    private static final int NOP = 0x00;
    private static final int INVOKESTATIC = 0xb8;
    private static final int WIDE = 0xc4;

    private ClassFiles() {}

    /** What to put first in a method, chosen from its access flags, name and descriptor. */
    interface Prologue {
        /**
         * The prologue of a method, or null to leave it unchanged.
         *
         * @param methods where the prologue finds the constant-pool index of a method it calls
         */
        Code of(int access, String name, String descriptor, Methods methods);
    }

    /** The constant-pool entries of the static methods a prologue calls, added to the pool on first use. */
    interface Methods {
        int methodref(String owner, String name, String descriptor);
    }

    /** Instructions being assembled, for a prologue. */
    static final class Code {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int maxStack;

        /** A load or store of local variable {@code slot}: {@code opcode} is one of this class's. */
        Code variable(int opcode, int slot) {
            if (slot < 4) {
                // aload_0 .. istore_3: the short forms follow each long form's family in the opcode table.
                int shortForm = switch (opcode) {
                    case ILOAD -> 0x1a;
                    case ALOAD -> 0x2a;
                    case ISTORE -> 0x3b;
                    case ASTORE -> 0x4b;
                    default -> throw new IllegalArgumentException("not a load or store: " + opcode);
                };
                bytes.write(shortForm + slot);
            } else if (slot < 256) {
                bytes.write(opcode);
                bytes.write(slot);
            } else {
                bytes.write(WIDE);
                bytes.write(opcode);
                bytes.write(slot >> 8);
                bytes.write(slot);
            }
            return this;
        }

        /** An {@code invokestatic} of the method at constant-pool index {@code methodref}. */
        Code invokestatic(int methodref) {
            bytes.write(INVOKESTATIC);
            bytes.write(methodref >> 8);
            bytes.write(methodref);
            return this;
        }

        /** The operand stack these instructions need at most, at least {@code depth}. */
        Code stack(int depth) {
            maxStack = Math.max(maxStack, depth);
            return this;
        }

        /**
         * The instructions, padded with {@code nop} to a multiple of four bytes: a {@code tableswitch}
         * or {@code lookupswitch} further on is aligned to four bytes from the start of the code, and
         * keeps its alignment only if everything after the prologue moves by a multiple of four.
         */
        byte[] padded() {
            while (bytes.size() % 4 != 0) {
                bytes.write(NOP);
            }
            return bytes.toByteArray();
        }
    }

    /**
     * The class file with every name {@code from} (an internal name) replaced by {@code to}: the
     * class's own, and wherever it is a type in a descriptor or signature.
     */
    static byte[] rename(byte[] classfile, String from, String to) {
        Pool pool = new Pool(classfile);
        Output out = new Output(classfile.length + 64);
        out.bytes(classfile, 0, 10);
        for (int i = 1; i < pool.count; i++) {
            int at = pool.offsets[i];
            if (at == 0) {
                continue; // the second slot of a long or double
            }
            if (classfile[at] == UTF8) {
                String value = pool.utf8(i);
                String renamed = value.equals(from) ? to : value.replace("L" + from + ";", "L" + to + ";");
                out.utf8(renamed);
            } else {
                out.bytes(classfile, at, pool.end(i) - at);
            }
        }
        out.bytes(classfile, pool.end, classfile.length - pool.end);
        return out.toByteArray();
    }

    /**
     * The class file with {@code prologue}'s instructions put first in each method it gives any
     * for, and the code attribute's offsets (exception table, line numbers, local variables, stack
     * map frames) moved past them; returns the class file itself when no method gets a prologue.
     */
    static byte[] prefix(byte[] classfile, Prologue prologue) {
        Pool pool = new Pool(classfile);
        Input in = new Input(classfile, pool.end);
        in.skip(6); // access, this, super
        in.skip(2 * in.u2()); // interfaces
        int fields = in.u2();
        for (int i = 0; i < fields; i++) {
            in.skip(6);
            skipAttributes(in);
        }
        int methodsAt = in.at;
        NewEntries added = new NewEntries(pool.count);
        Output methods = new Output(classfile.length - methodsAt + 256);
        int count = in.u2();
        methods.u2(count);
        boolean changed = false;
        for (int m = 0; m < count; m++) {
            int start = in.at;
            int access = in.u2();
            String name = pool.utf8(in.u2());
            String descriptor = pool.utf8(in.u2());
            Code code = prologue.of(access, name, descriptor, added);
            int attributes = in.u2();
            if (code == null) {
                for (int a = 0; a < attributes; a++) {
                    in.skip(2);
                    in.skip(in.u4());
                }
                methods.bytes(classfile, start, in.at - start);
                continue;
            }
            methods.bytes(classfile, start, 8);
            boolean found = false;
            for (int a = 0; a < attributes; a++) {
                int attributeName = in.u2();
                int length = in.u4();
                if (pool.utf8(attributeName).equals("Code")) {
                    methods.u2(attributeName);
                    byte[] rewritten = prefixCode(pool, classfile, in.at, length, code);
                    methods.u4(rewritten.length);
                    methods.bytes(rewritten, 0, rewritten.length);
                    found = true;
                } else {
                    methods.bytes(classfile, in.at - 6, length + 6);
                }
                in.skip(length);
            }
            if (!found) {
                throw new IllegalArgumentException("method " + name + descriptor + " has no code");
            }
            changed = true;
        }
        if (!changed) {
            return classfile;
        }
        byte[] entries = added.toByteArray();
        int newCount = pool.count + added.count;
        if (newCount > 0xFFFF) {
            throw new IllegalArgumentException("the constant pool would be too large");
        }
        Output out = new Output(classfile.length + entries.length + methods.size() - (in.at - methodsAt) + 16);
        out.bytes(classfile, 0, 8);
        out.u2(newCount);
        out.bytes(classfile, 10, pool.end - 10);
        out.bytes(entries, 0, entries.length);
        out.bytes(classfile, pool.end, methodsAt - pool.end);
        byte[] rewrittenMethods = methods.toByteArray();
        out.bytes(rewrittenMethods, 0, rewrittenMethods.length);
        out.bytes(classfile, in.at, classfile.length - in.at);
        return out.toByteArray();
    }

    /** The body of a Code attribute (from max_stack on) with {@code code}'s instructions first. */
    private static byte[] prefixCode(Pool pool, byte[] classfile, int at, int length, Code code) {
        byte[] prologue = code.padded();
        int shift = prologue.length;
        Input in = new Input(classfile, at);
        Output out = new Output(length + shift + 16);
        out.u2(Math.max(in.u2(), code.maxStack));
        out.u2(in.u2());
        int codeLength = in.u4();
        if (codeLength + shift > 0xFFFF) {
            throw new IllegalArgumentException("the method's code would be too large");
        }
        out.u4(codeLength + shift);
        out.bytes(prologue, 0, shift);
        out.bytes(classfile, in.at, codeLength);
        in.skip(codeLength);
        int handlers = in.u2();
        out.u2(handlers);
        for (int i = 0; i < handlers; i++) {
            out.u2(in.u2() + shift); // start_pc
            out.u2(in.u2() + shift); // end_pc
            out.u2(in.u2() + shift); // handler_pc
            out.u2(in.u2()); // catch_type
        }
        int attributes = in.u2();
        out.u2(attributes);
        for (int a = 0; a < attributes; a++) {
            int attributeName = in.u2();
            int attributeLength = in.u4();
            int end = in.at + attributeLength;
            String name = pool.utf8(attributeName);
            out.u2(attributeName);
            switch (name) {
                case "LineNumberTable" -> {
                    out.u4(attributeLength);
                    int entries = in.u2();
                    out.u2(entries);
                    for (int i = 0; i < entries; i++) {
                        out.u2(in.u2() + shift); // start_pc
                        out.u2(in.u2()); // line_number
                    }
                }
                case "LocalVariableTable", "LocalVariableTypeTable" -> {
                    out.u4(attributeLength);
                    int entries = in.u2();
                    out.u2(entries);
                    for (int i = 0; i < entries; i++) {
                        out.u2(in.u2() + shift); // start_pc; length, name, descriptor or signature, index follow
                        out.bytes(classfile, in.at, 8);
                        in.skip(8);
                    }
                }
                case "StackMapTable" -> out.stackMapTable(classfile, in, attributeLength, shift);
                default ->
                    throw new IllegalArgumentException("the method's code has a " + name
                            + " attribute, which the agent does not know how to move");
            }
            if (in.at != end) {
                throw new IllegalArgumentException("the method's " + name + " attribute is malformed");
            }
        }
        if (in.at != at + length) {
            throw new IllegalArgumentException("the method's Code attribute is malformed");
        }
        return out.toByteArray();
    }

    private static void skipAttributes(Input in) {
        int attributes = in.u2();
        for (int a = 0; a < attributes; a++) {
            in.skip(2);
            in.skip(in.u4());
        }
    }

    /** Where each constant-pool entry starts (at its tag), and where the pool ends. */
    private static final class Pool {
        final byte[] classfile;
        final int count;
        final int[] offsets;
        final int end;

        Pool(byte[] classfile) {
            this.classfile = classfile;
            Input in = new Input(classfile, 0);
            if ((in.u2() << 16 | in.u2()) != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            in.skip(4);
            count = in.u2();
            offsets = new int[count];
            for (int i = 1; i < count; i++) {
                offsets[i] = in.at;
                int tag = in.u1();
                switch (tag) {
                    case UTF8 -> in.skip(in.u2());
                    case 3, 4 -> in.skip(4); // Integer, Float
                    case 5, 6 -> { // Long, Double: two entries
                        in.skip(8);
                        i++;
                    }
                    case CLASS, 8, 16, 19, 20 -> in.skip(2); // Class, String, MethodType, Module, Package
                    case 9, METHODREF, 11, NAME_AND_TYPE, 17, 18 -> in.skip(4); // refs, NameAndType, Dynamic
                    case 15 -> in.skip(3); // MethodHandle
                    default -> throw new IllegalArgumentException("unknown constant-pool tag " + tag);
                }
            }
            end = in.at;
        }

        /** Where entry {@code i} ends. */
        int end(int i) {
            for (int next = i + 1; next < count; next++) {
                if (offsets[next] != 0) {
                    return offsets[next];
                }
            }
            return end;
        }

        /**
         * Utf8 entry {@code i}, each byte a char: exact for ASCII, which every name this compares
         * and replaces is; any other character becomes chars of 0x80 and above, equal to none of
         * them, and is written back byte for byte.
         */
        String utf8(int i) {
            int at = offsets[i];
            if (i <= 0 || i >= count || at == 0 || classfile[at] != UTF8) {
                throw new IllegalArgumentException("constant-pool entry " + i + " is not a Utf8");
            }
            int length = ((classfile[at + 1] & 0xFF) << 8) | (classfile[at + 2] & 0xFF);
            return new String(classfile, at + 3, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Constant-pool entries appended after the class's own, each method reference once. */
    private static final class NewEntries implements Methods {
        private final Output out = new Output(128);
        private final Map<String, Integer> methodrefs = new HashMap<>();
        private final int first;
        int count;

        NewEntries(int first) {
            this.first = first;
        }

        @Override
        public int methodref(String owner, String name, String descriptor) {
            // No computeIfAbsent: a lambda would spin a class at start-up.
            String key = owner + '.' + name + descriptor;
            Integer known = methodrefs.get(key);
            if (known != null) {
                return known;
            }
            int ownerClass = entry(CLASS, utf8(owner), -1);
            int nameAndType = entry(NAME_AND_TYPE, utf8(name), utf8(descriptor));
            int methodref = entry(METHODREF, ownerClass, nameAndType);
            methodrefs.put(key, methodref);
            return methodref;
        }

        private int utf8(String value) {
            out.u1(UTF8);
            out.utf8Body(value);
            return first + count++;
        }

        private int entry(int tag, int a, int b) {
            out.u1(tag);
            out.u2(a);
            if (b >= 0) {
                out.u2(b);
            }
            return first + count++;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Big-endian reads from a class file. */
    private static final class Input {
        final byte[] b;
        int at;

        Input(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        int u1() {
            return b[at++] & 0xFF;
        }

        int u2() {
            int v = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            at += 2;
            return v;
        }

        int u4() {
            int v = (u2() << 16) | u2();
            if (v < 0) {
                throw new IllegalArgumentException("a length in the class file is too large");
            }
            return v;
        }

        void skip(int n) {
            if (n < 0 || at + n > b.length) {
                throw new IllegalArgumentException("the class file is truncated");
            }
            at += n;
        }
    }

    /** Big-endian writes of a class file. */
    private static final class Output {
        private final ByteArrayOutputStream bytes;

        Output(int size) {
            bytes = new ByteArrayOutputStream(size);
        }

        void u1(int v) {
            bytes.write(v);
        }

        void u2(int v) {
            if ((v & ~0xFFFF) != 0) {
                throw new IllegalArgumentException("an offset or index would not fit the class file");
            }
            bytes.write(v >> 8);
            bytes.write(v);
        }

        void u4(int v) {
            u2(v >>> 16);
            u2(v & 0xFFFF);
        }

        void bytes(byte[] b, int from, int length) {
            bytes.write(b, from, length);
        }

        /** A Utf8 entry: tag, length and bytes, one byte a char as {@link Pool#utf8} reads them. */
        void utf8(String value) {
            u1(UTF8);
            utf8Body(value);
        }

        void utf8Body(String value) {
            byte[] encoded = value.getBytes(StandardCharsets.ISO_8859_1);
            u2(encoded.length);
            bytes(encoded, 0, encoded.length);
        }

        /**
         * A StackMapTable's body, its offsets moved by {@code shift}. Frames are each at an offset
         * from the one before, so only the first frame's offset moves; one whose offset is in its
         * type (same_frame, same_locals_1_stack_item) becomes its extended form when the offset
         * outgrows it. The other offsets are those of the {@code new} instructions an uninitialized
         * object's type names, in any frame: each moves.
         */
        void stackMapTable(byte[] classfile, Input in, int length, int shift) {
            int end = in.at + length;
            Output frames = new Output(length + 4);
            int entries = in.u2();
            frames.u2(entries);
            for (int f = 0; f < entries; f++) {
                int type = in.u1();
                int move = f == 0 ? shift : 0;
                if (type < 64) { // same_frame
                    frames.sameFrame(type + move, 0, 251);
                } else if (type < 128) { // same_locals_1_stack_item
                    frames.sameFrame(type - 64 + move, 64, 247);
                    frames.types(in, 1, shift);
                } else if (type >= 247) { // the others: the offset as a u2
                    frames.u1(type);
                    frames.u2(in.u2() + move);
                    if (type == 247) { // same_locals_1_stack_item_extended
                        frames.types(in, 1, shift);
                    } else if (type >= 252 && type < 255) { // append_frame
                        frames.types(in, type - 251, shift);
                    } else if (type == 255) { // full_frame: locals, then stack
                        int locals = in.u2();
                        frames.u2(locals);
                        frames.types(in, locals, shift);
                        int stack = in.u2();
                        frames.u2(stack);
                        frames.types(in, stack, shift);
                    } // chop_frame, same_frame_extended: nothing more
                } else {
                    throw new IllegalArgumentException("reserved stack map frame type " + type);
                }
            }
            if (in.at != end) {
                throw new IllegalArgumentException("the method's StackMapTable attribute is malformed");
            }
            byte[] body = frames.toByteArray();
            u4(body.length);
            bytes(body, 0, body.length);
        }

        /** {@code n} verification types, an uninitialized object's offset moved by {@code shift}. */
        private void types(Input in, int n, int shift) {
            for (int i = 0; i < n; i++) {
                int tag = in.u1();
                u1(tag);
                if (tag == 7) { // Object: its class's constant-pool index
                    u2(in.u2());
                } else if (tag == 8) { // Uninitialized: the offset of its new instruction
                    u2(in.u2() + shift);
                } else if (tag > 8) {
                    throw new IllegalArgumentException("unknown verification type " + tag);
                }
            }
        }

        private void sameFrame(int offset, int base, int extended) {
            if (offset < 64) {
                u1(base + offset);
            } else {
                u1(extended);
                u2(offset);
            }
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
