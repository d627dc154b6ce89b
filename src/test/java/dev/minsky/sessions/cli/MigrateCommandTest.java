package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.json.JsonValueParser;
import dev.minsky.sessions.store.sql.SqlStores;
import dev.minsky.sessions.domain.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}, {@code verify} and {@code restore} as users type them, against real files. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private CliRun cli(String... args) {
        return CliRun.run(Map.of(), home(), args);
    }

    static Path jsonWith(Path file, List<SessionRecord> records) {
        try (JsonFileStore store = new JsonFileStore(file)) {
            store.writeBatch(records);
        }
        return file;
    }

    @Test
    void migratesTheMessyFixtureReportingItsThreeInvalidRecords() throws Exception {
        Path source = CliRun.copyFixture("messy-1000-with-3-invalid.json", dir);
        byte[] before = Files.readAllBytes(source);
        Path target = dir.resolve("out/sessions.db");
        Path report = dir.resolve("report.json");
        CliRun run = cli("migrate", "--from", "json:" + source, "--to", "sqlite:" + target, "--report", report.toString());
        assertEquals(Cli.FAILED, run.status(), run.err());
        assertTrue(run.out().contains("1003 record(s) in the source: 1000 new"), run.out());
        assertTrue(run.out().contains("Invalid records"), run.out());
        assertTrue(run.out().contains("invalid-date-0"), run.out());
        assertTrue(run.out().contains("createdAt"), run.out());
        assertTrue(run.out().contains("(equal)"), "digests of the 1,000 valid records match: " + run.out());
        assertTrue(run.out().contains("3 invalid record(s) were skipped"), run.out());
        assertTrue(run.err().contains("copying: 1003 record(s)"), "plain progress lines when not a terminal: " + run.err());
        assertTrue(run.out().contains("Backup:  "), run.out());
        assertTrue(Files.isDirectory(home().resolve(".local/state/minsky-session-manager/backups")));
        assertEquals(List.of(), List.of(before.length - Files.readAllBytes(source).length).stream().filter(d -> d != 0).toList(),
                "the source is only read");
        JsonValue.JsonObject json = (JsonValue.JsonObject) JsonValueParser.tryParse(Files.readString(report)).orElseThrow();
        assertEquals(JsonValue.of(1), json.get("exitStatus"));
        assertEquals(3, ((JsonValue.JsonArray) json.get("invalid")).elements().size());
        try (SessionStore sqlite = SqlStores.openSqlite(target)) {
            assertEquals(1000, sqlite.count(SessionQuery.all()));
        }
        CliRun again = cli("migrate", "--from", "json:" + source, "--to", "sqlite:" + target, "--format", "json",
                "--no-backup");
        assertEquals(Cli.FAILED, again.status(), "still 3 invalid");
        assertTrue(again.out().contains("\"alreadyPresent\": 1000"), again.out());
        assertTrue(again.out().contains("\"committed\": 0"), again.out());
    }

    @Test
    void verifyCommandComparesTwoStores() {
        Path a = jsonWith(dir.resolve("a.json"), List.of(TestRecords.rich("r1"), TestRecords.minimal("r2")));
        Path b = jsonWith(dir.resolve("b.json"), List.of(TestRecords.rich("r1"), TestRecords.minimal("r2"),
                TestRecords.minimal("r3")));
        CliRun same = cli("verify", "--from", "json:" + a, "--to", "json:" + b);
        assertEquals(Cli.OK, same.status(), same.out() + same.err());
        assertTrue(same.out().contains("2 compared: 2 identical, 0 different, 0 missing; 1 only in the target"), same.out());
        CliRun reverse = cli("verify", "--from", "json:" + b, "--to", "json:" + a, "--format", "json");
        assertEquals(Cli.FAILED, reverse.status());
        assertTrue(reverse.out().contains("\"session\": \"r3\"") && reverse.out().contains("\"outcome\": \"missing\""),
                reverse.out());
    }

    @Test
    void wrongUsageExitsTwo() {
        Path a = jsonWith(dir.resolve("a.json"), List.of(TestRecords.minimal("r1")));
        CliRun same = cli("migrate", "--from", "json:" + a, "--to", "json:" + a);
        assertEquals(Cli.USAGE, same.status());
        assertTrue(same.err().contains("--from and --to are the same store"), same.err());
        CliRun policy = cli("migrate", "--from", "json:" + a, "--to", "sqlite:" + dir.resolve("t.db"), "--on-conflict", "merge");
        assertEquals(Cli.USAGE, policy.status());
        assertTrue(policy.err().contains("'merge' is not a conflict policy"), policy.err());
        CliRun both = cli("migrate", "--from", "json:" + a, "--to", "sqlite:" + dir.resolve("t.db"), "--no-backup",
                "--backup", dir.toString());
        assertEquals(Cli.USAGE, both.status());
        CliRun batch = cli("migrate", "--from", "json:" + a, "--to", "sqlite:" + dir.resolve("t.db"), "--batch-size", "0");
        assertEquals(Cli.USAGE, batch.status());
        assertFalse(Files.exists(dir.resolve("t.db")), "nothing was created by a wrong command");
    }

    @Test
    void anUnreachableTargetExitsThreeWritingNothing() {
        Path a = jsonWith(dir.resolve("a.json"), List.of(TestRecords.minimal("r1")));
        CliRun run = cli("migrate", "--from", "json:" + a, "--to", "postgresql://u:pw-xyz@127.0.0.1:1/db?connect_timeout=2");
        assertEquals(Cli.UNAVAILABLE, run.status(), run.err());
        assertFalse(run.err().contains("pw-xyz"));
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void restoreRollsTheTargetBackToItsBackup() throws Exception {
        Path target = dir.resolve("t.db");
        try (SessionStore sqlite = SqlStores.openSqlite(target)) {
            sqlite.writeBatch(List.of(TestRecords.withTask("before-1", "md#1"), TestRecords.rich("before-2")));
        }
        Path source = jsonWith(dir.resolve("a.json"), List.of(TestRecords.minimal("new-1"), TestRecords.minimal("new-2")));
        Path backups = dir.resolve("backups");
        CliRun migrate = cli("migrate", "--from", "json:" + source, "--to", "sqlite:" + target, "--backup", backups.toString());
        assertEquals(Cli.OK, migrate.status(), migrate.out() + migrate.err());
        Path backup;
        try (var files = Files.list(backups)) {
            backup = files.findFirst().orElseThrow();
        }
        assertTrue(migrate.out().contains("minsky-sessions restore '" + backup + "' --to 'sqlite:" + target + "'"),
                migrate.out());

        CliRun refused = CliRun.runWithInput("", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + target);
        assertEquals(Cli.FAILED, refused.status());
        assertTrue(refused.err().contains("use --yes"), refused.err());
        try (SessionStore sqlite = SqlStores.openSqlite(target)) {
            assertEquals(4, sqlite.count(SessionQuery.all()), "unchanged without a yes");
        }
        CliRun no = CliRun.runWithInput("n\n", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + target);
        assertEquals(Cli.FAILED, no.status());
        CliRun yes = CliRun.runWithInput("y\n", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + target);
        assertEquals(Cli.OK, yes.status(), yes.err());
        assertTrue(yes.err().contains("Replace all 4 session(s) in sqlite:" + target + " with the 2 of"), yes.err());
        assertTrue(yes.out().contains("it now holds 2 session(s)"), yes.out());
        try (SessionStore sqlite = SqlStores.openSqlite(target)) {
            List<String> names = new ArrayList<>(sqlite.list(SessionQuery.all()).stream().map(SessionRecord::session).toList());
            assertEquals(List.of("before-1", "before-2"), names);
            assertEquals(TestRecords.rich("before-2"), sqlite.get("before-2").orElseThrow());
        }
    }
}
