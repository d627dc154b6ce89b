package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.gui.common.RecordingDialogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DirectTaskRunner;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsViewModelTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    final RecordingDialogs dialogs = new RecordingDialogs();

    private SessionsViewModel viewModel(Map<String, String> env) {
        AppContext ctx = new AppContext(env, dir, new DirectTaskRunner(), dialogs);
        return new SessionsViewModel(ctx, () -> new ConfigResolver(env, dir), ZONE, CLOCK);
    }

    /** A window on a JSON store at {@code file}, as the configuration would open it. */
    private SessionsViewModel openOn(Path file) {
        SessionsViewModel vm = viewModel(Map.of("MINSKY_JSON_PATH", file.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        vm.start();
        assertNotNull(vm.context().storeProperty().get(), dialogs.errors.toString());
        return vm;
    }

    private Path storeWith(SessionRecord... records) {
        Path file = dir.resolve("session-db.json");
        try (JsonFileStore store = new JsonFileStore(file)) {
            store.writeBatch(List.of(records));
        }
        return file;
    }

    private static SessionRecord rec(String name, String task, String repo, String branch, String created) {
        return SessionRecord.builder(name).set(SessionField.REPO_NAME, repo).set(SessionField.REPO_URL, ".")
                .set(SessionField.CREATED_AT, created).set(SessionField.TASK_ID, task)
                .set(SessionField.BRANCH, branch).build();
    }

    private Path threeSessions() {
        return storeWith(
                rec("task#001", "#001", "local/minsky", "task#001", "2025-05-01T10:00:00.000Z"),
                rec("task-md#2", "md#2", "edobry/minsky", "main", "2025-06-15T10:00:00.000Z"),
                rec("fix-parser", null, "local/minsky", "main", "2025-07-20T23:30:00Z"));
    }

    private static List<String> names(SessionsViewModel vm) {
        return vm.list().rowsProperty().get().stream().map(SessionRecord::session).toList();
    }

    @Test
    void listsEverySessionWithTheCount() {
        SessionsViewModel vm = openOn(threeSessions());
        assertEquals(List.of("fix-parser", "task#001", "task-md#2"), names(vm));
        assertEquals("3 of 3 sessions", vm.list().countTextProperty().get());
        assertTrue(vm.storeTextProperty().get().equals("JSON file: " + dir.resolve("session-db.json")), vm.storeTextProperty().get());
        assertEquals("Refreshed 14:00:00", vm.refreshTextProperty().get()); // the fixed clock, in Berlin
    }

    @Test
    void aFirstPageReadAheadIsShownAsItWasReadAndOnlyForItsQueryAndStore() {
        SessionsViewModel vm = openOn(threeSessions());
        SessionListModel list = vm.list();
        Path otherFile = dir.resolve("other.json");
        try (JsonFileStore other = new JsonFileStore(otherFile)) {
            other.writeBatch(List.of(rec("a-1", null, "acme/x", "main", "2025-05-01T10:00:00Z"),
                    rec("a-2", null, "acme/x", "main", "2025-05-01T10:00:00Z")));
        }
        JsonFileStore other = new JsonFileStore(otherFile);
        // what was read ahead, deliberately not what the store holds now: shown as it is, not read again
        SessionRecord readAhead = rec("read-ahead", null, "acme/x", "main", "2025-05-01T10:00:00Z");
        list.offerFirstPage(other, list.firstPageQuery(), List.of(readAhead), 1);
        list.storeProperty().set(other);
        assertEquals(List.of("read-ahead"), names(vm));
        assertEquals("1 of 1 sessions", list.countTextProperty().get());
        list.refresh(); // used once: the next load reads the store
        assertEquals(List.of("a-1", "a-2"), names(vm));

        list.offerFirstPage(other, list.firstPageQuery(), List.of(readAhead), 1);
        list.quickTextProperty().set("a-2"); // another query: the rows read ahead are dropped
        assertEquals(List.of("a-2"), names(vm));
        list.quickTextProperty().set("");
        assertEquals(List.of("a-1", "a-2"), names(vm));

        JsonFileStore third = new JsonFileStore(otherFile);
        list.offerFirstPage(third, list.firstPageQuery(), List.of(readAhead), 1);
        list.storeProperty().set(other); // unchanged store: no load happens
        list.refresh(); // a load of another store than the one read ahead: dropped
        assertEquals(List.of("a-1", "a-2"), names(vm));
    }

    @Test
    void aReadBegunBeforeJavaFxStartedIsTakenOnceByAWindowOfTheSameEnvironment() {
        Path file = threeSessions();
        Map<String, String> env = Map.of("MINSKY_JSON_PATH", file.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        StartupReadAhead.begin(env, dir);
        assertTrue(StartupReadAhead.take(Map.of("MINSKY_JSON_PATH", "elsewhere.json"), dir,
                SessionListModel.initialQuery()).isEmpty(), "another environment does not take it");
        SessionsViewModel vm = viewModel(env);
        assertEquals(SessionListModel.initialQuery(), vm.list().firstPageQuery(), "a new window's first query");
        vm.start();
        assertTrue(StartupReadAhead.take(env, dir, SessionListModel.initialQuery()).isEmpty(), "taken by the window");
        assertEquals(List.of("fix-parser", "task#001", "task-md#2"), names(vm));
        assertEquals("3 of 3 sessions", vm.list().countTextProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aConfigurationErrorFoundBeforeJavaFxStartedIsReportedAsTheWindowWouldReportIt() {
        Map<String, String> env = Map.of("MINSKY_SESSION_BACKEND", "mongodb",
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        StartupReadAhead.begin(env, dir);
        viewModel(env).start();
        Map<String, String> again = Map.of("MINSKY_SESSION_BACKEND", "mongodb",
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        RecordingDialogs without = new RecordingDialogs();
        new SessionsViewModel(new AppContext(again, dir.resolve("other-home"), new DirectTaskRunner(), without),
                () -> new ConfigResolver(again, dir.resolve("other-home")), ZONE, CLOCK).start();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertEquals(without.errors, dialogs.errors, "the same report with and without the early read");
    }

    @Test
    void quickFilterMatchesAnyTextFieldIgnoringCase() {
        SessionsViewModel vm = openOn(threeSessions());
        vm.list().quickTextProperty().set("EDOBRY");
        assertEquals(List.of("task-md#2"), names(vm));
        assertEquals("1 of 3 sessions", vm.list().countTextProperty().get());
        vm.list().quickTextProperty().set("main");
        assertEquals(List.of("fix-parser", "task-md#2"), names(vm));
        vm.list().quickTextProperty().set("%");
        assertEquals(List.of(), names(vm));
    }

    @Test
    void filtersByTaskRepositoryBranchAndCreatedDate() {
        SessionsViewModel vm = openOn(threeSessions());
        vm.list().taskIdProperty().set("001"); // one leading # ignored, as Minsky does
        assertEquals(List.of("task#001"), names(vm));
        vm.list().taskIdProperty().set(null);
        vm.list().repoNameProperty().set("local/minsky");
        vm.list().branchProperty().set("main");
        assertEquals(List.of("fix-parser"), names(vm));
        vm.list().clearFilters();
        // 2025-07-20T23:30Z is 21 July in Berlin: the range is in local days, both ends included
        vm.list().createdFromProperty().set(LocalDate.of(2025, 6, 15));
        vm.list().createdToProperty().set(LocalDate.of(2025, 7, 20));
        assertEquals(List.of("task-md#2"), names(vm));
        vm.list().createdToProperty().set(LocalDate.of(2025, 7, 21));
        assertEquals(List.of("fix-parser", "task-md#2"), names(vm));
    }

    @Test
    void offersFilterChoicesWithTheirCounts() {
        SessionsViewModel vm = openOn(threeSessions());
        assertEquals(List.of(Choice.ANY, new Choice("edobry/minsky", 1), new Choice("local/minsky", 2)),
                vm.list().repoChoices());
        assertEquals(List.of(Choice.ANY, new Choice("main", 2), new Choice("task#001", 1)), vm.list().branchChoices());
        assertEquals(3, vm.list().taskChoices().size());
    }

    @Test
    void sortsThroughTheStoresQuery() {
        SessionsViewModel vm = openOn(threeSessions());
        vm.list().sortBy(SortField.CREATED_AT, true);
        assertEquals(List.of("fix-parser", "task-md#2", "task#001"), names(vm));
        vm.list().sortBy(SortField.REPO_NAME, false);
        assertEquals(List.of("task-md#2", "fix-parser", "task#001"), names(vm));
        vm.list().sortBy(null, false);
        assertEquals(List.of("fix-parser", "task#001", "task-md#2"), names(vm));
    }

    @Test
    void refreshKeepsTheSelectedSession() {
        Path file = threeSessions();
        SessionsViewModel vm = openOn(file);
        assertTrue(vm.select(vm.list().rowsProperty().get().get(2)));
        try (JsonFileStore other = new JsonFileStore(file)) {
            other.create(TestRecords.minimal("aaa-first"));
        }
        vm.refresh();
        assertEquals(3, vm.list().selectIndexProperty().get());
        assertEquals("task-md#2", names(vm).get(3));
    }

    private Path numberedSessions(int n) {
        SessionRecord[] records = new SessionRecord[n];
        for (int i = 0; i < n; i++) {
            records[i] = rec(String.format("s%02d", i), null, "local/minsky", "main", "2025-05-01T10:00:00Z");
        }
        return storeWith(records);
    }

    @Test
    void aLargeAnswerArrivesPageByPageAndKeepsTheSelection() {
        SessionsViewModel vm = openOn(numberedSessions(23));
        vm.list().setPaging(5, 4, 0);
        assertTrue(vm.select(vm.list().rowsProperty().get().get(17)));
        vm.refresh();
        assertEquals(23, names(vm).size());
        assertEquals("s00", names(vm).get(0));
        assertEquals("s22", names(vm).get(22));
        assertEquals(17, vm.list().selectIndexProperty().get());
        assertEquals(23, vm.list().shownProperty().get());
        assertEquals("23 of 23 sessions", vm.list().countTextProperty().get());
    }

    /** A window on {@code file} whose background work runs only when the test says so. */
    private SessionsViewModel queuedOn(Path file, QueuedTasks tasks) {
        Map<String, String> env = Map.of("MINSKY_JSON_PATH", file.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        SessionsViewModel vm = new SessionsViewModel(new AppContext(env, dir, tasks, dialogs),
                () -> new ConfigResolver(env, dir), ZONE, CLOCK);
        vm.start();
        tasks.runAll();
        return vm;
    }

    @Test
    void clearingEveryFilterOrSortingAsksTheStoreOnce() {
        QueuedTasks tasks = new QueuedTasks();
        SessionsViewModel vm = queuedOn(threeSessions(), tasks);
        vm.list().repoNameProperty().set("local/minsky");
        vm.list().branchProperty().set("main");
        vm.list().quickTextProperty().set("fix");
        tasks.runAll();
        assertEquals(List.of("fix-parser"), names(vm));

        vm.list().clearFilters();
        assertEquals(1, tasks.pending(), "one query for all the filters cleared");
        tasks.runAll();
        assertEquals(3, names(vm).size());
        vm.list().sortBy(SortField.CREATED_AT, true);
        assertEquals(1, tasks.pending(), "one query for the field and the direction");
        tasks.runAll();
        assertEquals(List.of("fix-parser", "task-md#2", "task#001"), names(vm));
        assertEquals("3 of 3 sessions", vm.list().countTextProperty().get());
    }

    @Test
    void aNewerFilterStopsTheRestOfAnOlderAnswer() {
        Path file = numberedSessions(23);
        QueuedTasks tasks = new QueuedTasks();
        SessionsViewModel vm = queuedOn(file, tasks);
        vm.list().setPaging(5, 4, 0);

        vm.list().quickTextProperty().set("s1");
        tasks.runNext(); // the first page of "s1": s1x rows 10..14 (5, a full page: more to read)
        List<SessionRecord> older = vm.list().rowsProperty().get();
        assertEquals(List.of("s10", "s11", "s12", "s13", "s14"), names(vm));
        assertEquals(-1, vm.list().shownProperty().get());
        assertEquals("5\u2026 of 23 sessions (reading the rest)", vm.list().countTextProperty().get());

        vm.list().quickTextProperty().set("s2");
        tasks.runAll(); // the rest of "s1" finds a newer request and reads nothing
        assertEquals(5, older.size());
        assertEquals(List.of("s20", "s21", "s22"), names(vm));
        assertEquals("3 of 23 sessions", vm.list().countTextProperty().get());
    }

    /** Runs background work only when the test says so, callbacks included, in order. */
    private static final class QueuedTasks implements dev.minsky.sessions.gui.common.TaskRunner {
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private final DirectTaskRunner checks = new DirectTaskRunner();

        @Override
        public <T> Handle run(String title, Work<T> work, ProgressListener listener,
                              java.util.function.Consumer<? super T> onSuccess,
                              java.util.function.Consumer<Throwable> onFailure) {
            boolean[] state = new boolean[2]; // cancelled, done
            queue.add(() -> {
                T result;
                try {
                    result = work.call(new Progress() {
                        @Override
                        public void update(long done, long total, String message) {
                        }

                        @Override
                        public boolean cancelled() {
                            return state[0];
                        }
                    });
                } catch (Exception e) {
                    state[1] = true;
                    onFailure.accept(e);
                    return;
                }
                state[1] = true;
                onSuccess.accept(result);
            });
            return new Handle() {
                @Override
                public void cancel() {
                    state[0] = true;
                }

                @Override
                public boolean done() {
                    return state[1];
                }
            };
        }

        /** Queued like any work (the test says when the delay has passed); cancelled before that, it never runs. */
        @Override
        public <T> Handle runAfter(java.time.Duration delay, String title, Work<T> work,
                                   java.util.function.Consumer<? super T> onSuccess,
                                   java.util.function.Consumer<Throwable> onFailure) {
            boolean[] cancelled = new boolean[1];
            Handle queued = run(title, p -> {
                if (cancelled[0]) {
                    throw new java.util.concurrent.CancellationException(title + " was cancelled");
                }
                return work.call(p);
            }, null, onSuccess, onFailure);
            return new Handle() {
                @Override
                public void cancel() {
                    cancelled[0] = true;
                    queued.cancel();
                }

                @Override
                public boolean done() {
                    return queued.done();
                }
            };
        }

        /** The store watcher's checks, as the direct runner runs them: the first at once, later ones when asked. */
        @Override
        public <T> Repeating repeat(java.time.Duration period, Work<T> check,
                                    java.util.function.Consumer<? super T> onResult,
                                    java.util.function.Consumer<Throwable> onFailure) {
            return checks.repeat(period, check, onResult, onFailure);
        }

        int pending() {
            return queue.size();
        }

        void runNext() {
            queue.remove().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runNext();
            }
        }
    }

    @Test
    void showsValidationAtTheFieldAndBlocksSave() {
        SessionsViewModel vm = openOn(threeSessions());
        SessionEditorModel editor = vm.editor();
        vm.select(vm.list().rowsProperty().get().get(0));
        assertFalse(editor.canSaveProperty().get(), "nothing changed yet");
        editor.field(SessionField.REPO_NAME).textProperty().set("");
        assertEquals("is required", editor.field(SessionField.REPO_NAME).problemProperty().get());
        assertTrue(editor.field(SessionField.REPO_NAME).errorProperty().get());
        assertFalse(editor.canSaveProperty().get());
        editor.field(SessionField.REPO_NAME).textProperty().set("acme/app");
        editor.field(SessionField.CREATED_AT).textProperty().set("yesterday");
        assertEquals("is not a valid ISO-8601 instant", editor.field(SessionField.CREATED_AT).problemProperty().get());
        assertFalse(editor.canSaveProperty().get());
        editor.field(SessionField.CREATED_AT).textProperty().set("2025-05-01T10:00:00Z");
        editor.field(SessionField.TASK_ID).textProperty().set("TASK 1");
        assertTrue(editor.field(SessionField.TASK_ID).problemProperty().get().startsWith("is a legacy form"));
        assertFalse(editor.field(SessionField.TASK_ID).errorProperty().get(), "a warning does not block");
        assertTrue(editor.canSaveProperty().get());
    }

    @Test
    void savesOnlyTheChangedFieldsAndKeepsUnknownOnes() {
        Path file = storeWith(TestRecords.rich("rich-one"));
        SessionsViewModel vm = openOn(file);
        vm.select(vm.list().rowsProperty().get().get(0));
        SessionEditorModel editor = vm.editor();
        assertTrue(editor.others().stream().anyMatch(f -> f.name().equals("remote") && f.nested()));
        editor.field(SessionField.BRANCH).textProperty().set("feature/x");
        editor.field(SessionField.PR_APPROVED).textProperty().set("true");
        assertTrue(editor.dirtyProperty().get());
        editor.save();
        assertEquals(List.of(), dialogs.errors);
        SessionRecord expected = TestRecords.rich("rich-one").toBuilder().set(SessionField.BRANCH, "feature/x")
                .set(SessionField.PR_APPROVED, true).build();
        try (JsonFileStore store = new JsonFileStore(file)) {
            assertEquals(expected, store.get("rich-one").orElseThrow());
        }
        assertFalse(editor.dirtyProperty().get());
        assertEquals("Saved rich-one", vm.statusProperty().get());
    }

    @Test
    void aChangeBySomeoneElseIsAConflictNotAnOverwrite() {
        Path file = threeSessions();
        SessionsViewModel vm = openOn(file);
        vm.select(vm.list().rowsProperty().get().get(0)); // fix-parser
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build());
        }
        vm.editor().save();
        assertTrue(vm.editor().conflictProperty().get());
        assertEquals("mine", vm.editor().field(SessionField.BRANCH).textProperty().get(), "edits kept until asked");
        try (JsonFileStore check = new JsonFileStore(file)) {
            assertEquals("theirs", check.get("fix-parser").orElseThrow().branch());
        }
        vm.editor().reloadStored();
        assertFalse(vm.editor().conflictProperty().get());
        assertEquals("theirs", vm.editor().field(SessionField.BRANCH).textProperty().get());
        assertFalse(vm.editor().dirtyProperty().get());
    }

    @Test
    void keepEditingAfterAConflictKeepsTheEdits() {
        Path file = threeSessions();
        SessionsViewModel vm = openOn(file);
        vm.select(vm.list().rowsProperty().get().get(0));
        vm.editor().field(SessionField.BRANCH).textProperty().set("mine");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build());
        }
        vm.editor().save();
        vm.editor().keepEditing();
        assertFalse(vm.editor().conflictProperty().get());
        assertEquals("mine", vm.editor().field(SessionField.BRANCH).textProperty().get());
    }

    @Test
    void createsANewSession() {
        Path file = threeSessions();
        SessionsViewModel vm = openOn(file);
        vm.newSession();
        SessionEditorModel editor = vm.editor();
        assertTrue(editor.creatingProperty().get());
        assertEquals("2025-08-01T12:00:00.000Z", editor.field(SessionField.CREATED_AT).textProperty().get());
        assertFalse(editor.canSaveProperty().get());
        assertEquals("is required", editor.field(SessionField.REPO_NAME).problemProperty().get());
        editor.field(SessionField.SESSION).textProperty().set("task#777");
        editor.field(SessionField.REPO_NAME).textProperty().set("local/minsky");
        editor.field(SessionField.REPO_URL).textProperty().set("/home/dev/minsky");
        assertTrue(editor.canSaveProperty().get());
        editor.save();
        assertEquals(List.of(), dialogs.errors);
        assertFalse(editor.creatingProperty().get());
        assertEquals("4 of 4 sessions", vm.list().countTextProperty().get());
        assertEquals("task#777", names(vm).get(vm.list().selectIndexProperty().get()));
        try (JsonFileStore store = new JsonFileStore(file)) {
            assertEquals("/home/dev/minsky", store.get("task#777").orElseThrow().repoUrl());
        }
    }

    @Test
    void creatingAnExistingNameIsReported() {
        SessionsViewModel vm = openOn(threeSessions());
        vm.newSession();
        vm.editor().field(SessionField.SESSION).textProperty().set("fix-parser");
        vm.editor().field(SessionField.REPO_NAME).textProperty().set("r");
        vm.editor().field(SessionField.REPO_URL).textProperty().set("u");
        vm.editor().save();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(vm.editor().creatingProperty().get(), "the form stays for a new name");
    }

    @Test
    void deleteAsksFirstAndCanBeUndone() {
        Path file = threeSessions();
        SessionsViewModel vm = openOn(file);
        SessionRecord before = vm.list().rowsProperty().get().get(1);
        vm.select(before);
        dialogs.confirmAnswer = false;
        vm.delete();
        assertEquals(3, vm.list().shownProperty().get(), "not confirmed: nothing deleted");
        dialogs.confirmAnswer = true;
        vm.delete();
        assertEquals(List.of("fix-parser", "task-md#2"), names(vm));
        assertEquals(before, vm.undoableProperty().get());
        assertFalse(vm.editor().activeProperty().get());
        vm.undoDelete();
        assertNull(vm.undoableProperty().get());
        assertEquals(List.of("fix-parser", "task#001", "task-md#2"), names(vm));
        try (JsonFileStore store = new JsonFileStore(file)) {
            assertEquals(before, store.get("task#001").orElseThrow());
        }
    }

    @Test
    void switchingSessionsWithUnsavedEditsAsksFirst() {
        SessionsViewModel vm = openOn(threeSessions());
        vm.select(vm.list().rowsProperty().get().get(0));
        vm.editor().field(SessionField.BRANCH).textProperty().set("edited");
        dialogs.confirmAnswer = false;
        assertFalse(vm.select(vm.list().rowsProperty().get().get(1)));
        assertEquals("edited", vm.editor().field(SessionField.BRANCH).textProperty().get());
        assertTrue(vm.select(vm.list().rowsProperty().get().get(0)), "the same session again keeps the edits");
        assertEquals("edited", vm.editor().field(SessionField.BRANCH).textProperty().get());
    }

    @Test
    void withoutTheDefaultFileTheWindowSaysWhereItLookedAndOffersADemo() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        SessionsViewModel vm = viewModel(env);
        vm.start();
        assertEquals(dir.resolve("state/minsky/session-db.json"), vm.missingDefaultProperty().get());
        assertNull(vm.context().storeProperty().get());
        assertEquals("No store open", vm.statusProperty().get());
        assertFalse(Files.exists(dir.resolve("state/minsky/session-db.json")), "nothing created behind the user's back");
        vm.openDemo();
        assertNull(vm.missingDefaultProperty().get());
        assertEquals(SessionsViewModel.DEMO_SIZE, vm.list().totalProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void openFileOpensJsonOrSqliteByExtension() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        SessionsViewModel vm = viewModel(env);
        vm.start();
        Path db = dir.resolve("local.db");
        try (SessionStore sqlite = dev.minsky.sessions.config.SessionStores.open(new StoreLocation.Sqlite(db))) {
            sqlite.create(TestRecords.minimal("in-sqlite"));
        }
        dialogs.chosenFile = db;
        vm.openFile();
        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of("in-sqlite"), names(vm));
        assertTrue(vm.storeTextProperty().get().equals("SQLite: " + db), vm.storeTextProperty().get());
    }

    @Test
    void aMalformedFileIsReportedNotShownAsEmpty() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[{\"session\": \"a\",");
        SessionsViewModel vm = viewModel(Map.of("MINSKY_JSON_PATH", file.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        vm.start();
        assertFalse(dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).contains("broken.json"), dialogs.errors.toString());
        assertTrue(vm.statusProperty().get().contains("broken.json"), vm.statusProperty().get());
    }
    @Test
    void worksOnPostgresAndNeverShowsThePassword() {
        dev.minsky.sessions.store.PostgresUrl url = dev.minsky.sessions.testsupport.TestPostgres.newDatabase("gui-sessions");
        SessionsViewModel vm = viewModel(Map.of("MINSKY_SESSION_BACKEND", "postgres", "MINSKY_POSTGRES_URL", url.toUrl(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        vm.start();
        assertEquals(List.of(), dialogs.errors);
        String shown = vm.storeTextProperty().get();
        url.password().ifPresent(p -> assertFalse(shown.contains(p), "password shown"));
        assertTrue(shown.startsWith("PostgreSQL: postgresql://"), shown); // safe to print: checked above
        vm.newSession();
        vm.editor().field(SessionField.SESSION).textProperty().set("task-md#318");
        vm.editor().field(SessionField.REPO_NAME).textProperty().set("edobry/minsky");
        vm.editor().field(SessionField.REPO_URL).textProperty().set("https://github.com/edobry/minsky.git");
        vm.editor().save();
        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of("task-md#318"), names(vm));
        SessionRecord stored = vm.editor().loadedProperty().get();
        vm.editor().field(SessionField.BRANCH).textProperty().set("task-md#318");
        vm.editor().save();
        assertEquals("task-md#318", vm.list().rowsProperty().get().get(0).branch());
        assertFalse(stored.has(SessionField.BRANCH));
        vm.context().closeStore();
    }
}
