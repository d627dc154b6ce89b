package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.store.SessionStore;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.StringProperty;

/**
 * What the sessions window does when its {@link StoreWatcher} reports (SPEC §6.1): reads the rows
 * and filter choices again (the selected session stays selected), checks the session in the details
 * pane (unsaved edits are never replaced, only marked), and says so quietly: in the refresh time
 * and the status line, never in a dialog, since a store that keeps failing would raise one every
 * few seconds. FX thread.
 */
final class UnderneathRefresh implements StoreWatcher.Listener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppContext ctx;
    private final SessionListModel list;
    private final SessionEditorModel editor;
    private final StringProperty status;
    private final StringProperty refreshText;
    /** A refresh started here is on its way (its failure: a status note, no dialog). */
    private boolean refreshing;
    /** ... for someone else's change, which the refresh time says. */
    private boolean elsewhere;
    /** The status note of a failing check, while it shows. */
    private String watchNote;

    UnderneathRefresh(AppContext ctx, SessionListModel list, SessionEditorModel editor, StringProperty status,
                      StringProperty refreshText) {
        this.ctx = ctx;
        this.list = list;
        this.editor = editor;
        this.status = status;
        this.refreshText = refreshText;
        list.lastRefreshProperty().addListener((o, a, b) -> refreshed(b));
    }

    @Override
    public void changed(boolean ownWrite) {
        refreshing = true;
        elsewhere = !ownWrite;
        list.refresh();
        SessionRecord shown = editor.loadedProperty().get();
        SessionStore s = list.storeProperty().get();
        if (ownWrite || shown == null || s == null) {
            return; // after our own write the details pane already holds what was written
        }
        ctx.tasks().run(ctx.text("sessions.task.loadingOne", shown.session()), p -> s.get(shown.session()),
                found -> detailsChanged(shown, found), e -> {
                    // the rows' refresh reads the same store and reports the problem
                });
    }

    private void detailsChanged(SessionRecord shown, Optional<SessionRecord> stored) {
        if (editor.loadedProperty().get() != shown || stored.filter(shown::equals).isPresent()) {
            return; // the pane moved on, or this session did not change
        }
        if (editor.dirtyProperty().get()) {
            editor.changedElsewhere(stored.isEmpty());
        } else if (stored.isPresent()) {
            editor.load(stored.get());
        } else {
            editor.clear();
            list.keepSelected(null);
            status.set(ctx.text("sessions.status.deletedElsewhere", shown.session()));
        }
    }

    private void refreshed(LocalDateTime at) {
        String key = elsewhere ? "sessions.status.refreshedChanged" : "sessions.status.refreshed";
        refreshText.set(at == null ? "" : ctx.text(key, TIME.format(at)));
        refreshing = false;
        elsewhere = false;
    }

    /** Another store is in use: nothing started here is on its way any more. */
    void storeSwitched() {
        refreshing = false;
        elsewhere = false;
        watchNote = null;
    }

    /** A read of the rows failed: true when it was a refresh started here, then reported quietly. */
    boolean failedQuietly(Throwable e) {
        if (!refreshing) {
            return false;
        }
        refreshing = false;
        elsewhere = false;
        status.set(ctx.text("sessions.error.autoRefresh", message(e)));
        return true;
    }

    @Override
    public void unreachable(Throwable e) {
        watchNote = ctx.text("sessions.status.checkFailed", message(e));
        status.set(watchNote);
    }

    @Override
    public void reachable() {
        if (watchNote != null && watchNote.equals(status.get())) {
            status.set("");
        }
        watchNote = null;
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
