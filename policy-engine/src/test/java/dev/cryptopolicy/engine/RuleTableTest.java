package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.hostpolicy.HostPolicies;
import dev.cryptopolicy.engine.hostpolicy.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One row per {@link Rule}: an input that breaks it, and the file:line:column and YAML path where
 * the problem is reported. A rule without a row fails the table.
 */
class RuleTableTest {

    /**
     * One case.
     *
     * @param rule      the rule the input breaks
     * @param reference the reference loaded; {@code {dir}} stands for the folder the files are written to
     * @param at        where the problem is: {@code file:line:col} with the file's name only
     * @param path      the YAML path of the problem
     * @param files     names and contents of the files to write, in pairs; a name under {@code etc/}
     *                  makes the folder the host's root for {@code SYSTEM}
     */
    record Row(Rule rule, String reference, String at, String path, String... files) {}

    private static final String BASE = "BASE:{dir}/p.yaml";

    private static Row row(Rule rule, String yaml, String at, String path) {
        return new Row(rule, yaml.startsWith("kind: modifier") ? BASE : "{dir}/p.yaml", at, path, "p.yaml", yaml);
    }

    private static Row pol(Rule rule, String text, String at) {
        return new Row(rule, "{dir}/p.pol", at, "", "p.pol", text);
    }

    private static String many(String item, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(item.replace("#", String.valueOf(i)));
        }
        return sb.toString();
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Rule.REFERENCE, " ", "<reference>:1:1", ""));
        rows.add(new Row(Rule.UNREADABLE, "{dir}/missing.yaml", "<reference>:1:1", ""));
        rows.add(new Row(Rule.KNOWN_POLICY, "NOPE", "<reference>:1:1", ""));
        rows.add(new Row(Rule.KNOWN_MODIFIER, "BASE:NOPE", "<reference>:1:6", ""));
        rows.add(row(Rule.UTF_8, "kind: policy\nname: caf\u00e9\n", "p.yaml:2:10", ""));
        rows.add(row(Rule.YAML_SYNTAX, "kind: policy\nalgorithms: [\n", "p.yaml:3:1", ""));
        rows.add(row(Rule.SINGLE_DOCUMENT, "kind: policy\n---\nkind: policy\n", "p.yaml:3:1", ""));
        rows.add(row(Rule.DUPLICATE_KEY, "kind: policy\nkind: policy\n", "p.yaml:2:1", ""));
        rows.add(row(Rule.NO_ALIASES, "kind: policy\nname: *a\n", "p.yaml:2:7", ""));
        rows.add(row(Rule.NO_ANCHORS, "&a kind: policy\n", "p.yaml:1:1", ""));
        rows.add(row(Rule.NO_TAGS, "kind: policy\nname: !!str x\n", "p.yaml:2:7", ""));
        rows.add(row(Rule.MAX_SIZE, "kind: policy\n#" + "x".repeat(1 << 20) + "\n", "p.yaml:1:1", ""));
        rows.add(row(Rule.MAX_VALUES, "kind: policy\nname: [" + many("a", 70_000) + "]\n", "p.yaml:2:196607", ""));
        rows.add(row(
                Rule.MAX_DEPTH, "kind: policy\nname: " + "[".repeat(40) + "]".repeat(40) + "\n", "p.yaml:2:38", ""));
        List<String> chain = new ArrayList<>();
        for (int i = 0; i <= 64; i++) {
            chain.add("c" + i + ".yaml");
            chain.add(i < 64 ? "kind: policy\nextends: c" + (i + 1) + ".yaml\n" : "kind: policy\nextends: BASE\n");
        }
        rows.add(new Row(
                Rule.MAX_EXTENDS_DEPTH, "{dir}/c0.yaml", "c63.yaml:2:10", "extends", chain.toArray(String[]::new)));
        rows.add(new Row(Rule.MAX_MODIFIERS, "BASE" + ":NO-SHA1".repeat(65), "<reference>:1:1", ""));
        rows.add(row(
                Rule.MAX_ENTRIES,
                "kind: modifier\nalgorithms:\n  MessageDigest: [" + many("+SHA-256", 4097) + "]\n",
                "p.yaml:3:18",
                "algorithms.MessageDigest"));
        rows.add(row(
                Rule.MAX_PROBLEMS,
                "kind: modifier\nalgorithms:\n  MessageDigest: [" + many("+X#", 150) + "]\n",
                "p.yaml:3:609",
                "algorithms.MessageDigest[100]"));
        rows.add(row(Rule.NOT_A_POLICY, "- a\n- b\n", "p.yaml:1:1", ""));
        rows.add(row(Rule.REQUIRED_KEY, "name: x\n", "p.yaml:1:1", "kind"));
        rows.add(row(Rule.KNOWN_KEY, "kind: modifier\nalgoritms: {}\n", "p.yaml:2:1", "algoritms"));
        rows.add(row(Rule.KNOWN_VALUE, "kind: modifier\nmode: enforced\n", "p.yaml:2:7", "mode"));
        rows.add(row(Rule.TYPE, "kind: modifier\nname: [a]\n", "p.yaml:2:7", "name"));
        rows.add(row(
                Rule.RANGE, "kind: modifier\nkeys:\n  rsa: {min_bits: 70000}\n", "p.yaml:3:19", "keys.rsa.min_bits"));
        rows.add(row(Rule.NOT_EMPTY, "", "p.yaml:1:1", ""));
        rows.add(row(
                Rule.SERVICE_TYPE_SPELLING,
                "kind: modifier\nalgorithms:\n  messagedigest: [+SHA-256]\n",
                "p.yaml:3:3",
                "algorithms.messagedigest"));
        rows.add(row(
                Rule.LIST_EDIT_FORM,
                "kind: modifier\nalgorithms:\n  MessageDigest: [+SHA-256, SHA-384]\n",
                "p.yaml:3:18",
                "algorithms.MessageDigest"));
        rows.add(row(
                Rule.LIST_EDIT_BASE,
                "kind: policy\nalgorithms:\n  MessageDigest: [+SHA-256]\n",
                "p.yaml:3:18",
                "algorithms.MessageDigest"));
        rows.add(row(Rule.MODIFIER_EXTENDS, "kind: modifier\nextends: BASE\n", "p.yaml:2:10", "extends"));
        rows.add(row(
                Rule.PROVIDER_NAME,
                "kind: modifier\nbackends:\n  min_versions: {BCFIPS: \"2.1\", bcfips: \"2.2\"}\n",
                "p.yaml:3:33",
                "backends.min_versions.bcfips"));
        rows.add(row(
                Rule.VERSION_FORMAT,
                "kind: modifier\nbackends:\n  min_versions: {BCFIPS: \"02.1\"}\n",
                "p.yaml:3:26",
                "backends.min_versions.BCFIPS"));
        rows.add(row(
                Rule.KNOWN_ALGORITHM,
                "kind: modifier\nalgorithms:\n  Signature: [+SHA256withRAS]\n",
                "p.yaml:3:15",
                "algorithms.Signature[0]"));
        rows.add(row(
                Rule.ASCII_NAME,
                "kind: modifier\nalgorithms:\n  Signature: [-\u017FHA1withRSA]\n",
                "p.yaml:3:15",
                "algorithms.Signature[0]"));
        rows.add(row(
                Rule.KNOWN_PROTOCOL,
                "kind: modifier\ntls:\n  min_protocol: TLSv1.4\n",
                "p.yaml:3:17",
                "tls.min_protocol"));
        rows.add(new Row(Rule.BASE_IS_POLICY, "NO-SHA1", "<reference>:1:1", ""));
        rows.add(new Row(Rule.MODIFIER_IS_MODIFIER, "BASE:BASE", "<reference>:1:6", ""));
        rows.add(new Row(
                Rule.EXTENDS_CYCLE,
                "{dir}/a.yaml",
                "a.yaml:2:10",
                "extends",
                "a.yaml",
                "kind: policy\nextends: b.yaml\n",
                "b.yaml",
                "kind: policy\nextends: a.yaml\n"));
        rows.add(row(
                Rule.TLS_RANGE,
                "kind: modifier\ntls:\n  min_protocol: TLSv1.3\n  max_protocol: TLSv1.2\n",
                "p.yaml:4:17",
                "tls.max_protocol"));
        rows.add(row(
                Rule.CURVE_SIZE,
                "kind: modifier\nkeys:\n  ec: {min_bits: 384, curves: [secp256r1, secp384r1]}\n",
                "p.yaml:3:32",
                "keys.ec.curves[0]"));
        rows.add(row(
                Rule.REQUIRED_IN_FEATURE_SET,
                "kind: modifier\nbackends:\n  required:\n    KEM: [ML-KEM-768]\n",
                "p.yaml:4:11",
                "backends.required.KEM[0]"));
        rows.add(row(
                Rule.TLS_NOT_EMPTY,
                "kind: modifier\ntls:\n  cipher_suites: [TLS_RSA_WITH_NULL_SHA256]\n",
                "p.yaml:3:19",
                "tls.cipher_suites[0]"));
        rows.add(row(
                Rule.TLS_CONSISTENT,
                "kind: modifier\ntls:\n  cipher_suites: [TLS_AES_128_GCM_SHA256, TLS_RSA_WITH_NULL_SHA256]\n",
                "p.yaml:3:43",
                "tls.cipher_suites[1]"));
        rows.add(row(
                Rule.SHA1_SIGNATURES,
                "kind: modifier\nsha1:\n  signatures: allow\n",
                "p.yaml:3:15",
                "sha1.signatures"));
        rows.add(row(
                Rule.KEY_SIZE, "kind: modifier\nkeys:\n  rsa: {min_bits: 1024}\n", "p.yaml:3:19", "keys.rsa.min_bits"));
        rows.add(row(
                Rule.TLS_VERSION, "kind: modifier\ntls:\n  min_protocol: TLSv1\n", "p.yaml:3:17", "tls.min_protocol"));
        rows.add(row(
                Rule.WEAK_ALGORITHM,
                "kind: modifier\nalgorithms:\n  MessageDigest: [+MD5]\n",
                "p.yaml:3:19",
                "algorithms.MessageDigest[0]"));
        rows.add(row(Rule.AUDIT_MODE, "kind: modifier\nmode: audit\n", "p.yaml:2:7", "mode"));
        rows.add(row(
                Rule.HOST_RESTRICTIONS,
                "kind: modifier\nhost_restrictions: replace\n",
                "p.yaml:2:20",
                "host_restrictions"));
        rows.add(
                pol(Rule.HOST_NOTHING_FOR_JAVA, "hash = GOSTR94\nmac = \ncipher = \nsign = \ngroup = \n", "p.pol:1:1"));
        rows.add(new Row(Rule.HOST_NO_CRYPTO_POLICIES, "SYSTEM", "SYSTEM:1:1", "", "etc/.keep", ""));
        rows.add(new Row(Rule.HOST_CONFIG, "SYSTEM", "config:1:1", "", "etc/crypto-policies/config", "DEFAULT:../X\n"));
        rows.add(new Row(
                Rule.HOST_FIPS,
                "SYSTEM",
                "config:1:1",
                "",
                "etc/crypto-policies/config",
                "DEFAULT\n",
                "proc/sys/crypto/fips_enabled",
                "1\n"));
        rows.add(pol(Rule.HOST_PROPERTY, "hash = SHA2-256\nno_such_thing = 1\n", "p.pol:2:1"));
        rows.add(pol(Rule.HOST_SCOPE, "hash@{tls = SHA2-256\n", "p.pol:1:5"));
        rows.add(pol(Rule.HOST_TYPE, "hash = SHA2-256\nmin_rsa_size = many\n", "p.pol:2:16"));
        rows.add(pol(Rule.HOST_UNKNOWN_VALUE, "hash = SHA9-256\n", "p.pol:1:8"));
        rows.add(pol(Rule.HOST_MIXED_LIST, "hash = SHA2-256 +SHA3-256\n", "p.pol:1:17"));
        rows.add(pol(Rule.HOST_SCOPE_NOT_JAVA, "hash = SHA2-256\nhash@ssh = SHA2-512\n", "p.pol:2:5"));
        rows.add(pol(Rule.HOST_NO_JAVA_MEANING, "hash = SHA2-256\nssh_certs = 1\n", "p.pol:2:1"));
        rows.add(pol(Rule.HOST_VALUE_NOT_JAVA, "hash = SHA2-256 GOSTR94\n", "p.pol:1:17"));
        rows.add(pol(
                Rule.HOST_SIGN_WITHOUT_HASH, "hash = SHA2-256\nsign = ECDSA-SHA2-256 ECDSA-SHA3-256\n", "p.pol:2:23"));
        rows.add(new Row(
                Rule.HOST_PMOD_PROTOCOL, "BASE:{dir}/p.pmod", "p.pmod:1:12", "", "p.pmod", "protocol = -TLS1.2\n"));
        rows.add(new Row(
                Rule.HOST_PMOD_SUITES, "BASE:{dir}/p.pmod", "p.pmod:1:10", "", "p.pmod", "cipher = +AES-256-CBC\n"));
        return rows;
    }

    @TempDir
    Path tmp;

    @Test
    void everyRule_hasARow_andOnlyOne() {
        Map<Rule, Integer> seen = new EnumMap<>(Rule.class);
        rows().forEach(r -> seen.merge(r.rule(), 1, Integer::sum));
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(seen.keySet());
        assertEquals(Set.of(), missing, "rules without a row");
        seen.forEach((rule, n) -> assertEquals(1, n, rule + " has " + n + " rows"));
    }

    @Test
    void aProblem_namesOnlyADeclaredRule_andIdsAreUniqueAndStable() {
        Origin o = new Origin("f.yaml", 1, 1, "");
        assertThrows(IllegalArgumentException.class, () -> new Problem(Severity.ERROR, o, "", "no-such-rule", "m", ""));
        // Control: a declared id makes a problem, which knows its rule.
        assertEquals(Rule.KNOWN_KEY, new Problem(Severity.ERROR, o, "", "known-key", "m", "").definition());
        Set<String> ids = new java.util.HashSet<>();
        for (Rule r : Rule.values()) {
            assertTrue(ids.add(r.id()) && r.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.id());
            assertEquals(r, Rule.ofId(r.id()));
            assertTrue(!r.shortDescription().isEmpty() && !r.fullDescription().isEmpty(), r.id());
        }
    }

    @Test
    void everyRow_isReportedWithItsRule_atItsPlace() throws IOException {
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (Row row : rows()) {
            Path dir = Files.createDirectories(tmp.resolve("row" + i++));
            String found = check(row, dir);
            if (found != null) {
                wrong.add(row.rule().id() + ": " + found);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Null when the row's rule is reported at its place; otherwise what was reported. */
    private static String check(Row row, Path dir) throws IOException {
        boolean host = false;
        for (int f = 0; f < row.files().length; f += 2) {
            Path file = dir.resolve(row.files()[f]);
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    row.files()[f + 1].getBytes(
                            row.rule() == Rule.UTF_8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            host |= row.files()[f].startsWith("etc/");
        }
        if (host && row.rule() != Rule.HOST_NO_CRYPTO_POLICIES) {
            copyReferencePolicies(dir.resolve("usr/share/crypto-policies/policies"));
        }
        String previous = System.getProperty(HostPolicies.ROOT_PROPERTY);
        List<Problem> problems;
        try {
            if (host) {
                System.setProperty(HostPolicies.ROOT_PROPERTY, dir.toString());
            }
            problems = TestPolicies.standard()
                    .loader()
                    .load(row.reference().replace("{dir}", dir.toString()))
                    .warnings();
        } catch (PolicyException e) {
            problems = e.problems();
        } finally {
            if (previous == null) {
                System.clearProperty(HostPolicies.ROOT_PROPERTY);
            } else {
                System.setProperty(HostPolicies.ROOT_PROPERTY, previous);
            }
        }
        for (Problem p : problems) {
            if (p.rule().equals(row.rule().id())) {
                Origin o = p.origin();
                String at = Path.of(o.file()).getFileName() + ":" + o.line() + ":" + o.column();
                return at.equals(row.at()) && o.path().equals(row.path())
                        ? null
                        : at + " " + o.path() + ": " + p.format();
            }
        }
        return "not reported; found "
                + problems.stream()
                        .map(p -> p.rule() + "@" + p.origin().location())
                        .toList();
    }

    private static void copyReferencePolicies(Path share) throws IOException {
        Files.createDirectories(share.resolve("modules"));
        try (Stream<Path> s = Files.list(Reference.cryptoPolicies())) {
            for (Path p : s.filter(x -> x.toString().endsWith(".pol")).toList()) {
                Files.copy(p, share.resolve(p.getFileName()));
            }
        }
    }
}
