package dev.minsky.sessions.store.json;

import static dev.minsky.sessions.testsupport.TestData.all;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.MalformedStoreException;
import dev.minsky.sessions.store.ReadOnlyStoreException;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SessionStoreContract;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.TestRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFileStoreTest implements SessionStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    public SessionStore newStore() {
        return new JsonFileStore(dir.resolve("store-" + (++stores) + "/session-db.json"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return new JsonFileStore(((JsonFileStore) store).file());
    }

    @Override
    public SessionStore openReadOnly(SessionStore store) {
        return JsonFileStore.readOnly(((JsonFileStore) store).file());
    }

    @Override
    public void breakStorage(SessionStore store) throws IOException {
        Files.writeString(((JsonFileStore) store).file(), "[{\"session\": \"exists\",");
    }

    @Override
    public boolean watchesChanges() {
        return true;
    }

    @Override
    public boolean keepsFieldOrder() {
        return true;
    }

    private Path fixture(String name) {
        return TestRecords.copyResource("fixtures/" + name, dir.resolve(Path.of(name).getFileName()));
    }

    // ---- shapes -------------------------------------------------------------------------------

    @Test
    void readsEveryShapeMinskyWroteAsTheSameSessions() {
        List<SessionRecord> array = all(new JsonFileStore(fixture("json-shapes/array.json")));
        assertEquals(25, array.size());
        for (String shape : List.of("sessions-object.json", "keyed-object.json", "backup-envelope.json")) {
            assertEquals(array, all(new JsonFileStore(fixture("json-shapes/" + shape))), shape);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty-file.json", "empty-array.json"})
    void readsAnEmptyFileAsAnEmptyStore(String name) {
        assertEquals(0, new JsonFileStore(fixture("json-shapes/" + name)).count(SessionQuery.all()));
    }

    @Test
    void aMissingFileIsAnEmptyStoreAndTheFirstWriteMakesABareArray() throws IOException {
        Path file = dir.resolve("new/folder/session-db.json");
        JsonFileStore store = new JsonFileStore(file);
        assertEquals(0, store.count(SessionQuery.all()));
        assertFalse(Files.exists(file), "reading creates nothing");
        store.create(TestRecords.minimal("task#001").toBuilder().set(SessionField.REPO_NAME, "local-üñí").build());
        String text = Files.readString(file);
        assertEquals("""
                [
                  {
                    "session": "task#001",
                    "repoName": "local-üñí",
                    "repoUrl": "file:///home/dev/minsky",
                    "createdAt": "2025-07-01T09:00:00.000Z"
                  }
                ]""", text, "2-space indent, literal UTF-8, no trailing newline, as Minsky writes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minsky-written/session-db.json", "json-shapes/array.json", "json-shapes/sessions-object.json",
            "json-shapes/keyed-object.json", "json-shapes/backup-envelope.json", "json-shapes/empty-array.json"})
    void savingWithoutAChangeLeavesTheFileByteForByteIdentical(String name) throws IOException {
        Path file = fixture(name);
        byte[] before = Files.readAllBytes(file);
        JsonFileStore store = new JsonFileStore(file);
        store.writeBatch(all(store)); // forces a full rewrite of every record
        SessionRecord first = all(store).isEmpty() ? null : all(store).get(0);
        if (first != null) {
            store.update(SessionPatch.between(first, first)); // an empty patch
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minsky-written/session-db.json", "json-shapes/sessions-object.json",
            "json-shapes/keyed-object.json", "json-shapes/backup-envelope.json"})
    void changingOneRecordChangesOnlyThatRecordsText(String name) throws IOException {
        Path file = fixture(name);
        List<String> before = Files.readAllLines(file);
        JsonFileStore store = new JsonFileStore(file);
        SessionRecord third = all(store).get(2);
        store.update(SessionPatch.of(third.session()).set(SessionField.REPO_NAME, "changed/repo").build(), third);
        List<String> after = Files.readAllLines(file);
        assertEquals(before.size(), after.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(1, changed.size(), "exactly one line differs");
        assertTrue(after.get(changed.get(0)).contains("\"repoName\": \"changed/repo\""));
    }

    @Test
    void keyedFilesStayKeyedWithoutRepeatingTheName() throws IOException {
        Path file = fixture("json-shapes/keyed-object.json");
        JsonFileStore store = new JsonFileStore(file);
        store.create(TestRecords.minimal("added"));
        String text = Files.readString(file);
        assertTrue(text.contains("\n  \"added\": {\n    \"repoName\""), text.substring(text.length() - 300));
        assertFalse(text.contains("\"session\":"));
        assertEquals(26, new JsonFileStore(file).count(SessionQuery.all()));
    }

    @Test
    void envelopeAndSessionsObjectKeepTheirOtherKeys() throws IOException {
        Path file = fixture("json-shapes/backup-envelope.json");
        new JsonFileStore(file).create(TestRecords.minimal("added"));
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"timestamp\": \"2025-06-23T16:46:12.144Z\",\n  \"version\": \"1.0\",\n  \"data\": {\n    \"sessions\": ["));
        assertTrue(text.contains("\"baseDir\": \"/home/alice/.local/state/minsky\""));
    }

    // ---- bad files ----------------------------------------------------------------------------

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumnAndChangesNothing() throws IOException {
        Path file = fixture("bad/syntax-error-line3.json");
        byte[] before = Files.readAllBytes(file);
        JsonFileStore store = new JsonFileStore(file);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3, column"), e.getMessage());
        assertThrows(MalformedStoreException.class, () -> store.create(TestRecords.minimal("new")));
        assertArrayEquals(before, Files.readAllBytes(file), "never overwritten while it cannot be read");
    }

    @Test
    void aFileCutOffMidWriteIsReportedNotTruncatedFurther() throws IOException {
        Path file = fixture("bad/truncated-mid-write.json");
        byte[] before = Files.readAllBytes(file);
        JsonFileStore store = new JsonFileStore(file);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.count(SessionQuery.all()));
        assertTrue(e.getMessage().contains("line "), e.getMessage());
        assertThrows(StoreException.class, () -> store.writeBatch(List.of(TestRecords.minimal("x"))));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aSqliteDatabaseOpenedAsJsonSaysToOpenItAsSqlite() throws IOException {
        Path file = fixture("minsky-written/sessions.db");
        byte[] before = Files.readAllBytes(file);
        JsonFileStore store = new JsonFileStore(file);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertEquals(file + " is a SQLite database, not a JSON session file: open it as SQLite (sqlite:PATH). "
                + "The file was not changed.", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aWrongShapeSaysWhatWasFound() {
        JsonFileStore store = new JsonFileStore(fixture("bad/wrong-shape-number.json"));
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertTrue(e.getMessage().contains("the number 42"), e.getMessage());
    }

    @Test
    void aRecordWithoutANameIsNamedByPositionAndLine() {
        JsonFileStore store = new JsonFileStore(fixture("bad/record-without-session.json"));
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertTrue(e.getMessage().contains("record 1 (line 1, column 2) has no \"session\" field"), e.getMessage());
    }

    @Test
    void duplicateNamesAreReportedByName() throws IOException {
        Path file = fixture("bad/duplicate-session-names.json");
        byte[] before = Files.readAllBytes(file);
        JsonFileStore store = new JsonFileStore(file);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(MalformedStoreException.class, () -> store.delete("a"));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Test
    void writesAtomicallyKeepingPermissionsAndLeavingNoTemporaryFiles() throws IOException {
        Path file = fixture("minsky-written/session-db.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        new JsonFileStore(file).create(TestRecords.minimal("new"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("session-db.json", "session-db.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aChangeByMinskyBetweenReadAndWriteIsNeverOverwritten() throws IOException {
        Path file = fixture("minsky-written/session-db.json");
        JsonFileStore store = new JsonFileStore(file);
        SessionRecord read = all(store).get(0);
        // Minsky's CLI rewrites the file in place, taking no lock.
        String minsky = Files.readString(file).replace("\"branch\": \"renamed-branch\"", "\"branch\": \"by-minsky\"");
        Files.writeString(file, minsky);
        assertThrows(SessionConflictException.class, () -> store.update(
                SessionPatch.of(read.session()).set(SessionField.BRANCH, "by-us").build(), read));
        store.create(TestRecords.minimal("ours"));
        JsonFileStore fresh = new JsonFileStore(file);
        assertEquals("by-minsky", fresh.get(read.session()).orElseThrow().branch());
        assertTrue(fresh.exists("ours"));
        assertEquals(21, fresh.count(SessionQuery.all()));
    }

    @Test
    void twoProcessesWritingAtOnceLoseNoUpdate() throws Exception {
        Path file = dir.resolve("shared/session-db.json");
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("p1-", "p2-")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JsonWriterProcess.class.getName(),
                    file.toString(), prefix, "40")
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), output);
        }
        JsonFileStore store = new JsonFileStore(file);
        assertEquals(81, store.count(SessionQuery.all()));
        assertEquals(JsonValue.of(80), store.get("counter").orElseThrow().get("hits"));
    }

    @Test
    void recordsKeepUnknownFieldsAndTheirOrderThroughAnEdit() throws IOException {
        Path file = fixture("messy-1000-with-3-invalid.json");
        JsonFileStore store = new JsonFileStore(file);
        List<SessionRecord> before = all(store);
        assertEquals(1003, before.size());
        SessionRecord invalid = store.get("invalid-date-0").orElseThrow();
        assertFalse(invalid.createdInstant().isPresent(), "an invalid date is carried, not replaced");
        store.create(TestRecords.minimal("added"));
        List<SessionRecord> after = all(new JsonFileStore(file));
        assertEquals(before, after.subList(0, 1003));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).fields().toJson(), after.get(i).fields().toJson());
        }
    }

    // ---- what the migration engine needs ----------------------------------------------------------

    @Test
    void asksForEverythingInOneBatchBecauseEachWriteRewritesTheFile() {
        assertEquals(Integer.MAX_VALUE, new JsonFileStore(dir.resolve("x.json")).batchSize(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minsky-written/session-db.json", "json-shapes/keyed-object.json",
            "json-shapes/backup-envelope.json"})
    void backupIsAByteCopyOfTheFile(String name) throws IOException {
        Path file = fixture(name);
        Path backup = new JsonFileStore(file).backup(dir.resolve("backups"));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(backup));
        assertTrue(backup.getFileName().toString().startsWith(file.getFileName() + "-"), backup.toString());
        assertTrue(backup.getFileName().toString().endsWith(".backup.json"), backup.toString());
    }

    @Test
    void backupOfAMissingFileIsAnEmptyArrayAndCreatesNoStoreFile() throws IOException {
        Path file = dir.resolve("none/session-db.json");
        Path backup = JsonFileStore.readOnly(file).backup(dir.resolve("backups"));
        assertEquals("[]\n", Files.readString(backup));
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void backupOfAMalformedFileIsStillAByteCopy() throws IOException {
        Path file = fixture("bad/truncated-mid-write.json");
        Path backup = new JsonFileStore(file).backup(dir.resolve("backups"));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(backup));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json-shapes/sessions-object.json", "json-shapes/keyed-object.json",
            "json-shapes/backup-envelope.json"})
    void replaceAllKeepsTheFilesShapeAndOtherKeys(String name) throws IOException {
        Path file = fixture(name);
        JsonFileStore store = new JsonFileStore(file);
        List<SessionRecord> kept = all(store).subList(3, 6);
        String before = Files.readString(file);
        store.replaceAll(Stream.concat(kept.stream(), Stream.of(TestRecords.minimal("added"))));
        String after = Files.readString(file);
        assertEquals(before.charAt(0), after.charAt(0), "the same top-level shape");
        if (!name.contains("keyed")) {
            assertTrue(after.contains("\"baseDir\""), "other top-level keys are kept");
        }
        if (name.contains("envelope")) {
            assertTrue(after.contains("\"timestamp\": \"2025-06-23T16:46:12.144Z\""), after);
        }
        if (name.contains("keyed")) {
            assertFalse(after.contains("\"session\":"), "a keyed file stays keyed");
        }
        List<SessionRecord> expected = new ArrayList<>(kept);
        expected.add(TestRecords.minimal("added"));
        assertEquals(expected, all(new JsonFileStore(file)));
    }

    @Test
    void theArrayWriterWritesWhatTheStoreWritesForANewFile(@TempDir Path tmp) throws IOException {
        List<SessionRecord> records = List.of(TestRecords.rich("task-md#42"), TestRecords.minimal("b"),
                TestRecords.minimal("ünï \"q\" ✓").toBuilder().set("empty", new JsonValue.JsonArray(List.of()))
                        .set("emptyObject", JsonValue.JsonObject.empty()).build());
        Path file = tmp.resolve("new.json");
        new JsonFileStore(file).writeBatch(records);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JsonArrayWriter writer = new JsonArrayWriter(out);
        for (SessionRecord r : records) {
            writer.write(r);
        }
        writer.finish();
        assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
        java.io.ByteArrayOutputStream empty = new java.io.ByteArrayOutputStream();
        new JsonArrayWriter(empty).finish();
        assertEquals("[]", empty.toString(StandardCharsets.UTF_8));
    }

    // ---- read-only ----------------------------------------------------------------------------------

    @Test
    void readOnlyOfAMissingFileIsEmptyAndCreatesNoFileFolderOrLock() {
        Path file = dir.resolve("absent/folder/session-db.json");
        try (JsonFileStore store = JsonFileStore.readOnly(file)) {
            assertEquals(0, store.count(SessionQuery.all()));
            assertTrue(store.get("x").isEmpty());
            assertThrows(ReadOnlyStoreException.class, () -> store.create(TestRecords.minimal("x")));
            assertThrows(ReadOnlyStoreException.class, () -> store.replaceAll(Stream.empty()));
        }
        assertFalse(Files.exists(dir.resolve("absent")));
    }

    /**
     * readAhead parses the file on a thread of its own: once that thread is done, the store answers from what it
     * parsed (shown here by a file whose bytes change behind the store's back with its size and time kept, which a
     * store that had not read it yet would read as it is now).
     */
    @Test
    void readAheadParsesTheFileInTheBackgroundAndTheFirstUseTakesThatParse() throws Exception {
        Path file = fixture("minsky-written/session-db.json");
        try (JsonFileStore store = readAheadDone(file)) {
            byte[] bytes = Files.readAllBytes(file);
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
            Files.write(file, " ".repeat(bytes.length).getBytes(StandardCharsets.US_ASCII)); // same size, no sessions
            Files.setLastModifiedTime(file, time);
            assertEquals(20, store.count(SessionQuery.all()), "the records parsed ahead");
        }
        try (JsonFileStore unread = JsonFileStore.readOnly(file)) {
            assertEquals(0, unread.count(SessionQuery.all()), "what the file now holds: whitespace only");
        }
    }

    /** A file that cannot be parsed: readAhead says nothing, and the first use reports it as it would have anyway. */
    @Test
    void readAheadOfABrokenFileLeavesTheErrorToTheFirstUse() throws Exception {
        Path file = fixture("bad/syntax-error-line3.json");
        try (JsonFileStore store = readAheadDone(file)) {
            MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.count(SessionQuery.all()));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 3, column"), e.getMessage());
        }
    }

    /** {@code file} opened read-only, its {@link JsonFileStore#readAhead} begun and its thread ended. */
    private static JsonFileStore readAheadDone(Path file) throws InterruptedException {
        JsonFileStore store = JsonFileStore.readOnly(file);
        store.readAhead();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("json-read-ahead")) {
                t.join(30_000);
            }
        }
        return store;
    }

    @Test
    void readOnlyOfAFileCreatesNoLockFileAndChangesNothing() throws IOException {
        Path file = fixture("minsky-written/session-db.json");
        byte[] before = Files.readAllBytes(file);
        try (JsonFileStore store = JsonFileStore.readOnly(file)) {
            assertEquals(20, store.count(SessionQuery.all()));
            SessionRecord first = all(store).get(0);
            assertThrows(ReadOnlyStoreException.class, () -> store.update(
                    SessionPatch.of(first.session()).set(SessionField.BRANCH, "x").build(), first));
            assertThrows(ReadOnlyStoreException.class, () -> store.delete(first.session()));
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("session-db.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
