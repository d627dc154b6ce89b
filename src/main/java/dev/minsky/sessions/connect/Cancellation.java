package dev.minsky.sessions.connect;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets another thread stop a check that is blocked in the network. Blocking socket reads and
 * connects ignore thread interrupts, but they return at once when the socket is closed, so
 * everything that may block is tracked here and {@link #cancel()} closes it all.
 */
final class Cancellation {
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
        closeAll();
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Tracks a resource; if the check is already cancelled it is closed at once (so a late arrival cannot block). */
    <T extends Closeable> T track(T resource) {
        open.add(resource);
        if (cancelled) {
            closeQuietly(resource);
        }
        return resource;
    }

    /** Closes a resource the check is done with and stops tracking it. */
    void release(Closeable resource) {
        open.remove(resource);
        closeQuietly(resource);
    }

    /** Closes everything still open: at cancel, and at the end of a check (a driver may leave a socket behind). */
    void closeAll() {
        for (Closeable c : open) {
            open.remove(c);
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing is the whole point; a failure to close changes nothing for the user
        }
    }
}
