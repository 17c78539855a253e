package dev.cryptopolicy.engine.hostpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.PolicySource;
import dev.cryptopolicy.engine.Problem;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.Severity;
import dev.cryptopolicy.engine.UnreadablePolicyException;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPoliciesTest {

    /** No shipped policies: every decision here comes from the crypto-policies files. */
    private static final PolicyLoader LOADER = new PolicyLoader(new PolicySource() {
        @Override
        public Optional<byte[]> read(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> names() {
            return List.of();
        }
    });

    /**
     * Policies with nothing Java's TLS can use: they translate, with a warning that says so, and the
     * engine refuses them (a policy under which TLS cannot connect), fail closed.
     */
    private static final Set<String> NOTHING_FOR_JAVA = Set.of("EMPTY.pol", "GOST-ONLY.pol");

    @TempDir
    Path tmp;

    @AfterEach
    void clearRoot() {
        System.clearProperty(HostPolicies.ROOT_PROPERTY);
    }

    static List<Path> referenceFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        Path ref = Reference.cryptoPolicies();
        try (Stream<Path> s = Stream.concat(Files.list(ref), Files.list(ref.resolve("modules")))) {
            s.filter(p -> p.toString().endsWith(".pol") || p.toString().endsWith(".pmod"))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    @Test
    void everyReferenceFile_translatesWithNamedWarningsOnly() throws Exception {
        List<Path> files = referenceFiles();
        assertTrue(files.size() >= 19, "reference files: " + files);
        HostPolicies host = new HostPolicies(tmp, 1 << 20);
        for (Path p : files) {
            Translation t = host.translateFile(p.getFileName().toString(), Files.readAllBytes(p));
            assertFalse(t.hasErrors(), p + ": " + t.findings());
            // Said exactly where Java is left nothing TLS can use.
            assertEquals(
                    NOTHING_FOR_JAVA.contains(p.getFileName().toString()),
                    t.findings().stream().anyMatch(f -> f.rule().equals("host-nothing-for-java")),
                    p + ": " + t.findings());
            for (Finding f : t.findings()) {
                assertTrue(f.rule().startsWith("host-"), f.toString());
                assertTrue(f.at().line() > 0 && f.at().column() > 0, f.toString());
            }
        }
    }

    @Test
    void everyReferencePolicy_loadsAndCompiles_exceptThoseWithNothingForJava() throws Exception {
        for (Path p : referenceFiles()) {
            String name = p.getFileName().toString();
            String ref = name.endsWith(".pmod") ? pol("DEFAULT.pol") + ":" + p : p.toString();
            if (NOTHING_FOR_JAVA.contains(name)) {
                // Refused, fail closed, for the one reason the warning names: TLS would have nothing.
                PolicyException e = assertThrows(PolicyException.class, () -> LOADER.load(ref), name);
                List<Problem> errors = e.problems().stream()
                        .filter(q -> q.severity() == Severity.ERROR)
                        .toList();
                assertEquals(3, errors.size(), e.problems().toString());
                for (Problem q : errors) {
                    assertEquals("tls-not-empty", q.rule(), q.format());
                    assertTrue(q.origin().file().endsWith(name), q.format());
                }
                Problem why = e.problems().stream()
                        .filter(q -> q.rule().equals("host-nothing-for-java"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(e.problems().toString()));
                assertEquals(Severity.WARNING, why.severity());
                assertTrue(
                        why.message()
                                .contains(name + " leaves Java no cipher suite, no named group, no signature scheme"),
                        why.format());
                continue;
            }
            CompiledPolicy policy = LOADER.load(ref);
            for (Problem w : policy.warnings()) {
                assertEquals(Severity.WARNING, w.severity());
            }
        }
    }

    @Test
    void defaultPol_decidesAsItsLinesSay_andNamesTheLine() throws Exception {
        CompiledPolicy policy = LOADER.load(pol("DEFAULT.pol"));
        Decision sha256 = policy.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.ANY);
        assertTrue(sha256.allowed(), sha256.toString());
        assertTrue(
                sha256.origin().file().endsWith("DEFAULT.pol"), sha256.origin().toString());
        Decision sha1 = policy.decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY);
        assertFalse(sha1.allowed(), sha1.toString());
        assertFalse(policy.decideKey("RSA", 1024, null, Scope.ANY).allowed());
        assertTrue(policy.decideKey("RSA", 2048, null, Scope.ANY).allowed());
        // control: LEGACY.pol lists RSA-SHA1 and 1024-bit RSA, so the refusal above is DEFAULT.pol's
        CompiledPolicy legacy = LOADER.load(pol("LEGACY.pol"));
        assertTrue(
                legacy.decide(ServiceType.SIGNATURE, "SHA1withRSA", Scope.ANY).allowed());
        assertTrue(legacy.decideKey("RSA", 1024, null, Scope.ANY).allowed());
    }

    @Test
    void subPolicy_appliedToAPolicy_removesWhatItSays() throws Exception {
        String legacy = pol("LEGACY.pol");
        String noSha1 =
                Reference.cryptoPolicies().resolve("modules/NO-SHA1.pmod").toString();
        assertTrue(LOADER.load(legacy)
                .decide(ServiceType.SIGNATURE, "SHA1withECDSA", Scope.ANY)
                .allowed());
        Decision d = LOADER.load(legacy + ":" + noSha1).decide(ServiceType.SIGNATURE, "SHA1withECDSA", Scope.ANY);
        assertFalse(d.allowed(), d.toString());
        assertTrue(LOADER.load(legacy + ":" + noSha1)
                .decide(ServiceType.SIGNATURE, "SHA256withRSA/PSS", Scope.ANY)
                .allowed());
    }

    @Test
    void invalidLines_fromCryptoPoliciesOwnTests_areLocatedErrors() throws Exception {
        List<String> lines =
                Files.readAllLines(Reference.cryptoPolicies().resolve("crypto-policies-invalid-lines.txt"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String text = f[1].isEmpty() ? f[0] : f[1] + " = " + f[0];
            List<Finding> findings = new ArrayList<>();
            HostState state = new HostState(findings);
            state.apply(PolReader.read("bad.pol", text + "\n", findings));
            assertTrue(findings.stream().anyMatch(Finding::error), "no error for '" + text + "'");
            for (Finding e : findings) {
                assertEquals("bad.pol", e.at().file());
                assertEquals(1, e.at().line());
            }
            checked++;
        }
        assertEquals(15, checked);
    }

    @Test
    void unknownValue_isAnErrorAtItsColumn_withASuggestion() {
        PolicyException e = assertThrows(
                PolicyException.class,
                () -> LOADER.load(
                        write("x.pol", "hash = SHA2-256\n" + "sign = RSA-SHA2-256 \\\n       ECDSA-SHA2-265\n")));
        Problem p = e.problems().get(0);
        assertEquals("host-unknown-value", p.rule());
        assertEquals(3, p.origin().line());
        assertEquals(8, p.origin().column());
        assertTrue(p.suggestion().contains("ECDSA-SHA2-256"), p.format());
    }

    @Test
    void system_readsTheConfig_andResolvesPolicyAndSubPolicy() throws Exception {
        Path root = hostRoot("DEFAULT:NO-SHA1\n", false);
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        CompiledPolicy policy = LOADER.load("SYSTEM");
        Decision d = policy.decide(ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY);
        assertFalse(d.allowed(), d.toString());
        assertTrue(
                policy.decide(ServiceType.SIGNATURE, "SHA256withRSA", Scope.ANY).allowed());
        // control: the same host set to LEGACY allows it
        Files.writeString(root.resolve("etc/crypto-policies/config"), "LEGACY\n");
        assertTrue(LOADER.load("SYSTEM")
                .decide(ServiceType.MESSAGE_DIGEST, "SHA-1", Scope.ANY)
                .allowed());
    }

    @Test
    void system_localPolicyFolder_winsOverTheDistributionOne() throws Exception {
        Path root = hostRoot("DEFAULT\n", false);
        Path local = root.resolve("etc/crypto-policies/policies");
        Files.createDirectories(local);
        Files.writeString(
                local.resolve("DEFAULT.pol"),
                Files.readString(Reference.cryptoPolicies().resolve("DEFAULT.pol")) + "\nmin_rsa_size = 4096\n");
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        assertFalse(
                LOADER.load("SYSTEM").decideKey("RSA", 3072, null, Scope.ANY).allowed());
    }

    @Test
    void system_onAFipsHost_isFips_andSaysSo() throws Exception {
        Path root = hostRoot("DEFAULT\n", true);
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        CompiledPolicy policy = LOADER.load("SYSTEM");
        assertTrue(
                policy.warnings().stream().anyMatch(w -> w.rule().equals("host-fips")),
                policy.warnings().toString());
        assertTrue(policy.backends().fipsOnly());
        // control: without the kernel flag the same config is DEFAULT, without the FIPS-only rule
        Files.writeString(root.resolve("proc/sys/crypto/fips_enabled"), "0\n");
        assertFalse(LOADER.load("SYSTEM").backends().fipsOnly());
    }

    @Test
    void system_setToEachReferencePolicy_loads() throws Exception {
        Path root = hostRoot("DEFAULT\n", false);
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        for (Path p : referenceFiles()) {
            String file = p.getFileName().toString();
            if (!file.endsWith(".pol") || NOTHING_FOR_JAVA.contains(file)) {
                continue;
            }
            String name = file.substring(0, file.length() - 4);
            Files.writeString(
                    root.resolve("etc/crypto-policies/config"), "# set by update-crypto-policies\n" + name + "\n");
            CompiledPolicy policy = LOADER.load("SYSTEM");
            assertEquals(name.equals("FIPS"), policy.backends().fipsOnly(), name);
            Decision d = policy.decide(ServiceType.SIGNATURE, "SHA256withECDSA", Scope.ANY);
            assertTrue(d.origin().file().endsWith(file), name + ": " + d);
        }
    }

    @Test
    void system_unknownSubPolicy_isAnErrorInTheConfig() throws Exception {
        Path root = hostRoot("DEFAULT:NO-SUCH\n", false);
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        PolicyException e = assertThrows(PolicyException.class, () -> LOADER.load("SYSTEM"));
        Problem p = e.problems().get(0);
        assertEquals("host-config", p.rule());
        assertTrue(
                p.origin().file().endsWith("etc/crypto-policies/config")
                        && p.message().contains("NO-SUCH"),
                p.format());
    }

    @Test
    void system_configNamingAPath_isRefused_notFollowed() throws Exception {
        Path root = hostRoot("DEFAULT\n", false);
        Files.copy(Reference.cryptoPolicies().resolve("LEGACY.pol"), tmp.resolve("EVIL.pol"));
        System.setProperty(HostPolicies.ROOT_PROPERTY, root.toString());
        for (String config : new String[] {"../../../../EVIL", "DEFAULT:../../../../../EVIL", "/tmp/EVIL"}) {
            Files.writeString(root.resolve("etc/crypto-policies/config"), config + "\n");
            PolicyException e = assertThrows(PolicyException.class, () -> LOADER.load("SYSTEM"), config);
            assertEquals("host-config", e.problems().get(0).rule(), config);
        }
        // control: the same file named properly in the policy folder is read
        Files.copy(tmp.resolve("EVIL.pol"), root.resolve("usr/share/crypto-policies/policies/EVIL.pol"));
        Files.writeString(root.resolve("etc/crypto-policies/config"), "EVIL\n");
        assertTrue(LOADER.load("SYSTEM").decideKey("RSA", 1024, null, Scope.ANY).allowed());
    }

    @Test
    void system_withoutCryptoPolicies_isAnErrorNamingTheAlternative() {
        System.setProperty(HostPolicies.ROOT_PROPERTY, tmp.toString());
        UnreadablePolicyException e = assertThrows(UnreadablePolicyException.class, () -> LOADER.load("SYSTEM"));
        Problem p = e.problems().get(0);
        assertEquals("host-no-crypto-policies", p.rule());
        assertTrue(p.message().contains("DEFAULT"), p.message());
    }

    private Path hostRoot(String config, boolean fips) throws Exception {
        Path root = tmp.resolve("root");
        Path share = root.resolve("usr/share/crypto-policies/policies");
        Files.createDirectories(share.resolve("modules"));
        Path ref = Reference.cryptoPolicies();
        try (Stream<Path> s = Files.list(ref)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".pol")).toList()) {
                Files.copy(p, share.resolve(p.getFileName()));
            }
        }
        try (Stream<Path> s = Files.list(ref.resolve("modules"))) {
            for (Path p : s.toList()) {
                Files.copy(p, share.resolve("modules").resolve(p.getFileName()));
            }
        }
        Files.createDirectories(root.resolve("etc/crypto-policies"));
        Files.writeString(root.resolve("etc/crypto-policies/config"), config);
        Files.createDirectories(root.resolve("proc/sys/crypto"));
        Files.writeString(root.resolve("proc/sys/crypto/fips_enabled"), fips ? "1\n" : "0\n");
        return root;
    }

    private static String pol(String name) {
        return Reference.cryptoPolicies().resolve(name).toString();
    }

    private String write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }
}
