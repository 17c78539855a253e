package dev.cryptopolicy.agent;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The agent's options, the text after {@code =} in {@code -javaagent:cryptopolicy-agent.jar=OPTIONS}.
 *
 * <pre>
 * OPTIONS = ITEM ("," ITEM)*
 * ITEM    = POLICY | "policy=" POLICY | "bcfips=" DIR | "watch=" ("true" | "false")
 * </pre>
 *
 * <ul>
 *   <li>{@code POLICY}: a policy reference ({@code DEFAULT}, {@code FIPS}, {@code site.yaml:NO-SHA1},
 *       ...); at most one. Without one, {@code DEFAULT}. A reference that contains {@code ,} cannot be
 *       given; one that starts with lower-case letters and {@code =} must use the {@code policy=} form.
 *   <li>{@code bcfips=DIR}: the directory holding the unmodified Bouncy Castle FIPS jars
 *       ({@code bc-fips-*.jar}, {@code bctls-fips-*.jar}, {@code bcutil-fips-*.jar}, optionally
 *       {@code bcpkix-fips-*.jar}); relative to the working directory. Default: the directory of the
 *       agent jar. Read only when the policy needs Bouncy Castle FIPS, but it must exist.
 *   <li>{@code watch=true}: replace the policy while the JVM runs when its files change
 *       ({@code dev.cryptopolicy.provider.Installation#watch}); the reference must name a file.
 *       Default {@code false}.
 * </ul>
 *
 * <p>Examples: {@code =FIPS}, {@code =FIPS,bcfips=/opt/bc}, {@code =policy=/etc/site.yaml:NO-SHA1}.
 *
 * @param policy the policy reference
 * @param bcFips the directory of the Bouncy Castle FIPS jars
 * @param watch  whether the policy's files are watched
 */
record AgentOptions(String policy, Path bcFips, boolean watch) {

    /** The default policy, as for the programmatic route's documentation. */
    static final String DEFAULT_POLICY = "DEFAULT";

    private static final Pattern KEY = Pattern.compile("[a-z]+=.*", Pattern.DOTALL);

    AgentOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bcFips, "bcFips");
    }

    /** Options that do not watch the policy's files. */
    AgentOptions(String policy, Path bcFips) {
        this(policy, bcFips, false);
    }

    /**
     * Parses the options.
     *
     * @param args the text after {@code =}, or null when there is none
     * @param agentDirectory the directory of the agent jar, the default for {@code bcfips}
     * @throws IllegalArgumentException naming the item that is wrong and the grammar
     */
    static AgentOptions parse(String args, Path agentDirectory) {
        String policy = null;
        Path bcFips = null;
        Boolean watch = null;
        if (args != null && !args.isBlank()) {
            for (String raw : args.split(",", -1)) {
                String item = raw.trim();
                if (item.isEmpty()) {
                    throw usage("empty item in '" + args + "'");
                }
                String key = KEY.matcher(item).matches() ? item.substring(0, item.indexOf('=')) : "policy";
                String value = key.equals("policy") && !item.startsWith("policy=") ? item : item.substring(key.length() + 1).trim();
                if (value.isEmpty()) {
                    throw usage("'" + item + "' has no value");
                }
                switch (key) {
                    case "policy" -> {
                        if (policy != null) {
                            throw usage("two policies, '" + policy + "' and '" + value
                                    + "' (combine them with ':' as in DEFAULT:NO-SHA1)");
                        }
                        policy = value;
                    }
                    case "bcfips" -> {
                        if (bcFips != null) {
                            throw usage("bcfips is given twice");
                        }
                        bcFips = directory(value);
                    }
                    case "watch" -> {
                        if (watch != null) {
                            throw usage("watch is given twice");
                        }
                        if (!value.equals("true") && !value.equals("false")) {
                            throw usage("watch=" + value + ": expected true or false");
                        }
                        watch = value.equals("true");
                    }
                    default -> throw usage("unknown option '" + key + "'");
                }
            }
        }
        return new AgentOptions(policy == null ? DEFAULT_POLICY : policy, bcFips == null ? agentDirectory : bcFips,
                watch != null && watch);
    }

    private static Path directory(String value) {
        Path dir;
        try {
            dir = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw usage("bcfips=" + value + " is not a path: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw usage("bcfips=" + value + ": " + dir + " is not a directory");
        }
        return dir;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException("cryptopolicy agent: bad options: " + problem
                + "; expected -javaagent:cryptopolicy-agent.jar[=[POLICY][,bcfips=DIR]] (options: bcfips=DIR, watch=true)");
    }
}
