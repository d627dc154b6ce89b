package dev.minsky.sessions.store.sql;

import static dev.minsky.sessions.testsupport.TestData.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.ReadOnlyStoreException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SessionStoreContract;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.TestRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteStoreTest implements SessionStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    public SessionStore newStore() {
        return SqlStores.openSqlite(dir.resolve("store-" + (++stores) + "/sessions.db"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return SqlStores.openSqlite(file(store));
    }

    @Override
    public SessionStore openReadOnly(SessionStore store) {
        return SqlStores.openSqliteReadOnly(file(store));
    }

    @Override
    public void breakStorage(SessionStore store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file(store)); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("DROP TABLE sessions");
        }
    }

    static Path file(SessionStore store) {
        return ((dev.minsky.sessions.store.StoreLocation.Sqlite) store.location()).path();
    }

    /** Every file in {@code folder} with a digest of its bytes. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.isDirectory(p) ? "folder" : HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static List<String> tables(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    // ---- read-only ----------------------------------------------------------------------------------

    @Test
    void readOnlyOfAMissingFileIsAnEmptyStoreAndCreatesNeitherFileNorFolder() {
        Path db = dir.resolve("absent-folder/sessions.db");
        try (SessionStore store = SqlStores.openSqliteReadOnly(db)) {
            assertEquals(0, store.count(SessionQuery.all()));
            assertEquals(List.of(), store.list(SessionQuery.all()));
            assertEquals(List.of(), all(store));
            assertTrue(store.get("x").isEmpty());
            assertTrue(store.getAll(List.of("x")).isEmpty());
            assertEquals(List.of(), store.writeProblems(TestRecords.rich("x")));
            assertThrows(ReadOnlyStoreException.class, () -> store.create(TestRecords.minimal("x")));
            Path backup = store.backup(dir.resolve("backups"));
            assertTrue(backup.getFileName().toString().startsWith("sessions.db-"));
            assertTrue(backup.getFileName().toString().endsWith(".backup.json"));
        }
        assertFalse(Files.exists(dir.resolve("absent-folder")));
    }

    @Test
    void readOnlyReadsTheFileThroughMappedMemoryAndUnmapsItWhenClosed() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "only where /proc/self/maps tells what this process has mapped (Linux)");
        Path db;
        try (SessionStore store = newStore()) {
            db = file(store).toRealPath();
            List<SessionRecord> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(TestRecords.rich("mapped-" + i));
            }
            store.writeBatch(batch);
        }
        assertFalse(mapped(maps, db), "the writing store reads with pread, as SQLite does");
        try (SessionStore ro = SqlStores.openSqliteReadOnly(db)) {
            assertEquals(300, all(ro).size());
            assertTrue(mapped(maps, db), "a read-only store maps the file it reads");
        }
        assertFalse(mapped(maps, db), "and unmaps it when closed");
    }

    /** Whether this process maps {@code file} itself (not its {@code -shm} file, which WAL mode maps). */
    private static boolean mapped(Path maps, Path file) throws IOException {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith(" " + file));
        }
    }

    @Test
    void bulkWritesAreCheckpointedBesideTheWritesAndOrdinaryWritesAsUsual() throws Exception {
        Path db;
        String pad = "p".repeat(4000);
        try (SessionStore store = newStore()) {
            db = file(store);
            for (int b = 0; b < 3; b++) { // 2,100 rows of ~4 KB: 2,100+ pages, past SQLite's usual 1,000
                List<SessionRecord> batch = new ArrayList<>();
                for (int i = 0; i < 700; i++) {
                    batch.add(TestRecords.minimal("s" + b + "-" + i).toBuilder().set(SessionField.REPO_PATH, pad + i)
                            .build());
                }
                store.writeBatch(batch);
            }
            assertTrue(waitForFileSize(db, 8_000_000), "the WAL is checkpointed in the background, with no "
                    + "ordinary write and no close: the file has " + Files.size(db) + " bytes");
            long afterBulk = Files.size(db);
            for (int i = 0; i < 1_200; i++) { // ~1,200 pages: one ordinary commit must checkpoint on the way
                store.create(TestRecords.minimal("one-by-one-" + i).toBuilder().set(SessionField.REPO_PATH, pad + i)
                        .build());
            }
            assertTrue(Files.size(db) > afterBulk + 2_000_000, "ordinary writes checkpoint at the usual setting "
                    + "again: the file went from " + afterBulk + " to " + Files.size(db) + " bytes");
            assertEquals(3_300, store.count(SessionQuery.all()));
        }
        assertFalse(Files.exists(db.resolveSibling(db.getFileName() + "-wal")), "closing checkpoints the rest");
        try (SessionStore again = SqlStores.openSqlite(db)) {
            assertEquals(3_300, again.count(SessionQuery.all()));
            assertEquals(pad + 699, again.get("s2-699").orElseThrow().fields().get("repoPath").toJson()
                    .replace("\"", ""));
        }
    }

    /** True once {@code file} is larger than {@code bytes}, false after 20 s. */
    private static boolean waitForFileSize(Path file, long bytes) throws Exception {
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; Thread.sleep(20)) {
            if (Files.size(file) > bytes) {
                return true;
            }
        }
        return false;
    }

    @Test
    void readOnlyLeavesAnExistingFileAndItsFolderExactlyAsTheyWere() throws Exception {
        Path db;
        List<SessionRecord> records = List.of(TestRecords.rich("task-md#42"), TestRecords.minimal("b"));
        try (SessionStore store = newStore()) {
            store.writeBatch(records);
            db = file(store);
        }
        Path folder = db.getParent();
        Map<String, String> before = contents(folder);
        assertEquals(Set.of("sessions.db"), before.keySet(), "a closed WAL database is one file");
        try (SessionStore ro = SqlStores.openSqliteReadOnly(db)) {
            assertEquals(Set.copyOf(records), Set.copyOf(all(ro)));
            assertEquals(2, ro.getAll(List.of("b", "task-md#42")).size());
            ro.backup(dir.resolve("backups"));
            assertThrows(ReadOnlyStoreException.class, () -> ro.delete("b"));
        }
        assertEquals(before, contents(folder), "same files, same bytes: no -wal or -shm left behind");
    }

    /**
     * A row of text columns is read as one value, each column's bytes prefixed with their length (TableLayout's
     * packed read): it must give exactly what reading each column on its own gives, whatever SQLite holds in a text
     * column (text with NUL or four-byte characters, empty text, integers, reals, blobs that are not UTF-8, NULL).
     */
    @Test
    void aRowReadInOnePieceIsEachColumnAsReadAlone() throws Exception {
        Path db = dir.resolve("packed.db");
        SqlStores.openSqlite(db).close(); // the app's table
        Object[][] rows = {
            {"plain", "repo", null, "2025-07-01T09:00:00.000Z", "", "\ud83d\ude00 \u65e5\u672c \u00e9", "nul\u0000inside"},
            {"numbers", 42L, 1.5, -0.0, 1e300, 0.1, Long.MIN_VALUE},
            {"blobs", new byte[] {(byte) 0xff, 0, (byte) 0xc3}, new byte[0], "9:not-a-length", "-", "x".repeat(100_000), ":"},
        };
        List<String> columns;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            TableLayout layout = TableLayout.inspect(c, SqlPlatform.SQLITE).orElseThrow();
            assertTrue(layout.selectList().startsWith("concat("), "this table is read in one piece");
            columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(sessions)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            for (Object[] row : rows) {
                String sql = "INSERT INTO sessions (" + String.join(", ", columns.subList(0, row.length))
                        + ") VALUES (" + "?, ".repeat(row.length - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.executeUpdate();
                }
            }
            List<Object[]> packed = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + layout.selectList() + " FROM sessions ORDER BY rowid")) {
                while (rs.next()) {
                    packed.add(layout.read(rs));
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM sessions ORDER BY rowid")) {
                for (int r = 0; rs.next(); r++) {
                    for (int i = 0; i < columns.size(); i++) {
                        byte[] alone = rs.getBytes(i + 1);
                        assertEquals(alone == null ? null : new String(alone, java.nio.charset.StandardCharsets.UTF_8),
                                packed.get(r)[i], "row " + r + ", column " + columns.get(i));
                    }
                }
            }
            assertEquals(rows.length, packed.size());
            assertEquals("nul\u0000inside", packed.get(0)[6]);
        }
    }

    /**
     * Text is read as its stored UTF-8 bytes where the database keeps UTF-8 (TableLayout); a UTF-16 database
     * (possible, though neither Minsky nor we make one) must read the same values through the driver's text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void textReadsTheSameWhateverTheDatabasesEncoding(String encoding) throws Exception {
        Path db = dir.resolve("enc-" + encoding + ".db");
        String odd = "\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00 tab\tnl\nq\"";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA encoding = '" + encoding + "'");
            st.execute("CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, "
                    + "createdAt TEXT NOT NULL, taskId TEXT, branch TEXT, repoPath TEXT, prBranch TEXT, prApproved TEXT, "
                    + "prState TEXT, backendType TEXT, pullRequest TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (session, repoName, repoUrl, createdAt, "
                    + "branch, repoPath, pullRequest) VALUES (?, ?, ?, '2025-07-01T09:00:00.000Z', '', NULL, ?)")) {
                ps.setString(1, "s-" + odd);
                ps.setString(2, odd);
                ps.setString(3, "https://example.org/\u00fc");
                ps.setString(4, "{\"title\": \"" + odd.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                        .replace("\n", "\\n") + "\", \"n\": 1.50}");
                ps.executeUpdate();
            }
            try (ResultSet rs = st.executeQuery("PRAGMA encoding")) {
                assertEquals(encoding.toUpperCase(java.util.Locale.ROOT), rs.getString(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
        try (SessionStore store = SqlStores.openSqliteReadOnly(db)) {
            SessionRecord r = store.get("s-" + odd).orElseThrow();
            assertEquals(odd, r.repoName());
            assertEquals("https://example.org/\u00fc", r.repoUrl());
            assertEquals("", r.branch());
            assertFalse(r.has(SessionField.REPO_PATH), "NULL is no field");
            assertEquals("{\"title\":" + JsonValue.of(odd).toJson() + ",\"n\":1.50}", r.pullRequest().toJson());
            assertEquals(List.of(r), store.list(SessionQuery.all()));
        }
    }

    @Test
    void readOnlyOfAnEmptyDatabaseCreatesNoTableAndAnswersForTheTableWeWouldCreate() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (x TEXT)");
        }
        Map<String, String> before = contents(dir);
        try (SessionStore ro = SqlStores.openSqliteReadOnly(db)) {
            assertEquals(0, ro.count(SessionQuery.all()));
            assertEquals(List.of(), all(ro));
            assertEquals(List.of(), ro.writeProblems(TestRecords.rich("fields-without-a-column-go-to-extra_fields")));
            assertEquals(Set.of(SessionField.REPO_NAME), ro.writeProblems(SessionRecord.builder("x")
                    .set(SessionField.REPO_URL, ".").set(SessionField.CREATED_AT, "2025-07-01T09:00:00Z").build())
                    .stream().map(p -> p.field()).collect(Collectors.toSet()));
            Path backup = ro.backup(dir.resolve("backups"));
            assertEquals("[]\n", Files.readString(backup));
        }
        Map<String, String> after = contents(dir);
        after.remove("backups");
        assertEquals(before, after);
        assertEquals(List.of("notes"), tables(db), "no sessions table, no db_migration");
    }

    @Test
    void readOnlyRefusesAFileThatIsNotSqliteAndANewerSchema() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "this is not a database, just some text that is long enough to have a header\n".repeat(20));
        assertThrows(StoreUnavailableException.class, () -> {
            try (SessionStore s = SqlStores.openSqliteReadOnly(text)) {
                s.count(SessionQuery.all());
            }
        });
        Path newer;
        try (SessionStore store = newStore()) {
            newer = file(store);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("UPDATE db_migration SET mversion = '9.0' WHERE mversion = '1.1'");
        }
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> SqlStores.openSqliteReadOnly(newer).close());
        assertTrue(e.getMessage().contains("schema version 9.0"), e.getMessage());
        assertThrows(StoreUnavailableException.class, () -> SqlStores.openSqliteReadOnly(dir).close(), "a folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions.db", "sessions-migrated-from-json.db"})
    void minskysFilesReadReadOnlyGiveTheRecordsANormalOpenGives(String name) throws Exception {
        Path db = TestRecords.copyResource("fixtures/minsky-written/" + name, dir.resolve("ro/" + name));
        Map<String, String> before = contents(db.getParent());
        List<SessionRecord> readOnly;
        try (SessionStore ro = SqlStores.openSqliteReadOnly(db)) {
            readOnly = all(ro);
            assertEquals(readOnly.get(3), ro.get(readOnly.get(3).session()).orElseThrow());
        }
        assertEquals(before, contents(db.getParent()), "Minsky's file is untouched");
        assertFalse(tables(db).contains("db_migration"));
        Path copy = TestRecords.copyResource("fixtures/minsky-written/" + name, dir.resolve("rw/" + name));
        try (SessionStore store = SqlStores.openSqlite(copy)) {
            assertEquals(20, readOnly.size());
            assertEquals(all(store), readOnly);
        }
    }

    @Test
    void theTableWeForeseeIsTheTableOurMigrationsCreate() throws Exception {
        Path db;
        try (SessionStore store = newStore()) {
            db = file(store);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(describe(TableLayout.inspect(c, SqlPlatform.SQLITE).orElseThrow()),
                    describe(TableLayout.asMigrated(SqlPlatform.SQLITE, Optional.empty())));
        }
    }

    /** What matters of each column for writing: name, kind, NOT NULL, length. */
    static Set<String> describe(TableLayout layout) {
        return layout.columns().stream().map(c -> c.name() + " " + c.kind() + (c.notNull() ? " NOT NULL" : "")
                + (c.maxLength() > 0 ? " (" + c.maxLength() + ")" : "")).collect(Collectors.toSet());
    }

    // ---- backup -------------------------------------------------------------------------------------

    @Test
    void backupWhileAnotherConnectionHoldsAnOpenWriteTransactionIsConsistent() throws Exception {
        try (SessionStore store = newStore()) {
            List<SessionRecord> committed = List.of(TestRecords.rich("a"), TestRecords.minimal("b"));
            store.writeBatch(committed);
            Path backup;
            try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file(store));
                 Statement st = writer.createStatement()) {
                writer.setAutoCommit(false);
                st.executeUpdate("DELETE FROM sessions WHERE session = 'a'");
                st.executeUpdate("INSERT INTO sessions (session, repoName, repoUrl, createdAt) "
                        + "VALUES ('uncommitted', 'r', '.', '2025-07-01T09:00:00.000Z')");
                backup = store.backup(dir.resolve("backups"));
                writer.rollback();
            }
            assertTrue(backup.getFileName().toString().endsWith(".backup.db"));
            try (SessionStore copy = SqlStores.openSqliteReadOnly(backup)) {
                assertEquals(Set.copyOf(committed), Set.copyOf(all(copy)));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @Test
    void backupOfAPathWithQuotesInItsName() throws IOException {
        try (SessionStore store = SqlStores.openSqlite(dir.resolve("it's \"odd\"/sessions.db"))) {
            store.create(TestRecords.minimal("a"));
            Path backup = store.backup(dir.resolve("back'ups; DROP TABLE sessions"));
            try (SessionStore copy = SqlStores.openSqliteReadOnly(backup)) {
                assertEquals(List.of(TestRecords.minimal("a")), all(copy));
            }
            assertEquals(1, store.count(SessionQuery.all()));
        }
    }

    @Test
    void readOnlyForeseesTheColumnsOurMigrationWouldAddToMinskysTable() throws Exception {
        Path db = dir.resolve("minsky-2026.db");
        String schema = new String(getClass().getResourceAsStream("/fixtures/minsky-written/sqlite-2026-06-schema.sql")
                .readAllBytes());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(schema);
        }
        try (SessionStore ro = SqlStores.openSqliteReadOnly(db)) {
            SessionRecord r = TestRecords.minimal("x").toBuilder().set("note", JsonValue.of("no column for me"))
                    .set("commitCount", JsonValue.of("many")).build();
            assertEquals(List.of(), ro.writeProblems(r), "the JSON column migration 1.1 adds will hold them");
        }
        assertEquals(List.of("sessions"), tables(db));
    }
}
