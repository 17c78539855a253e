package dev.cryptopolicy.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;

/**
 * Installs a policy before the application's {@code main} runs, with no change to the application:
 * {@code java -javaagent:cryptopolicy-agent.jar=DEFAULT:NO-SHA1 -jar app.jar}, or the same option
 * in {@code JAVA_TOOL_OPTIONS}. The options are described in {@link AgentOptions}; without any, the
 * agent installs DEFAULT.
 *
 * <p>The agent jar is self-contained: its own Jackson and SnakeYAML are relocated under
 * {@code dev.cryptopolicy.agent.shaded}, so the JVM putting the jar on the system class path adds
 * nothing there but {@code dev.cryptopolicy} classes. This class is the only one the agent runs
 * from the system class loader: everything else runs in a class loader of its own over the agent
 * jar (parent: the platform class loader), so that cryptopolicy jars of another version on the
 * application's class path, which the system class loader would find first, never mix with the
 * agent's. Bouncy Castle FIPS, when the policy needs it, is loaded from its unmodified jars in yet
 * another class loader (see {@link AgentOptions}).
 *
 * <p>Fails closed: when the options, the policy or its installation are not right the JVM does not
 * start; stderr gets one line naming the policy and every problem, and the exit status is non-zero
 * (see {@link Startup}).
 */
public final class Agent {
    /** Exit status when the policy cannot be loaded or installed (as the cryptopolicy command's). */
    static final int POLICY_ERROR = 1;
    /** Exit status for agent options that cannot be used. */
    static final int USAGE_ERROR = 2;
    /** Exit status for a bug in cryptopolicy. */
    static final int INTERNAL_ERROR = 3;
    /** Set to 1 to see the stack trace of an internal error. */
    static final String DEBUG_ENV = "CRYPTOPOLICY_DEBUG";

    private static final String STARTUP = "dev.cryptopolicy.agent.Startup";

    private Agent() {}

    /** Called by the JVM for {@code -javaagent}. */
    public static void premain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, true);
    }

    /** Called by the JVM for {@code -javaagent} when the two-argument form is absent. */
    public static void premain(String args) {
        start(args, null, true);
    }

    /**
     * Called when the agent is attached to a running JVM. A failure is thrown to the attaching
     * tool (with the same one-line message) instead of stopping the JVM, which has been running
     * without the policy until now and is left as it was.
     */
    public static void agentmain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, false);
    }

    /**
     * The options of the agent already started in this JVM, or null. This class is loaded once by
     * the system class loader however often the jar is named (command line and
     * {@code JAVA_TOOL_OPTIONS}), while each start would make a class loader, and an installation,
     * of its own: the first start installs, a later one with the same options adds nothing, and one
     * with other options is refused rather than silently ignored. Set once a start has succeeded,
     * so that a failed attach leaves the JVM free for a corrected one.
     */
    private static String started;

    private static void start(String args, Instrumentation instrumentation, boolean atStartUp) {
        String options = args == null ? "" : args.trim();
        synchronized (Agent.class) {
            if (started != null) {
                if (started.equals(options)) {
                    return;
                }
                String line = "cryptopolicy agent: given twice with different options ('" + started + "', then '"
                        + options + "'); one policy per JVM, the first stays installed";
                if (atStartUp) {
                    refuse(USAGE_ERROR, line);
                    return;
                }
                throw new IllegalStateException(line);
            }
        }
        Method run;
        try {
            CodeSource source = Agent.class.getProtectionDomain().getCodeSource();
            URL jar = source == null ? null : source.getLocation();
            if (jar == null) {
                throw new IllegalStateException("the agent's classes do not say which jar they come from");
            }
            // Never closed: the installed providers load classes from it for as long as the JVM runs.
            ClassLoader own =
                    new URLClassLoader("cryptopolicy-agent", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
            // By name: a class literal would load Startup, and the library classes it names, from
            // the system class loader, which is what this indirection avoids.
            run = Class.forName(STARTUP, true, own)
                    .getDeclaredMethod("run", String.class, Instrumentation.class, boolean.class);
            run.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            failed(e, atStartUp);
            return;
        }
        try {
            run.invoke(null, args, instrumentation, atStartUp);
            synchronized (Agent.class) {
                started = options;
            }
        } catch (InvocationTargetException e) {
            // Startup reports its own failures (and, at start-up, exits); anything else is a bug.
            failed(e.getCause() == null ? e : e.getCause(), atStartUp);
        } catch (IllegalAccessException | RuntimeException e) {
            failed(e, atStartUp);
        }
    }

    private static void failed(Throwable e, boolean atStartUp) {
        if (atStartUp) {
            internalError(e);
        } else if (e instanceof RuntimeException r) {
            throw r;
        } else {
            throw new IllegalStateException("cryptopolicy agent: internal error, nothing installed: " + e, e);
        }
    }

    /**
     * Stops the JVM before {@code main}: {@code line} on stderr, then exit with {@code status}.
     * Exiting here, rather than throwing, keeps the JVM's agent machinery from printing an
     * {@code InvocationTargetException}, its stack trace and assertion lines over the message.
     */
    static void refuse(int status, String line) {
        System.err.println(line);
        System.err.flush();
        System.exit(status);
        // System.exit returns only if a shutdown is already under way; never let main run.
        Runtime.getRuntime().halt(status);
    }

    /** A bug (or a damaged agent jar): one line, the stack trace only with {@value #DEBUG_ENV}=1, exit 3. */
    static void internalError(Throwable e) {
        String v = System.getenv(DEBUG_ENV);
        boolean debug = v != null && !v.isEmpty() && !v.equals("0");
        if (debug) {
            e.printStackTrace();
        }
        refuse(
                INTERNAL_ERROR,
                "cryptopolicy agent: internal error, the JVM does not start: " + e
                        + (debug ? "" : " (set " + DEBUG_ENV + "=1 for the stack trace)"));
    }
}
