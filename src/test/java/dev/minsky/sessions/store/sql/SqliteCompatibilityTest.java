package dev.minsky.sessions.store.sql;

import static dev.minsky.sessions.testsupport.TestData.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Minsky's own SQLite files, opened, edited and written, then checked with plain SQL. */
class SqliteCompatibilityTest {
    @TempDir
    Path dir;

    private Path copy(String name) {
        return TestRecords.copyResource("fixtures/minsky-written/" + name, dir.resolve(name));
    }

    private static List<String> columns(Path db) throws SQLException {
        return rows(db, "PRAGMA table_info(sessions)").stream().map(r -> r.get("name")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions.db", "sessions-migrated-from-json.db"})
    void minskysFileIsReadEditedAndKeepsItsColumnsAndFormats(String name) throws Exception {
        Path db = copy(name);
        List<String> before = columns(db);
        Map<String, String> untouchedBefore = rows(db, "SELECT * FROM sessions WHERE session = 'task123-2'").get(0);
        try (SessionStore store = SqlStores.openSqlite(db)) {
            assertEquals(20, store.count(SessionQuery.all()));
            SessionRecord first = store.get("adhoc-session-0").orElseThrow();
            assertEquals(Boolean.TRUE, first.prApproved());
            assertEquals("2025-07-01T10:00:00.000Z", ((JsonValue.JsonObject) first.prState()).get("mergedAt").toString()
                    .replace("\"", ""));
            store.update(SessionPatch.of("adhoc-session-0").set(SessionField.BRANCH, "edited").build(), first);
            store.create(TestRecords.rich("task-md#900"));
        }
        List<String> after = columns(db);
        assertEquals(before, after.subList(0, before.size()), "Minsky's columns are kept, in order, and none renamed");
        assertEquals(List.of("extra_fields"), after.subList(before.size(), after.size()));
        Map<String, String> edited = rows(db, "SELECT * FROM sessions WHERE session = 'adhoc-session-0'").get(0);
        assertEquals("edited", edited.get("branch"));
        assertEquals("true", edited.get("prApproved"));
        assertEquals("2025-07-01T09:00:00.000Z", edited.get("createdAt"));
        assertNull(edited.get("extra_fields"), "a record with only known fields needs no JSON column");
        Map<String, String> created = rows(db, "SELECT * FROM sessions WHERE session = 'task-md#900'").get(0);
        assertEquals("false", created.get("prApproved"), "false is stored as false, never NULL");
        assertEquals("2025-07-01T09:00:00.000Z", created.get("createdAt"), "ISO text, as Minsky writes it");
        assertTrue(created.get("prState").startsWith("{\"branchName\":\"pr/task-md#900\""), created.get("prState"));
        assertTrue(created.get("pullRequest").contains("\"id\":123456789012345678901234567890"));
        assertTrue(created.get("extra_fields").startsWith("{\"status\":\"PR_OPEN\",\"commitCount\":17"));
        Map<String, String> untouchedAfter = rows(db, "SELECT * FROM sessions WHERE session = 'task123-2'").get(0);
        untouchedAfter.remove("extra_fields");
        assertEquals(untouchedBefore, untouchedAfter, "rows we did not edit are byte for byte what Minsky wrote");
        assertEquals("wal", rows(db, "PRAGMA journal_mode").get(0).get("journal_mode"));
    }

    private static List<Map<String, String>> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return TestData.rows(c, sql);
        }
    }

    @Test
    void aFileWithMinskys2026ColumnsKeepsThemOnEveryWrite() throws Exception {
        Path db = dir.resolve("mixed.db");
        String schema = new String(getClass().getResourceAsStream("/fixtures/minsky-written/sqlite-2026-06-schema.sql")
                .readAllBytes());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(schema);
            st.execute("INSERT INTO sessions (session, repoName, repoUrl, createdAt, taskId, commit_count, status, "
                    + "last_activity_at, agent_id) VALUES ('s1', 'local/minsky', '.', '2026-06-01T10:00:00.000Z', '#5', 7, "
                    + "'ACTIVE', '2026-06-02T10:00:00.000Z', 'agent-9')");
        }
        try (SessionStore store = SqlStores.openSqlite(db)) {
            SessionRecord s1 = store.get("s1").orElseThrow();
            assertEquals(JsonValue.of(7), s1.get("commitCount"));
            assertEquals(JsonValue.of("ACTIVE"), s1.get("status"));
            assertEquals(JsonValue.of("agent-9"), s1.get("agentId"));
            store.update(SessionPatch.of("s1").set(SessionField.BRANCH, "b").build(), s1);
            assertEquals(1, store.count(SessionQuery.builder().taskId("5").build()));
            store.create(TestRecords.minimal("s2").toBuilder().set("status", JsonValue.of("CREATED"))
                    .set("commitCount", JsonValue.of(3)).build());
        }
        Map<String, String> s1 = rows(db, "SELECT * FROM sessions WHERE session = 's1'").get(0);
        assertEquals("7", s1.get("commit_count"));
        assertEquals("ACTIVE", s1.get("status"));
        assertEquals("2026-06-02T10:00:00.000Z", s1.get("last_activity_at"));
        assertEquals("b", s1.get("branch"));
        Map<String, String> s2 = rows(db, "SELECT * FROM sessions WHERE session = 's2'").get(0);
        assertEquals("CREATED", s2.get("status"), "a field Minsky has a column for goes into that column");
        assertEquals("3", s2.get("commit_count"));
        assertEquals("integer", rows(db, "SELECT typeof(commit_count) AS t FROM sessions WHERE session = 's2'").get(0).get("t"));
    }

    @Test
    void lookupsByNameTaskAndRepositoryUseAnIndex() throws Exception {
        Path db = dir.resolve("plan.db");
        TableLayout layout;
        try (SessionStore store = SqlStores.openSqlite(db)) {
            store.create(TestRecords.minimal("x"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            layout = TableLayout.inspect(c, SqlPlatform.SQLITE).orElseThrow();
            SqlQueries q = new SqlQueries(SqlPlatform.SQLITE, layout);
            assertTrue(plan(c, q.byName(false)).contains("INDEX sqlite_autoindex_sessions_1"), plan(c, q.byName(false)));
            String byTask = q.select(SessionQuery.builder().taskId("#1").build(), new ArrayList<>());
            assertTrue(plan(c, byTask).contains("INDEX ix_sessions_task_id"), plan(c, byTask));
            String byRepo = q.select(SessionQuery.builder().repoName("r").build(), new ArrayList<>());
            assertTrue(plan(c, byRepo).contains("INDEX ix_sessions_repo_name"), plan(c, byRepo));
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        return QueryPlans.plan(c, SqlPlatform.SQLITE, sql);
    }

    @Test
    void aSchemaNewerThanThisAppIsRefusedUntouched() throws Exception {
        Path db = dir.resolve("newer.db");
        SqlStores.openSqlite(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE db_migration SET mversion = '9.0' WHERE mversion = '1.1'");
        }
        String hash = sha256(db);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> SqlStores.openSqlite(db));
        assertTrue(e.getMessage().contains("schema version 9.0") && e.getMessage().contains("newer"), e.getMessage());
        assertEquals(hash, sha256(db));
    }

    @Test
    void aDatabaseOfOurEarlierSchemaIsUpgradedInPlaceWithItsData() throws Exception {
        Path db = dir.resolve("earlier.db");
        try (SessionStore store = SqlStores.openSqlite(db)) {
            store.create(TestRecords.minimal("kept").toBuilder().set(SessionField.TASK_ID, "#7").build());
        }
        // Turn it back into what schema 1.0 of the app left: no JSON column, no indexes, 1.1 not recorded.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("DROP INDEX ix_sessions_task_id");
            st.execute("DROP INDEX ix_sessions_repo_name");
            st.execute("ALTER TABLE sessions DROP COLUMN extra_fields");
            st.execute("DELETE FROM db_migration WHERE mversion = '1.1'");
        }
        assertFalse(columns(db).contains("extra_fields"));
        try (SessionStore store = SqlStores.openSqlite(db)) {
            assertEquals("#7", store.get("kept").orElseThrow().taskId());
            store.create(TestRecords.rich("new"));
            assertEquals(TestRecords.rich("new"), store.get("new").orElseThrow());
        }
        assertTrue(columns(db).contains("extra_fields"));
        assertEquals(1, rows(db, "SELECT count(*) AS n FROM db_migration WHERE mversion = '1.1'").size());
        assertEquals(2, rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_sessions_%'").size());
    }

    @Test
    void aTableNamedSessionsThatIsNotMinskysIsLeftAlone() throws Exception {
        Path db = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, user TEXT)");
        }
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> SqlStores.openSqlite(db));
        assertTrue(e.getMessage().contains("not Minsky's"), e.getMessage());
        assertEquals(List.of("id", "user"), columns(db));
        assertEquals(0, rows(db, "SELECT name FROM sqlite_master WHERE name = 'db_migration'").size());
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearErrorAndIsNotChanged() throws Exception {
        Path db = dir.resolve("not-a-db.db");
        Files.writeString(db, "this is not SQLite\n".repeat(100));
        String hash = sha256(db);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> SqlStores.openSqlite(db));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertEquals(hash, sha256(db));
    }
}
