package dev.minsky.sessions.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The socket factory the PostgreSQL driver uses during a connection check, so that
 * {@link ConnectionCheck#cancel()} can close the driver's socket while it is blocked logging in
 * (the driver cannot be interrupted otherwise). The driver creates it by class name with its
 * connection properties, which is why it is public and finds its check through a token property.
 * Not meant for any other use.
 */
public final class CancellableSocketFactory extends SocketFactory {
    /** The connection property naming the check's token (the driver passes unknown properties through). */
    static final String TOKEN_PROPERTY = "minskyConnectionCheck";
    private static final Map<String, Cancellation> CHECKS = new ConcurrentHashMap<>();

    private final Cancellation cancellation;

    /** Called by the driver with the connection's properties. */
    public CancellableSocketFactory(Properties info) {
        this.cancellation = CHECKS.get(info.getProperty(TOKEN_PROPERTY, ""));
    }

    /** Makes a check's cancellation findable by the driver; pass the token as {@link #TOKEN_PROPERTY}. */
    static String enrol(Cancellation cancellation) {
        String token = UUID.randomUUID().toString();
        CHECKS.put(token, cancellation);
        return token;
    }

    static void withdraw(String token) {
        CHECKS.remove(token);
    }

    @Override
    public Socket createSocket() {
        Socket socket = new Socket();
        return cancellation == null ? socket : cancellation.track(socket);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connect(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connect(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /** SocketFactory's four overloads differ only in how they name the two ends. */
    private Socket connect(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
