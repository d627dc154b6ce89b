package dev.minsky.sessions.migrate;

import dev.minsky.sessions.store.StoreException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Waiting for the engine's helper threads (the batch writer, the verification reader). */
final class Futures {
    private Futures() {
    }

    /** One daemon thread named {@code name} (a run the user abandons must not keep the JVM alive). */
    static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The result, with the worker's store error rethrown as it was. */
    static <T> T await(Future<T> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
