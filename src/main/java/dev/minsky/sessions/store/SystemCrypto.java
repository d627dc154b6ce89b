package dev.minsky.sessions.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The system's NSS library (Linux) as the JDK's first provider for the three algorithms a migration spends its
 * cryptography time on: ChaCha20-Poly1305 and AES-GCM (TLS to PostgreSQL) and SHA-256 (the verification's digests).
 *
 * <p>Why: the app runs on the client compiler only (ADR 8), which has no intrinsics for ciphers or digests, so the
 * JDK's own implementations run as plain compiled Java. NSS (libnss3, which Debian's and Ubuntu's OpenJDK packages
 * depend on, as do Firefox and Chrome) does the same work in native code with the processor's instructions. The
 * JDK reaches it through its own PKCS#11 provider (SunPKCS11, module {@code jdk.crypto.cryptoki}) in NSS's
 * "no database" mode: nothing is read from or written to an NSS key database. ADR 8's addendum of the third
 * 2026-12-03 session has the measurements.
 *
 * <p>Only those three mechanisms are enabled in the provider (with the ciphers' key factories and parameters): key
 * exchange, signatures, MACs, key derivation, random numbers and key stores stay the JDK's own, so a TLS handshake, a SCRAM login and a certificate check
 * work as they did. Where NSS is missing (Windows, macOS, a Linux without libnss3), cannot be loaded, or fails a
 * known-answer check of SHA-256, nothing changes and the JDK's implementations are used.
 * {@code -Dminsky.nativeCrypto=false} turns it off.
 *
 * <p>{@link #install()} is called where the work starts (opening a PostgreSQL store over TLS, the first digest of
 * a migration or verification), not at every start: loading NSS takes 20-30 ms, which a {@code list} of a JSON
 * file has no use for. It is process-wide and happens once.
 */
public final class SystemCrypto {
    /** The system property that turns it off ({@code false}). */
    public static final String PROPERTY = "minsky.nativeCrypto";
    /** The PKCS#11 configuration's name; the provider's name is {@code SunPKCS11-} and this. */
    static final String NAME = "MinskyNSS";
    /** The provider's name once installed. */
    public static final String PROVIDER_NAME = "SunPKCS11-" + NAME;

    private static final String[] MECHANISMS = {"CKM_CHACHA20_POLY1305", "CKM_AES_GCM", "CKM_SHA256"};
    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static volatile Status status;

    private SystemCrypto() {
    }

    /**
     * What {@link #install()} did.
     *
     * @param provider the NSS provider, installed first in the JDK's list; empty when not installed
     * @param detail   where NSS was loaded from, or why it was not
     */
    public record Status(Optional<Provider> provider, String detail) {
        public boolean installed() {
            return provider.isPresent();
        }
    }

    /** Installs the NSS provider once per process, if this system has NSS (see the class comment); never throws. */
    public static Status install() {
        Status done = status;
        if (done != null) {
            return done;
        }
        synchronized (SystemCrypto.class) {
            if (status == null) {
                Status loaded = load(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                        libraryDirectories(System.getProperty("os.arch", "")));
                loaded.provider().ifPresent(p -> Security.insertProviderAt(p, 1));
                status = loaded;
            }
            return status;
        }
    }

    /**
     * The NSS provider made from the first of {@code directories} holding NSS, checked but not installed.
     *
     * @param setting the value of {@link #PROPERTY} ({@code false} turns it off), or null
     */
    static Status load(String setting, String osName, List<Path> directories) {
        if ("false".equalsIgnoreCase(setting)) {
            return new Status(Optional.empty(), "turned off (-D" + PROPERTY + "=false)");
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new Status(Optional.empty(), "not Linux");
        }
        Provider pkcs11 = Security.getProvider("SunPKCS11");
        if (pkcs11 == null) {
            return new Status(Optional.empty(), "this Java has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Optional<Path> directory = directories.stream()
                .filter(d -> Files.isRegularFile(d.resolve("libnss3.so")) && Files.isRegularFile(d.resolve("libsoftokn3.so")))
                .findFirst();
        if (directory.isEmpty()) {
            return new Status(Optional.empty(), "no NSS (libnss3.so and libsoftokn3.so) in " + directories);
        }
        Provider nss;
        try {
            nss = pkcs11.configure(configuration(directory.get()));
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            return new Status(Optional.empty(), "NSS in " + directory.get() + " could not be loaded: " + e.getMessage());
        }
        String problem = knownAnswerProblem(nss);
        if (problem != null) {
            return new Status(Optional.empty(), "NSS in " + directory.get() + " not used: " + problem);
        }
        return new Status(Optional.of(nss), "NSS from " + directory.get());
    }

    /** The directories a Linux system keeps NSS in: Debian's multiarch one, then /usr/lib64 and /usr/lib. */
    static List<Path> libraryDirectories(String osArch) {
        List<Path> directories = new ArrayList<>();
        String triplet = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> null;
        };
        if (triplet != null) {
            directories.add(Path.of("/usr/lib", triplet));
        }
        directories.add(Path.of("/usr/lib64"));
        directories.add(Path.of("/usr/lib"));
        return directories;
    }

    /** SunPKCS11's configuration (given inline: "--" then the file's text). */
    static String configuration(Path directory) {
        String quoted = "\"" + directory.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "--name = " + NAME + "\n"
                + "nssLibraryDirectory = " + quoted + "\n"
                + "nssDbMode = noDb\n"
                + "attributes = compatibility\n"
                + "enabledMechanisms = {\n  " + String.join("\n  ", MECHANISMS) + "\n}\n";
    }

    /** Null when the provider's SHA-256 of "abc" is the standard's; otherwise what went wrong. */
    private static String knownAnswerProblem(Provider nss) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256", nss).digest("abc".getBytes(StandardCharsets.US_ASCII));
            String hex = HexFormat.of().formatHex(digest);
            return hex.equals(ABC_SHA256) ? null : "its SHA-256 of \"abc\" is " + hex;
        } catch (NoSuchAlgorithmException | ProviderException e) {
            return "no working SHA-256: " + e.getMessage();
        }
    }
}
