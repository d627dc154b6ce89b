package dev.minsky.sessions.gui.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for view-model tests: runs the work at once on the calling thread and calls
 * back before returning, so a test reads the result on the next line. Not for the running app.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Check<?>> repeating = new CopyOnWriteArrayList<>();
    private final List<Runnable> delayed = new CopyOnWriteArrayList<>();

    @Override
    public <T> Handle run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                          Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call(new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    if (listener != null) {
                        listener.progress(done, total, message);
                    }
                }

                @Override
                public boolean cancelled() {
                    return false; // the work has run to its end before anyone could ask
                }
            });
        } catch (Exception e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(result);
        return done();
    }

    /**
     * Without a delay, as {@link #run}. With one, the work waits until the test says the time has
     * passed ({@link #runDelayed()}): a test sees what happens meanwhile, without sleeping. Cancelled
     * before, it never runs and {@code onFailure} gets a cancellation at once.
     */
    @Override
    public <T> Handle runAfter(Duration delay, String title, Work<T> work, Consumer<? super T> onSuccess,
                               Consumer<Throwable> onFailure) {
        if (delay.isZero() || delay.isNegative()) {
            return run(title, work, onSuccess, onFailure);
        }
        boolean[] over = new boolean[1];
        Runnable[] start = new Runnable[1];
        start[0] = () -> {
            if (over[0]) {
                return; // cancelled by a run started before it in the same runDelayed()
            }
            over[0] = true;
            delayed.remove(start[0]);
            run(title, work, onSuccess, onFailure);
        };
        delayed.add(start[0]);
        return new Handle() {
            @Override
            public void cancel() {
                if (!over[0]) {
                    over[0] = true;
                    delayed.remove(start[0]);
                    onFailure.accept(new java.util.concurrent.CancellationException(title + " was cancelled"));
                }
            }

            @Override
            public boolean done() {
                return over[0];
            }
        };
    }

    /** Starts every delayed run that is not cancelled, as if its delay had passed (runs started meanwhile wait). */
    public void runDelayed() {
        List.copyOf(delayed).forEach(Runnable::run);
    }

    /** How many delayed runs wait for their delay (not started, not cancelled). */
    public int delayedCount() {
        return delayed.size();
    }

    /**
     * Runs the check once at once, like {@link #run}; afterwards it runs again only when the test
     * says time has passed ({@link #runRepeating()}) or when {@link Repeating#runNow()} is called on
     * the thread that started it (a call from another thread, such as a file watch's, is dropped:
     * the test decides when checks run).
     */
    @Override
    public <T> Repeating repeat(Duration period, Work<T> check, Consumer<? super T> onResult,
                                Consumer<Throwable> onFailure) {
        Check<T> c = new Check<>(check, onResult, onFailure, Thread.currentThread());
        repeating.add(c);
        c.runNow();
        return c;
    }

    /** Runs every repeating check that is not cancelled once, as if their period had passed. */
    public void runRepeating() {
        repeating.forEach(Check::runOnce);
    }

    /** How many repeating checks are running (not cancelled). */
    public int repeatingCount() {
        return repeating.size();
    }

    private final class Check<T> implements Repeating {
        private final Work<T> check;
        private final Consumer<? super T> onResult;
        private final Consumer<Throwable> onFailure;
        private final Thread owner;
        private volatile boolean cancelled;

        Check(Work<T> check, Consumer<? super T> onResult, Consumer<Throwable> onFailure, Thread owner) {
            this.check = check;
            this.onResult = onResult;
            this.onFailure = onFailure;
            this.owner = owner;
        }

        void runOnce() {
            if (cancelled) {
                return;
            }
            T result;
            try {
                result = check.call(Progress.NONE);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onResult.accept(result);
        }

        @Override
        public void runNow() {
            if (Thread.currentThread() == owner) {
                runOnce();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            repeating.remove(this);
        }

        @Override
        public boolean done() {
            return cancelled;
        }
    }

    private static Handle done() {
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean done() {
                return true;
            }
        };
    }
}
