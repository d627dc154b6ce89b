package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.InvalidSessionException;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestData;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Minsky's PostgreSQL schemas (2025-08 and 2026-08, with its data), edited through the store, checked with plain SQL. */
class PostgresCompatibilityTest {

    private static List<Map<String, String>> rows(PostgresUrl url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            return TestData.rows(c, sql);
        }
    }

    private static List<String> columns(PostgresUrl url) throws SQLException {
        return rows(url, "SELECT column_name || ' ' || data_type || ' ' || is_nullable AS c FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = 'sessions' ORDER BY ordinal_position")
                .stream().map(r -> r.get("c")).toList();
    }

    @Test
    void minskys2026DatabaseIsReadAndEditedKeepingItsColumnsAndValues() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("minsky2026");
        TestPostgres.execute(url, "CREATE SCHEMA drizzle"); // the 2026 dump uses it without creating it
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-schema.sql");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-sessions.data.sql");
        List<String> before = columns(url);
        Map<String, String> untouched = rows(url, "SELECT * FROM sessions WHERE session = 'task123-2'").get(0);
        try (SessionStore store = PostgresStoreTest.open(url)) {
            assertEquals(20, store.count(SessionQuery.all()));
            SessionRecord r = store.get("task7-11").orElseThrow();
            assertEquals(JsonValue.of("ws#12"), r.get("shortId"), "Minsky's newer columns are read as fields");
            assertEquals("2025-07-01T15:47:00.000Z", r.createdAt());
            store.update(SessionPatch.of("task7-11").set(SessionField.BRANCH, "edited").set(SessionField.PR_APPROVED, false)
                    .build(), r);
            store.create(TestRecords.rich("task-md#900").toBuilder().set(SessionField.CREATED_AT, "2026-01-05T12:40:48Z").build());
            assertEquals("2026-01-05T12:40:48Z", store.get("task-md#900").orElseThrow().createdAt(),
                    "the text of createdAt survives the timestamptz column");
            assertEquals(3, store.count(SessionQuery.builder().taskId("123").build()), "task123-2, -9 and -16");
        }
        List<String> after = columns(url);
        assertEquals(before, after.subList(0, before.size()), "no Minsky column dropped, renamed or retyped");
        assertTrue(after.containsAll(List.of("branch character varying YES", "repo_path character varying YES",
                "extra_fields text YES")), after.toString());
        Map<String, String> edited = rows(url, "SELECT * FROM sessions WHERE session = 'task7-11'").get(0);
        assertEquals("ws#12", edited.get("short_id"));
        assertEquals("false", edited.get("pr_approved"), "false is 'false', never NULL");
        assertEquals("edited", edited.get("branch"));
        Map<String, String> created = rows(url, "SELECT * FROM sessions WHERE session = 'task-md#900'").get(0);
        assertEquals("PR_OPEN", created.get("status"), "a field Minsky has a column for goes into it");
        assertEquals("17", created.get("commit_count"));
        assertTrue(created.get("pr_state").startsWith("{\"branchName\":\"pr/task-md#900\""));
        assertEquals("2026-01-05 12:40:48+00", created.get("created_at"));
        Map<String, String> untouchedAfter = rows(url, "SELECT * FROM sessions WHERE session = 'task123-2'").get(0);
        untouchedAfter.keySet().retainAll(untouched.keySet());
        assertEquals(untouched, untouchedAfter);
        assertEquals(1, rows(url, "SELECT 1 FROM information_schema.tables WHERE table_schema = 'drizzle'").size(),
                "Minsky's migration ledger is left alone");
    }

    @Test
    void minskys2025TableWithRequiredTaskIdRefusesRecordsItCannotHoldByField() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("minsky2025");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2025-08-schema.sql");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            InvalidSessionException e = assertThrows(InvalidSessionException.class,
                    () -> store.create(TestRecords.minimal("no-task")));
            assertTrue(e.getMessage().contains("taskId") && e.getMessage().contains("task_id") && e.getMessage().contains("NOT NULL"),
                    e.getMessage());
            store.create(TestRecords.rich("full").toBuilder().set(SessionField.TASK_ID, "#1").build());
            assertEquals(TestRecords.rich("full").toBuilder().set(SessionField.TASK_ID, "#1").build(),
                    store.get("full").orElseThrow());
        }
        assertTrue(columns(url).contains("task_id character varying NO"), "Minsky's constraint is kept, not relaxed");
    }

    @Test
    void aNulCharacterIsAnErrorNamingTheRecordAndField() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("nul");
        TestPostgres.execute(url, "CREATE SCHEMA drizzle");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-schema.sql");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            SessionRecord bad = TestRecords.minimal("nul-record").toBuilder().set("status", JsonValue.of("a\u0000b")).build();
            InvalidSessionException e = assertThrows(InvalidSessionException.class,
                    () -> store.writeBatch(List.of(TestRecords.minimal("fine"), bad)));
            assertEquals("nul-record", e.session());
            assertEquals("status", e.problems().get(0).field());
            assertTrue(e.getMessage().contains("NUL"), e.getMessage());
            assertFalse(store.exists("fine"), "the batch is all or nothing");
            SessionRecord inUnknownField = TestRecords.minimal("nul-elsewhere").toBuilder()
                    .set("note", JsonValue.of("a\u0000b")).build();
            store.create(inUnknownField);
            assertEquals(inUnknownField, store.get("nul-elsewhere").orElseThrow(), "kept exactly in the JSON column");
        }
    }

    @Test
    void lookupsByNameTaskAndRepositoryCanUseAnIndex() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("plan");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            store.create(TestRecords.minimal("x"));
        }
        try (Connection c = TestPostgres.connect(url)) {
            TableLayout layout = TableLayout.inspect(c, SqlPlatform.POSTGRES).orElseThrow();
            SqlQueries q = new SqlQueries(SqlPlatform.POSTGRES, layout);
            try (Statement st = c.createStatement()) {
                st.execute("SET enable_seqscan = off"); // a tiny table is scanned anyway; ask whether an index can serve
            }
            assertTrue(plan(c, q.byName(false)).contains("sessions_pkey"), plan(c, q.byName(false)));
            String byTask = q.select(SessionQuery.builder().taskId("#1").build(), new ArrayList<>());
            assertTrue(plan(c, byTask).contains("ix_sessions_task_id"), plan(c, byTask));
            String byRepo = q.select(SessionQuery.builder().repoName("r").build(), new ArrayList<>());
            assertTrue(plan(c, byRepo).contains("ix_sessions_repo_name"), plan(c, byRepo));
            try (Statement st = c.createStatement()) {
                st.execute("SET plan_cache_mode = force_generic_plan"); // the plan a repeated batch lookup gets
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + q.byNameArray())) {
                ps.setArray(1, c.createArrayOf("text", new Object[] {"x", "y"}));
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("sessions_pkey"), plan.toString());
            }
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        return QueryPlans.plan(c, SqlPlatform.POSTGRES, sql);
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutThePassword() {
        PostgresUrl url = TestPostgres.newDatabase("badpw").withPassword("definitely-wrong-pw-42");
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> PostgresStoreTest.open(url));
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("definitely-wrong-pw-42"), e.getMessage());
        assertTrue(e.getMessage().contains(url.host()), e.getMessage());
    }
}
