package dev.minsky.sessions.gui.common;

import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for view-model tests: runs the work at once on the calling thread and calls
 * back before returning, so a test reads the result on the next line. Not for the running app.
 */
public final class DirectTaskRunner implements TaskRunner {
    private volatile boolean cancelRequested;

    @Override
    public <T> Handle run(String title, Work<T> work, ProgressListener listener, Consumer<? super T> onSuccess,
                          Consumer<Throwable> onFailure) {
        cancelRequested = false;
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
                    return cancelRequested;
                }
            });
        } catch (Exception e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(result);
        return done();
    }

    /** Makes the next {@link Progress#cancelled()} checks answer true (as a Cancel button would). */
    public void requestCancel() {
        cancelRequested = true;
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
