package dev.minsky.sessions.cli;

import static dev.minsky.sessions.testsupport.TestData.sha256;
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
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(source), "the source is only read");
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
        CliRun sameFile = cli("migrate", "--from", "json:" + a, "--to", "sqlite:" + a);
        assertEquals(Cli.USAGE, sameFile.status(), "one file read as JSON and as SQLite is one store: " + sameFile.err());
        CliRun sameDatabase = cli("migrate", "--from", "postgresql://alice@db.example:5432/minsky",
                "--to", "postgresql://bob@DB.example:5432/minsky?sslmode=require");
        assertEquals(Cli.USAGE, sameDatabase.status(), "one database under two users is one store: " + sameDatabase.err());
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
        Path backup = backupNamed(migrate.out(), "Backup:  ");
        Path sourceCopy = backupNamed(migrate.out(), "Source:  copied to ");
        assertEquals(List.of(backup, sourceCopy).stream().map(Path::getFileName).sorted().toList(),
                listing(backups).stream().map(Path::of).toList(), "the target's backup and a copy of the JSON source");
        assertEquals(sha256(source), sha256(sourceCopy));
        assertTrue(migrate.out().contains("minsky-sessions restore '" + backup + "' --to 'sqlite:" + target + "'"),
                migrate.out());

        CliRun refused = CliRun.runWithInput("", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + target);
        assertEquals(Cli.FAILED, refused.status());
        assertTrue(refused.err().contains("use --yes"), refused.err());
        try (SessionStore sqlite = SqlStores.openSqlite(target)) {
            assertEquals(4, sqlite.count(SessionQuery.all()), "unchanged without a yes");
        }
        String before = sha256(target);
        CliRun no = CliRun.runWithInput("n\n", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + target);
        assertEquals(Cli.FAILED, no.status());
        assertEquals(before, sha256(target), "a no leaves the file as it was");
        Path missing = dir.resolve("not-yet.db");
        CliRun noToNew = CliRun.runWithInput("n\n", Map.of(), home(), "restore", backup.toString(), "--to", "sqlite:" + missing);
        assertEquals(Cli.FAILED, noToNew.status(), noToNew.err());
        assertFalse(Files.exists(missing), "a no creates no database");
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

    /** The file a report line starting with {@code prefix} names. */
    private static Path backupNamed(String report, String prefix) {
        String line = report.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line '" + prefix + "' in " + report));
        String rest = line.substring(prefix.length()).trim();
        int space = rest.indexOf(' ');
        return Path.of(space < 0 ? rest : rest.substring(0, space));
    }

    private static List<String> listing(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDryRunWritesNothingAnywhere() throws Exception {
        Path source = CliRun.copyFixture("messy-1000-with-3-invalid.json", dir);
        Path existing = dir.resolve("existing.db");
        try (SessionStore sqlite = SqlStores.openSqlite(existing)) {
            sqlite.writeBatch(List.of(TestRecords.minimal("held")));
        }
        String sourceHash = sha256(source);
        String existingHash = sha256(existing);
        List<String> before = listing(dir);

        CliRun fresh = cli("migrate", "--from", "json:" + source, "--to", "sqlite:" + dir.resolve("new/sessions.db"),
                "--dry-run");
        assertEquals(Cli.FAILED, fresh.status(), "a real run would skip 3 invalid records: " + fresh.out());
        assertTrue(fresh.out().startsWith("Dry run (nothing was written)"), fresh.out());
        assertTrue(fresh.out().contains("1000 new, 0 already present, 0 conflicting, 3 invalid"), fresh.out());
        assertTrue(fresh.out().contains("Would write 1000 record(s)"), fresh.out());
        CliRun onExisting = cli("migrate", "--from", "json:" + source, "--to", "sqlite:" + existing, "--dry-run",
                "--format", "json");
        assertTrue(onExisting.out().contains("\"targetHeld\": 1"), onExisting.out());

        assertEquals(sourceHash, sha256(source));
        assertEquals(existingHash, sha256(existing));
        assertEquals(before, listing(dir), "no file, folder, lock or journal was created");
        assertFalse(Files.exists(home().resolve(".local")), "no backup folder either");
    }

    @Test
    void aDryRunIntoPostgresCreatesNoTable() throws Exception {
        var url = dev.minsky.sessions.testsupport.TestPostgres.newDatabase("dryrun");
        Path source = jsonWith(dir.resolve("a.json"), List.of(TestRecords.rich("r1")));
        Map<String, String> env = Map.of("PGPASSWORD", url.password().orElse(""));
        CliRun run = CliRun.run(env, home(), "migrate", "--from", "json:" + source, "--to",
                url.withPassword(null).toUrl(), "--dry-run");
        assertEquals(Cli.OK, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("1 new"), run.out());
        try (var c = dev.minsky.sessions.testsupport.TestPostgres.connect(url); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no table, not even db_migration");
        }
    }

    @Test
    void aPostgresTargetIsBackedUpAsJsonAndRestoredExactly() throws Exception {
        var url = dev.minsky.sessions.testsupport.TestPostgres.newDatabase("pgbackup");
        List<SessionRecord> held = List.of(TestRecords.rich("held-1"), TestRecords.withTask("held-2", "md#2"));
        try (SessionStore pg = SqlStores.openPostgres(url, Map.of(), home())) {
            pg.writeBatch(held);
        }
        Path source = jsonWith(dir.resolve("a.json"), List.of(TestRecords.minimal("new-1"),
                TestRecords.withTask("held-2", "md#99")));
        Map<String, String> env = Map.of("PGPASSWORD", url.password().orElse(""));
        String target = url.withPassword(null).toUrl();
        Path backups = dir.resolve("backups");
        CliRun migrate = CliRun.run(env, home(), "migrate", "--from", "json:" + source, "--to", target,
                "--on-conflict", "overwrite", "--backup", backups.toString());
        assertEquals(Cli.OK, migrate.status(), migrate.out() + migrate.err());
        Path backup = backupNamed(migrate.out(), "Backup:  ");
        assertTrue(backup.getFileName().toString().endsWith(".backup.json"), backup.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(backup)));
        try (SessionStore pg = SqlStores.openPostgres(url, Map.of(), home())) {
            assertEquals("md#99", pg.get("held-2").orElseThrow().taskId());
        }
        CliRun restore = CliRun.run(env, home(), "restore", backup.toString(), "--to", target, "--yes");
        assertEquals(Cli.OK, restore.status(), restore.out() + restore.err());
        try (SessionStore pg = SqlStores.openPostgres(url, Map.of(), home())) {
            assertEquals(2, pg.count(SessionQuery.all()));
            for (SessionRecord r : held) {
                assertEquals(r, pg.get(r.session()).orElseThrow(), "restored exactly: " + r.session());
            }
        }
    }
}
