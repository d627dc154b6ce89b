package dev.minsky.sessions.gui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DirectTaskRunner;
import dev.minsky.sessions.gui.common.RecordingDialogs;
import dev.minsky.sessions.gui.sessions.SessionEditorModel.Elsewhere;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.sql.SqlStores;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6.1: the window notices when the store changes underneath (another store instance stands
 * for Minsky's CLI) and refreshes, keeping the selection and unsaved edits. The checks run when the
 * test says the period passed ({@link DirectTaskRunner#runRepeating()}).
 */
class ChangedUnderneathTest {
    @TempDir
    Path dir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final DirectTaskRunner tasks = new DirectTaskRunner();
    private SessionsViewModel vm;

    /** Each refresh gets its own time, so the refresh time shows every refresh. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2025-08-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @AfterEach
    void closeWindow() {
        if (vm != null) {
            vm.close();
            vm.context().closeStore();
        }
    }

    private SessionsViewModel open(Map<String, String> env) {
        AppContext ctx = new AppContext(env, dir, tasks, dialogs);
        vm = new SessionsViewModel(ctx, () -> new ConfigResolver(env, dir), ZoneOffset.UTC, new TickingClock(),
                Duration.ofMillis(100));
        vm.start();
        assertNotNull(ctx.storeProperty().get(), dialogs.errors.toString());
        return vm;
    }

    private SessionsViewModel openJson(Path file) {
        return open(Map.of("MINSKY_JSON_PATH", file.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString()));
    }

    private Path threeSessions(Path file) {
        try (JsonFileStore store = new JsonFileStore(file)) {
            store.writeBatch(List.of(TestRecords.minimal("fix-parser"), TestRecords.withTask("task#001", "#001"),
                    TestRecords.rich("task-md#2")));
        }
        return file;
    }

    private static void minskyCli(Path file, Consumer<SessionStore> change) {
        try (JsonFileStore other = new JsonFileStore(file)) {
            change.accept(other);
        }
    }

    private static List<String> names(SessionsViewModel vm) {
        return vm.list().rowsProperty().get().stream().map(SessionRecord::session).toList();
    }

    private SessionRecord select(String name) {
        SessionRecord r = vm.list().rowsProperty().get().stream().filter(x -> x.session().equals(name)).findFirst()
                .orElseThrow();
        assertTrue(vm.select(r));
        return r;
    }

    private static SessionRecord selected(SessionsViewModel vm) {
        int i = vm.list().selectIndexProperty().get();
        return i < 0 ? null : vm.list().rowsProperty().get().get(i);
    }

    @Test
    void aWatchStartedFromATokenReadAheadLoadsAtOnceAndStillNoticesAChangeMadeSince() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        JsonFileStore store = new JsonFileStore(file);
        ChangeToken readAhead = store.changeToken(); // as the window's start reads it, before the first page
        minskyCli(file, s -> s.create(TestRecords.minimal("made-in-between")));
        List<Boolean> changes = new ArrayList<>();
        StoreWatcher watcher = new StoreWatcher(tasks, Duration.ofMillis(100), new StoreWatcher.Listener() {
            @Override
            public void changed(boolean ownWrite) {
                changes.add(ownWrite);
            }

            @Override
            public void unreachable(Throwable e) {
                throw new AssertionError(e);
            }

            @Override
            public void reachable() {
            }
        });
        boolean[] loaded = {false};
        watcher.watch(store, readAhead, () -> loaded[0] = true);
        assertTrue(loaded[0], "the rows load at once: the baseline is already there");
        tasks.runRepeating();
        assertEquals(List.of(false), changes, "the change made after the token was read is noticed");
        tasks.runRepeating();
        assertEquals(List.of(false), changes, "and only once");
        watcher.stop();
        store.close();
    }

    @Test
    void aSessionAddedElsewhereAppearsOnTheNextCheckKeepingTheSelection() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        select("task-md#2");
        tasks.runRepeating();
        String before = vm.refreshTextProperty().get();
        assertEquals(before, vm.refreshTextProperty().get(), "nothing changed: no refresh");
        minskyCli(file, s -> s.create(TestRecords.minimal("aaa-from-the-cli").toBuilder()
                .set(SessionField.REPO_NAME, "acme/new").build()));
        tasks.runRepeating();
        assertEquals(List.of("aaa-from-the-cli", "fix-parser", "task#001", "task-md#2"), names(vm));
        assertEquals("task-md#2", selected(vm).session(), "the selection is kept");
        assertEquals("task-md#2", vm.editor().loadedProperty().get().session());
        assertTrue(vm.list().repoChoices().stream().anyMatch(c -> "acme/new".equals(c.value())), "choices refreshed");
        assertTrue(vm.refreshTextProperty().get().startsWith("Refreshed (store changed) "), vm.refreshTextProperty().get());
        assertEquals(List.of(), dialogs.errors);
        String after = vm.refreshTextProperty().get();
        tasks.runRepeating();
        assertEquals(after, vm.refreshTextProperty().get(), "one change, one refresh");
    }

    @Test
    void unsavedEditsSurviveAChangeElsewhereAndSaveThenReportsTheConflict() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        SessionRecord mine = select("fix-parser");
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        minskyCli(file, s -> s.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build()));
        tasks.runRepeating();
        assertEquals("mine", vm.editor().field(SessionField.BRANCH).textProperty().get(), "the edit is untouched");
        assertTrue(vm.editor().dirtyProperty().get());
        assertEquals(mine, vm.editor().loadedProperty().get(), "the record the edits are based on is kept");
        assertEquals(Elsewhere.CHANGED, vm.editor().elsewhereProperty().get());
        assertEquals("fix-parser", selected(vm).session());
        assertEquals("theirs", selected(vm).branch(), "the table shows what is stored");
        vm.editor().save();
        assertTrue(vm.editor().conflictProperty().get(), "saving offers to reload, never overwrites");
        vm.editor().reloadStored();
        assertEquals("theirs", vm.editor().field(SessionField.BRANCH).textProperty().get());
        assertEquals(Elsewhere.NONE, vm.editor().elsewhereProperty().get());
    }

    @Test
    void revertAfterAChangeElsewhereShowsTheSessionAsStoredNow() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        select("fix-parser");
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        minskyCli(file, s -> s.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build()));
        tasks.runRepeating();
        vm.editor().revert();
        assertEquals("theirs", vm.editor().field(SessionField.BRANCH).textProperty().get());
        assertFalse(vm.editor().dirtyProperty().get());
    }

    @Test
    void withoutEditsTheDetailsShowTheSessionAsChangedElsewhere() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        select("fix-parser");
        vm.list().quickTextProperty().set("fix"); // the change below takes it out of the filter: the details still follow
        minskyCli(file, s -> s.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build()));
        tasks.runRepeating();
        assertEquals("theirs", vm.editor().loadedProperty().get().branch());
        assertEquals("theirs", vm.editor().field(SessionField.BRANCH).textProperty().get());
        assertEquals(Elsewhere.NONE, vm.editor().elsewhereProperty().get());
    }

    @Test
    void aSelectedSessionDeletedElsewhereIsClearedUnlessItHasEdits() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        select("task#001");
        minskyCli(file, s -> s.delete("task#001"));
        tasks.runRepeating();
        assertEquals(List.of("fix-parser", "task-md#2"), names(vm));
        assertNull(vm.editor().loadedProperty().get(), "nothing selected any more");
        assertFalse(vm.editor().activeProperty().get());
        assertEquals("Session task#001 was deleted elsewhere", vm.statusProperty().get());
        assertEquals(List.of(), dialogs.errors);

        select("fix-parser");
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        minskyCli(file, s -> s.delete("fix-parser"));
        tasks.runRepeating();
        assertEquals(List.of("task-md#2"), names(vm));
        assertEquals("mine", vm.editor().field(SessionField.BRANCH).textProperty().get(), "edits are never dropped");
        assertEquals(Elsewhere.DELETED, vm.editor().elsewhereProperty().get());
    }

    @Test
    void ourOwnSaveRefreshesQuietly() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        select("fix-parser");
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        vm.editor().save();
        assertEquals("Saved fix-parser", vm.statusProperty().get());
        assertTrue(vm.refreshTextProperty().get().startsWith("Refreshed 12:"), vm.refreshTextProperty().get());
        String after = vm.refreshTextProperty().get();
        tasks.runRepeating();
        assertEquals(after, vm.refreshTextProperty().get(), "the change was ours and already shown");
        assertEquals("Saved fix-parser", vm.statusProperty().get());
        assertEquals(Elsewhere.NONE, vm.editor().elsewhereProperty().get());
    }

    @Test
    void aFailingCheckIsReportedOnceQuietlyAndTheWindowCatchesUpWhenItWorksAgain() throws Exception {
        Path folder = dir.resolve("store");
        Files.createDirectories(folder);
        Path file = threeSessions(folder.resolve("session-db.json"));
        openJson(file);
        Path away = dir.resolve("away");
        Files.move(folder, away);
        Files.writeString(folder, "not a folder"); // the file's path cannot even be looked at
        tasks.runRepeating();
        String note = vm.statusProperty().get();
        assertTrue(note.startsWith("Cannot check the store for changes (trying again): "), note);
        tasks.runRepeating();
        tasks.runRepeating();
        assertEquals(note, vm.statusProperty().get());
        assertEquals(List.of(), dialogs.errors, "never a dialog for a check");
        Files.delete(folder);
        Files.move(away, folder);
        minskyCli(file, s -> s.create(TestRecords.minimal("aaa-meanwhile")));
        tasks.runRepeating();
        assertEquals("", vm.statusProperty().get(), "the note goes when the store answers again");
        assertEquals("aaa-meanwhile", names(vm).get(0));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void switchingTheStoreOrClosingTheWindowStopsTheWatcher() {
        Path file = threeSessions(dir.resolve("session-db.json"));
        openJson(file);
        assertTrue(vm.watching());
        assertEquals(1, tasks.repeatingCount());
        Path other = threeSessions(dir.resolve("other.json"));
        vm.open(new StoreLocation.Json(other));
        assertEquals(1, tasks.repeatingCount(), "the old store's check stopped, the new one's started");
        minskyCli(file, s -> s.create(TestRecords.minimal("aaa-in-the-old-store")));
        tasks.runRepeating();
        assertFalse(names(vm).contains("aaa-in-the-old-store"));
        vm.close();
        assertFalse(vm.watching());
        assertEquals(0, tasks.repeatingCount());
    }

    @Test
    void aSqliteStoreIsCheckedToo() {
        Path db = dir.resolve("sessions.db");
        try (SessionStore s = SqlStores.openSqlite(db)) {
            s.create(TestRecords.minimal("first"));
        }
        open(Map.of("MINSKY_SESSION_BACKEND", "sqlite", "MINSKY_SQLITE_PATH", db.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        select("first");
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        try (SessionStore other = SqlStores.openSqlite(db)) {
            other.create(TestRecords.minimal("second"));
        }
        tasks.runRepeating();
        assertEquals(List.of("first", "second"), names(vm));
        assertEquals("mine", vm.editor().field(SessionField.BRANCH).textProperty().get());
    }

    @Test
    void aPostgresStoreIsCheckedToo() {
        PostgresUrl url = TestPostgres.newDatabase("gui_watch");
        open(Map.of("MINSKY_SESSION_BACKEND", "postgres", "MINSKY_POSTGRES_URL", url.toUrl(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        assertEquals(List.of(), names(vm));
        try (SessionStore other = SqlStores.openPostgres(url, Map.of(), dir)) {
            other.create(TestRecords.minimal("from-minsky"));
        }
        tasks.runRepeating();
        assertEquals(List.of("from-minsky"), names(vm));
        assertEquals(List.of(), dialogs.errors);
    }
}
