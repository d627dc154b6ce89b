package dev.minsky.sessions.connect;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The network stages: does the host name resolve, and does the port accept a TCP connection. Kept
 * apart from the PostgreSQL protocol so that "wrong host", "nothing listening" and "firewall
 * silently drops packets" are told apart before any database talk.
 */
final class NetworkProbe {
    private final Deadline deadline;
    private final Cancellation cancellation;

    NetworkProbe(Deadline deadline, Cancellation cancellation) {
        this.deadline = deadline;
        this.cancellation = cancellation;
    }

    /**
     * All addresses of {@code host}, like libpq, which tries them in turn. The lookup runs on its
     * own daemon thread because {@link InetAddress#getAllByName} cannot be interrupted or timed
     * out; waiting for it can, and a lookup left behind ends by itself.
     */
    List<InetAddress> resolve(String host) throws StageFailure, InterruptedException, TimeoutException {
        if (host.startsWith("/")) {
            throw new StageFailure("'" + host + "' is a Unix-domain socket folder; the app connects over TCP only",
                    "use host=localhost (or the server's name) and make sure PostgreSQL listens on TCP");
        }
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        }, "minsky-resolve-" + host);
        worker.setDaemon(true);
        worker.start();
        Closeable stop = () -> lookup.cancel(false);
        cancellation.track(stop);
        try {
            return List.of(lookup.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS));
        } catch (CancellationException e) {
            throw new StageFailure("cancelled", null);
        } catch (ExecutionException e) {
            throw new StageFailure("cannot resolve host '" + host + "' (unknown host)",
                    "check the host name in the URL (a typo? is a VPN or DNS entry needed to reach it?)");
        } finally {
            cancellation.release(stop);
        }
    }

    /**
     * Connects to each address in turn until one accepts, and closes again at once: this stage only
     * proves that something listens. Returns the address that answered, for the TLS stage.
     */
    Connected connect(List<InetAddress> addresses, String host, int port) throws StageFailure, IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            Socket socket = cancellation.track(new Socket());
            long start = System.nanoTime();
            try {
                socket.connect(target, deadline.socketTimeoutMillis());
                return new Connected(target, (System.nanoTime() - start) / 1_000_000.0);
            } catch (IOException e) {
                last = e;
                if (cancellation.isCancelled() || deadline.passed()) {
                    break;
                }
            } finally {
                cancellation.release(socket);
            }
        }
        throw failure(last, host, port);
    }

    private StageFailure failure(IOException e, String host, int port) throws IOException {
        String where = host + ":" + port;
        String listening = "is PostgreSQL running and listening on " + where
                + "? check listen_addresses and port in postgresql.conf, and the firewall";
        if (e instanceof SocketTimeoutException || deadline.passed()) {
            return new StageFailure("no answer from " + where + " within " + deadline.budgetText(),
                    "the host may be down, or a firewall silently drops the packets; " + listening
                            + " (or raise connect_timeout)");
        }
        if (e instanceof ConnectException) {
            return new StageFailure("connection refused by " + where + " (nothing is listening there)", listening);
        }
        if (e instanceof NoRouteToHostException) {
            return new StageFailure("no route to " + where, "check the network connection, VPN and the host address");
        }
        throw e;
    }

    /** Where the TCP stage got through, and how long the connect took. */
    record Connected(InetSocketAddress address, double latencyMillis) {
        String describe() {
            String ip = address.getAddress().getHostAddress();
            String hostPort = ip.contains(":") ? "[" + ip + "]:" + address.getPort() : ip + ":" + address.getPort();
            return String.format(Locale.ROOT, "%s accepts connections (connect %.1f ms)", hostPort, latencyMillis);
        }
    }
}
