package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.config.EffectiveConfig;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The sessions window: which store is open (or why none is), the status line, and the commands of
 * the menus that span the table and the details pane (open, demo, new, delete with undo, refresh).
 * It owns the {@link StoreWatcher} that refreshes the window when the store changes underneath.
 */
public final class SessionsViewModel {
    static final int DEMO_SIZE = 2000;

    private final AppContext ctx;
    private final Supplier<ConfigResolver> config;
    private final SessionListModel list;
    private final SessionEditorModel editor;
    private final ReadOnlyObjectWrapper<Path> missingDefault = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refreshText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SessionRecord> undoable = new ReadOnlyObjectWrapper<>();
    /** The token read before the first page was read ahead, for the watch of that store (FX thread). */
    private Baseline readAheadBaseline;
    private final StoreWatcher watcher;
    private final UnderneathRefresh underneath;

    public SessionsViewModel(AppContext ctx, Supplier<ConfigResolver> config, ZoneId zone, Clock clock) {
        this(ctx, config, zone, clock, StoreWatcher.PERIOD);
    }

    /** @param checkPeriod how often to check the store for changes made underneath (tests: short) */
    public SessionsViewModel(AppContext ctx, Supplier<ConfigResolver> config, ZoneId zone, Clock clock,
                             Duration checkPeriod) {
        this.ctx = ctx;
        this.config = config;
        this.list = new SessionListModel(ctx, zone, clock);
        this.editor = new SessionEditorModel(ctx, clock);
        this.underneath = new UnderneathRefresh(ctx, list, editor, status, refreshText);
        this.watcher = new StoreWatcher(ctx.tasks(), checkPeriod, underneath);
        status.set(ctx.text("app.reading"));
        list.setOnError(e -> {
            if (!underneath.failedQuietly(e)) { // a refresh of its own accord raises no dialog
                failed(ctx.text("sessions.error.load"), e);
            }
        });
        editor.setOnSaved(r -> {
            list.keepSelected(r.session());
            status.set(ctx.text("sessions.status.saved", r.session()));
            watcher.ownWrite(); // the watcher sees the write at once and refreshes the rows: one read, not two
        });
        ctx.storeProperty().addListener((o, a, s) -> storeChanged(s));
        storeChanged(ctx.storeProperty().get());
    }

    /** With the app's real configuration (environment and home of {@code ctx}). */
    public SessionsViewModel(AppContext ctx) {
        this(ctx, () -> new ConfigResolver(ctx.env(), ctx.home()), ZoneId.systemDefault(), Clock.systemDefaultZone());
    }

    private void storeChanged(SessionStore s) {
        watcher.stop();
        underneath.storeSwitched();
        editor.clear();
        undoable.set(null);
        if (s != null) {
            missingDefault.set(null);
            StoreLocation where = ctx.locationProperty().get() != null ? ctx.locationProperty().get() : s.location();
            String place = where.file().map(Path::toString).orElseGet(where::display);
            storeText.set(ctx.text("sessions.status.store", ctx.text("sessions.backend." + where.kind().id()), place));
            status.set(s.writable() ? "" : ctx.text("sessions.status.readOnly"));
        }
        editor.storeProperty().set(s);
        if (list.storeProperty().get() != null) {
            list.storeProperty().set(null); // nothing reads the old store while the new one's baseline is taken
        }
        // the rows are read once the watcher has its first token, so no change in between goes unseen
        Baseline ahead = readAheadBaseline;
        readAheadBaseline = null;
        watcher.watch(s, ahead != null && ahead.store() == s ? ahead.token() : null,
                () -> list.storeProperty().set(s)); // loads: a failure shows in the status line
    }

    /** Stops watching the store (the window closed). */
    public void close() {
        watcher.stop();
    }

    /** Whether the store in use is being watched for changes made underneath. */
    public boolean watching() {
        return watcher.watching();
    }

    /**
     * Resolves the configuration (in the background) and opens its store; when that is the JSON
     * file and the file does not exist yet, shows where it looked instead ({@link #missingDefaultProperty()}).
     * The first page read with it is shown without another read ({@link SessionListModel#offerFirstPage}); a
     * {@link StartupReadAhead} begun for this window's environment does the same work earlier.
     */
    public void start() {
        SessionQuery first = list.firstPageQuery();
        // the same work begun before JavaFX started (StartupReadAhead), if it was, for this environment and query
        Optional<CompletableFuture<Start>> early = StartupReadAhead.take(ctx.env(), ctx.home(), first);
        ctx.tasks().run(ctx.text("app.reading"), p -> {
            if (early.isPresent()) {
                try {
                    return early.get().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return startWork(config.get(), where -> ctx.openNow(where), first);
        }, s -> {
            if (s.missing) {
                missingDefault.set(((StoreLocation.Json) s.where).path());
                storeText.set("");
                status.set(ctx.text("sessions.status.noStore"));
            } else if (s.failure != null) {
                failed(ctx.text("sessions.error.open", s.where.display()), s.failure);
            } else {
                if (s.firstPage != null) {
                    // shown in the window's first frame; the store's watch starts from the token read before them
                    list.offerFirstPage(s.opened, first, s.firstPage.rows(), s.firstPage.total());
                    readAheadBaseline = new Baseline(s.opened, s.firstPage.token());
                }
                ctx.use(s.where, s.opened);
            }
        }, e -> failed(ctx.text("sessions.error.config"), e));
    }

    /**
     * What the window's start does off the FX thread: resolves the configuration, opens its store (unless it is
     * the JSON file and that does not exist yet), reads the store's change token, then {@code first} and the
     * store's total. A failure to open is part of the answer; a failure to resolve the configuration is thrown.
     */
    static Start startWork(ConfigResolver config, Function<StoreLocation, SessionStore> open, SessionQuery first) {
        EffectiveConfig c = config.resolve();
        StoreLocation where = c.activeLocation();
        boolean missing = where instanceof StoreLocation.Json json && !Files.exists(json.path());
        if (missing) {
            return new Start(where, true, null, null, null);
        }
        SessionStore opened;
        try {
            opened = open.apply(where);
        } catch (RuntimeException e) {
            return new Start(where, false, null, e, null);
        }
        ChangeToken token; // before the rows: a change made after it is noticed by the watcher's first check
        try {
            token = opened.changeToken();
        } catch (RuntimeException e) {
            token = null;
        }
        return new Start(where, false, opened, null, token == null ? null : readAhead(opened, first, token));
    }

    /**
     * Reads what the window's first query will (the first page of rows, the store's total) while the window is
     * still being built on the FX thread, so that its first frame can show them: a JSON file is read now rather
     * than after the window shows, a database's connection and statements are ready. Null on a failure, which
     * is left for the list's own load to report, as it would be without this.
     */
    private static FirstPage readAhead(SessionStore store, SessionQuery first, ChangeToken token) {
        try {
            return new FirstPage(store.list(first), store.count(SessionQuery.all()), token);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first page and the store's total, read after {@code token}. */
    record FirstPage(List<SessionRecord> rows, long total, ChangeToken token) {
    }

    /** A store's change token read before its first page was read ahead. */
    private record Baseline(SessionStore store, ChangeToken token) {
    }

    /** What the start found: the configured store, opened in the same background step (or why not). */
    record Start(StoreLocation where, boolean missing, SessionStore opened, RuntimeException failure,
                 FirstPage firstPage) {
    }

    /** Opens {@code where} and makes it the store in use (reported on failure; the old store stays). */
    public void open(StoreLocation where) {
        status.set(ctx.text("task.opening", where.display()));
        ctx.open(where, e -> {
            if (e != null) {
                failed(ctx.text("sessions.error.open", where.display()), e);
            }
        });
    }

    /** File ▸ Open store…: a JSON file, or a SQLite database (by its extension). */
    public void openFile() {
        Path initial = missingDefault.get() != null ? missingDefault.get().getParent() : ctx.home();
        ctx.dialogs().chooseFile(ctx.text("sessions.open.title"), false, initial, ctx.text("sessions.open.filter"),
                "*.json", "*.db", "*.sqlite", "*.sqlite3").ifPresent(p -> open(locationOf(p)));
    }

    static StoreLocation locationOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".db") || n.endsWith(".sqlite") || n.endsWith(".sqlite3")
                ? new StoreLocation.Sqlite(file) : new StoreLocation.Json(file);
    }

    /** Writes {@value #DEMO_SIZE} sample sessions to a temporary JSON file and opens it. */
    public void openDemo() {
        ctx.tasks().run(ctx.text("sessions.task.demo"), p -> {
            Path dir = Files.createTempDirectory("minsky-demo-");
            return DemoSessions.write(dir.resolve("session-db.json"), DEMO_SIZE);
        }, this::open, e -> failed(ctx.text("sessions.error.demo"), e));
    }

    /** Session ▸ New (asks first when there are unsaved edits). */
    public void newSession() {
        if (store() != null && mayDiscardEdits()) {
            editor.startNew();
        }
    }

    /** Whether the edits in the details pane may go (none, or the user said so). */
    public boolean mayDiscardEdits() {
        return !editor.dirtyProperty().get() || ctx.dialogs().confirm(ctx.text("sessions.discard.title"),
                ctx.text("sessions.discard.message"), ctx.text("sessions.discard.confirm"));
    }

    /** The table's selection changed to {@code r} (null: none); false when the user kept the edits instead. */
    public boolean select(SessionRecord r) {
        SessionRecord current = editor.loadedProperty().get();
        String name = r == null ? null : r.session();
        if (current != null && name != null && current.session().equals(name) && editor.dirtyProperty().get()) {
            return true; // the same session after a refresh: keep the unsaved edits
        }
        if (editor.creatingProperty().get() && r == null) {
            return true;
        }
        if (!mayDiscardEdits()) {
            return false;
        }
        list.keepSelected(name);
        if (r == null) {
            editor.clear();
        } else {
            editor.load(r);
        }
        return true;
    }

    /** Session ▸ Delete: asks, deletes, then offers {@link #undoDelete()} for a while. */
    public void delete() {
        SessionRecord r = editor.loadedProperty().get();
        SessionStore s = store();
        if (r == null || s == null || !ctx.dialogs().confirm(ctx.text("sessions.delete.title"),
                ctx.text("sessions.delete.message", r.session()), ctx.text("sessions.delete.confirm"))) {
            return;
        }
        ctx.tasks().run(ctx.text("sessions.task.deleting", r.session()), p -> {
            s.delete(r.session(), r);
            return r;
        }, deleted -> {
            editor.clear();
            list.keepSelected(null);
            undoable.set(deleted);
            status.set(ctx.text("sessions.status.deleted", deleted.session()));
            watcher.ownWrite();
        }, e -> failed(ctx.text("sessions.error.delete", r.session()), e));
    }

    /** Puts the last deleted session back, exactly as it was. */
    public void undoDelete() {
        SessionRecord r = undoable.get();
        SessionStore s = store();
        if (r == null || s == null) {
            return;
        }
        undoable.set(null);
        ctx.tasks().run(ctx.text("sessions.task.restoring", r.session()), p -> s.create(r), restored -> {
            list.keepSelected(restored.session());
            status.set(ctx.text("sessions.status.restored", restored.session()));
            watcher.ownWrite();
        }, e -> failed(ctx.text("sessions.error.undo", r.session()), e));
    }

    /** The undo offer timed out or was closed. */
    public void dismissUndo() {
        undoable.set(null);
    }

    /** Session ▸ Refresh: re-reads the store, keeping the selection and any unsaved edits. */
    public void refresh() {
        list.refresh();
    }

    private void failed(String what, Throwable e) {
        String message = UnderneathRefresh.message(e);
        status.set(what + ": " + message);
        ctx.dialogs().error(what, message, e);
    }

    private SessionStore store() {
        return ctx.storeProperty().get();
    }

    public AppContext context() {
        return ctx;
    }

    public SessionListModel list() {
        return list;
    }

    public SessionEditorModel editor() {
        return editor;
    }

    /** The JSON file the configuration points at, when it does not exist yet (else null). */
    public ReadOnlyObjectProperty<Path> missingDefaultProperty() {
        return missingDefault.getReadOnlyProperty();
    }

    /** "json: /path" — the backend and location in use, password masked. */
    public ReadOnlyStringProperty storeTextProperty() {
        return storeText.getReadOnlyProperty();
    }

    /** The last thing that happened (an error, a save, a delete). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshTextProperty() {
        return refreshText.getReadOnlyProperty();
    }

    /** The session just deleted, while its deletion can be undone (else null). */
    public ReadOnlyObjectProperty<SessionRecord> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }
}
