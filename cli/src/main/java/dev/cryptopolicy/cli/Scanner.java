package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Origin;
import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.AlgorithmParameters;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHKey;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.bc.ObjectStore;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The work of {@code scan}: reads key stores, certificates, keys, signed jars, directories and TLS
 * endpoints with the JDK's own parsers (and Bouncy Castle's: its CMS parser for a jar's signature
 * block, its PEM parser for PKCS #1 and encrypted keys, its BCFIPS provider for BCFKS key stores
 * and for decrypting keys), and asks the policy about every key, signature and digest in them.
 * Kinds of file are told apart by content, never by name. Everything it reads is bounded:
 * {@link #MAX_FILE_BYTES} per file, {@link #MAX_FILES} files per directory target,
 * {@link #MAX_JAR_BYTES} of a jar's entries, {@link #TIMEOUT_MILLIS} per TLS endpoint; symbolic
 * links inside a directory are not followed, so a link loop cannot make it run forever.
 */
final class Scanner {

    /** The largest file read, in bytes. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** The most files examined under one directory target. */
    static final int MAX_FILES = 10_000;
    /** The most bytes of entries read from one jar to verify it (a zip bomb stops here). */
    static final long MAX_JAR_BYTES = 512L << 20;
    /** Connect and handshake timeout for a TLS endpoint. */
    static final int TIMEOUT_MILLIS = 10_000;

    private static final Pattern ENDPOINT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,64})-----");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");
    private static final String PASSWORD_OPTIONS = "(--password, --password-env or --password-file)";
    private static final List<String> KEY_FACTORIES =
            List.of("RSA", "EC", "DSA", "EdDSA", "XDH", "DiffieHellman", "RSASSA-PSS");

    /** The BCFIPS provider made for reading when none is installed; see {@link #bcFips()}. */
    private static Provider readingProvider;

    private final CompiledPolicy policy;
    private final char[] password;
    private final Date now;
    private final List<ScanFinding> findings = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<String> scanned = new ArrayList<>();

    /**
     * @param password the key stores' password, or null when none was given
     * @param now      the time certificates' validity is checked at
     */
    Scanner(CompiledPolicy policy, char[] password, Date now) {
        this.policy = policy;
        this.password = password;
        this.now = now;
    }

    /** What the policy refuses, in the order found. */
    List<ScanFinding> findings() {
        return findings;
    }

    /** Targets or files that could not be read, one message each ({@code target: why}). */
    List<String> unreadable() {
        return unreadable;
    }

    /** Each item examined, as {@code target: what} (a key store, a certificate, a jar, ...). */
    List<String> scanned() {
        return scanned;
    }

    /** Scans one target as given on the command line. */
    void scan(String given) {
        String target = Quote.escape(given);
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            unreadable.add(target + ": not a file name on this system: " + message(e));
            return;
        }
        Matcher endpoint = ENDPOINT.matcher(given);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && endpoint.matches()) {
            String host = endpoint.group(1).replace("[", "").replace("]", "");
            int port = Integer.parseInt(endpoint.group(2));
            if (port < 1 || port > 65535) {
                unreadable.add(target + ": port " + port + " is not between 1 and 65535");
                return;
            }
            endpoint(target, host, port);
        } else if (Files.isDirectory(path)) {
            directory(path);
        } else if (Files.isRegularFile(path)) {
            String kind = file(path, true);
            if (kind == null) {
                unreadable.add(target + ": not a key store, certificate, key or jar");
            }
        } else {
            unreadable.add(target + ": no such file, directory or host:port");
        }
    }

    // ---- files and directories -----------------------------------------------------------------

    private void directory(Path root) {
        int[] count = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        // Symbolic links are not followed (no loops, nothing outside the tree).
                        return FileVisitResult.CONTINUE;
                    }
                    if (++count[0] > MAX_FILES) {
                        unreadable.add(Quote.escape(root.toString()) + ": more than " + MAX_FILES
                                + " files; scan fewer at a time");
                        return FileVisitResult.TERMINATE;
                    }
                    file(file, false);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(Quote.escape(file.toString()) + ": cannot be read: " + message(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.add(Quote.escape(root.toString()) + ": cannot be read: " + message(e));
        }
    }

    /**
     * Scans one file by its content; returns what it was, or null when it is none of the kinds
     * scanned (reported only when {@code named}, i.e. given on the command line).
     */
    private String file(Path file, boolean named) {
        // File names found in a directory are shown escaped: they cannot drive the terminal.
        String target = Quote.escape(file.toString());
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                unreadable.add(target + ": larger than " + MAX_FILE_BYTES + " bytes; not scanned");
                return "too large";
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            unreadable.add(target + ": cannot be read: " + message(e));
            return "unreadable";
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            jar(file);
            return "jar";
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return pem(target, text, named) ? "pem" : null;
        }
        if (certificates(target, bytes)) {
            return "certificate";
        }
        if (looksLikeKeyStore(bytes)) {
            if (keyStore(file, bytes)) {
                return "key store";
            }
        }
        for (boolean isPrivate : new boolean[] {false, true}) {
            Key key = decodeKey(bytes, isPrivate);
            if (key != null) {
                scanned.add(target + ": " + (isPrivate ? "private" : "public") + " key");
                key(target, isPrivate ? "private key" : "public key", key, Scope.ANY);
                return "key";
            }
        }
        return null;
    }

    /** JKS and JCEKS magic numbers, or a DER SEQUENCE (PKCS #12, BCFKS). */
    private static boolean looksLikeKeyStore(byte[] b) {
        if (b.length < 4) {
            return false;
        }
        int magic = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return magic == 0xFEEDFEED || magic == 0xCECECECE || (b[0] & 0xff) == 0x30;
    }

    /**
     * Scans each complete PEM block of a file: certificates and PKCS #8 keys with the JDK's
     * parsers; PKCS #1 ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, {@code DSA PRIVATE KEY}),
     * encrypted PKCS #8 and OpenSSL's legacy encrypted keys ({@code Proc-Type: 4,ENCRYPTED}) with
     * Bouncy Castle's PEM parser. A BEGIN line without its END line (before the next BEGIN) is not a
     * block.
     */
    private boolean pem(String target, String text, boolean named) {
        Matcher m = PEM_BEGIN.matcher(text);
        int index = 0;
        int from = 0;
        while (m.find(from)) {
            String label = m.group(1);
            String endLine = "-----END " + label + "-----";
            // Blocks do not nest: the END line is looked for only up to the next BEGIN, so that
            // every character is looked at a bounded number of times, however many BEGINs lack an END.
            int next = text.indexOf("-----BEGIN ", m.end());
            String rest = text.substring(m.end(), next < 0 ? text.length() : next);
            int end = rest.indexOf(endLine);
            if (end < 0) {
                from = next < 0 ? text.length() : next;
                continue;
            }
            pemBlock(
                    target,
                    "PEM block " + index + " (" + label + ")",
                    label,
                    rest.substring(0, end),
                    text.substring(m.start(), m.end() + end + endLine.length()));
            from = m.end() + end + endLine.length();
            index++;
        }
        if (index == 0 && named) {
            unreadable.add(target + ": no PEM block");
            return true;
        }
        return index > 0;
    }

    private void pemBlock(String target, String item, String label, String body, String block) {
        switch (label) {
            case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE", "PKCS7" -> {
                byte[] der = base64(target, item, body);
                if (der != null && !certificates(target, der)) {
                    unreadable.add(target + ": " + item + " is not a certificate the JDK can read");
                }
            }
            case "PUBLIC KEY", "PRIVATE KEY" -> {
                byte[] der = base64(target, item, body);
                if (der == null) {
                    return;
                }
                boolean isPrivate = label.equals("PRIVATE KEY");
                Key key = decodeKey(der, isPrivate);
                if (key == null) {
                    unreadable.add(target + ": " + item + " is not a key the JDK can read");
                } else {
                    scanned.add(target + ": " + item);
                    key(target, item, key, Scope.ANY);
                }
            }
            case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
                openSslKey(target, item, block);
            default ->
                unreadable.add(target + ": " + item + " is not scanned (certificates, and keys labelled"
                        + " 'PRIVATE KEY', 'PUBLIC KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY',"
                        + " 'EC PRIVATE KEY' or 'DSA PRIVATE KEY' are)");
        }
    }

    /** The bytes of a PEM block without headers, or null (reported) when it is not base64. */
    private byte[] base64(String target, String item, String body) {
        if (BASE64.matcher(body).matches()) {
            try {
                return Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                // Reported below.
            }
        }
        unreadable.add(target + ": " + item + " is not valid base64");
        return null;
    }

    /**
     * A PKCS #1 or encrypted private key block, read with Bouncy Castle's PEM parser and decrypted
     * with the password options' password by the BCFIPS provider; the key itself is rebuilt by the
     * JDK's key factories.
     */
    private void openSslKey(String target, String item, String block) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(block))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            unreadable.add(target + ": " + item + " is not a key Bouncy Castle's PEM parser reads: " + message(e));
            return;
        }
        boolean encrypted = parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo;
        if (encrypted && password == null) {
            unreadable.add(target + ": " + item + " is an encrypted key; it needs a password " + PASSWORD_OPTIONS);
            return;
        }
        Key key;
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                key = converter.getKeyPair(pair).getPrivate();
            } else if (parsed instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else if (parsed instanceof PEMEncryptedKeyPair legacy) {
                key = converter
                        .getKeyPair(legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(bcFips())
                                .build(password)))
                        .getPrivate();
            } else if (parsed instanceof PKCS8EncryptedPrivateKeyInfo pkcs8) {
                key = converter.getPrivateKey(pkcs8.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(bcFips())
                        .build(password)));
            } else {
                unreadable.add(target + ": " + item + " is not a private key");
                return;
            }
        } catch (IOException | OperatorCreationException | PKCSException | RuntimeException e) {
            unreadable.add(target + ": " + item
                    + (encrypted
                            ? " cannot be decrypted with the password given: "
                            : " is not a key the JDK can read: ")
                    + message(e));
            return;
        }
        scanned.add(target + ": " + item + (encrypted ? ", decrypted" : ""));
        key(target, item, key, Scope.ANY);
    }

    /** Reads DER or PEM certificates (or a PKCS #7 chain); false when the bytes are none. */
    private boolean certificates(String target, byte[] bytes) {
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
        if (certs.isEmpty()) {
            return false;
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        chain(target, "", chain, Scope.CERTPATH);
        return true;
    }

    /** A key of DER bytes (X.509 SubjectPublicKeyInfo or PKCS #8), found by trying each key type; or null. */
    private static Key decodeKey(byte[] der, boolean isPrivate) {
        for (String type : KEY_FACTORIES) {
            try {
                KeyFactory factory = KeyFactory.getInstance(type);
                return isPrivate
                        ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                        : factory.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // Not this type: try the next.
            }
        }
        return null;
    }

    private boolean keyStore(Path file, byte[] bytes) {
        // File names found in a directory are shown escaped: they cannot drive the terminal.
        String target = Quote.escape(file.toString());
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password);
            if (password == null) {
                unreadable.add(target + ": a " + store.getType() + " key store needs a password " + PASSWORD_OPTIONS);
                return true;
            }
        } catch (KeyStoreException e) {
            // No key store type of this JDK reads it: a BCFKS store, or not a key store.
            return bcfks(target, bytes);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            unreadable.add(target + ": "
                    + (password == null
                            ? "a key store needs a password " + PASSWORD_OPTIONS
                            : "not a key store this JDK reads with the password given: " + message(e)));
            return true;
        }
        entries(target, store);
        return true;
    }

    /**
     * A Bouncy Castle FIPS key store (BCFKS), recognized by Bouncy Castle's own ASN.1 class for its
     * outer structure and opened by the BCFIPS provider; false when the bytes are not one.
     */
    private boolean bcfks(String target, byte[] bytes) {
        try {
            ObjectStore.getInstance(bytes);
        } catch (RuntimeException e) {
            return false;
        }
        if (password == null) {
            unreadable.add(target + ": a BCFKS key store needs a password " + PASSWORD_OPTIONS);
            return true;
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("BCFKS", bcFips());
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            unreadable.add(target + ": a BCFKS key store that the password given does not open: " + message(e));
            return true;
        }
        entries(target, store);
        return true;
    }

    /** Every entry of an open key store: key entries by their chain (or the key), certificate entries. */
    private void entries(String target, KeyStore store) {
        scanned.add(target + ": " + store.getType() + " key store");
        try {
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                String item = "alias '" + Quote.escape(alias) + "'";
                if (store.isKeyEntry(alias)) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain != null && chain.length > 0) {
                        chain(target, item + " ", x509(chain), Scope.CERTPATH);
                        continue;
                    }
                    Key key = store.getKey(alias, password);
                    if (key != null) {
                        scanned.add(target + ": " + item + " " + key.getAlgorithm() + " key");
                        key(target, item, key, Scope.ANY);
                    }
                } else if (store.isCertificateEntry(alias)) {
                    chain(target, item + " ", x509(new Certificate[] {store.getCertificate(alias)}), Scope.CERTPATH);
                }
            }
        } catch (GeneralSecurityException e) {
            unreadable.add(target + ": an entry cannot be read: " + message(e));
        }
    }

    private static List<X509Certificate> x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }

    // ---- jars ----------------------------------------------------------------------------------

    private void jar(Path file) {
        // File names found in a directory are shown escaped: they cannot drive the terminal.
        String target = Quote.escape(file.toString());
        Set<CodeSigner> signers = new LinkedHashSet<>();
        Set<String> digests = new LinkedHashSet<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            Manifest manifest = jar.getManifest();
            if (manifest != null) {
                for (Attributes a : manifest.getEntries().values()) {
                    digestNames(a, "-Digest", digests);
                }
            }
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = jar.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_JAR_BYTES) {
                            unreadable.add(target + ": more than " + MAX_JAR_BYTES + " bytes of entries; not scanned");
                            return;
                        }
                    }
                }
                String name = entry.getName().toUpperCase(Locale.ROOT);
                if (name.startsWith("META-INF/") && name.indexOf('/', 9) < 0) {
                    if (name.endsWith(".SF")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            digestNames(new Manifest(in).getMainAttributes(), "-Digest-Manifest", digests);
                        }
                    } else if (name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC")) {
                        signatureBlock(target, entry.getName(), jar.getInputStream(entry));
                    }
                }
                CodeSigner[] s = entry.getCodeSigners();
                if (s != null) {
                    signers.addAll(List.of(s));
                }
            }
        } catch (SecurityException e) {
            unreadable.add(target + ": its signature does not verify: " + message(e));
            return;
        } catch (IOException e) {
            unreadable.add(target + ": not a readable jar: " + message(e));
            return;
        }
        scanned.add(target + ": jar, "
                + (signers.isEmpty() ? "no signer this JDK accepts" : signers.size() + " signer(s)"));
        for (String digest : digests) {
            Decision d = policy.decide(ServiceType.MESSAGE_DIGEST, digest, Scope.JAR);
            if (!d.allowed()) {
                findings.add(ScanFinding.of(target, "manifest", "digest", "MessageDigest " + digest, d));
            }
        }
    }

    private static void digestNames(Attributes attributes, String suffix, Set<String> into) {
        for (Object key : attributes.keySet()) {
            String name = key.toString();
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                into.add(name.substring(0, name.length() - suffix.length()));
            }
        }
    }

    /** The signature algorithm of each signer of a jar's PKCS #7 signature block. */
    private void signatureBlock(String target, String entry, InputStream in) throws IOException {
        byte[] block;
        try (in) {
            block = in.readNBytes((int) Math.min(MAX_FILE_BYTES, Integer.MAX_VALUE - 8));
        }
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        try {
            CMSSignedData signed = new CMSSignedData(block);
            // The certificates come from the block itself, so that a jar the JDK no longer accepts
            // as signed (a disabled algorithm) is still reported in full.
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                certificates.add(
                        (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
            }
            chain(target, Quote.escape(entry) + " ", certificates, Scope.JAR);
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                String encryption = signer.getEncryptionAlgOID();
                Algorithm signature = catalog.algorithm(ServiceType.SIGNATURE, encryption);
                String name;
                if (signature != null) {
                    name = signature.name();
                } else {
                    Algorithm digest = catalog.algorithm(ServiceType.MESSAGE_DIGEST, signer.getDigestAlgOID());
                    String keyAlgorithm =
                            entry.substring(entry.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
                    name = (digest == null
                                    ? signer.getDigestAlgOID()
                                    : digest.name().replace("-", "")) + "with"
                            + (keyAlgorithm.equals("EC") ? "ECDSA" : keyAlgorithm);
                }
                Decision d = policy.decide(ServiceType.SIGNATURE, name, Scope.JAR);
                if (!d.allowed()) {
                    findings.add(ScanFinding.of(target, Quote.escape(entry), "signature", "Signature " + name, d));
                }
            }
        } catch (CMSException | CertificateException | RuntimeException e) {
            unreadable.add(target + ": " + Quote.escape(entry) + " is not a PKCS #7 signature block: " + message(e));
        }
    }

    // ---- TLS endpoints -------------------------------------------------------------------------

    private void endpoint(String target, String host, int port) {
        CapturingTrust trust = new CapturingTrust();
        SSLSession session;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                session = socket.getSession();
            }
        } catch (IOException | GeneralSecurityException e) {
            unreadable.add(target + ": no TLS handshake: " + message(e));
            return;
        }
        String protocol = session.getProtocol();
        String suite = session.getCipherSuite();
        scanned.add(target + ": TLS endpoint, " + protocol + " " + suite);
        Decision p = policy.decideTls(TlsKind.PROTOCOL, protocol);
        if (!p.allowed()) {
            findings.add(ScanFinding.of(target, "handshake", "protocol", "protocol " + protocol, p));
        }
        Decision s = policy.decideTls(TlsKind.CIPHER_SUITE, suite);
        if (!s.allowed()) {
            findings.add(ScanFinding.of(target, "handshake", "cipher-suite", "cipher suite " + suite, s));
        }
        chain(target, "server ", trust.chain, Scope.TLS);
    }

    /**
     * Keeps the chain the server presents and accepts it: scan only looks at the endpoint (it
     * sends no data), and what it reports is what the policy says about that chain.
     */
    private static final class CapturingTrust implements X509TrustManager {
        private List<X509Certificate> chain = List.of();

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            throw new CertificateException("scan is a TLS client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) {
            chain = List.of(certs);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    // ---- checks --------------------------------------------------------------------------------

    private void chain(String target, String prefix, List<X509Certificate> chain, Scope scope) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String item = prefix + "certificate " + i + " '"
                    + Quote.escape(c.getSubjectX500Principal().getName()) + "'";
            scanned.add(target + ": " + item);
            key(target, item, c.getPublicKey(), scope);
            String signature = c.getSigAlgName();
            Decision d = policy.decide(ServiceType.SIGNATURE, signature, scope);
            if (!d.allowed() && AlgorithmCatalog.standard().algorithm(ServiceType.SIGNATURE, signature) == null) {
                d = policy.decide(ServiceType.SIGNATURE, c.getSigAlgOID(), scope);
            }
            if (!d.allowed()) {
                findings.add(ScanFinding.of(target, item, "signature", "signature algorithm " + signature, d));
            }
            if (now.after(c.getNotAfter()) || now.before(c.getNotBefore())) {
                boolean expired = now.after(c.getNotAfter());
                findings.add(new ScanFinding(
                        target,
                        item,
                        "validity",
                        "certificate",
                        ScanFinding.VALIDITY_RULE,
                        expired
                                ? "expired on " + c.getNotAfter().toInstant()
                                : "is not valid before " + c.getNotBefore().toInstant(),
                        Origin.builtIn(ScanFinding.VALIDITY_RULE)));
            }
        }
    }

    private void key(String target, String item, Key key, Scope scope) {
        Measure m = Measure.of(key);
        Decision d = m.bits() == 0 && m.curve() == null
                ? policy.decideUnmeasuredKey(m.algorithm())
                : policy.decideKey(m.algorithm(), m.bits(), m.curve(), scope);
        if (!d.allowed()) {
            String subject = m.algorithm() + " key"
                    + (m.curve() != null
                            ? " on curve " + m.curve()
                            : m.bits() > 0 ? " of " + m.bits() + " bits" : " of unknown size");
            findings.add(ScanFinding.of(target, item, "key", subject, d));
        }
    }

    /** The curve's standard name (as the JDK names it: an OID the catalog knows as an alias). */
    private static String curveName(ECKey key) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(key.getParams());
            return parameters.getParameterSpec(ECGenParameterSpec.class).getName();
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** What the policy's key rules look at: the algorithm, the size in bits and the named curve. */
    private record Measure(String algorithm, int bits, String curve) {

        /** Measures a public or private key (the JDK's key interfaces are shared by both). */
        static Measure of(Key k) {
            String algorithm = k.getAlgorithm();
            if (k instanceof RSAKey r) {
                return new Measure(algorithm, r.getModulus().bitLength(), null);
            } else if (k instanceof DSAKey d && d.getParams() != null) {
                return new Measure(algorithm, d.getParams().getP().bitLength(), null);
            } else if (k instanceof DHKey d) {
                return new Measure(algorithm, d.getParams().getP().bitLength(), null);
            } else if (k instanceof ECKey e) {
                String curve = curveName(e);
                return new Measure(
                        algorithm, curve == null ? e.getParams().getOrder().bitLength() : 0, curve);
            } else if (k instanceof EdECKey e) {
                return new Measure(algorithm, 0, e.getParams().getName());
            } else if (k instanceof XECKey x && x.getParams() instanceof NamedParameterSpec n) {
                return new Measure(algorithm, 0, n.getName());
            } else if (k instanceof SecretKey secret && secret.getEncoded() != null) {
                return new Measure(algorithm, secret.getEncoded().length * 8, null);
            }
            return new Measure(algorithm, 0, null);
        }
    }

    /** The BCFIPS provider: the one installed, else one made on first use for reading only (never installed). */
    private static synchronized Provider bcFips() {
        Provider installed = Security.getProvider("BCFIPS");
        if (installed != null) {
            return installed;
        }
        if (readingProvider == null) {
            readingProvider = new BouncyCastleFipsProvider();
        }
        return readingProvider;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return Quote.escape(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }
}
