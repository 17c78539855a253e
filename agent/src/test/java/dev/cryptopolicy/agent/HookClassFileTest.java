package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The class file the agent defines in java.base as the provider hook: the source's, renamed. */
class HookClassFileTest {

    @Test
    void theRenamedHook_namesNoCryptopolicyClass_andKeepsEveryMethodOfTheSource() throws IOException {
        byte[] renamed = SecurityHooks.hookClassFile();
        assertFalse(new String(renamed, StandardCharsets.ISO_8859_1).contains("dev/cryptopolicy/"));
        ClassReader reader = new ClassReader(renamed);
        assertEquals(SecurityHooks.HOOK, reader.getClassName());
        byte[] source;
        try (InputStream in =
                SecurityHooks.class.getClassLoader().getResourceAsStream(SecurityHooks.HOOK_SOURCE + ".class")) {
            source = in.readAllBytes();
        }
        assertEquals(methods(source), methods(renamed));
        // Control: the source names itself, which the bootstrap class loader could not resolve.
        assertTrue(new String(source, StandardCharsets.ISO_8859_1).contains(SecurityHooks.HOOK_SOURCE));
    }

    private static List<String> methods(byte[] classfile) {
        List<String> out = new ArrayList<>();
        new ClassReader(classfile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] ex) {
                                out.add(access + " " + name + descriptor);
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE);
        return out;
    }
}
