package dev.minsky.sessions.store.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.postgresql.ssl.LibPQFactory;
import org.postgresql.util.PSQLException;

/**
 * The PostgreSQL driver's own TLS socket factory ({@link LibPQFactory}: libpq's sslmode and
 * certificate rules, unchanged), offering the server ChaCha20-Poly1305 cipher suites only.
 *
 * <p>Why: the app runs on the client compiler only (ADR 8), which has no intrinsics for AES-GCM, so
 * the JDK encrypts it in plain Java: 40 MB took 0.9 s of CPU on these machines, against 0.2 s with
 * ChaCha20-Poly1305, and a 100,000-record migration to PostgreSQL sends and re-reads about 80 MB.
 * The server picks the suite (PostgreSQL prefers its own order, AES-GCM first), so offering ChaCha20
 * first is not enough: it must be all that is offered. Both are AEAD suites of TLS 1.3 (and 1.2)
 * with 256-bit keys; nothing weaker is ever offered.
 *
 * <p>A server that has no ChaCha20 suite (OpenSSL in FIPS mode, a cipher list that leaves it out)
 * refuses the handshake: {@link SqlStores} then connects again with the driver's defaults
 * ({@link #refusedBy}). A JDK without ChaCha20 gets no restriction at all.
 */
public final class ChaChaTlsFactory extends LibPQFactory {
    /** The driver property naming this factory, and its value. */
    static final String FACTORY_PROPERTY = "sslfactory";
    /** Our own driver property: the suites to offer, comma-separated, instead of {@link #CHACHA} (for tests). */
    static final String SUITES_PROPERTY = "minsky.tlsCipherSuites";

    static final List<String> CHACHA = List.of(
            "TLS_CHACHA20_POLY1305_SHA256",                  // TLS 1.3
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", // TLS 1.2
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final String[] suites;

    /** Called by the driver with the connection's properties. */
    public ChaChaTlsFactory(Properties info) throws PSQLException {
        super(info);
        String asked = info.getProperty(SUITES_PROPERTY);
        List<String> wanted = asked == null || asked.isBlank() ? CHACHA : List.of(asked.split(","));
        Set<String> supported = Set.of(factory.getSupportedCipherSuites());
        this.suites = wanted.stream().map(String::trim).filter(supported::contains).toArray(String[]::new);
    }

    /** The suites this factory offers (all of the JDK's defaults when it has none of those asked for). */
    String[] offered() {
        return suites.length > 0 ? suites.clone() : factory.getDefaultCipherSuites();
    }

    /** Whether opening a connection failed in the TLS handshake (the server may have refused our suites). */
    static boolean refusedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return restrict(super.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return restrict(super.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return restrict(super.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return restrict(super.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        return restrict(super.createSocket(host, port, localHost, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return offered();
    }

    private Socket restrict(Socket socket) {
        if (socket instanceof SSLSocket tls && suites.length > 0) {
            tls.setEnabledCipherSuites(Arrays.copyOf(suites, suites.length));
        }
        return socket;
    }
}
