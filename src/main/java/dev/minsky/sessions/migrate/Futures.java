package dev.minsky.sessions.migrate;

import dev.minsky.sessions.store.StoreException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the engine's helper threads (the batch writer, the verification reader). */
final class Futures {
    private Futures() {
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
