package dev.minsky.sessions.gui.common;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs store work off the FX thread (DESIGN convention 7). View models get one injected: the real
 * one ({@link FxTaskRunner}) runs work on background threads and calls back on the FX thread; tests
 * use DirectTaskRunner (in the tests), which runs everything at once on the caller's thread.
 */
public interface TaskRunner {

    /** The work: may report progress and should stop when {@link Progress#cancelled()}. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What a running piece of work tells the UI. Safe to call from the worker thread. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** {@code total} < 0 when not known. Updates are coalesced: call as often as convenient. */
        void update(long done, long total, String message);

        boolean cancelled();
    }

    /** A piece of work started by {@link #run}. */
    interface Handle {
        /** Asks the work to stop; its callbacks still run (failure with a cancellation, or success). */
        void cancel();

        boolean done();
    }

    /**
     * Starts {@code work} in the background. Exactly one of {@code onSuccess} and {@code onFailure}
     * runs afterwards, on the FX thread.
     *
     * @param title what the work is, for the status bar ("Loading sessions")
     */
    default <T> Handle run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, work, null, onSuccess, onFailure);
    }

    /** As {@link #run(String, Work, Consumer, Consumer)}, with progress (may be null) delivered on the FX thread. */
    <T> Handle run(String title, Work<T> work, ProgressListener progress, Consumer<? super T> onSuccess,
                   Consumer<Throwable> onFailure);

    /**
     * As {@link #run(String, Work, Consumer, Consumer)}, but started only once {@code delay} has passed. Until
     * then nothing runs and nothing is shown as running work: waiting occupies no worker (a list waits for the
     * filters to settle before it reads the rest of an answer). Cancelling the handle before the delay has
     * passed means the work never runs; {@code onFailure} then gets a cancellation, as for cancelled work.
     * A delay of zero or less starts the work at once.
     */
    <T> Handle runAfter(Duration delay, String title, Work<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure);

    /** A check started by {@link #repeat}: cancel stops it. */
    interface Repeating extends Handle {
        /** Runs the check as soon as it can (once more after the one running, if any). Any thread. */
        void runNow();
    }

    /**
     * Runs {@code check} in the background now and then every {@code period}, quietly: it is not
     * shown as running work (a status bar must not blink every few seconds). A check never overlaps
     * the previous one. Each result or failure goes to its callback on the FX thread; once the
     * handle is cancelled, none does. For watching a store for changes made underneath.
     */
    <T> Repeating repeat(Duration period, Work<T> check, Consumer<? super T> onResult, Consumer<Throwable> onFailure);

    /** Progress as the UI receives it (on the FX thread). */
    @FunctionalInterface
    interface ProgressListener {
        void progress(long done, long total, String message);
    }
}
