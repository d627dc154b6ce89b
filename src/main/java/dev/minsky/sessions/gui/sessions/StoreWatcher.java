package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.gui.common.TaskRunner;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.SessionStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices that the store in use changed underneath the window (Minsky's CLI added or edited a
 * session; SPEC §6.1) by comparing the store's {@link SessionStore#changeToken() change token}
 * every {@link #PERIOD}, and at once when the store's own {@link SessionStore#watch watch} (the JSON
 * file's folder) reports something. The checks run through {@link TaskRunner#repeat}, off the FX
 * thread and quietly; everything else here happens on the FX thread.
 *
 * <p>The first token read for a store is the baseline: {@link #watch}'s {@code then} runs once it
 * is taken, so the rows the window then reads are at least as new as the baseline, and a change
 * made in between is noticed, never missed. A failed check is reported once
 * ({@link Listener#unreachable}), and the watcher keeps trying; when a check succeeds again the
 * listener hears {@link Listener#reachable} and, if the token moved meanwhile, {@link Listener#changed}.
 */
final class StoreWatcher {
    /** How often the token is compared (a file's metadata, or one light query). */
    static final Duration PERIOD = Duration.ofSeconds(3);

    /** What the watcher tells the window, on the FX thread. */
    interface Listener {
        /**
         * The store changed since the last check.
         *
         * @param ownWrite whether the check began after one of our own writes that it can explain
         *                 ({@link #ownWrite()}): the window then refreshes without saying so
         */
        void changed(boolean ownWrite);

        /** A check failed (reported once until one succeeds again). */
        void unreachable(Throwable e);

        /** A check succeeded after {@link #unreachable}. */
        void reachable();
    }

    private record Checked(long ownWrites, ChangeToken token) {
    }

    private final TaskRunner tasks;
    private final Duration period;
    private final Listener listener;
    /** Our own writes so far; a check records the count when it starts. Read off the FX thread. */
    private final AtomicLong ownWrites = new AtomicLong();
    private SessionStore store;
    private TaskRunner.Repeating check;
    private SessionStore.Watch fileWatch;
    private ChangeToken last;
    private Runnable onBaseline;
    private long ownWritesSeen;
    private boolean failing;

    StoreWatcher(TaskRunner tasks, Duration period, Listener listener) {
        this.tasks = tasks;
        this.period = period;
        this.listener = listener;
    }

    /**
     * Stops watching the previous store and starts on {@code s} (null: none). {@code then} runs once
     * the baseline token was read, or failed to be (the window loads its rows then).
     */
    void watch(SessionStore s, Runnable then) {
        watch(s, null, then);
    }

    /**
     * As {@link #watch(SessionStore, Runnable)}, with the baseline token already read ({@code baseline}, null: not
     * read) before the caller read anything from {@code s}: {@code then} runs at once, and the first check
     * compares with that baseline, so a change made since is still noticed.
     */
    void watch(SessionStore s, ChangeToken baseline, Runnable then) {
        stop();
        if (s == null) {
            then.run();
            return;
        }
        store = s;
        onBaseline = baseline == null ? then : null;
        last = baseline;
        ownWritesSeen = ownWrites.get();
        TaskRunner.Repeating started = tasks.repeat(period, p -> new Checked(ownWrites.get(), s.changeToken()),
                c -> checked(s, c), e -> failed(s, e));
        if (store != s) { // moved on from within the first check's callback (a same-thread runner)
            started.cancel();
            return;
        }
        check = started;
        fileWatch = s.watch(started::runNow).orElse(null);
        if (baseline != null) {
            then.run();
        }
    }

    /**
     * We just wrote to the store (saved, deleted, restored): checks at once, and reports the change
     * the next check started after this finds as {@code ownWrite}. Someone else's write at the same
     * moment cannot be told apart from ours: the refresh happens either way, only the note is left out.
     */
    void ownWrite() {
        ownWrites.incrementAndGet();
        if (check != null) {
            check.runNow();
        }
    }

    /** Stops the checks and the file watch (store switched, window closed). Idempotent. */
    void stop() {
        if (check != null) {
            check.cancel();
            check = null;
        }
        if (fileWatch != null) {
            fileWatch.close();
            fileWatch = null;
        }
        store = null;
        last = null;
        onBaseline = null;
        failing = false;
    }

    boolean watching() {
        return store != null;
    }

    private void checked(SessionStore s, Checked c) {
        if (s != store) {
            return;
        }
        if (failing) {
            failing = false;
            listener.reachable();
        }
        if (onBaseline != null) {
            last = c.token();
            Runnable then = onBaseline;
            onBaseline = null;
            then.run();
            return;
        }
        boolean own = c.ownWrites() > ownWritesSeen;
        ownWritesSeen = Math.max(ownWritesSeen, c.ownWrites());
        if (!c.token().equals(last)) {
            last = c.token(); // null after a failed first check: the rows could not be read, read them now
            listener.changed(own);
        }
    }

    private void failed(SessionStore s, Throwable e) {
        if (s != store) {
            return;
        }
        if (onBaseline != null) {
            Runnable then = onBaseline;
            onBaseline = null;
            then.run(); // the rows' own read reports the problem, as it did before there was a watcher
            failing = true; // one report is enough
            return;
        }
        if (!failing) {
            failing = true;
            listener.unreachable(e);
        }
    }
}
