package dev.cryptopolicy.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk and small operations on engines obtained once, direct from the backend or through the
 * policy: what an application pays per operation once it holds a {@code Cipher} or {@code Mac}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperationBenchmarks {

    @Param({"direct", "policy"})
    public String side;

    private final byte[] bulk = new byte[16 * 1024];
    private final byte[] small = new byte[64];
    private final byte[] out = new byte[16 * 1024 + 16];
    private final byte[] iv = new byte[12];
    private MessageDigest sha256;
    private Mac hmac;
    private Cipher gcm;
    private SecretKeySpec aesKey;
    private Signature ecdsa;
    private Signature ed25519;
    private Signature rsaVerify;
    private byte[] rsaSignature;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        Backends.setUp(side);
        Provider sun = Backends.provider(side, "SUN");
        Provider sunJce = Backends.provider(side, "SunJCE");
        Provider sunEc = Backends.provider(side, "SunEC");
        sha256 = sun == null ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", sun);
        hmac = sunJce == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", sunJce);
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        gcm = sunJce == null
                ? Cipher.getInstance("AES/GCM/NoPadding")
                : Cipher.getInstance("AES/GCM/NoPadding", sunJce);
        aesKey = new SecretKeySpec(new byte[32], "AES");
        KeyPairGenerator ec =
                sunEc == null ? KeyPairGenerator.getInstance("EC") : KeyPairGenerator.getInstance("EC", sunEc);
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecPair = ec.generateKeyPair();
        ecdsa = sunEc == null
                ? Signature.getInstance("SHA256withECDSA")
                : Signature.getInstance("SHA256withECDSA", sunEc);
        ecdsa.initSign(ecPair.getPrivate());
        KeyPair edPair = (sunEc == null
                        ? KeyPairGenerator.getInstance("Ed25519")
                        : KeyPairGenerator.getInstance("Ed25519", sunEc))
                .generateKeyPair();
        ed25519 = sunEc == null ? Signature.getInstance("Ed25519") : Signature.getInstance("Ed25519", sunEc);
        ed25519.initSign(edPair.getPrivate());
        Provider sunRsa = Backends.provider(side, "SunRsaSign");
        KeyPairGenerator rsa =
                sunRsa == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", sunRsa);
        rsa.initialize(2048);
        KeyPair rsaPair = rsa.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withRSA", Security.getProvider("SunRsaSign"));
        signer.initSign(rsaPair.getPrivate());
        signer.update(small);
        rsaSignature = signer.sign();
        rsaVerify = sunRsa == null
                ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", sunRsa);
        rsaVerify.initVerify(rsaPair.getPublic());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.tearDown();
    }

    @Benchmark
    public byte[] sha256Of16KiB() {
        return sha256.digest(bulk);
    }

    @Benchmark
    public byte[] sha256Of64Bytes() {
        return sha256.digest(small);
    }

    @Benchmark
    public byte[] hmacSha256Of16KiB() {
        return hmac.doFinal(bulk);
    }

    /** A fresh IV per call, as GCM requires; init is part of what is measured (a key enters each time). */
    @Benchmark
    public int aesGcmEncrypt16KiB() throws GeneralSecurityException {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (n >>> (8 * i));
        }
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
        return gcm.doFinal(bulk, 0, bulk.length, out, 0);
    }

    @Benchmark
    public byte[] ecdsaP256Sign() throws GeneralSecurityException {
        ecdsa.update(small);
        return ecdsa.sign();
    }

    /** Verifies one SHA256withRSA signature of 64 bytes under a 2048-bit key. */
    @Benchmark
    public boolean rsa2048Verify() throws GeneralSecurityException {
        rsaVerify.update(small);
        return rsaVerify.verify(rsaSignature);
    }

    @Benchmark
    public byte[] ed25519Sign() throws GeneralSecurityException {
        ed25519.update(small);
        return ed25519.sign();
    }
}
