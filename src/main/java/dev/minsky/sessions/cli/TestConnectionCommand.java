package dev.minsky.sessions.cli;

import dev.minsky.sessions.connect.ConnectionCheck;
import dev.minsky.sessions.connect.ConnectionReport;
import dev.minsky.sessions.connect.StageResult;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code test-connection}: the staged check of a PostgreSQL server (SPEC §6.2), one line per stage
 * as it completes; for a JSON file or SQLite database, whether it opens and how many sessions it holds.
 */
@Command(name = "test-connection", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check that a store can be reached (PostgreSQL: stage by stage).",
                "PostgreSQL stages: host resolves, TCP connect, TLS, authentication, database, sessions table and "
                        + "schema, round trip.",
                "Exit status 0 when it can be used, 3 when not (the failed stage says why and what to try)."})
final class TestConnectionCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--store", paramLabel = "LOC", description = StoreOption.DESCRIPTION)
    String store;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up after this long (default: the URL's connect_timeout, else 10).")
    Integer timeoutSeconds;

    TestConnectionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        StoreLocation location = ctx.config(store).activeLocation();
        if (location instanceof StoreLocation.Postgres pg) {
            return checkPostgres(PostgresUrl.parse(pg.url()));
        }
        long start = System.nanoTime();
        try (SessionStore opened = ctx.openStore(store)) {
            long count = opened.count(SessionQuery.all());
            line(String.format("%-10s %-8s %6d ms  %s: %d sessions", "OPEN", "OK", (System.nanoTime() - start) / 1_000_000,
                    location.display(), count));
        }
        return Cli.OK;
    }

    private int checkPostgres(PostgresUrl url) throws IOException {
        Duration timeout = timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : ConnectionCheck.defaultTimeout(url);
        ConnectionCheck check = new ConnectionCheck(url, ctx.env(), ctx.home(), timeout);
        line("Checking " + url.display() + " (time limit " + timeout.toSeconds() + " s)");
        ConnectionReport report = check.run(this::stage);
        line(report.summary());
        return report.ok() ? Cli.OK : Cli.UNAVAILABLE;
    }

    private void stage(StageResult result) {
        line(result.describe());
        result.fix().filter(f -> !f.isBlank()).ifPresent(f -> line("           fix: " + f));
    }

    /** Stage lines are results: stdout, flushed as each stage completes. */
    private void line(String text) {
        try {
            Writer out = ctx.out();
            out.write(text);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
