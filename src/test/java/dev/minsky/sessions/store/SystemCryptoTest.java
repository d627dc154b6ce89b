package dev.minsky.sessions.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSS as the first provider for ChaCha20-Poly1305, AES-GCM and SHA-256, against the real library of this system.
 * CI's Debian has it (OpenJDK's package depends on libnss3), so there its absence fails the test instead of
 * leaving the native path unchecked.
 */
class SystemCryptoTest {

    /** The installed provider; skips the test where this system has no NSS, except on CI, where that fails. */
    private static Provider installed() {
        SystemCrypto.Status status = SystemCrypto.install();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(status.installed(), "CI's Debian has NSS: " + status.detail());
        }
        assumeTrue(status.installed(), status.detail());
        return status.provider().orElseThrow();
    }

    @Test
    void theMigrationsAlgorithmsComeFromNssAndNothingElseDoes() throws Exception {
        Provider nss = installed();
        assertEquals(SystemCrypto.PROVIDER_NAME, nss.getName());
        assertSame(nss, MessageDigest.getInstance("SHA-256").getProvider());
        assertSame(nss, Cipher.getInstance("ChaCha20-Poly1305").getProvider());
        assertSame(nss, Cipher.getInstance("AES/GCM/NoPadding").getProvider());

        Set<String> offered = new TreeSet<>();
        nss.getServices().forEach(s -> offered.add(s.getType()));
        // the ciphers' key factories and parameters come with them; no key exchange, signature, MAC, key
        // generation, random numbers or key store
        assertEquals(Set.of("AlgorithmParameters", "Cipher", "MessageDigest", "SecretKeyFactory"), offered);
        assertNotSame(nss, new SecureRandom().getProvider());
        assertNotSame(nss, Mac.getInstance("HmacSHA256").getProvider());
        assertNotSame(nss, KeyPairGenerator.getInstance("EC").getProvider());
        assertNotSame(nss, MessageDigest.getInstance("SHA-1").getProvider(), "only SHA-256 among the digests");
        assertSame(nss, Security.getProviders()[0], "installed first");
        assertSame(SystemCrypto.install(), SystemCrypto.install(), "once per process");
    }

    @Test
    void itsSha256IsTheJdksForEveryLength() throws Exception {
        Provider nss = installed();
        Random random = new Random(7);
        MessageDigest ours = MessageDigest.getInstance("SHA-256", nss);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256", "SUN");
        for (int length = 0; length < 3000; length += 1 + length / 8) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            // in one piece, and in uneven pieces as the canonical forms are fed
            assertArrayEquals(jdk.digest(data), ours.digest(data), "length " + length);
            for (int at = 0; at < length; at += 37) {
                ours.update(data, at, Math.min(37, length - at));
            }
            assertArrayEquals(jdk.digest(data), ours.digest(), "pieces, length " + length);
        }
    }

    /** What TLS needs: each side's records opened by the other's implementation, with their associated data. */
    @Test
    void itsChaCha20Poly1305AndAesGcmInteroperateWithTheJdks() throws Exception {
        Provider nss = installed();
        Random random = new Random(11);
        for (String[] algorithm : List.of(new String[] {"ChaCha20-Poly1305", "ChaCha20"},
                new String[] {"AES/GCM/NoPadding", "AES"})) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            byte[] aad = new byte[13];
            byte[] plain = new byte[16_401];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(aad);
            random.nextBytes(plain);
            SecretKeySpec k = new SecretKeySpec(key, algorithm[1]);
            AlgorithmParameterSpec params = algorithm[1].equals("AES")
                    ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);

            Cipher seal = Cipher.getInstance(algorithm[0], nss);
            seal.init(Cipher.ENCRYPT_MODE, k, params);
            seal.updateAAD(aad);
            byte[] sealed = seal.doFinal(plain);
            Cipher open = Cipher.getInstance(algorithm[0], "SunJCE");
            open.init(Cipher.DECRYPT_MODE, k, params);
            open.updateAAD(aad);
            assertArrayEquals(plain, open.doFinal(sealed), algorithm[0] + " sealed by NSS, opened by the JDK");

            Cipher jdkSeal = Cipher.getInstance(algorithm[0], "SunJCE");
            jdkSeal.init(Cipher.ENCRYPT_MODE, k, params);
            jdkSeal.updateAAD(aad);
            byte[] jdkSealed = jdkSeal.doFinal(plain);
            assertArrayEquals(sealed, jdkSealed, algorithm[0] + ": the same bytes either way");
            Cipher nssOpen = Cipher.getInstance(algorithm[0], nss);
            nssOpen.init(Cipher.DECRYPT_MODE, k, params);
            nssOpen.updateAAD(aad);
            assertArrayEquals(plain, nssOpen.doFinal(jdkSealed), algorithm[0] + " sealed by the JDK, opened by NSS");
        }
    }

    @Test
    void thePropertyTurnsItOff() {
        SystemCrypto.Status status = SystemCrypto.load("false", "Linux", SystemCrypto.libraryDirectories("amd64"));
        assertFalse(status.installed());
        assertTrue(status.detail().contains("-Dminsky.nativeCrypto=false"), status.detail());
    }

    @Test
    void otherSystemsKeepTheJdksImplementations() {
        SystemCrypto.Status status = SystemCrypto.load(null, "Windows 11", SystemCrypto.libraryDirectories("amd64"));
        assertFalse(status.installed());
        assertEquals("not Linux", status.detail());
    }

    @Test
    void aSystemWithoutNssIsToldWhereItWasLookedFor(@TempDir Path empty) {
        SystemCrypto.Status status = SystemCrypto.load(null, "Linux", List.of(empty));
        assertFalse(status.installed());
        assertTrue(status.detail().contains(empty.toString()), status.detail());
    }

    /** Files of NSS's names that are not libraries (and a directory name to quote): reported, nothing thrown. */
    @Test
    void anNssThatCannotBeLoadedLeavesTheJdksImplementations(@TempDir Path dir) throws Exception {
        Path odd = Files.createDirectories(dir.resolve("lib \"nss\""));
        Files.writeString(odd.resolve("libnss3.so"), "not a library");
        Files.writeString(odd.resolve("libsoftokn3.so"), "not a library");
        SystemCrypto.Status status = SystemCrypto.load(null, "Linux", List.of(odd));
        assertFalse(status.installed());
        assertTrue(status.detail().startsWith("NSS in " + odd + " could not be loaded"), status.detail());
    }

    @Test
    void debiansMultiarchDirectoryComesFirst() {
        assertEquals(List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib")),
                SystemCrypto.libraryDirectories("amd64"));
        assertEquals(Path.of("/usr/lib/aarch64-linux-gnu"), SystemCrypto.libraryDirectories("aarch64").get(0));
        assertEquals(List.of(Path.of("/usr/lib64"), Path.of("/usr/lib")), SystemCrypto.libraryDirectories("riscv64"));
    }
}
