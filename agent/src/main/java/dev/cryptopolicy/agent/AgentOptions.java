package dev.cryptopolicy.agent;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The agent's options, the text after {@code =} in {@code -javaagent:cryptopolicy-agent.jar=OPTIONS}.
 *
 * <pre>
 * OPTIONS = ITEM ("," ITEM)*
 * ITEM    = POLICY | KEY "=" VALUE
 * KEY     = "policy" | "bcfips" | "shadow" | "inventory" | "inventory-logger" | "watch" | "startup-line"
 * </pre>
 *
 * <ul>
 *   <li>{@code POLICY}: a policy reference ({@code DEFAULT}, {@code FIPS}, {@code site.yaml:NO-SHA1},
 *       ...); at most one. Without one, {@code DEFAULT}. A reference that contains {@code ,} cannot be
 *       given; one that starts with lower-case letters or {@code -} and then {@code =} must use the
 *       {@code policy=} form.
 *   <li>{@code bcfips=DIR}: the directory holding the unmodified Bouncy Castle FIPS jars
 *       ({@code bc-fips-*.jar}, {@code bctls-fips-*.jar}, {@code bcutil-fips-*.jar}, optionally
 *       {@code bcpkix-fips-*.jar}); relative to the working directory. Default: the directory of the
 *       agent jar. Read only when the policy needs Bouncy Castle FIPS, but it must exist.
 *   <li>{@code watch=true}: replace the policy while the JVM runs when its files change
 *       ({@code dev.cryptopolicy.provider.Installation#watch}); the reference must name a file.
 *       Default {@code false}.
 *   <li>{@code shadow=POLICY}: a second policy reference that is reported against and never
 *       enforced: what it would refuse is logged, emitted as JFR events and counted (the
 *       {@code Content-Security-Policy-Report-Only} model). The enforced policy stays as it is.
 *   <li>{@code inventory=FILE}: records each distinct use of cryptography with a count and writes
 *       it as JSON lines ({@code docs/inventory.schema.json}) to {@code FILE}, replaced atomically
 *       every minute and when the JVM exits; relative to the working directory. Its directory must exist.
 *   <li>{@code inventory-logger=NAME}: records the same inventory and logs it through the
 *       {@link System.Logger} {@code NAME} (normally {@code dev.cryptopolicy.inventory}), one INFO
 *       record per line, every minute and when the JVM exits, each counting the uses since that
 *       use's previous record. With {@code inventory=FILE}, both are written.
 *   <li>{@code startup-line=stderr|logger|off}: where the one line that says what was installed
 *       goes. {@code stderr} (the default before {@code main}): written to {@code System.err} by the
 *       agent itself, so that nothing before {@code main} starts the application's logging backend
 *       ({@code java.util.logging} reads {@code java.util.logging.manager} once, when it starts;
 *       servers choose theirs in {@code main}). {@code logger} (the default when attached to a
 *       running JVM): through the {@link System.Logger} {@code dev.cryptopolicy}, at INFO, with the
 *       restrictions of the JVM that were kept at DEBUG; before {@code main} this starts the
 *       application's logging backend then. {@code off}: not written.
 * </ul>
 *
 * <p>Each key may be given once; an unknown key stops the JVM with a message naming it.
 *
 * <p>Examples: {@code =FIPS}, {@code =FIPS,bcfips=/opt/bc}, {@code =policy=/etc/site.yaml:NO-SHA1},
 * {@code =DEFAULT,shadow=FUTURE:NO-SHA1,inventory=/var/log/app/crypto.jsonl}, {@code =/etc/site.yaml,watch=true}.
 *
 * @param policy    the policy reference
 * @param bcFips    the directory of the Bouncy Castle FIPS jars
 * @param shadow    the shadow policy reference, or null
 * @param inventory the inventory file, or null
 * @param watch     whether the policy's files are watched
 * @param inventoryLogger the name of the logger the inventory is logged through, or null
 * @param startUpLine where the start-up line goes, or null for the default of the route
 */
record AgentOptions(
        String policy,
        Path bcFips,
        String shadow,
        Path inventory,
        boolean watch,
        String inventoryLogger,
        StartUpLine startUpLine) {

    /** Where the start-up line goes: {@code startup-line=stderr|logger|off}. */
    enum StartUpLine {
        /** Written to {@code System.err} by the agent, one line. */
        STDERR,
        /** Logged through the {@code System.Logger} {@code dev.cryptopolicy}. */
        LOGGER,
        /** Not written. */
        OFF
    }

    /** The default policy, as for the programmatic route's documentation. */
    static final String DEFAULT_POLICY = "DEFAULT";

    AgentOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bcFips, "bcFips");
    }

    /** Options with no shadow policy, no inventory, and no watch of the policy's files. */
    AgentOptions(String policy, Path bcFips) {
        this(policy, bcFips, null, null, false, null, null);
    }

    /**
     * Parses the options.
     *
     * @param args the text after {@code =}, or null when there is none
     * @param agentDirectory the directory of the agent jar, the default for {@code bcfips}
     * @throws IllegalArgumentException naming the item that is wrong and the grammar
     */
    static AgentOptions parse(String args, Path agentDirectory) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        Boolean watch = null;
        if (args != null && !args.isBlank()) {
            for (String raw : args.split(",", -1)) {
                String item = raw.trim();
                if (item.isEmpty()) {
                    throw usage("empty item in '" + args + "'");
                }
                String key = isKeyItem(item) ? item.substring(0, item.indexOf('=')) : "policy";
                String value = key.equals("policy") && !item.startsWith("policy=")
                        ? item
                        : item.substring(key.length() + 1).trim();
                if (value.isEmpty()) {
                    throw usage("'" + item + "' has no value");
                }
                switch (key) {
                    case "policy", "bcfips", "shadow", "inventory", "inventory-logger", "startup-line" -> {
                        String earlier = values.putIfAbsent(key, value);
                        if (earlier != null) {
                            throw usage(
                                    key.equals("policy")
                                            ? "two policies, '" + earlier + "' and '" + value
                                                    + "' (combine them with ':' as in DEFAULT:NO-SHA1)"
                                            : key + " is given twice");
                        }
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
        String bcFips = values.get("bcfips");
        String inventory = values.get("inventory");
        String logger = values.get("inventory-logger");
        if (logger != null && !isLoggerName(logger)) {
            throw usage("inventory-logger=" + logger + ": not a logger name (expected a dotted name such as"
                    + " dev.cryptopolicy.inventory)");
        }
        return new AgentOptions(
                values.getOrDefault("policy", DEFAULT_POLICY),
                bcFips == null ? agentDirectory : directory(bcFips),
                values.get("shadow"),
                inventory == null ? null : inventoryFile(inventory),
                watch != null && watch,
                logger,
                startUpLine(values.get("startup-line")));
    }

    private static StartUpLine startUpLine(String value) {
        if (value == null) {
            return null;
        }
        switch (value) {
            case "stderr":
                return StartUpLine.STDERR;
            case "logger":
                return StartUpLine.LOGGER;
            case "off":
                return StartUpLine.OFF;
            default:
                throw usage("startup-line=" + value + ": expected stderr, logger or off");
        }
    }

    /** Where the start-up line goes: as given, else {@code stderr} before {@code main} and {@code logger} when attached. */
    StartUpLine startUpLine(boolean atStartUp) {
        if (startUpLine != null) {
            return startUpLine;
        }
        return atStartUp ? StartUpLine.STDERR : StartUpLine.LOGGER;
    }

    /**
     * Whether the item is {@code KEY=VALUE}: lower-case letters and {@code -} (a letter first), then
     * {@code =}. Checked by hand rather than by a regular expression, which would be the JVM's first
     * at start-up.
     */
    static boolean isKeyItem(String item) {
        int eq = item.indexOf('=');
        if (eq < 1 || !lowerCase(item.charAt(0))) {
            return false;
        }
        for (int i = 1; i < eq; i++) {
            char c = item.charAt(i);
            if (!lowerCase(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code name} is a logger's name as {@code System.getLogger} callers use them: Java-like
     * ASCII identifiers ({@code [A-Za-z_$][A-Za-z0-9_$]*}) joined by single dots.
     */
    static boolean isLoggerName(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (start) {
                    return false;
                }
                start = true;
            } else if (lowerCase(c)
                    || (c >= 'A' && c <= 'Z')
                    || c == '_'
                    || c == '$'
                    || (!start && c >= '0' && c <= '9')) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    private static boolean lowerCase(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static Path inventoryFile(String value) {
        Path file = path("inventory", value);
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw usage("inventory=" + value + ": the directory of " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw usage("inventory=" + value + ": " + file + " is a directory");
        }
        return file;
    }

    private static Path directory(String value) {
        Path dir = path("bcfips", value);
        if (!Files.isDirectory(dir)) {
            throw usage("bcfips=" + value + ": " + dir + " is not a directory");
        }
        return dir;
    }

    /** {@code value} as an absolute path, relative to the working directory. */
    private static Path path(String key, String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw usage(key + "=" + value + " is not a path: " + e.getMessage());
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(
                "cryptopolicy agent: bad options: " + problem
                        + "; expected -javaagent:cryptopolicy-agent.jar[=[POLICY][,bcfips=DIR][,shadow=POLICY][,inventory=FILE][,inventory-logger=NAME][,watch=true][,startup-line=stderr|logger|off]]");
    }
}
