package dev.minsky.sessions.connect;

import static dev.minsky.sessions.connect.Checks.assertContains;
import static dev.minsky.sessions.connect.Checks.assertFailsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing hangs: a server that accepts and then never answers is stopped by the deadline, or at
 * once by cancel(), whether the check is waiting in its own TLS probe or inside the driver's login.
 */
@Timeout(30)
class ConnectionCheckTimingTest {
    @TempDir
    Path home;

    @Test
    void cancelStopsACheckWaitingForTheSslAnswer() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            PostgresUrl url = PostgresUrl.parse("postgresql://someone:secret@127.0.0.1:" + silent.port() + "/db");

            StageResult tls = cancelAfter200ms(url, Stage.TLS);

            assertContains(tls.detail(), "cancelled");
        }
    }

    @Test
    void cancelStopsALoginBlockedInTheDriver() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            // sslmode=disable: no TLS probe, so the first wait is the driver's startup message
            PostgresUrl url = PostgresUrl.parse("postgresql://someone:secret@127.0.0.1:" + silent.port()
                    + "/db?sslmode=disable");

            StageResult auth = cancelAfter200ms(url, Stage.AUTH);

            assertContains(auth.detail(), "cancelled");
        }
    }

    @Test
    void connectTimeoutBoundsTheWholeCheck() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            PostgresUrl url = PostgresUrl.parse("postgresql://someone@127.0.0.1:" + silent.port() + "/db?connect_timeout=1");
            long start = System.nanoTime();

            ConnectionReport report = Checks.run(url, Map.of(), home);

            long millis = (System.nanoTime() - start) / 1_000_000;
            StageResult tls = assertFailsAt(report, Stage.TLS);
            assertContains(tls.detail(), "did not answer the SSL request within 1 s");
            assertContains(tls.fix().orElseThrow(), "connect_timeout");
            assertTrue(millis >= 900 && millis < 2_500, "took " + millis + " ms");
            assertTrue(!report.cancelled());
        }
    }

    @Test
    void connectTimeoutAlsoBoundsTheDriversLogin() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            PostgresUrl url = PostgresUrl.parse("postgresql://someone@127.0.0.1:" + silent.port()
                    + "/db?connect_timeout=1&sslmode=disable");
            long start = System.nanoTime();

            ConnectionReport report = Checks.run(url, Map.of(), home);

            long millis = (System.nanoTime() - start) / 1_000_000;
            StageResult auth = assertFailsAt(report, Stage.AUTH);
            assertContains(auth.detail(), "no answer while logging in to 127.0.0.1:" + silent.port() + " within 1 s");
            assertTrue(millis >= 900 && millis < 2_500, "took " + millis + " ms");
        }
    }

    @Test
    void aCheckCancelledBeforeItRunsEndsAtOnce() {
        ConnectionCheck check = new ConnectionCheck(PostgresUrl.parse("postgresql://x@127.0.0.1:1/db"), Map.of(), home,
                Duration.ofSeconds(5));
        check.cancel();

        ConnectionReport report = check.run();

        assertEquals("cancelled", assertFailsAt(report, Stage.RESOLVE).detail());
        assertTrue(report.cancelled());
        assertContains(report.summary(), "cancelled");
    }

    /** Runs a 10-second check on another thread, cancels it after ~200 ms, and expects it back within two seconds. */
    private StageResult cancelAfter200ms(PostgresUrl url, Stage blockedStage) throws Exception {
        ConnectionCheck check = new ConnectionCheck(url, Map.of(), home, Duration.ofSeconds(10));
        CompletableFuture<ConnectionReport> running = CompletableFuture.supplyAsync(check::run);
        Thread.sleep(200);
        long cancelledAt = System.nanoTime();
        check.cancel();
        ConnectionReport report = running.get(5, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - cancelledAt) / 1_000_000;

        assertTrue(millis < 2_000, "returned " + millis + " ms after cancel");
        assertTrue(report.cancelled(), report::describe);
        assertContains(report.summary(), "cancelled");
        return assertFailsAt(report, blockedStage);
    }
}
