package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.hostpolicy.Finding;
import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.engine.hostpolicy.Position;
import dev.cryptopolicy.engine.hostpolicy.Translation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a policy reference into a {@link CompiledPolicy}: the entry point of the engine.
 *
 * <p>A reference is a shipped name ({@code DEFAULT}) or a file path ending in {@code .yaml} or
 * {@code .yml}, followed by any number of {@code :MODIFIER} parts, each a shipped modifier name or
 * a modifier file path, applied left to right: {@code DEFAULT:NO-SHA1},
 * {@code site.yaml:NO-SHA1:ECDHE-ONLY}. A part is a file path when it contains {@code /} or ends
 * in {@code .yaml}/{@code .yml}; shipped names are matched ignoring case. crypto-policies' own
 * files ({@code FUTURE.pol}, {@code NO-SHA1.pmod}) and {@code SYSTEM}, the host's current policy,
 * are read through {@link HostPolicies}, with every origin in the crypto-policies file.
 *
 * <p>Loading fails closed: any error, in any composed file, throws {@link PolicyException} with
 * every problem found; there is never a partial or permissive result. When some input could not be
 * read at all (a file that does not exist, is not a regular file or fails to read, or a reference
 * as given that names no shipped policy), the exception is an {@link UnreadablePolicyException}.
 */
public final class PolicyLoader {

    private static final String REFERENCE = "<reference>";
    private static final int MAX = dev.cryptopolicy.engine.yaml.StrictYamlReader.MAX_BYTES;

    private final PolicySource shipped;
    private final AlgorithmCatalog catalog;

    /**
     * @param shipped where shipped names are read from
     */
    public PolicyLoader(PolicySource shipped) {
        this.shipped = shipped;
        this.catalog = AlgorithmCatalog.standard();
    }

    /** A loader for the shipped policies on the class path. */
    public static PolicyLoader standard() {
        return new PolicyLoader(PolicySource.classpath());
    }

    /** The names of the shipped policies and modifiers. */
    public List<String> shippedNames() {
        return shipped.names();
    }

    /**
     * Loads, composes and compiles a policy reference.
     *
     * @param reference e.g. {@code DEFAULT:NO-SHA1} or {@code /etc/site.yaml}
     * @return the compiled policy; its {@link CompiledPolicy#warnings()} hold any warnings
     * @throws UnreadablePolicyException when the reference names nothing or a file cannot be read
     * @throws PolicyException when a file that was read contains an error
     */
    public CompiledPolicy load(String reference) throws PolicyException {
        if (reference == null || reference.isBlank()) {
            throw new UnreadablePolicyException(List.of(Problem.error(new Origin(REFERENCE, 1, 1, ""), "", "reference",
                    "empty policy reference; name a shipped policy such as DEFAULT or a .yaml file")));
        }
        List<Problem> problems = new ArrayList<>();
        Effective effective = new Effective(catalog);
        effective.name = reference;
        Composer composer = new Composer(effective, problems);
        Run run = new Run(composer, problems);
        run.applyReference(reference, new Origin(REFERENCE, 1, 1, ""), Path.of(""), true);
        throwIfErrors(problems, run.unreadable);
        CompiledPolicy policy = new Compiler(effective, reference, problems).compile();
        throwIfErrors(problems, false);
        return policy;
    }

    private static void throwIfErrors(List<Problem> problems, boolean unreadable) throws PolicyException {
        List<Problem> errors = new ArrayList<>();
        for (Problem p : problems) {
            if (p.severity() == Severity.ERROR) {
                errors.add(p);
            }
        }
        if (!errors.isEmpty()) {
            List<Problem> all = new ArrayList<>(errors);
            for (Problem p : problems) {
                if (p.severity() != Severity.ERROR) {
                    all.add(p);
                }
            }
            throw unreadable ? new UnreadablePolicyException(all) : new PolicyException(all);
        }
    }

    /** One load: the chain of files being followed, for cycle detection. */
    private final class Run {
        private final Composer composer;
        private final List<Problem> problems;
        private final Deque<String> chain = new ArrayDeque<>();
        /** Set when some input could not be read: the load then fails as unreadable. */
        private boolean unreadable;

        Run(Composer composer, List<Problem> problems) {
            this.composer = composer;
            this.problems = problems;
        }

        /**
         * Applies {@code BASE:MOD...}.
         *
         * @param where   where the reference is written (for errors)
         * @param baseDir the folder relative file paths are resolved against
         */
        void applyReference(String reference, Origin where, Path baseDir, boolean top) {
            List<Part> parts = split(reference, where, top);
            if (parts.isEmpty()) {
                return;
            }
            Part base = parts.get(0);
            Loaded loaded = read(base, baseDir);
            if (loaded == null) {
                return;
            }
            if (loaded.doc.kind == PolicyDocument.Kind.MODIFIER) {
                problems.add(Problem.error(base.origin, base.text, "base-is-policy",
                        "'" + base.text + "' is a modifier; apply it to a policy, e.g. DEFAULT:" + base.text));
                return;
            }
            applyPolicy(loaded);
            for (Part part : parts.subList(1, parts.size())) {
                Loaded modifier = read(part, baseDir);
                if (modifier == null) {
                    continue;
                }
                if (modifier.doc.kind == PolicyDocument.Kind.POLICY) {
                    problems.add(Problem.error(part.origin, part.text, "modifier-is-modifier",
                            "'" + part.text + "' is a policy, not a modifier; only modifiers follow ':'"));
                    continue;
                }
                composer.apply(modifier.doc, true);
            }
        }

        private void applyPolicy(Loaded loaded) {
            PolicyDocument doc = loaded.doc;
            if (chain.contains(loaded.identity)) {
                List<String> cycle = new ArrayList<>(chain);
                java.util.Collections.reverse(cycle);
                cycle.add(loaded.identity);
                Origin at = doc.extendsRef != null ? doc.extendsRef.origin() : new Origin(doc.file, 1, 1, "extends");
                problems.add(Problem.error(at, doc.extendsRef == null ? "" : doc.extendsRef.value(), "extends-cycle",
                        "'extends' forms a cycle: " + String.join(" -> ", cycle)));
                return;
            }
            chain.push(loaded.identity);
            try {
                if (doc.extendsRef != null) {
                    int before = problems.size();
                    applyReference(doc.extendsRef.value(), doc.extendsRef.origin(), loaded.dir, false);
                    if (problems.size() > before && hasError(problems.subList(before, problems.size()))) {
                        return;
                    }
                    composer.apply(doc, true);
                } else {
                    composer.apply(doc, false);
                }
            } finally {
                chain.pop();
            }
        }

        private Loaded read(Part part, Path baseDir) {
            if (part.file) {
                Path path = baseDir.resolve(part.text).normalize();
                String display = part.text.startsWith("/") || baseDir.toString().isEmpty() ? part.text : path.toString();
                try {
                    if (Files.exists(path) && !Files.isRegularFile(path)) {
                        return unreadable(part, "not a regular file: " + path);
                    }
                    long size = Files.size(path);
                    if (size > dev.cryptopolicy.engine.yaml.StrictYamlReader.MAX_BYTES) {
                        unreadable = true;
                        problems.add(Problem.error(new Origin(display, 1, 1, ""), String.valueOf(size), "max-size",
                                "file is " + size + " bytes; the limit is "
                                        + dev.cryptopolicy.engine.yaml.StrictYamlReader.MAX_BYTES + " bytes"));
                        return null;
                    }
                    byte[] bytes = Files.readAllBytes(path);
                    Path parent = path.getParent();
                    if (HostPolicies.isFile(part.text)) {
                        return host(HostPolicies.host(MAX).translateFile(display, bytes), display, path.toAbsolutePath().toString());
                    }
                    return parse(display, bytes, path.toAbsolutePath().toString(), parent == null ? Path.of("") : parent);
                } catch (NoSuchFileException e) {
                    return unreadable(part, "no such file: " + path);
                } catch (IOException e) {
                    return unreadable(part, "cannot read " + path + ": " + e.getMessage());
                }
            }
            if (part.text.equalsIgnoreCase("SYSTEM")) {
                return host(HostPolicies.host(MAX).translateSystem(), "SYSTEM", "host:SYSTEM");
            }
            String name = part.text.toUpperCase(Locale.ROOT);
            Optional<byte[]> bytes;
            try {
                bytes = shipped.read(name);
            } catch (IOException e) {
                return unreadable(part, "cannot read shipped policy " + name + ": " + e.getMessage());
            }
            if (bytes.isEmpty()) {
                // A name typed as the reference that names nothing is input that cannot be read; one
                // written in a policy's extends is an error in that policy.
                unreadable |= part.top;
                String what = part.index == 0 ? "policy" : "modifier";
                problems.add(Problem.error(part.origin, part.text, "known-" + what,
                        "unknown " + what + " '" + part.text + "'; shipped: " + String.join(", ", shipped.names())
                                + " (a file path must end in .yaml or .yml)")
                        .withSuggestion(Suggest.didYouMean(part.text, shipped.names())));
                return null;
            }
            return parse(name + ".yaml", bytes.get(), "shipped:" + name, Path.of(""));
        }

        /** A crypto-policies file or SYSTEM, read through its YAML translation with origins in its own lines. */
        private Loaded host(Translation t, String display, String identity) {
            for (Finding f : t.findings()) {
                Position at = f.at();
                Problem p = new Problem(f.error() ? Severity.ERROR : Severity.WARNING,
                        new Origin(at.file(), at.line(), at.column(), ""), f.value(), f.rule(), f.message(),
                        f.candidates().isEmpty() ? "" : Suggest.didYouMean(f.value(), f.candidates()));
                problems.add(p);
                unreadable |= f.rule().equals("unreadable") || f.rule().equals("host-no-crypto-policies");
            }
            if (t.hasErrors()) {
                return null;
            }
            try {
                return new Loaded(DocumentParser.parse(display, t.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        t.lines()), identity, Path.of(""));
            } catch (PolicyException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        private Loaded unreadable(Part part, String message) {
            unreadable = true;
            problems.add(Problem.error(part.origin, part.text, "unreadable", message));
            return null;
        }

        private Loaded parse(String display, byte[] bytes, String identity, Path dir) {
            try {
                return new Loaded(DocumentParser.parse(display, bytes), identity, dir);
            } catch (PolicyException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        private List<Part> split(String reference, Origin where, boolean top) {
            List<Part> parts = new ArrayList<>();
            int column = 0;
            String[] texts = reference.split(":", -1);
            for (int i = 0; i < texts.length; i++) {
                String text = texts[i].trim();
                Origin origin = top ? new Origin(REFERENCE, 1, column + 1, "") : where;
                if (text.isEmpty()) {
                    unreadable |= top;
                    problems.add(Problem.error(origin, reference, "reference",
                            "empty part in policy reference '" + reference + "'; write BASE or BASE:MODIFIER"));
                    return List.of();
                }
                String lower = text.toLowerCase(Locale.ROOT);
                boolean file = text.contains("/") || lower.endsWith(".yaml") || lower.endsWith(".yml")
                        || HostPolicies.isFile(text);
                if (!file && !text.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                    unreadable |= top;
                    problems.add(Problem.error(origin, text, "reference", "'" + text
                            + "' is neither a shipped name (letters, digits, - and _) nor a .yaml/.yml file path"));
                    return List.of();
                }
                parts.add(new Part(text, file, i, origin, top));
                column += texts[i].length() + 1;
            }
            return parts;
        }
    }

    private static boolean hasError(List<Problem> problems) {
        for (Problem p : problems) {
            if (p.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    private record Part(String text, boolean file, int index, Origin origin, boolean top) {
    }

    private record Loaded(PolicyDocument doc, String identity, Path dir) {
    }
}
