package dev.cryptopolicy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Red Hat OpenJDK's FIPS mode uses {@code SunPKCS11-NSS-FIPS}, the JDK's PKCS #11 provider on the NSS
 * softoken in FIPS mode. Set up here on Debian's NSS (its {@code libsoftokn3.so} with the {@code .chk}
 * files of its power-up integrity test) with a module database whose internal module is the FIPS one,
 * that provider works, and the FIPS policy does not count it as a FIPS-validated backend: only Bouncy
 * Castle FIPS is (a module's validation is not something a provider object proves).
 */
@Slow
class NssFipsBackendTest {
    /** Debian's multi-arch folder of NSS's libraries. */
    private static final Path NSS = Path.of("/usr/lib/x86_64-linux-gnu");

    @TempDir
    Path dir;

    /** Child JVM: adds SunPKCS11-NSS-FIPS first, then installs the policy {@code args[1]} and asks it. */
    public static void main(String[] args) throws Exception {
        Provider nss = Security.getProvider("SunPKCS11")
                .configure("--name=NSS-FIPS\nnssLibraryDirectory=" + NSS + "\nnssSecmodDirectory=sql:" + args[0]
                        + "\nnssDbMode=readWrite\nnssModule=fips\n");
        Security.insertProviderAt(nss, 1);
        System.out.println("nss-sha256=" + sha256(MessageDigest.getInstance("SHA-256", nss)));
        Installation installation = CryptoPolicy.install(args[1]);
        System.out.println("sha256-backend=" + installation.features().get("MessageDigest SHA-256"));
        System.out.println("fips-backends="
                + installation.features().values().stream()
                        .filter(b -> b.startsWith("SunPKCS11"))
                        .distinct()
                        .toList());
    }

    private static String sha256(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A module database whose internal module is NSS's FIPS one ({@code modutil -fips true} writes the same). */
    private Path database(boolean fips) throws Exception {
        Path db = Files.createDirectories(dir.resolve(fips ? "fips" : "plain"));
        Files.writeString(
                db.resolve("pkcs11.txt"),
                "library=\nname=NSS Internal " + (fips ? "FIPS " : "") + "PKCS #11 Module\n"
                        + "parameters=configdir='sql:" + db
                        + "' certPrefix='' keyPrefix='' secmod='pkcs11.txt' flags=\n"
                        + "NSS=Flags=internal,critical" + (fips ? ",fips" : "") + " trustOrder=75 cipherOrder=100"
                        + " slotParams=(1={slotFlags=[ECC,RSA,DSA,DH,RANDOM,SHA1,SSL,TLS,AES,SHA256,SHA512] askpw=any timeout=30})\n");
        return db;
    }

    @Test
    void sunPkcs11NssFips_works_butIsNotAFipsBackendOfTheFipsPolicy() throws Exception {
        assumeTrue(
                Files.isRegularFile(NSS.resolve("libsoftokn3.so"))
                        && Files.isRegularFile(NSS.resolve("libsoftokn3.chk")),
                "Debian's libnss3 (NSS softoken) is not installed");
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Jvm.Result fips = Jvm.run(
                List.of(),
                Jvm.classPath(),
                NssFipsBackendTest.class,
                database(true).toString(),
                "FIPS");
        assertEquals(0, fips.exit(), fips.output());
        assertTrue(fips.output().contains("nss-sha256=" + abc), fips.output());
        assertTrue(fips.output().contains("sha256-backend=BCFIPS"), fips.output());
        assertTrue(fips.output().contains("fips-backends=[]"), fips.output());

        // Controls: under DEFAULT the same provider serves it, so the refusal is fips_only's; and
        // without the database's FIPS flag NSS offers no FIPS module, so the one above was FIPS.
        Jvm.Result plain = Jvm.run(
                List.of(),
                Jvm.classPath(),
                NssFipsBackendTest.class,
                database(true).toString(),
                "DEFAULT");
        assertEquals(0, plain.exit(), plain.output());
        assertTrue(plain.output().contains("sha256-backend=SunPKCS11-NSS-FIPS"), plain.output());
        Jvm.Result noFips = Jvm.run(
                List.of(),
                Jvm.classPath(),
                NssFipsBackendTest.class,
                database(false).toString(),
                "FIPS");
        assertTrue(noFips.exit() != 0 && noFips.output().contains("NSS module not available: fips"), noFips.output());
    }
}
