package dev.minsky.sessions.store.sql;

import static dev.minsky.sessions.testsupport.TestData.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.ReadOnlyStoreException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SessionStoreContract;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against a real PostgreSQL server (CI's cluster, or an embedded one); never skipped. */
class PostgresStoreTest implements SessionStoreContract {

    static SessionStore open(PostgresUrl url) {
        return SqlStores.openPostgres(url, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    static SessionStore openReadOnly(PostgresUrl url) {
        return SqlStores.openPostgresReadOnly(url, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public SessionStore newStore() {
        return open(TestPostgres.newDatabase("contract"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return open(url(store));
    }

    @Override
    public SessionStore openReadOnly(SessionStore store) {
        return openReadOnly(url(store));
    }

    @Override
    public void breakStorage(SessionStore store) {
        TestPostgres.execute(url(store), "DROP TABLE sessions");
    }

    /** The store's URL with the test password (the store itself never hands it out). */
    static PostgresUrl url(SessionStore store) {
        PostgresUrl shown = PostgresUrl.parse(((StoreLocation.Postgres) store.location()).url());
        return shown.withPassword(TestPostgres.server().password().orElse(null));
    }

    private static List<String> tables(PostgresUrl url) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                     + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void readOnlyOfAnEmptyDatabaseIsAnEmptyStoreAndCreatesNoTable(@TempDir Path tmp) throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("readonly_empty");
        try (SessionStore ro = openReadOnly(url)) {
            assertFalse(ro.writable());
            assertEquals(0, ro.count(SessionQuery.all()));
            assertEquals(List.of(), all(ro));
            assertTrue(ro.get("x").isEmpty());
            assertEquals(List.of(), ro.writeProblems(TestRecords.rich("x")));
            var tooLong = ro.writeProblems(TestRecords.withTask("x", "#" + "1".repeat(120)));
            assertEquals(List.of(SessionField.TASK_ID), tooLong.stream().map(p -> p.field()).toList());
            assertTrue(tooLong.get(0).reason().contains("100"), "task_id of the table our migration creates: "
                    + tooLong.get(0).reason());
            assertThrows(ReadOnlyStoreException.class, () -> ro.create(TestRecords.minimal("x")));
            assertEquals("[]\n", Files.readString(ro.backup(tmp)));
        }
        assertEquals(List.of(), tables(url), "no sessions table, no db_migration");
    }

    @Test
    void minskys2026DatabaseReadReadOnlyGivesTheRecordsANormalOpenGivesAndStaysUntouched() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("readonly_minsky2026");
        TestPostgres.execute(url, "CREATE SCHEMA drizzle");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-schema.sql");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-sessions.data.sql");
        List<String> tablesBefore = tables(url);
        List<String> columnsBefore = columns(url);
        List<SessionRecord> readOnly;
        try (SessionStore ro = openReadOnly(url)) {
            readOnly = all(ro);
            assertEquals(20, readOnly.size());
            assertEquals(20, ro.getAll(readOnly.stream().map(SessionRecord::session).toList()).size());
            assertEquals(List.of(), ro.writeProblems(TestRecords.rich("new")), "extra_fields would be added by 1.1");
        }
        assertEquals(tablesBefore, tables(url));
        assertEquals(columnsBefore, columns(url), "no column added");
        try (SessionStore store = open(url)) {
            assertEquals(all(store), readOnly);
        }
    }

    @Test
    void readOnlyOfAnUnreachableServerOrANewerSchemaIsAnError() throws Exception {
        PostgresUrl nowhere = PostgresUrl.parse("postgresql://nobody:secret-pw@127.0.0.1:1/none?connect_timeout=2&sslmode=disable");
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> openReadOnly(nowhere).close());
        assertFalse(e.getMessage().contains("secret-pw"), e.getMessage());
        PostgresUrl url = TestPostgres.newDatabase("readonly_newer");
        open(url).close();
        TestPostgres.execute(url, "UPDATE db_migration SET mversion = '9.0' WHERE mversion = '1.1'");
        StoreUnavailableException newer = assertThrows(StoreUnavailableException.class, () -> openReadOnly(url).close());
        assertTrue(newer.getMessage().contains("schema version 9.0"), newer.getMessage());
    }

    /** A bulk load or a restore leaves the table with statistics, so batch lookups right after it use the index. */
    @Test
    void aBulkLoadRefreshesTheTablesStatistics() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("analyze");
        try (SessionStore store = open(url)) {
            // so that only the store's own ANALYZE can have made the statistics looked at below
            TestPostgres.execute(url, "ALTER TABLE sessions SET (autovacuum_enabled = false)");
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                records.add(TestRecords.withTask(String.format("bulk%05d", i), "#" + i));
            }
            store.writeBatch(records.subList(0, 2_000));
            store.writeBatch(records.subList(2_000, 12_000));
            assertEquals(12_000, estimatedRows(url), "statistics counted after the load");
            assertEquals(List.of("session"), analyzedColumns(url), "only the name column, the lookups' key");
        }
        PostgresUrl restored = TestPostgres.newDatabase("analyze_restore");
        try (SessionStore store = open(restored)) {
            store.replaceAll(java.util.stream.IntStream.range(0, 11_000)
                    .mapToObj(i -> TestRecords.withTask(String.format("back%05d", i), "#" + i)));
            assertEquals(11_000, estimatedRows(restored), "statistics counted after a restore");
        }
    }

    /** The columns of sessions that have statistics (pg_stats), by name. */
    private static List<String> analyzedColumns(PostgresUrl url) throws Exception {
        List<String> names = new ArrayList<>();
        try (java.sql.Connection c = TestPostgres.connect(url);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT attname FROM pg_stats WHERE tablename = 'sessions' ORDER BY attname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** PostgreSQL's own row estimate (pg_class.reltuples): -1 until the table was first analyzed. */
    private static long estimatedRows(PostgresUrl url) throws Exception {
        try (java.sql.Connection c = TestPostgres.connect(url);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT reltuples::bigint FROM pg_class WHERE relname = 'sessions' AND relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void backupIsAJsonArrayInMinskysShape(@TempDir Path tmp) throws Exception {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 2345; i++) {
                records.add(TestRecords.withTask(String.format("s%05d", i), "#" + i));
            }
            store.writeBatch(records);
            Path backup = store.backup(tmp);
            String name = backup.getFileName().toString();
            assertTrue(name.startsWith(PostgresUrl.parse(((StoreLocation.Postgres) store.location()).url()).database() + "-")
                    && name.endsWith(".backup.json"), name);
            String text = Files.readString(backup);
            assertTrue(text.startsWith("[\n  {\n    \"session\": \"s00000\",\n    \"repoName\": \"local/minsky\""),
                    text.substring(0, 100));
            try (SessionStore copy = dev.minsky.sessions.store.json.JsonFileStore.readOnly(backup)) {
                assertEquals(records, all(copy), "every page, in name order");
            }
        }
    }

    @Test
    void theTableWeForeseeIsTheTableOurMigrationsCreate() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("foresee");
        open(url).close();
        try (Connection c = TestPostgres.connect(url)) {
            assertEquals(SqliteStoreTest.describe(TableLayout.inspect(c, SqlPlatform.POSTGRES).orElseThrow()),
                    SqliteStoreTest.describe(TableLayout.asMigrated(SqlPlatform.POSTGRES, Optional.empty())));
        }
    }

    private static List<String> columns(PostgresUrl url) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'sessions' "
                     + "ORDER BY ordinal_position")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out.stream().collect(Collectors.toList());
        }
    }
}
