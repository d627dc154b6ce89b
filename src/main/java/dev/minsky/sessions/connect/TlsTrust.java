package dev.minsky.sessions.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificates the TLS stage trusts, following libpq: {@code prefer} and {@code require}
 * encrypt without checking the certificate; {@code verify-ca} and {@code verify-full} check it
 * against the root certificate file, found where libpq looks ({@link
 * dev.minsky.sessions.store.PostgresUrl#rootCertificate}), and fail plainly when it is missing
 * instead of silently trusting the JDK's default CAs.
 */
final class TlsTrust {
    private TlsTrust() {
    }

    static boolean verifies(String sslMode) {
        return sslMode.startsWith("verify-");
    }

    /** A context that checks the server's certificate chain against the certificates in {@code rootFile}. */
    static SSLContext verifyingAgainst(Path rootFile, String sslMode) throws StageFailure {
        if (!Files.isRegularFile(rootFile)) {
            throw new StageFailure("root certificate file " + rootFile + " does not exist; sslmode=" + sslMode
                    + " needs it to check the server's certificate",
                    "put the CA certificate that signed the server's certificate in " + rootFile
                            + " (or point PGSSLROOTCERT or sslrootcert at it), or use sslmode=require to encrypt"
                            + " without verifying");
        }
        try (InputStream in = Files.newInputStream(rootFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new StageFailure("root certificate file " + rootFile + " holds no certificate",
                        "put the CA certificate (PEM) in " + rootFile);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("root-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new StageFailure("cannot read root certificate file " + rootFile + ": " + e.getMessage(),
                    "check that " + rootFile + " is a readable PEM file with the CA certificate");
        }
    }

    /** A context that encrypts but believes any certificate: what {@code prefer} and {@code require} mean in libpq. */
    static SSLContext trustingAnyCertificate() throws StageFailure {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new StageFailure("TLS is not available in this Java runtime: " + e.getMessage(),
                    "use a Java runtime with the java.base TLS providers");
        }
    }

    /** Encryption without authentication, deliberately, as libpq's {@code require} does. */
    private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
