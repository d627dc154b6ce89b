package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The TLS stage, done by hand on a fresh socket so it can say exactly what happened (the driver
 * only says "the connection attempt failed"): send PostgreSQL's SSLRequest, read the one-byte
 * answer ('S' or 'N'), and if TLS is on offer and wanted, do the handshake and report protocol
 * and cipher. The decision follows libpq's sslmode semantics, see {@link #run}.
 */
final class TlsProbe {
    /** SSLRequest: length 8, then the magic code 1234.5679 (80877103). */
    private static final int SSL_REQUEST_CODE = 80877103;

    private final PostgresUrl url;
    private final Map<String, String> env;
    private final Path home;
    private final Deadline deadline;
    private final Cancellation cancellation;
    private List<Certificate> peerCertificates = List.of();

    TlsProbe(PostgresUrl url, Map<String, String> env, Path home, Deadline deadline, Cancellation cancellation) {
        this.url = url;
        this.env = env;
        this.home = home;
        this.deadline = deadline;
        this.cancellation = cancellation;
    }

    /**
     * libpq's meaning of sslmode: {@code disable} never asks; {@code allow} starts without TLS (and
     * would only use it if the server insisted); {@code prefer} uses TLS when offered; {@code require}
     * insists on TLS but trusts any certificate; {@code verify-ca} also checks the certificate chain;
     * {@code verify-full} also checks that the certificate names the host.
     */
    Outcome run(InetSocketAddress address) throws StageFailure, IOException {
        String mode = url.sslMode();
        if (mode.equals("disable")) {
            return Outcome.ok("off (sslmode=disable)");
        }
        Socket socket = cancellation.track(new Socket());
        try {
            socket.connect(address, deadline.socketTimeoutMillis());
            socket.setSoTimeout(deadline.socketTimeoutMillis());
            int answer = askForSsl(socket);
            if (answer == 'N') {
                if (mode.equals("allow") || mode.equals("prefer")) {
                    return Outcome.ok("off (the server does not offer SSL; sslmode=" + mode + " goes on without)");
                }
                throw new StageFailure("the server does not accept SSL, but sslmode=" + mode + " requires it",
                        "use sslmode=prefer (or disable), or enable ssl on the server (ssl = on in postgresql.conf)");
            }
            if (answer != 'S') {
                throw new StageFailure(answer < 0 ? "the server closed the connection when asked for SSL"
                        : "unexpected answer to the SSL request (" + answer + ")",
                        "is " + url.host() + ":" + url.port() + " a PostgreSQL server? check the port");
            }
            if (mode.equals("allow")) {
                return Outcome.ok("off (sslmode=allow starts without TLS; the server also offers it)");
            }
            return handshake(socket, mode);
        } finally {
            cancellation.release(socket);
        }
    }

    /** The certificates the server showed in the last handshake (for tests that want its certificate). */
    List<Certificate> peerCertificates() {
        return peerCertificates;
    }

    private static int askForSsl(Socket socket) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(8);
        out.writeInt(SSL_REQUEST_CODE);
        out.flush();
        InputStream in = socket.getInputStream();
        return in.read();
    }

    private Outcome handshake(Socket plain, String mode) throws StageFailure, IOException {
        boolean verify = TlsTrust.verifies(mode);
        Path root = url.rootCertificate(env, home);
        SSLContext context = verify ? TlsTrust.verifyingAgainst(root, mode) : TlsTrust.trustingAnyCertificate();
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, url.host(), plain.getPort(), true);
        cancellation.track(tls);
        try {
            if (mode.equals("verify-full")) {
                SSLParameters params = tls.getSSLParameters();
                // the same rule libpq applies: the host must match a subjectAltName (or the CN if there is none)
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
            }
            tls.setSoTimeout(deadline.socketTimeoutMillis());
            tls.startHandshake();
            SSLSession session = tls.getSession();
            peerCertificates = List.of(session.getPeerCertificates());
            String verified = switch (mode) {
                case "verify-full" -> "certificate verified for host " + url.host() + " against " + root;
                case "verify-ca" -> "certificate chain verified against " + root + " (host name not checked)";
                default -> "certificate not verified (sslmode=" + mode + ")";
            };
            return Outcome.ok("on: " + session.getProtocol() + " " + session.getCipherSuite() + ", " + verified);
        } catch (SSLException e) {
            if (cancellation.isCancelled() || e.getCause() instanceof SocketTimeoutException) {
                throw e;
            }
            return handshakeFailed(e, mode, root);
        } finally {
            cancellation.release(tls);
        }
    }

    private Outcome handshakeFailed(SSLException e, String mode, Path root) throws StageFailure {
        if (mode.equals("prefer")) {
            return Outcome.warning("TLS handshake failed (" + e.getMessage() + "); sslmode=prefer goes on without TLS",
                    "check the server's SSL settings (certificate, ssl_min_protocol_version)");
        }
        if (TlsTrust.verifies(mode) && causedBy(e, CertPathValidatorException.class, CertPathBuilderException.class)) {
            throw new StageFailure("the server's certificate cannot be verified against " + root,
                    "put the CA certificate that signed the server's certificate in " + root
                            + ", or use sslmode=require to encrypt without verifying");
        }
        if (mode.equals("verify-full") && causedBy(e, CertificateException.class)) {
            throw new StageFailure("the server's certificate does not name host " + url.host() + " ("
                    + rootMessage(e) + ")",
                    "connect with a host name the certificate names, or use sslmode=verify-ca to check only the chain");
        }
        throw new StageFailure("TLS handshake failed: " + rootMessage(e),
                "check the server's SSL settings (certificate, ssl_min_protocol_version) and the sslmode");
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
