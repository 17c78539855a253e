package dev.cryptopolicy.agent;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.PolicyInstallException;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import java.lang.instrument.Instrumentation;

/**
 * Installs a policy before the application's {@code main} runs, with no change to the application:
 * {@code java -javaagent:lib/cryptopolicy-agent.jar=DEFAULT:NO-SHA1 -jar app.jar}, or the same
 * option in {@code JAVA_TOOL_OPTIONS}. The argument is a policy reference; without one, DEFAULT.
 *
 * <p>Fails closed: when the policy cannot be loaded or installed the agent throws, and the JVM
 * refuses to start, with a message that lists every problem.
 */
public final class Agent {
    private static final System.Logger LOG = System.getLogger("dev.cryptopolicy");

    private Agent() {
    }

    /** Called by the JVM for {@code -javaagent}. */
    public static void premain(String args, Instrumentation instrumentation) {
        install(args);
        SecurityHooks.install(instrumentation);
    }

    /** Called by the JVM for {@code -javaagent} when the two-argument form is absent. */
    public static void premain(String args) {
        install(args);
    }

    /** Called when the agent is attached to a running JVM. */
    public static void agentmain(String args, Instrumentation instrumentation) {
        install(args);
    }

    static Installation install(String args) {
        String reference = args == null || args.isBlank() ? "DEFAULT" : args.trim();
        try {
            CompiledPolicy policy = PolicyLoader.standard().load(reference);
            if (policy.enforcing()) {
                // Before main, nothing has used TLS yet: JDK 17's SunJSSE (and BCJSSE) read named
                // groups and signature schemes once, from these system properties. Values the
                // user passed with -D are left alone.
                TlsEnforcement.systemPropertiesFor(policy).forEach((k, v) -> {
                    if (System.getProperty(k) == null) {
                        System.setProperty(k, v);
                    }
                });
            }
            Installation installation = CryptoPolicy.install(policy);
            LOG.log(System.Logger.Level.DEBUG, "cryptopolicy agent: installed {0}", installation);
            return installation;
        } catch (PolicyException | PolicyInstallException e) {
            throw new IllegalStateException("cryptopolicy agent: the JVM must not start without its crypto policy.\n"
                    + e.getMessage(), e);
        }
    }
}
