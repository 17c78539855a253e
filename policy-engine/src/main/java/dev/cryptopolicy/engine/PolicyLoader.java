package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.hostpolicy.Finding;
import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.engine.hostpolicy.Position;
import dev.cryptopolicy.engine.hostpolicy.Translation;
import dev.cryptopolicy.engine.io.RegularFiles;
import dev.cryptopolicy.engine.yaml.PrecompiledTree;
import dev.cryptopolicy.engine.yaml.StrictYamlReader;
import dev.cryptopolicy.engine.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a policy reference into a {@link CompiledPolicy}: the entry point of the engine.
 *
 * <p>A reference is a shipped name ({@code DEFAULT}) or a file path ending in {@code .yaml} or
 * {@code .yml}, followed by up to 64 {@code :MODIFIER} parts, each a shipped modifier name or
 * a modifier file path, applied left to right: {@code DEFAULT:NO-SHA1},
 * {@code site.yaml:NO-SHA1:ECDHE-ONLY}. A part is a file path when it contains {@code /} or ends
 * in {@code .yaml}/{@code .yml}; shipped names are matched ignoring case. crypto-policies' own
 * files ({@code FUTURE.pol}, {@code NO-SHA1.pmod}) and {@code SYSTEM}, the host's current policy,
 * are read through {@link HostPolicies}, with every origin in the crypto-policies file.
 *
 * <p>Loading fails closed: any error, in any composed file, throws {@link PolicyException} with
 * every problem found; there is never a partial or permissive result. Every input is bounded (file
 * type and size, values, nesting, extends depth, modifiers, list sizes, problems reported; see the
 * README's "Limits"), so that a load costs bounded time and memory. When some input could not be
 * read at all (a file that does not exist, is not a regular file or fails to read, or a reference
 * as given that names no shipped policy), the exception is an {@link UnreadablePolicyException}.
 */
public final class PolicyLoader {

    /** The largest policy or host file read, in bytes (1 MiB): a larger one is refused unread. */
    public static final int MAX_SOURCE_BYTES = StrictYamlReader.MAX_BYTES;

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
        CompiledPolicy precompiled = precompiled(reference);
        return precompiled != null ? precompiled : compile(reference);
    }

    /**
     * The compiled form of a shipped policy named exactly as its file ({@code DEFAULT}, not
     * {@code default} nor {@code DEFAULT:NO-SHA1}), when the source has one that this engine made
     * from the files it holds now; otherwise null (the reference is then compiled).
     */
    private CompiledPolicy precompiled(String reference) {
        if (reference == null
                || !isShippedName(reference)
                || !reference.equals(reference.toUpperCase(Locale.ROOT))
                || reference.equals("SYSTEM")) {
            return null;
        }
        try {
            Optional<byte[]> form = shipped.readCompiled(reference);
            return form.isPresent()
                    ? CompiledForm.read(form.get(), reference, shipped, catalog).orElse(null)
                    : null;
        } catch (IOException e) {
            // The YAML is still there to compile.
            return null;
        }
    }

    /** {@link #load} without the compiled form: reads, composes and compiles the reference. */
    CompiledPolicy compile(String reference) throws PolicyException {
        if (reference == null || reference.isBlank()) {
            throw new UnreadablePolicyException(List.of(Problem.error(
                    Origin.inReference(1),
                    "",
                    Rule.REFERENCE,
                    "empty policy reference; name a shipped policy such as DEFAULT or a .yaml file")));
        }
        Problems problems = new Problems();
        Effective effective = new Effective(catalog);
        effective.name = reference;
        Composer composer = new Composer(effective, problems);
        Run run = new Run(composer, problems);
        run.compose(reference);
        throwIfErrors(problems, run.unreadable);
        // One way: compile the composed policy, then judge the result; neither step calls the other.
        CompiledPolicy policy = new Compiler(effective, reference, problems).compile();
        problems.addAll(Lint.warnings(policy));
        throwIfErrors(problems, false);
        return policy.withWarnings(problems);
    }

    private static void throwIfErrors(Problems problems, boolean unreadable) throws PolicyException {
        if (problems.errorCount() > 0) {
            List<Problem> all = problems.report();
            throw unreadable ? new UnreadablePolicyException(all) : new PolicyException(all);
        }
    }

    /**
     * One load. The {@code extends} chain is followed with a loop, never by recursion, so that no
     * input can drive the depth of the stack; it is at most {@link Limits#MAX_EXTENDS_DEPTH} files
     * long.
     */
    private final class Run {
        private final Composer composer;
        private final Problems problems;
        /** Set when some input could not be read: the load then fails as unreadable. */
        private boolean unreadable;

        Run(Composer composer, Problems problems) {
            this.composer = composer;
            this.problems = problems;
        }

        /**
         * Follows the chain from the reference to the policy that extends nothing, then applies it
         * from that end: each policy, then the modifiers of the reference that named it.
         */
        void compose(String reference) {
            List<Link> chain = new ArrayList<>();
            Set<String> identities = new HashSet<>();
            String text = reference;
            Origin where = Origin.inReference(1);
            Path baseDir = Path.of("");
            boolean top = true;
            while (true) {
                List<Part> parts = split(text, where, top);
                if (parts.isEmpty()) {
                    return;
                }
                Part base = parts.get(0);
                Loaded loaded = read(base, baseDir);
                if (loaded == null) {
                    return;
                }
                PolicyDocument doc = loaded.doc;
                if (doc.kind == PolicyDocument.Kind.MODIFIER) {
                    problems.add(Problem.error(
                            base.origin,
                            base.text,
                            Rule.BASE_IS_POLICY,
                            Quote.quoted(base.text) + " is a modifier; apply it to a policy, e.g. DEFAULT:"
                                    + Quote.excerpt(base.text)));
                    return;
                }
                if (!identities.add(loaded.identity)) {
                    List<String> cycle = new ArrayList<>();
                    chain.forEach(link -> cycle.add(link.policy.identity));
                    cycle.add(loaded.identity);
                    Origin at =
                            doc.extendsRef != null ? doc.extendsRef.origin() : new Origin(doc.file, 1, 1, "extends");
                    problems.add(Problem.error(
                            at,
                            doc.extendsRef == null ? "" : doc.extendsRef.value(),
                            Rule.EXTENDS_CYCLE,
                            "'extends' forms a cycle: " + String.join(" -> ", cycle)));
                    return;
                }
                chain.add(new Link(loaded, parts.subList(1, parts.size()), baseDir));
                Located<String> next = doc.extendsRef;
                if (next == null) {
                    break;
                }
                if (chain.size() == Limits.MAX_EXTENDS_DEPTH) {
                    problems.add(Problem.error(
                            next.origin(),
                            next.value(),
                            Rule.MAX_EXTENDS_DEPTH,
                            "'extends' chain is longer than " + Limits.MAX_EXTENDS_DEPTH + " files, the limit: "
                                    + outline(chain) + " -> ..."));
                    return;
                }
                text = next.value();
                where = next.origin();
                baseDir = loaded.dir;
                top = false;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                Link link = chain.get(i);
                composer.apply(link.policy.doc, i < chain.size() - 1);
                for (Part part : link.modifiers) {
                    applyModifier(part, link.dir);
                }
                if (problems.errorCount() > 0) {
                    // What extends a policy with errors would only add errors that follow from them.
                    return;
                }
            }
        }

        private void applyModifier(Part part, Path baseDir) {
            Loaded modifier = read(part, baseDir);
            if (modifier == null) {
                return;
            }
            if (modifier.doc.kind == PolicyDocument.Kind.POLICY) {
                problems.add(Problem.error(
                        part.origin,
                        part.text,
                        Rule.MODIFIER_IS_MODIFIER,
                        Quote.quoted(part.text) + " is a policy, not a modifier; only modifiers follow ':'"));
                return;
            }
            composer.apply(modifier.doc, true);
        }

        private Loaded read(Part part, Path baseDir) {
            if (part.file) {
                Path path;
                try {
                    path = baseDir.resolve(part.text).normalize();
                } catch (InvalidPathException e) {
                    // A NUL or a character the file system cannot name: nothing to open.
                    return unreadable(
                            part,
                            "not a file path this system can open: " + Quote.quoted(part.text) + " (" + e.getReason()
                                    + ")");
                }
                String display =
                        part.text.startsWith("/") || baseDir.toString().isEmpty() ? part.text : path.toString();
                byte[] bytes;
                try {
                    bytes = RegularFiles.read(path, StrictYamlReader.MAX_BYTES);
                } catch (NoSuchFileException e) {
                    return unreadable(part, "no such file: " + path);
                } catch (RegularFiles.Refused e) {
                    if (e.size() < 0) {
                        return unreadable(part, e.getMessage());
                    }
                    unreadable = true;
                    problems.add(Problem.error(
                            new Origin(display, 1, 1, ""), String.valueOf(e.size()), Rule.MAX_SIZE, e.getMessage()));
                    return null;
                } catch (IOException e) {
                    return unreadable(part, "cannot read " + path + ": " + e.getMessage());
                }
                if (HostPolicies.isFile(part.text)) {
                    return host(
                            HostPolicies.host(StrictYamlReader.MAX_BYTES).translateFile(display, bytes),
                            display,
                            path.toAbsolutePath().toString());
                }
                Path parent = path.getParent();
                return parse(display, bytes, path.toAbsolutePath().toString(), parent == null ? Path.of("") : parent);
            }
            if (part.text.equalsIgnoreCase("SYSTEM")) {
                return host(HostPolicies.host(StrictYamlReader.MAX_BYTES).translateSystem(), "SYSTEM", "host:SYSTEM");
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
                problems.add(
                        Problem.error(
                                part.origin,
                                part.text,
                                part.index == 0 ? Rule.KNOWN_POLICY : Rule.KNOWN_MODIFIER,
                                "unknown " + what + " " + Quote.quoted(part.text) + "; shipped: "
                                        + String.join(", ", shipped.names())
                                        + " (a file path must end in .yaml or .yml)"),
                        () -> Suggest.didYouMean(part.text, shipped.names()));
                return null;
            }
            Optional<YamlNode> tree;
            try {
                Optional<byte[]> form = shipped.readPrecompiled(name);
                tree = form.isPresent() ? PrecompiledTree.read(form.get(), bytes.get()) : Optional.empty();
            } catch (IOException e) {
                // The YAML itself was read: parse it.
                tree = Optional.empty();
            }
            if (tree.isPresent()) {
                // Made from exactly these bytes when the library was built: the same document, no YAML parser.
                PolicyDocument doc = DocumentParser.parse(name + ".yaml", tree.get(), problems);
                return doc == null ? null : new Loaded(doc, "shipped:" + name, Path.of(""));
            }
            return parse(name + ".yaml", bytes.get(), "shipped:" + name, Path.of(""));
        }

        /** A crypto-policies file or SYSTEM, read through its YAML translation with origins in its own lines. */
        private Loaded host(Translation t, String display, String identity) {
            for (Finding f : t.findings()) {
                Position at = f.at();
                Rule rule = Rule.ofId(f.rule());
                Problem p = new Problem(
                        f.error() ? Severity.ERROR : Severity.WARNING,
                        new Origin(at.file(), at.line(), at.column(), ""),
                        f.value(),
                        rule.id(),
                        f.message(),
                        "");
                problems.add(p, () -> f.candidates().isEmpty() ? "" : Suggest.didYouMean(f.value(), f.candidates()));
                unreadable |= rule.unreadableInput();
            }
            if (t.hasErrors()) {
                return null;
            }
            PolicyDocument doc = DocumentParser.parse(
                    display, t.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), t.lines(), problems);
            return doc == null ? null : new Loaded(doc, identity, Path.of(""));
        }

        private Loaded unreadable(Part part, String message) {
            unreadable = true;
            problems.add(Problem.error(part.origin, part.text, Rule.UNREADABLE, message));
            return null;
        }

        private Loaded parse(String display, byte[] bytes, String identity, Path dir) {
            PolicyDocument doc = DocumentParser.parse(display, bytes, problems);
            return doc == null ? null : new Loaded(doc, identity, dir);
        }

        private List<Part> split(String reference, Origin where, boolean top) {
            List<Part> parts = new ArrayList<>();
            int modifiers = 0;
            for (int i = reference.indexOf(':'); i >= 0; i = reference.indexOf(':', i + 1)) {
                modifiers++;
            }
            if (modifiers > Limits.MAX_MODIFIERS) {
                unreadable |= top;
                problems.add(Problem.error(
                        top ? Origin.inReference(1) : where,
                        String.valueOf(modifiers),
                        Rule.MAX_MODIFIERS,
                        "the reference applies " + modifiers + " modifiers; the limit is " + Limits.MAX_MODIFIERS));
                return List.of();
            }
            int column = 0;
            String[] texts = reference.split(":", -1);
            for (int i = 0; i < texts.length; i++) {
                String text = texts[i].trim();
                Origin origin = top ? Origin.inReference(column + 1) : where;
                if (text.isEmpty()) {
                    unreadable |= top;
                    problems.add(Problem.error(
                            origin,
                            reference,
                            Rule.REFERENCE,
                            "empty part in policy reference " + Quote.quoted(reference)
                                    + "; write BASE or BASE:MODIFIER"));
                    return List.of();
                }
                String lower = text.toLowerCase(Locale.ROOT);
                boolean file = text.contains("/")
                        || lower.endsWith(".yaml")
                        || lower.endsWith(".yml")
                        || HostPolicies.isFile(text);
                if (!file && !isShippedName(text)) {
                    unreadable |= top;
                    problems.add(
                            Problem.error(
                                    origin,
                                    text,
                                    Rule.REFERENCE,
                                    Quote.quoted(text)
                                            + " is neither a shipped name (letters, digits, - and _) nor a .yaml/.yml file path"));
                    return List.of();
                }
                parts.add(new Part(text, file, i, origin, top));
                column += texts[i].length() + 1;
            }
            return parts;
        }
    }

    private record Part(String text, boolean file, int index, Origin origin, boolean top) {}

    private record Loaded(PolicyDocument doc, String identity, Path dir) {}

    /** One policy of an {@code extends} chain, with the modifiers of the reference that named it. */
    private record Link(Loaded policy, List<Part> modifiers, Path dir) {}

    /** The first and last files of a chain, for a message of bounded length. */
    private static String outline(List<Link> chain) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            if (i < 3 || i >= chain.size() - 3) {
                names.add(chain.get(i).policy.doc.file);
            } else if (i == 3) {
                names.add("... (" + (chain.size() - 6) + " more)");
            }
        }
        return String.join(" -> ", names);
    }

    /**
     * Whether {@code text} has the form of a shipped policy or modifier name,
     * {@code [A-Za-z0-9][A-Za-z0-9_-]*}; checked by hand, as a regular expression would load and
     * compile java.util.regex on the first load of a JVM.
     */
    static boolean isShippedName(String text) {
        if (text.isEmpty() || !isAsciiLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
