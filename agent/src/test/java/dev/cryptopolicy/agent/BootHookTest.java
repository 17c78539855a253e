package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider hook is defined inside {@code java.base}, in a package exported to none of the
 * application's modules and opened to none that any code can reach, without a file or a change to
 * the bootstrap class path: the application can neither call it nor replace its functions, and
 * class-data sharing stays on.
 */
class BootHookTest {

    @TempDir
    Path dir;

    /** What the child JVM's application sees of the hook, one {@code key=value} line each. */
    public static void main(String[] args) throws IOException {
        Module base = Object.class.getModule();
        Module app = BootHookTest.class.getModule();
        Module agent = Security.getProviders()[0].getClass().getModule();
        System.out.println("front=" + Security.getProviders()[0].getName());
        Class<?> hook;
        try {
            hook = Class.forName(SecurityHooks.HOOK.replace('/', '.'), false, null);
        } catch (ClassNotFoundException e) {
            System.out.println("hook=absent");
            return;
        }
        System.out.println("hook=" + hook.getName() + " loader=" + hook.getClassLoader() + " module="
                + hook.getModule().getName());
        System.out.println("source=" + bootstrapLoads(SecurityHooks.HOOK_SOURCE.replace('/', '.')));
        System.out.println("exported-to-app=" + base.isExported(hook.getPackageName(), app));
        System.out.println("open-to-app=" + base.isOpen(hook.getPackageName(), app));
        System.out.println("exported-to-agent=" + base.isExported(hook.getPackageName(), agent));
        System.out.println("open-to-agent=" + base.isOpen(hook.getPackageName(), agent));
        UnaryOperator<Provider> none = p -> null;
        BiFunction<Provider, Integer, Integer> first = (p, i) -> 1;
        try {
            Method connect = hook.getMethod("connect", UnaryOperator.class, BiFunction.class);
            connect.invoke(null, none, first);
            System.out.println("connect=REPLACED");
        } catch (InvocationTargetException e) {
            System.out.println("connect=" + e.getCause().getClass().getSimpleName() + " "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("connect=" + e.getClass().getSimpleName());
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        System.out.println("tmpdir=" + left);
    }

    private static boolean bootstrapLoads(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private AgentTest.Run app(List<String> options) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<String> all = new ArrayList<>(options);
        all.add("-Djava.io.tmpdir=" + tmp);
        all.add("-javaagent:" + AgentTest.agentJar() + "=DEFAULT");
        return AgentTest.run(all, Map.of(), List.of(AgentTest.testClasses()), BootHookTest.class.getName(), dir);
    }

    @Test
    void underTheAgent_theHookIsInJavaBase_unreachableByTheApplication_withNoFileAndSharingKept() throws Exception {
        AgentTest.Run r = app(List.of("-Xshare:auto"));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        assertTrue(
                r.out().contains("hook=" + SecurityHooks.HOOK.replace('/', '.') + " loader=null module=java.base"),
                r.all());
        assertTrue(r.out().contains("source=false"), r.all());
        assertTrue(r.out().contains("exported-to-app=false"), r.all());
        assertTrue(r.out().contains("open-to-app=false"), r.all());
        // The agent's own code is given the package's exports (for LateProviders), never deep access.
        assertTrue(r.out().contains("exported-to-agent=true"), r.all());
        assertTrue(r.out().contains("open-to-agent=false"), r.all());
        assertTrue(r.out().contains("connect=IllegalAccessException"), r.all());
        assertTrue(r.out().contains("tmpdir=[]"), r.all());
        // What the JVM prints when it stops sharing the application's and the platform's classes
        // (appending to the bootstrap class path did, with sharing on, as it is by default).
        assertFalse(r.all().contains("bootstrap classpath has been appended"), r.all());
    }

    @Test
    void withThePackageExportedToTheApplication_theHookStillCannotBeReplaced() throws Exception {
        // Control: reached by an application the JVM was told to trust with the package, the hook's
        // own first-call-wins keeps the policy's functions.
        AgentTest.Run r = app(List.of("--add-exports=java.base/sun.security.jca=ALL-UNNAMED"));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("exported-to-app=true"), r.all());
        assertTrue(
                r.out().contains("connect=IllegalStateException the cryptopolicy provider hook is already connected"),
                r.all());
    }
}
