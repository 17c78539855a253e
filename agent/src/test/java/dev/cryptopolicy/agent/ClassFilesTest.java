package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.Provider;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent's own class-file rewriting ({@link ClassFiles}, through {@link SecurityHooks#instrument})
 * against ASM's: for every class the agent instruments in the running JDK, each method must read,
 * instruction by instruction (and frame, handler, line and local variable), as the one ASM writes
 * when told to put the same instructions first. The {@code nop}s that keep switches aligned are
 * the one difference, and are skipped.
 */
class ClassFilesTest {

    @Test
    void everyInstrumentedJdkClass_readsAsAsmWouldWriteIt() throws IOException {
        List<String> targets = new ArrayList<>(new TreeSet<>(SecurityHooks.ENGINES));
        targets.add(SecurityHooks.SECURITY);
        int compared = 0;
        for (String name : targets) {
            byte[] original = jdkClass(name);
            if (original == null) {
                continue; // javax.crypto.KEM, KDF: not in every JDK
            }
            byte[] ours = SecurityHooks.instrument(name, original);
            assertEquals(listing(asmInstrument(name, original)), listing(ours), name);
            // Control: the listing shows the prologue, which the original lacks.
            assertNotEquals(listing(original), listing(ours), name);
            compared++;
        }
        assertTrue(compared >= 21, "compared " + compared);
    }

    /**
     * A method whose first stack map frame's offset outgrows its short form once moved, with a
     * switch, a long before the provider, a handler and frames naming an uninitialized object's
     * {@code new}: the rewritten class must still verify (it
     * is defined in a loader of its own, which verifies it), and read as ASM writes it.
     */
    @Test
    void aMethodWithASwitchFramesAndWideSlots_verifiesAndReadsAsAsmWouldWriteIt() throws Exception {
        byte[] original = synthetic();
        byte[] ours = SecurityHooks.instrument("javax/crypto/Cipher", original);
        assertEquals(listing(asmInstrument("javax/crypto/Cipher", original)), listing(ours));
        assertTrue(listing(ours).contains("VAR 25 2 | METHOD 184 " + SecurityHooks.HOOK + " govern"));
        Class<?> verified = Class.forName("Synthetic", true, new Loader(ours));
        assertNotNull(verified.getMethod("getInstance", long.class, Provider.class, int.class));
        // Control: the loader verifies, so a broken class would not pass: the prologue's astore_2
        // (after aload_2, invokestatic) made an istore_2, of the provider.
        byte[] broken = ours.clone();
        int prologue = indexOf(broken, new byte[] {0x2c, (byte) 0xb8});
        assertEquals(0x4d, broken[prologue + 4]);
        broken[prologue + 4] = 0x3d;
        assertThrows(VerifyError.class, () -> Class.forName("Synthetic", true, new Loader(broken)));
    }

    @Test
    void aClassWithNoTargetMethod_isReturnedAsItIs() {
        byte[] original = synthetic();
        assertSame(original, SecurityHooks.instrument("java/lang/String", original));
    }

    /** What ASM writes when told to put the agent's prologue first: what the agent did before {@link ClassFiles}. */
    private static byte[] asmInstrument(String className, byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                        List<Integer> slots = SecurityHooks.providerSlots(className, access, name, descriptor);
                        if (slots.isEmpty()) {
                            return mv;
                        }
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            @Override
                            public void visitCode() {
                                super.visitCode();
                                if (className.equals(SecurityHooks.SECURITY) && name.equals("insertProviderAt")) {
                                    super.visitVarInsn(Opcodes.ALOAD, 0);
                                    super.visitVarInsn(Opcodes.ILOAD, 1);
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC,
                                            SecurityHooks.HOOK,
                                            "position",
                                            "(Ljava/security/Provider;I)I",
                                            false);
                                    super.visitVarInsn(Opcodes.ISTORE, 1);
                                }
                                for (int slot : slots) {
                                    super.visitVarInsn(Opcodes.ALOAD, slot);
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC,
                                            SecurityHooks.HOOK,
                                            "govern",
                                            "(Ljava/security/Provider;)Ljava/security/Provider;",
                                            false);
                                    super.visitVarInsn(Opcodes.ASTORE, slot);
                                }
                            }

                            @Override
                            public void visitMaxs(int maxStack, int maxLocals) {
                                super.visitMaxs(Math.max(maxStack, 2), maxLocals);
                            }
                        };
                    }
                },
                0);
        return writer.toByteArray();
    }

    /**
     * Every method as text: its header, then each instruction, label, frame (expanded), handler,
     * line and local variable with its operands, labels numbered in order of first mention.
     */
    private static String listing(byte[] classfile) {
        StringBuilder out = new StringBuilder();
        ClassReader reader = new ClassReader(classfile);
        out.append(reader.getClassName())
                .append(' ')
                .append(reader.getSuperName())
                .append('\n');
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        out.append("\nMETHOD ")
                                .append(access)
                                .append(' ')
                                .append(name)
                                .append(descriptor)
                                .append(' ')
                                .append(signature)
                                .append('\n');
                        return new Recorder(out);
                    }
                },
                ClassReader.EXPAND_FRAMES);
        return out.toString();
    }

    private static final class Recorder extends MethodVisitor {
        private final StringBuilder out;
        private final Map<Label, Integer> labels = new IdentityHashMap<>();

        Recorder(StringBuilder out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        private String label(Label label) {
            Integer known = labels.get(label);
            if (known == null) {
                known = labels.size();
                labels.put(label, known);
            }
            return "L" + known;
        }

        private String values(int n, Object[] values) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                s.append(values[i] instanceof Label l ? label(l) : String.valueOf(values[i]))
                        .append(',');
            }
            return s.append(']').toString();
        }

        private void line(String s) {
            out.append(s).append('\n');
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            line("FRAME " + type + " " + values(numLocal, local) + " " + values(numStack, stack));
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode != Opcodes.NOP) {
                line("INSN " + opcode);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            line("INT " + opcode + " " + operand);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            // Joined with the next instruction, so that a test can look for a pair.
            out.append("VAR ").append(opcode).append(' ').append(var).append(" | ");
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            line("TYPE " + opcode + " " + type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            line("FIELD " + opcode + " " + owner + " " + name + " " + descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            line("METHOD " + opcode + " " + owner + " " + name + " " + descriptor + " " + itf);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            line("INDY " + name + " " + descriptor + " " + bsm + " " + List.of(args));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            line("JUMP " + opcode + " " + label(label));
        }

        @Override
        public void visitLabel(Label label) {
            line(label(label) + ":");
        }

        @Override
        public void visitLdcInsn(Object value) {
            line("LDC " + value.getClass().getSimpleName() + " " + value);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            line("IINC " + var + " " + increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            StringBuilder s = new StringBuilder("TABLESWITCH " + min + " " + max + " " + label(dflt));
            for (Label l : targets) {
                s.append(' ').append(label(l));
            }
            line(s.toString());
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            StringBuilder s = new StringBuilder("LOOKUPSWITCH " + label(dflt));
            for (int i = 0; i < keys.length; i++) {
                s.append(' ').append(keys[i]).append('=').append(label(targets[i]));
            }
            line(s.toString());
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            line("MULTIANEWARRAY " + descriptor + " " + dims);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            line("TRY " + label(start) + " " + label(end) + " " + label(handler) + " " + type);
        }

        @Override
        public void visitLocalVariable(String name, String desc, String sig, Label start, Label end, int index) {
            line("LOCAL " + name + " " + desc + " " + sig + " " + label(start) + " " + label(end) + " " + index);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            line("LINE " + line + " " + label(start));
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            line("MAXS " + maxStack + " " + maxLocals);
        }
    }

    /**
     * {@code public static int getInstance(long, Provider, int)}: a loop back to just past its
     * start, a switch, a handler, line numbers and local variables, frames computed by ASM, some
     * with an uninitialized object; its first frame is 63 bytes in, so a prologue moves it past
     * what a same_frame can say.
     */
    private static byte[] synthetic() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "Synthetic", null, "java/lang/Object", null);
        MethodVisitor mv = writer.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "getInstance", "(JLjava/security/Provider;I)I", null, null);
        mv.visitCode();
        Label start = new Label();
        Label loop = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label one = new Label();
        Label other = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(10, start);
        for (int i = 0; i < 30; i++) { // 60 bytes of iinc-free filler: iconst_0, pop
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.POP);
        }
        mv.visitJumpInsn(Opcodes.GOTO, loop); // 3 bytes, so the loop is at 63
        mv.visitLabel(loop);
        mv.visitLineNumber(11, loop);
        Label tryStart = new Label();
        Label tryEnd = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/RuntimeException");
        mv.visitLabel(tryStart);
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitTableSwitchInsn(0, 1, other, one, other);
        mv.visitLabel(one);
        mv.visitIincInsn(3, -1);
        mv.visitJumpInsn(Opcodes.GOTO, loop);
        mv.visitLabel(other);
        // new Integer(n == 0 ? 0 : 1): frames with an uninitialized object, which name its new's offset.
        Label zero = new Label();
        Label join = new Label();
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/Integer");
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitJumpInsn(Opcodes.IFEQ, zero);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(zero);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitLabel(join);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Integer", "<init>", "(I)V", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/security/Provider", "hashCode", "()I", false);
        mv.visitLabel(tryEnd);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(handler);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.ICONST_M1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(end);
        mv.visitLocalVariable("n", "J", null, start, end, 0);
        mv.visitLocalVariable("provider", "Ljava/security/Provider;", null, start, end, 2);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = Object.class.getModule().getResourceAsStream(name + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Defines one class, and so verifies it when it is linked. */
    private static final class Loader extends ClassLoader {
        private final byte[] classfile;

        Loader(byte[] classfile) {
            super(ClassFilesTest.class.getClassLoader());
            this.classfile = classfile;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals("Synthetic")) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, classfile, 0, classfile.length);
        }
    }
}
