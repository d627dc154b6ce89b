package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.sql.SqlStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration process killed with SIGKILL in the middle of its copy leaves the target with whole
 * batches only, and running the same migration again completes it with a clean verification.
 */
class MigrationCrashTest {
    private static final int RECORDS = 40_000;
    private static final int BATCH = 100;

    @TempDir
    Path dir;

    @Test
    void aMigrationKilledMidCopyLeavesWholeBatchesAndARerunCompletesIt() throws Exception {
        List<SessionRecord> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            records.add(TestRecords.rich(String.format("crash-%06d", i)));
        }
        Path source = MigrateCommandTest.jsonWith(dir.resolve("source.json"), records);
        Path target = dir.resolve("target.db");
        try (SessionStore created = SqlStores.openSqlite(target)) {
            assertEquals(0, created.count(SessionQuery.all())); // schema in place, so the poll below can count
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-cp", System.getProperty("java.class.path"), "dev.minsky.sessions.Launcher",
                "migrate", "--from", "json:" + source, "--to", "sqlite:" + target, "--no-backup",
                "--batch-size", String.valueOf(BATCH))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("HOME", dir.toString()); // the app, like Minsky and libpq, prefers $HOME to user.home
        Process child = pb.start();
        long rows = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            rows = count(target);
            if (rows >= 10 * BATCH) {
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed (" + rows + " rows); raise RECORDS");
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        long afterKill = count(target);
        assertTrue(afterKill > 0 && afterKill < RECORDS, "killed mid-copy: " + afterKill + " rows");
        assertEquals(0, afterKill % BATCH, "only whole batches were committed: " + afterKill);

        CliRun rerun = CliRun.run(Map.of(), dir, "migrate", "--from", "json:" + source, "--to", "sqlite:" + target,
                "--no-backup", "--batch-size", String.valueOf(BATCH));
        assertEquals(Cli.OK, rerun.status(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains(afterKill + " already present"), rerun.out());
        assertTrue(rerun.out().contains(RECORDS + " compared: " + RECORDS + " identical"), rerun.out());
        assertEquals(RECORDS, count(target));
    }

    private static long count(Path sqlite) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sessions")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
