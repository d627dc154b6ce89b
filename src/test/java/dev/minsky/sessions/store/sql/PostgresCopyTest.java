package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.InvalidSessionException;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestData;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code writeBatch} and {@code replaceAll} through {@code COPY} (PostgresBulkWrite) against the real
 * server: values that need escaping, every column type Minsky's tables have, a name given twice, the
 * overwrite of stored rows, and a record the server refuses.
 */
class PostgresCopyTest {
    private static final String PROJECT = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    /** Minsky's 2026 table (text, integer, uuid with a foreign key, a unique short_id) plus a boolean and a jsonb column. */
    private static PostgresUrl minsky2026(String purpose) {
        PostgresUrl url = TestPostgres.newDatabase(purpose);
        TestPostgres.execute(url, "CREATE SCHEMA drizzle");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-schema.sql");
        TestPostgres.execute(url, "INSERT INTO projects (id, slug) VALUES ('" + PROJECT + "', 'minsky')",
                "ALTER TABLE sessions ADD COLUMN archived boolean, ADD COLUMN meta jsonb DEFAULT '{\"kept\": true}'");
        return url;
    }

    private static final List<String> NASTY_TEXT = List.of("", "\\", "\\N", "\\.", "a\\.b", "\\\\.", "end\\", "tab\there",
            "new\nline", "cr\rlf\r\n", "\n\\.\n", "\t\t", "\\t literally", "\u0001\u0007\b\f\u000b\u001f\u007f",
            "ünïcödé ✓ 代码 😀 \u200b\u0301e", "\"quoted\" 'single' ,comma;", "%_*?", "null", "NULL", "\\x41\\101");

    private static final List<String> INSTANTS = List.of("2025-07-01T09:00:00Z", "2025-07-01T09:00:00.000Z",
            "2025-07-01T09:00:00.1Z", "2025-07-01T09:00:00.123456Z", "2025-07-01T09:00:00.1234565Z",
            "2025-07-01T09:00:00.123456499Z", "2025-07-01T09:00:00.9999995Z", "2025-12-31T23:59:59.9999999Z",
            "2025-07-01T09:00:00.123+05:30", "2025-07-01T01:00:00-08:00", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "0000-06-15T12:00:00Z", "-0044-03-15T12:00:00Z",
            "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z", "2024-02-29T12:00:00.5Z");

    private static List<SessionRecord> nastyRecords() {
        List<SessionRecord> out = new ArrayList<>();
        int n = Math.max(NASTY_TEXT.size(), INSTANTS.size());
        for (int i = 0; i < n; i++) {
            String t = NASTY_TEXT.get(i % NASTY_TEXT.size());
            String u = NASTY_TEXT.get((i + 7) % NASTY_TEXT.size());
            String plain = t.replaceAll("\\p{Cntrl}", "") + "/" + u.replaceAll("\\p{Cntrl}", ""); // validation refuses control characters here
            Map<String, JsonValue> prState = new LinkedHashMap<>();
            prState.put("branchName", JsonValue.of(t));
            prState.put("nul", JsonValue.of("a\u0000b"));
            prState.put("n", new JsonValue.JsonNumber("1.50"));
            SessionRecord.Builder b = SessionRecord.builder("nasty\\" + i + " ✓ \"x\" " + (i % 2 == 0 ? "\\N" : "名"))
                    .set(SessionField.REPO_NAME, "local/\\N" + i)
                    .set(SessionField.REPO_URL, "file:///tmp/a\\.b/" + i)
                    .set(SessionField.CREATED_AT, INSTANTS.get(i % INSTANTS.size()))
                    .set(SessionField.TASK_ID, "#" + i)
                    .set(SessionField.BRANCH, plain)
                    .set(SessionField.REPO_PATH, plain + "\\")
                    .set(SessionField.BACKEND_TYPE, "github")
                    .set(SessionField.PR_BRANCH, "pr/" + plain)
                    .set(SessionField.PR_APPROVED, i % 2 == 0)
                    .set(SessionField.PR_STATE, JsonValue.JsonObject.adopt(new LinkedHashMap<>(prState)))
                    .set(SessionField.PULL_REQUEST, TestRecords.obj("title", JsonValue.of(u + "\t" + t)))
                    .set("status", JsonValue.of(t))
                    .set("lastActivityAt", JsonValue.of(INSTANTS.get((i + 3) % INSTANTS.size())))
                    .set("lastCommitMessage", JsonValue.of(u + "\n" + t))
                    .set("commitCount", i % 3 == 0 ? JsonValue.of(2_147_483_647) : new JsonValue.JsonNumber("-" + i))
                    .set("projectId", JsonValue.of(i % 2 == 0 ? PROJECT : PROJECT.toUpperCase()))
                    .set("shortId", JsonValue.of("s\\" + i + t))
                    .set("archived", i % 3 == 1 ? JsonValue.NULL : JsonValue.of(i % 3 == 0))
                    .set("note", JsonValue.of(t + u));
            if (i % 4 == 3) {
                b.set("agentId", JsonValue.NULL);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Every value as PostgreSQL's text output, per row, in name order: what the table holds, compared exactly. */
    private static List<Map<String, String>> table(PostgresUrl url) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            return TestData.rows(c, "SELECT * FROM sessions ORDER BY session COLLATE \"C\"");
        }
    }

    private static List<SessionRecord> all(SessionStore store) {
        return TestData.all(store).stream().map(PostgresCopyTest::withoutMeta).toList();
    }

    /** The record without the jsonb column's field (read as text, never written by this app). */
    private static SessionRecord withoutMeta(SessionRecord r) {
        return r.toBuilder().remove("meta").build();
    }

    private static SessionRecord get(SessionStore store, String name) {
        return withoutMeta(store.get(name).orElseThrow());
    }

    @Test
    void copyStoresEveryNastyValueExactlyAsAnInsertDoes() throws Exception {
        PostgresUrl inserted = minsky2026("copy_vs_insert_a");
        PostgresUrl copiedOneByOne = minsky2026("copy_vs_insert_b");
        PostgresUrl copiedAtOnce = minsky2026("copy_vs_insert_c");
        List<SessionRecord> records = nastyRecords();
        List<SessionRecord> accepted = new ArrayList<>();
        try (SessionStore a = PostgresStoreTest.open(inserted); SessionStore b = PostgresStoreTest.open(copiedOneByOne)) {
            for (SessionRecord r : records) {
                String byInsert = outcome(() -> a.create(r));
                String byCopy = outcome(() -> b.writeBatch(List.of(r)));
                assertEquals(byInsert, byCopy, r.session() + " " + r.get(SessionField.CREATED_AT));
                if (byInsert.equals("ok")) {
                    accepted.add(r);
                }
            }
        }
        assertTrue(accepted.size() >= records.size() - 1, "only +10000 may be beyond the server: " + accepted.size());
        try (SessionStore c = PostgresStoreTest.open(copiedAtOnce)) {
            c.writeBatch(accepted);
        }
        List<Map<String, String>> expected = table(inserted);
        assertEquals(accepted.size(), expected.size());
        assertEquals(expected, table(copiedOneByOne));
        assertEquals(expected, table(copiedAtOnce));
        try (SessionStore a = PostgresStoreTest.open(inserted); SessionStore c = PostgresStoreTest.open(copiedAtOnce)) {
            assertEquals(all(a), all(c), "and they read back the same");
            for (SessionRecord r : accepted) {
                String at = r.get(SessionField.CREATED_AT).toString();
                if (!at.matches(".*\\.\\d{7,}Z\"?")) { // timestamptz keeps microseconds
                    assertEquals(r, get(c, r.session()), "read back as written");
                }
            }
        }
        assertTrue(table(copiedAtOnce).stream().allMatch(row -> row.get("meta").equals("{\"kept\": true}")),
                "a column we do not write gets its default, as with INSERT");
    }

    private static String outcome(Runnable write) {
        try {
            write.run();
            return "ok";
        } catch (StoreException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void eachNamesLastRowIsKeptInTheOrderOfThoseLastRowsAndABatchWithoutRepeatsIsKeptAsItIs() {
        List<PostgresBulkWrite.Row> rows = Stream.of("a", "b", "a", "c", "b", "a")
                .map(n -> new PostgresBulkWrite.Row(TestRecords.minimal(n), new Object[0])).toList();
        List<PostgresBulkWrite.Row> kept = PostgresBulkWrite.lastOfEachName(rows);
        assertEquals(List.of(rows.get(3), rows.get(4), rows.get(5)), kept);
        List<PostgresBulkWrite.Row> unique = rows.subList(0, 2);
        assertSame(unique, PostgresBulkWrite.lastOfEachName(unique), "no repeat: the batch itself");
    }

    /** The next transaction id the server will give out (reading it gives none out). */
    private static long nextTransactionId(PostgresUrl url) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            return Long.parseLong(TestData.rows(c, "SELECT txid_snapshot_xmax(txid_current_snapshot()) AS x").get(0).get("x"));
        }
    }

    @Test
    void aMigrationsBatchesCommitWithoutWaitingForTheLogAndMakeDurableWaitsOnceForAll() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("copy_durable");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            // each statement writing sessions notes the synchronous_commit its transaction ran with
            TestPostgres.execute(url, "CREATE TABLE seen (n serial, setting text)",
                    "CREATE FUNCTION note_setting() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " INSERT INTO seen (setting) VALUES (current_setting('synchronous_commit')); RETURN NULL; END $$",
                    "CREATE TRIGGER note AFTER INSERT ON sessions FOR EACH STATEMENT EXECUTE FUNCTION note_setting()");
            long before = nextTransactionId(url);
            store.makeDurable();
            assertEquals(before, nextTransactionId(url), "nothing deferred: nothing to wait for");

            store.writeChecked(List.of(store.check(TestRecords.rich("a")), store.check(TestRecords.rich("b"))));
            store.writeNew(List.of(store.check(TestRecords.rich("c"))));
            store.writeBatch(List.of(TestRecords.rich("d")));
            store.create(TestRecords.minimal("e"));
            try (Connection c = TestPostgres.connect(url)) {
                assertEquals(List.of("off", "off", "on", "on"), TestData.rows(c, "SELECT setting FROM seen ORDER BY n")
                        .stream().map(r -> r.get("setting")).toList(), "the migration's two writes only");
                assertEquals("on", TestData.rows(c, "SHOW synchronous_commit").get(0).get("synchronous_commit"));
            }
            assertEquals(List.of("a", "b", "c", "d", "e"), all(store).stream().map(SessionRecord::session).toList(),
                    "visible at once to every reader");

            long deferred = nextTransactionId(url);
            store.makeDurable();
            assertEquals(deferred + 1, nextTransactionId(url), "one transaction with an id: its commit waits for the log");
            store.makeDurable();
            assertEquals(deferred + 1, nextTransactionId(url), "once: nothing deferred since");

            store.writeChecked(List.of(store.check(TestRecords.rich("f"))));
            long beforeClose = nextTransactionId(url);
            store.close();
            assertEquals(beforeClose + 1, nextTransactionId(url), "closing the store waits for what it deferred");
        }
    }

    @Test
    void aNameTwiceInABatchKeepsItsLastRecordAndStoredRowsAreOverwrittenKeepingColumnsWeDoNotWrite() throws Exception {
        PostgresUrl url = minsky2026("copy_overwrite");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            store.writeBatch(List.of(TestRecords.rich("stored"), TestRecords.rich("other")));
            TestPostgres.execute(url, "UPDATE sessions SET meta = '{\"minsky\": 1}' WHERE session = 'stored'");
            SessionRecord first = TestRecords.withTask("twice", "#1");
            SessionRecord last = TestRecords.rich("twice");
            SessionRecord replacement = TestRecords.minimal("stored").toBuilder().set("status", JsonValue.of("DONE")).build();
            store.writeBatch(List.of(first, replacement, TestRecords.minimal("new"), last));
            assertEquals(last, get(store, "twice"));
            assertEquals(replacement, get(store, "stored"), "replaced whole: fields it lacks are gone");
            assertEquals(TestRecords.rich("other"), get(store, "other"));
            assertEquals(4, store.count(dev.minsky.sessions.domain.SessionQuery.all()));
        }
        Map<String, String> stored = table(url).stream().filter(r -> r.get("session").equals("stored")).findFirst().orElseThrow();
        assertEquals("{\"minsky\": 1}", stored.get("meta"), "a column this app does not write is left as it was");
        assertEquals(null, stored.get("commit_count"));
    }

    @Test
    void aRecordTheServerRefusesIsNamedWithItsFieldAndTheBatchLeavesNothing() throws Exception {
        PostgresUrl url = minsky2026("copy_refused");
        SessionRecord stored = TestRecords.rich("stored").toBuilder().set("shortId", JsonValue.of("taken")).build();
        try (SessionStore store = PostgresStoreTest.open(url)) {
            store.writeBatch(List.of(stored));
            List<Map<String, String>> before = table(url);
            Map<String, SessionRecord> refusals = new LinkedHashMap<>();
            // a value the column's type refuses (found by COPY, with its line and column)
            refusals.put("commitCount", TestRecords.minimal("too-many").toBuilder()
                    .set("commitCount", new JsonValue.JsonNumber("99999999999")).build());
            refusals.put(SessionField.CREATED_AT, TestRecords.minimal("far-future").toBuilder()
                    .set(SessionField.CREATED_AT, "+300000-01-01T00:00:00Z").build());
            // constraints checked when the rows arrive: a foreign key, a unique column another record holds
            refusals.put("projectId", TestRecords.minimal("no-project").toBuilder()
                    .set("projectId", JsonValue.of("00000000-0000-0000-0000-000000000001")).build());
            refusals.put("shortId", TestRecords.minimal("same-short-id").toBuilder()
                    .set("shortId", JsonValue.of("taken")).build());
            for (Map.Entry<String, SessionRecord> bad : refusals.entrySet()) {
                for (boolean withStoredName : List.of(false, true)) {
                    List<SessionRecord> batch = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        batch.add(TestRecords.withTask("fine-" + i, "#" + i));
                    }
                    batch.add(12, bad.getValue());
                    if (withStoredName) {
                        batch.add(3, stored.toBuilder().set(SessionField.BRANCH, "changed").build()); // an overwrite: the staging path
                    }
                    InvalidSessionException e = assertThrows(InvalidSessionException.class, () -> store.writeBatch(batch),
                            bad.getKey());
                    assertEquals(bad.getValue().session(), e.session(), e.getMessage());
                    assertEquals(List.of(bad.getKey()), e.problems().stream().map(p -> p.field()).toList(), e.getMessage());
                    assertTrue(e.getMessage().contains("refused by postgresql://") && !e.getMessage().contains(
                            TestPostgres.server().password().orElse("\u0000")), e.getMessage());
                    assertEquals(before, table(url), "nothing of the batch is written: " + e.getMessage());
                }
            }
            // a unique value given twice within the batch: the second record is the one refused
            SessionRecord one = TestRecords.minimal("one").toBuilder().set("shortId", JsonValue.of("dup")).build();
            SessionRecord two = TestRecords.minimal("two").toBuilder().set("shortId", JsonValue.of("dup")).build();
            InvalidSessionException e = assertThrows(InvalidSessionException.class,
                    () -> store.writeBatch(List.of(TestRecords.minimal("a"), one, two)));
            assertEquals("two", e.session());
            assertEquals(before, table(url));
        }
    }

    @Test
    void aRefusalWithoutAColumnStillNamesTheRecord() throws Exception {
        PostgresUrl url = minsky2026("copy_refused_check");
        TestPostgres.execute(url, "ALTER TABLE sessions ADD CONSTRAINT no_tmp CHECK (repo_name <> 'tmp' OR task_id IS NOT NULL)");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            SessionRecord bad = TestRecords.minimal("checked").toBuilder().set(SessionField.REPO_NAME, "tmp").build();
            StoreException e = assertThrows(StoreException.class,
                    () -> store.writeBatch(List.of(TestRecords.minimal("fine"), bad)));
            assertTrue(e.getMessage().contains("'checked'") && e.getMessage().contains("no_tmp"), e.getMessage());
            assertFalse(store.exists("fine"));
        }
    }

    @Test
    void replaceAllKeepsTheLastRecordOfANameGivenInDifferentChunks() throws Exception {
        PostgresUrl url = minsky2026("copy_replace_all");
        try (SessionStore store = PostgresStoreTest.open(url)) {
            store.writeBatch(List.of(TestRecords.rich("gone")));
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                records.add(TestRecords.withTask(String.format("r%04d", i), "#" + i));
            }
            records.set(1_100, TestRecords.rich("r0007"));
            store.replaceAll(records.stream());
            List<SessionRecord> back = all(store);
            assertEquals(1_199, back.size());
            assertEquals(TestRecords.rich("r0007"), get(store, "r0007"));
            assertFalse(store.exists("gone"));
            assertInstanceOf(InvalidSessionException.class, assertThrows(StoreException.class, () -> store.replaceAll(
                    Stream.of(TestRecords.minimal("x"), TestRecords.minimal("y").toBuilder()
                            .set("projectId", JsonValue.of("00000000-0000-0000-0000-000000000001")).build()))));
            assertEquals(back, all(store), "a refused restore changes nothing");
        }
    }

    @Test
    void copyTextEscapesExactlyWhatTheFormatNeeds() {
        assertEquals("a\\\\b\\tc\\nd\\re\\\\N\\\\.\u0001ü\n", new String(CopyText.line(
                new Object[] {"a\\b\tc\nd\re\\N\\.\u0001ü"}), java.nio.charset.StandardCharsets.UTF_8));
        byte[] line = CopyText.line(new Object[] {null, "x", 42L, true, false, java.util.UUID.fromString(PROJECT),
                java.time.OffsetDateTime.parse("2025-07-01T09:00:00.0000005Z"), "代码 😀"});
        assertEquals("\\N\tx\t42\tt\tf\t" + PROJECT + "\t2025-07-01 09:00:00.000001+00\t代码 😀\n",
                new String(line, java.nio.charset.StandardCharsets.UTF_8));
        for (String[] c : List.of(new String[] {"-0044-03-15T12:00:00Z", "0045-03-15 12:00:00+00 BC"},
                new String[] {"0000-12-31T23:59:59.9999996Z", "0001-01-01 00:00:00+00"},
                new String[] {"2025-07-01T09:00:00.123+05:30", "2025-07-01 03:30:00.123000+00"},
                new String[] {"0009-01-02T03:04:05.000006Z", "0009-01-02 03:04:05.000006+00"},
                new String[] {"+12025-10-20T21:22:23.4Z", "12025-10-20 21:22:23.400000+00"})) {
            assertEquals(c[1] + "\n", new String(CopyText.line(new Object[] {java.time.OffsetDateTime.parse(c[0])}),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
