package dev.minsky.sessions.store.json;

import dev.minsky.sessions.store.SessionStore;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one file through its folder (the file itself is replaced by a rename on every write, by us
 * and by Minsky, so only the folder can be watched): creation, modification and deletion of that name
 * wake the watch, and a burst of them (temp file, rename, folder sync) is reported once, after
 * {@link #QUIET_MILLIS} without another. Runs on a daemon thread of its own, which ends on
 * {@link #close()} or when the folder goes away.
 */
final class FileWatch implements SessionStore.Watch, Runnable {
    static final long QUIET_MILLIS = 200;
    /** A folder that never stays quiet (a busy build next to the file) still reports this often. */
    static final long MAX_DELAY_MILLIS = 1000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WatchService service;
    private final Path name;
    private final Runnable changed;
    private volatile boolean closed;

    private FileWatch(WatchService service, Path name, Runnable changed) {
        this.service = service;
        this.name = name;
        this.changed = changed;
    }

    /**
     * Starts watching {@code file}; empty when its folder cannot be watched (it does not exist, or the
     * system's watch limit is reached): the caller then relies on polling.
     */
    static Optional<SessionStore.Watch> start(Path file, Runnable changed) {
        Path folder = file.getParent();
        WatchService service = null;
        try {
            service = FileSystems.getDefault().newWatchService();
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            closeQuietly(service);
            return Optional.empty();
        }
        FileWatch watch = new FileWatch(service, file.getFileName(), changed);
        Thread t = new Thread(watch, "json-file-watch-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return Optional.of(watch);
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                WatchKey key = service.take();
                boolean relevant = drain(key);
                if (!key.reset()) {
                    return; // the folder is gone (or the service closed)
                }
                if (!relevant) {
                    continue;
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS);
                while (System.nanoTime() < deadline) {
                    WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    drain(more);
                    if (!more.reset()) {
                        break;
                    }
                }
                if (!closed) {
                    changed.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: done
        } finally {
            closeQuietly(service);
        }
    }

    /** Takes the key's events; true when one concerns the file (or events were lost). */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context())) {
                relevant = true;
            }
        }
        return relevant;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(service);
    }

    private static void closeQuietly(WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
