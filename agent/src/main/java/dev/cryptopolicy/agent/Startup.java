package dev.cryptopolicy.agent;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Severity;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.PolicyInstallException;
import dev.cryptopolicy.provider.PolicyWatch;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent does, in the agent's own class loader (see {@link Agent}): parse the options, load
 * the policy, install it. Every failure ends the JVM here with one line on stderr:
 *
 * <ul>
 *   <li>exit 1, the policy cannot be loaded: {@code cryptopolicy agent: policy site.yaml cannot be
 *       loaded, the JVM does not start: site.yaml:3:15: error: ... | ...} (every error, with
 *       {@code file:line:col});
 *   <li>exit 1, the policy cannot be installed: {@code cryptopolicy agent: policy FIPS cannot be
 *       installed, the JVM does not start: BCFIPS: ...} (every unmet requirement);
 *   <li>exit 2, options that cannot be used (see {@link AgentOptions});
 *   <li>exit 3, anything else, which is a bug: one line, and the stack trace with
 *       {@code CRYPTOPOLICY_DEBUG=1}.
 * </ul>
 */
final class Startup {
    /** The system property that names java.util.logging's log manager. */
    private static final String LOG_MANAGER = "java.util.logging.manager";

    private Startup() {}

    /**
     * Called reflectively by {@link Agent}, in the agent's own class loader.
     *
     * @param atStartUp true before {@code main} (a failure stops the JVM), false when attached to a
     *     running JVM (a failure is thrown as an {@link IllegalStateException} with the same line)
     */
    static void run(String args, Instrumentation instrumentation, boolean atStartUp) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args, agentDirectory());
        } catch (IllegalArgumentException e) {
            fail(atStartUp, Agent.USAGE_ERROR, e.getMessage());
            return;
        }
        if (options.inventoryLogger() != null && System.getProperty(LOG_MANAGER) == null) {
            // Before anything logs: java.util.logging reads it once, when it starts. Its manager then
            // has the inventory's write at exit run before the handlers close (README, Limitations).
            System.setProperty(LOG_MANAGER, "dev.cryptopolicy.provider.audit.InventoryLogManager");
        }
        CompiledPolicy shadow = null;
        if (options.shadow() != null) {
            // Loaded first: a shadow policy that cannot be loaded installs nothing.
            try {
                shadow = PolicyLoader.standard().load(options.shadow());
            } catch (PolicyException e) {
                fail(
                        atStartUp,
                        Agent.POLICY_ERROR,
                        "cryptopolicy agent: shadow policy " + options.shadow() + " cannot be loaded, "
                                + outcome(atStartUp) + ": " + String.join(" | ", errors(e)));
                return;
            }
        }
        try {
            if (instrumentation != null) {
                // Before the providers' LateProviders is initialised, which looks for the export once.
                SecurityHooks.exportProviderList(instrumentation);
            }
            AgentOptions.StartUpLine line = options.startUpLine(atStartUp);
            Installation installation = install(options, shadow, line == AgentOptions.StartUpLine.LOGGER);
            PolicyWatch watch = null;
            if (options.watch()) {
                try {
                    // A daemon thread: replaces the policy when its files change, ends at uninstall.
                    watch = installation.watch();
                } catch (IllegalStateException e) {
                    fail(
                            atStartUp,
                            Agent.USAGE_ERROR,
                            "cryptopolicy agent: bad options: watch=true: " + e.getMessage());
                    return;
                }
            }
            if (atStartUp && instrumentation != null) {
                // Providers an application registers later, or passes straight to getInstance.
                SecurityHooks.install(instrumentation);
            }
            if (line == AgentOptions.StartUpLine.STDERR) {
                // Last, once everything is in force; by the agent itself, not through a logger,
                // which before main would start the application's logging backend for it.
                System.err.println(installation.startUpLine());
                String kept = installation.keptRestrictionsLine();
                if (kept != null) {
                    System.err.println(kept);
                }
                if (watch != null) {
                    System.err.println(watch.startLine());
                }
            }
        } catch (PolicyException e) {
            fail(
                    atStartUp,
                    Agent.POLICY_ERROR,
                    "cryptopolicy agent: policy " + options.policy() + " cannot be loaded, " + outcome(atStartUp) + ": "
                            + String.join(" | ", errors(e)));
        } catch (PolicyInstallException e) {
            fail(
                    atStartUp,
                    Agent.POLICY_ERROR,
                    "cryptopolicy agent: policy " + options.policy()
                            + " cannot be installed, " + outcome(atStartUp) + ": "
                            + e.missing().size() + " requirement"
                            + (e.missing().size() == 1 ? "" : "s") + " unmet: " + String.join(" | ", e.missing()));
        } catch (RuntimeException | LinkageError e) {
            if (atStartUp) {
                Agent.internalError(e);
            } else {
                throw new IllegalStateException("cryptopolicy agent: internal error, nothing installed: " + e, e);
            }
        }
    }

    private static String outcome(boolean atStartUp) {
        return atStartUp ? "the JVM does not start" : "nothing installed";
    }

    private static void fail(boolean atStartUp, int status, String line) {
        if (atStartUp) {
            Agent.refuse(status, line);
        } else {
            throw new IllegalStateException(line);
        }
    }

    private static Installation install(AgentOptions options, CompiledPolicy shadow, boolean logged)
            throws PolicyException, PolicyInstallException {
        // The shared pipeline, as before main: it also sets the TLS system properties JDK 17 reads once.
        BackendDiscovery discovery = BackendDiscovery.inDirectory(options.bcFips());
        Installation installed = logged
                ? CryptoPolicy.installAtStartUp(options.policy(), discovery)
                : CryptoPolicy.installAtStartUpQuietly(options.policy(), discovery);
        if (shadow != null) {
            installed.shadow(shadow);
        }
        if (options.inventory() != null) {
            installed.inventory(options.inventory());
        }
        if (options.inventoryLogger() != null) {
            installed.inventoryLogger(options.inventoryLogger());
        }
        return installed;
    }

    /** The errors, each in its one-line {@code file:line:col: error: ...} form; the warnings only if there is no error. */
    private static List<String> errors(PolicyException e) {
        List<String> lines = new ArrayList<>();
        for (Problem p : e.problems()) {
            if (p.severity() == Severity.ERROR) {
                lines.add(p.format());
            }
        }
        if (lines.isEmpty()) {
            e.problems().forEach(p -> lines.add(p.format()));
        }
        return lines;
    }

    private static Path agentDirectory() {
        try {
            Path jar = Path.of(Startup.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent() == null ? jar : jar.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the agent jar's location is not a file: " + e.getMessage(), e);
        }
    }
}
