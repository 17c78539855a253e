package dev.cryptopolicy.engine.hostpolicy;

import dev.cryptopolicy.engine.io.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the host's crypto-policies (Fedora, RHEL, CentOS Stream, Oracle Linux): {@code .pol}
 * policies, {@code .pmod} sub-policies and {@code SYSTEM}, the policy the host is set to.
 *
 * <p>{@code SYSTEM} reads {@code ROOT/etc/crypto-policies/config} (e.g. {@code DEFAULT:NO-SHA1}) and
 * resolves each name in {@code ROOT/etc/crypto-policies/policies} then
 * {@code ROOT/usr/share/crypto-policies/policies} (sub-policies in their {@code modules/}); a host
 * in FIPS mode ({@code ROOT/proc/sys/crypto/fips_enabled} is 1) resolves to FIPS. ROOT is {@code /}
 * unless the environment variable {@code CRYPTOPOLICY_SYSTEM_ROOT} (or the system property
 * {@code cryptopolicy.system.root}) names another folder.
 */
public final class HostPolicies {

    /** The environment variable that moves every host path under another folder. */
    public static final String ROOT_VARIABLE = "CRYPTOPOLICY_SYSTEM_ROOT";
    /** The system property with the same meaning, for embedding and tests; the variable wins. */
    public static final String ROOT_PROPERTY = "cryptopolicy.system.root";

    private final Path root;
    private final int maxBytes;

    /**
     * @param root     the folder host paths are relative to ({@code /} on a real host)
     * @param maxBytes the largest file read
     */
    public HostPolicies(Path root, int maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** The host as configured: {@link #ROOT_VARIABLE}, else {@link #ROOT_PROPERTY}, else {@code /}. */
    public static HostPolicies host(int maxBytes) {
        String dir = System.getenv(ROOT_VARIABLE);
        if (dir == null || dir.isEmpty()) {
            dir = System.getProperty(ROOT_PROPERTY, "/");
        }
        return new HostPolicies(Path.of(dir), maxBytes);
    }

    /** Whether a reference part is for this class: {@code SYSTEM}, or a path ending in .pol or .pmod. */
    public static boolean handles(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        return part.equalsIgnoreCase("SYSTEM") || lower.endsWith(".pol") || lower.endsWith(".pmod");
    }

    /** Whether a reference part names a crypto-policies file (rather than {@code SYSTEM}). */
    public static boolean isFile(String part) {
        return handles(part) && !part.equalsIgnoreCase("SYSTEM");
    }

    /**
     * Translates one file: a .pol becomes a policy, a .pmod a modifier.
     *
     * @param display the name used in messages
     * @param bytes   the file's content
     */
    public Translation translateFile(String display, byte[] bytes) {
        List<Finding> findings = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        HostState state = new HostState(findings);
        state.apply(PolReader.read(display, text, findings));
        Position top = new Position(display, 1, 1);
        String base = baseName(display);
        YamlOut y;
        boolean modifier = display.toLowerCase(Locale.ROOT).endsWith(".pmod");
        if (findings.stream().anyMatch(Finding::error)) {
            return new Translation("", List.of(), findings, modifier);
        }
        if (modifier) {
            y = JavaMapping.modifier(base, state, top, findings);
        } else {
            y = JavaMapping.policy(base, YamlOut.shortName(display), state, base.equals("FIPS"), top, findings);
        }
        return new Translation(y.text(), y.lines(), findings, modifier);
    }

    /** Translates the policy the host is set to, with its sub-policies applied as crypto-policies does. */
    public Translation translateSystem() {
        List<Finding> findings = new ArrayList<>();
        Path config = root.resolve("etc/crypto-policies/config");
        Position ref = new Position("SYSTEM", 1, 1);
        String current;
        try {
            current = new String(read(config), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            findings.add(Finding.error(
                    ref,
                    "SYSTEM",
                    "host-no-crypto-policies",
                    "this host has no crypto-policies (" + config
                            + " does not exist); name a shipped policy such as DEFAULT instead of SYSTEM"));
            return new Translation("", List.of(), findings, false);
        } catch (IOException e) {
            findings.add(Finding.error(ref, "SYSTEM", "unreadable", "cannot read " + config + ": " + e.getMessage()));
            return new Translation("", List.of(), findings, false);
        }
        String configName = config.toString();
        String setting = null;
        int lineNo = 0;
        for (String line : current.split("\n")) {
            lineNo++;
            String t = line.replaceAll("#.*", "").trim();
            if (!t.isEmpty()) {
                setting = t;
                break;
            }
        }
        if (setting == null) {
            findings.add(Finding.error(
                    new Position(configName, 1, 1),
                    "",
                    "host-config",
                    "the host's crypto-policies config names no policy"));
            return new Translation("", List.of(), findings, false);
        }
        Position at = new Position(configName, lineNo, 1);
        String[] parts = setting.split(":", -1);
        boolean fips = parts[0].equals("FIPS");
        String fipsNote = null;
        try {
            Path flag = root.resolve("proc/sys/crypto/fips_enabled");
            if (Files.isRegularFile(flag)
                    && new String(read(flag), StandardCharsets.US_ASCII).trim().equals("1")) {
                if (!fips) {
                    fipsNote = "the kernel is in FIPS mode (" + flag + " = 1), so SYSTEM is FIPS, not " + parts[0];
                    parts[0] = "FIPS";
                }
                fips = true;
            }
        } catch (IOException e) {
            findings.add(Finding.error(at, "", "unreadable", "cannot read the FIPS flag: " + e.getMessage()));
            return new Translation("", List.of(), findings, false);
        }
        if (fipsNote != null) {
            findings.add(Finding.warning(at, setting, "host-fips", fipsNote));
        } else if (fips) {
            findings.add(Finding.warning(
                    at,
                    setting,
                    "host-fips",
                    "the host's policy is FIPS: SYSTEM resolves to FIPS with FIPS-validated backends only"));
        }
        HostState state = new HostState(findings);
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].trim();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                findings.add(Finding.error(
                        at, setting, "host-config", "'" + setting + "' is not POLICY or POLICY:SUBPOLICY..."));
                return new Translation("", List.of(), findings, false);
            }
            String file = i == 0 ? name + ".pol" : "modules/" + name + ".pmod";
            Path found = null;
            for (String dir : List.of("etc/crypto-policies/policies/", "usr/share/crypto-policies/policies/")) {
                Path p = root.resolve(dir + file);
                if (Files.isRegularFile(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                findings.add(Finding.error(
                        at,
                        name,
                        "host-config",
                        "the host's crypto-policies config names "
                                + (i == 0 ? "policy" : "sub-policy") + " '" + name + "', but no " + file + " is in "
                                + root.resolve("etc/crypto-policies/policies") + " or "
                                + root.resolve("usr/share/crypto-policies/policies")));
                return new Translation("", List.of(), findings, false);
            }
            try {
                String text = new String(read(found), StandardCharsets.UTF_8);
                state.apply(PolReader.read(found.toString(), text, findings));
            } catch (IOException e) {
                findings.add(Finding.error(at, name, "unreadable", "cannot read " + found + ": " + e.getMessage()));
                return new Translation("", List.of(), findings, false);
            }
        }
        if (findings.stream().anyMatch(Finding::error)) {
            return new Translation("", List.of(), findings, false);
        }
        String joined = String.join(":", parts);
        YamlOut y = JavaMapping.policy(
                joined.replace(':', '_'),
                "SYSTEM (" + joined + ", from " + configName + ")",
                state,
                fips,
                at,
                findings);
        return new Translation(y.text(), y.lines(), findings, false);
    }

    private byte[] read(Path path) throws IOException {
        return RegularFiles.read(path, maxBytes);
    }

    private static String baseName(String display) {
        String base = YamlOut.shortName(display);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
