package dev.cryptopolicy.provider;

import dev.cryptopolicy.provider.internal.PolicyBeans;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.management.ObjectName;
import javax.net.ssl.SSLContext;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A fresh JVM for {@link AuditRecordsTest}: installs {@code args[0]} (with the shadow policy
 * {@code args[1]}, or {@code -}), runs the steps that follow and prints one line per step, then
 * {@code REFUSALS map}, {@code SHADOW map}, {@code MBEAN count shadowCount} and one {@code JFR}
 * line per event. A step {@code mark:NAME} prints {@code MARK NAME map} of the refusals so far.
 */
public final class AuditRecordsApp {

    private AuditRecordsApp() {}

    public static void main(String[] args) throws Exception {
        KeyPair rsa1024 = Checks.rsa(null, 1024);
        Path jfr = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("audit-records-" + ProcessHandle.current().pid() + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.cryptopolicy.AuditRefusal");
            recording.start();
            // An application that runs JMX: the bean is registered at install (without an MBean
            // server running, it would be registered some seconds later; see PolicyBeans).
            ManagementFactory.getPlatformMBeanServer();
            Installation installed = CryptoPolicy.install(args[0]);
            if (!args[1].equals("-")) {
                installed.shadow(args[1]);
            }
            for (int i = 2; i < args.length; i++) {
                String step = args[i];
                if (step.startsWith("mark:")) {
                    System.out.println("MARK " + step.substring(5) + " " + installed.refusals());
                    continue;
                }
                System.out.println("STEP " + step + " " + Checks.attempt(() -> run(step, rsa1024)));
            }
            System.out.println("REFUSALS " + installed.refusals());
            System.out.println("SHADOW " + installed.shadowRefusals());
            ObjectName name = new ObjectName(PolicyBeans.NAME);
            System.out.println(
                    "MBEAN " + ManagementFactory.getPlatformMBeanServer().getAttribute(name, "RefusalCount") + " "
                            + ManagementFactory.getPlatformMBeanServer().getAttribute(name, "ShadowRefusalCount"));
            recording.stop();
            recording.dump(jfr);
        }
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            System.out.println("JFR "
                    + Map.of(
                            "feature",
                            e.getString("feature"),
                            "enforced",
                            e.getBoolean("enforced"),
                            "shadow",
                            e.getBoolean("shadow"),
                            "caller",
                            e.getString("caller")));
        }
        java.nio.file.Files.deleteIfExists(jfr);
    }

    private static Object run(String step, KeyPair rsa1024) throws Exception {
        switch (step) {
            case "ssl" -> {
                SSLContext c = SSLContext.getInstance("TLS");
                c.init(null, null, null);
                return c.createSSLEngine();
            }
            case "uuid" -> {
                return UUID.nameUUIDFromBytes(new byte[] {1});
            }
            case "md5" -> {
                return MessageDigest.getInstance("MD5");
            }
            case "sha1" -> {
                return MessageDigest.getInstance("SHA-1").digest(new byte[1]);
            }
            case "sha1withrsa" -> {
                return Signature.getInstance("SHA1withRSA");
            }
            case "SHA1WITHRSA" -> {
                return Signature.getInstance("SHA1WITHRSA");
            }
            case "tls11" -> {
                return SSLContext.getInstance("TLSv1.1");
            }
            case "arcfour" -> {
                return Cipher.getInstance("ARCFOUR");
            }
            case "des" -> {
                Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(new byte[8], "DES"));
                return c;
            }
            case "rsa1024" -> {
                return Checks.rsa(null, 1024);
            }
            case "rsa2048" -> {
                return Checks.rsa(null, 2048);
            }
            case "sign1024" -> {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(rsa1024.getPrivate());
                return s;
            }
            default -> throw new IllegalArgumentException("no step " + step);
        }
    }
}
