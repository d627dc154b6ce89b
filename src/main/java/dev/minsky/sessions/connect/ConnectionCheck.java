package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.UserHome;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The staged "Test connection" of SPEC §6.2, for the settings pane and {@code test-connection}:
 * resolve → TCP → TLS → authentication → database → schema → round trip, each with its own
 * result and time, so a failure names the stage and a likely fix instead of one driver message.
 *
 * <p>The whole check is bounded by one deadline (the URL's {@code connect_timeout}, default 10 s)
 * and can be {@linkplain #cancel() cancelled} from another thread. The password comes from the URL,
 * {@code PGPASSWORD} or {@code ~/.pgpass} (env and home are injected, so tests and the GUI decide)
 * and appears in no result, fix or report: see {@link Redactor}.
 *
 * <p>One check runs once; make a new one to check again.
 */
public final class ConnectionCheck {
    private final PostgresUrl url;
    private final Map<String, String> env;
    private final Path home;
    private final Duration timeout;
    private final Cancellation cancellation = new Cancellation();
    private final AtomicBoolean started = new AtomicBoolean();

    private Deadline deadline;
    private Optional<String> password = Optional.empty();
    private String passwordSource = "none";
    private Redactor redactor;
    private String token;
    private NetworkProbe network;
    private List<InetAddress> addresses;
    private NetworkProbe.Connected reached;
    private SqlProbe sql;
    private Outcome databaseFailure;
    private volatile boolean stoppedByCancel;

    /** A check bounded by the URL's connect_timeout (10 s when it has none). */
    public ConnectionCheck(PostgresUrl url, Map<String, String> env, Path home) {
        this(url, env, home, defaultTimeout(url));
    }

    public ConnectionCheck(PostgresUrl url, Map<String, String> env, Path home, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.home = Objects.requireNonNull(home, "home");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
    }

    /** A check that finds the password as libpq would for the current user: real environment, real home folder. */
    public static ConnectionCheck forCurrentUser(PostgresUrl url) {
        return new ConnectionCheck(url, System.getenv(), UserHome.current());
    }

    /** The URL's connect_timeout; libpq reads 0 as "wait forever", which a check must not, so that gives the default. */
    public static Duration defaultTimeout(PostgresUrl url) {
        int seconds = url.connectTimeoutSeconds() > 0 ? url.connectTimeoutSeconds()
                : PostgresUrl.DEFAULT_CONNECT_TIMEOUT_SECONDS;
        return Duration.ofSeconds(seconds);
    }

    public Duration timeout() {
        return timeout;
    }

    public ConnectionReport run() {
        return run(StageListener.NONE);
    }

    /** Runs every stage in order, telling {@code listener} about each as it ends; after a failure the rest are skipped. */
    public ConnectionReport run(StageListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a ConnectionCheck runs once: make a new one to check again");
        }
        deadline = new Deadline(timeout);
        password = url.resolvePassword(env, home);
        passwordSource = url.passwordSource(env, home);
        redactor = new Redactor(password, url);
        network = new NetworkProbe(deadline, cancellation);
        token = CancellableSocketFactory.enrol(cancellation);
        List<StageResult> results = new ArrayList<>();
        Stage failedAt = null;
        try {
            for (Stage stage : Stage.values()) {
                StageResult result;
                if (failedAt != null) {
                    result = StageResult.skipped(stage, failedAt);
                } else {
                    listener.started(stage);
                    result = timed(stage);
                    failedAt = result.isFailed() ? stage : null;
                }
                results.add(result);
                listener.finished(result);
            }
        } finally {
            if (sql != null) {
                sql.close();
            }
            cancellation.closeAll();
            CancellableSocketFactory.withdraw(token);
        }
        return new ConnectionReport(url.display(), results, deadline.elapsedMillis(), stoppedByCancel);
    }

    /**
     * Stops a running check from any thread: closes its sockets and connection so the blocked stage
     * returns at once as FAILED "cancelled". Before {@link #run} it makes the run end at once.
     */
    public void cancel() {
        cancellation.cancel();
    }

    private StageResult timed(Stage stage) {
        long start = System.nanoTime();
        Outcome outcome = attempt(stage);
        if (outcome.status() == StageStatus.FAILED && cancellation.isCancelled()) {
            outcome = cancelled();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new StageResult(stage, outcome.status(), millis, redactor.ownText(outcome.detail()),
                outcome.fix().map(redactor::ownText));
    }

    private Outcome attempt(Stage stage) {
        if (cancellation.isCancelled()) {
            return cancelled();
        }
        if (deadline.passed()) {
            return TimeoutAdvice.timedOut(stage, url, deadline);
        }
        try {
            return perform(stage);
        } catch (StageFailure f) {
            return f.outcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled();
        } catch (Exception e) {
            if (cancellation.isCancelled()) {
                return cancelled();
            }
            if (isTimeout(e)) {
                return TimeoutAdvice.timedOut(stage, url, deadline);
            }
            return Outcome.failed(stage.title() + " failed: " + redactor.message(e),
                    "check the URL (" + url.display() + ") and the server's log");
        }
    }

    private Outcome perform(Stage stage) throws Exception {
        switch (stage) {
            case RESOLVE:
                addresses = network.resolve(url.host());
                List<String> ips = addresses.stream().map(InetAddress::getHostAddress).toList();
                return Outcome.ok(ips.equals(List.of(url.host())) ? url.host() + " (an address: nothing to look up)"
                        : url.host() + " → " + String.join(", ", ips));
            case TCP:
                reached = network.connect(addresses, url.host(), url.port());
                return Outcome.ok(reached.describe());
            case TLS:
                return new TlsProbe(url, env, home, deadline, cancellation).run(reached.address());
            case AUTH:
                return authenticate();
            case DATABASE:
                return databaseFailure != null ? databaseFailure : sql.database();
            case SCHEMA:
                return sql.schema();
            case ROUND_TRIP:
                return sql.roundTrip();
            default:
                throw new IllegalStateException("no probe for " + stage);
        }
    }

    /** Logs in; a missing database is the server's verdict after the password was accepted, so AUTH is OK then. */
    private Outcome authenticate() throws SQLException {
        sql = new SqlProbe(url, password, url.rootCertificate(env, home), deadline, cancellation);
        try {
            sql.login(token);
        } catch (SQLException e) {
            if (cancellation.isCancelled() || isTimeout(e)) {
                throw e;
            }
            LoginFailures.Verdict verdict = LoginFailures.classify(e, url, passwordSource, redactor);
            if (verdict.stage() != Stage.DATABASE) {
                return verdict.outcome();
            }
            databaseFailure = verdict.outcome();
        }
        return Outcome.ok("user '" + url.user() + "' logged in " + (password.isPresent()
                ? "(password from " + passwordSource + ")" : "(no password found; the server asked for none)"));
    }

    private Outcome cancelled() {
        stoppedByCancel = true;
        return Outcome.failed("cancelled", null);
    }

    private boolean isTimeout(Throwable e) {
        if (deadline.passed()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException || t instanceof TimeoutException
                    || m.contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
