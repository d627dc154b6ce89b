package dev.minsky.sessions.gui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The real {@link TaskRunner}: each piece of work is a {@link Task} on a pool of daemon threads (so
 * a hung PostgreSQL never keeps the app from exiting); results, failures and progress reach the FX
 * thread. {@link #runningProperty()} and {@link #currentTitleProperty()} feed the status bar.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "store-work-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    /**
     * Only starts work later on {@link #executor} (repeating checks, delayed runs): a check that hangs never
     * delays another, and a delay waits here without holding a worker.
     */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-check-timer");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper currentTitle = new ReadOnlyStringWrapper("");

    /** How many pieces of work are running (FX thread). */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The title of the most recently started work still running, or empty (FX thread). */
    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle.getReadOnlyProperty();
    }

    @Override
    public <T> Handle run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                          Consumer<Throwable> onFailure) {
        AtomicReference<Task<T>> self = new AtomicReference<>();
        // Progress is coalesced here rather than through Task's properties: those drop the count when
        // the total is unknown (updateProgress(done, -1) sets done to -1 too), and the interface
        // promises "total < 0 when not known". One hand-over to the FX thread is pending at a time
        // and delivers the latest values, before the work's own completion (runLater keeps order).
        AtomicReference<long[]> latestCounts = new AtomicReference<>();
        AtomicReference<String> latestMessage = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean handOverPending = new java.util.concurrent.atomic.AtomicBoolean();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        if (listener == null) {
                            return;
                        }
                        latestCounts.set(new long[] {done, total < 0 ? -1 : total});
                        if (message != null) {
                            latestMessage.set(message);
                        }
                        if (handOverPending.compareAndSet(false, true)) {
                            Platform.runLater(() -> {
                                handOverPending.set(false);
                                long[] counts = latestCounts.get();
                                listener.progress(counts[0], counts[1], latestMessage.get());
                            });
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return self.get().isCancelled();
                    }
                });
            }
        };
        self.set(task);
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finished();
            onFailure.accept(new java.util.concurrent.CancellationException(title + " was cancelled"));
        });
        onFx(() -> {
            running.set(running.get() + 1);
            currentTitle.set(title);
        });
        executor.execute(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public boolean done() {
                return task.isDone();
            }
        };
    }

    @Override
    public <T> Handle runAfter(Duration delay, String title, Work<T> work, Consumer<? super T> onSuccess,
                               Consumer<Throwable> onFailure) {
        if (delay.isZero() || delay.isNegative()) {
            return run(title, work, onSuccess, onFailure);
        }
        Delayed<T> d = new Delayed<>(title, work, onSuccess, onFailure);
        try {
            d.future = timer.schedule(d::start, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            d.cancel(); // shut down: nothing runs any more
        }
        return d;
    }

    /**
     * Work waiting on the timer for its delay: only when that has passed does it become a {@link #run} (and
     * count as running work). Cancelled before, it never runs and reports the cancellation as a run would.
     */
    private final class Delayed<T> implements Handle {
        private final String title;
        private final Work<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private volatile ScheduledFuture<?> future;
        /** Both guarded by this: the timer's start and a cancel from the FX thread may meet. */
        private Handle started;
        private boolean cancelled;

        Delayed(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.title = title;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        synchronized void start() {
            if (!cancelled) {
                started = run(title, work, onSuccess, onFailure);
            }
        }

        @Override
        public void cancel() {
            Handle running;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                running = started;
            }
            if (running != null) {
                running.cancel();
                return;
            }
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            onFx(() -> onFailure.accept(new java.util.concurrent.CancellationException(title + " was cancelled")));
        }

        @Override
        public synchronized boolean done() {
            return started != null ? started.done() : cancelled;
        }
    }

    @Override
    public <T> Repeating repeat(Duration period, Work<T> check, Consumer<? super T> onResult,
                                Consumer<Throwable> onFailure) {
        RepeatingCheck<T> c = new RepeatingCheck<>(check, onResult, onFailure);
        long millis = Math.max(1, period.toMillis());
        try {
            c.future = timer.scheduleWithFixedDelay(c::runNow, millis, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            c.cancel(); // shut down: nothing runs any more
            return c;
        }
        c.runNow();
        return c;
    }

    /**
     * Started by the timer or by {@link #runNow()}, run on the work pool, one at a time; a request
     * while one runs makes it run once more when it ends (the change may have come after its read).
     */
    private final class RepeatingCheck<T> implements Repeating {
        private final Work<T> check;
        private final Consumer<? super T> onResult;
        private final Consumer<Throwable> onFailure;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        RepeatingCheck(Work<T> check, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
            this.check = check;
            this.onResult = onResult;
            this.onFailure = onFailure;
        }

        @Override
        public void runNow() {
            if (cancelled) {
                return;
            }
            if (!inFlight.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            again.set(false);
            try {
                executor.execute(this::runOnce);
            } catch (RejectedExecutionException e) {
                inFlight.set(false);
            }
        }

        private void runOnce() {
            try {
                T result = check.call(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled;
                    }
                });
                deliver(() -> onResult.accept(result));
            } catch (Throwable e) {
                deliver(() -> onFailure.accept(e));
            } finally {
                inFlight.set(false);
                if (again.get()) {
                    runNow();
                }
            }
        }

        private void deliver(Runnable callback) {
            if (!cancelled) {
                Platform.runLater(() -> {
                    if (!cancelled) {
                        callback.run();
                    }
                });
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        @Override
        public boolean done() {
            return cancelled;
        }
    }

    private void finished() {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            currentTitle.set("");
        }
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Stops accepting work; running work is left to finish on its daemon threads. */
    public void shutdown() {
        timer.shutdownNow();
        executor.shutdownNow();
    }
}
