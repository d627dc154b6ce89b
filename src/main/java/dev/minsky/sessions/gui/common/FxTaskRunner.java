package dev.minsky.sessions.gui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        updateProgress(done, total < 0 ? -1 : total);
                        if (message != null) {
                            updateMessage(message);
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
        if (listener != null) {
            Runnable report = () -> listener.progress((long) task.getWorkDone(), (long) task.getTotalWork(),
                    task.getMessage());
            task.workDoneProperty().addListener((o, a, b) -> report.run());
            task.messageProperty().addListener((o, a, b) -> report.run());
        }
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
        executor.shutdownNow();
    }
}
