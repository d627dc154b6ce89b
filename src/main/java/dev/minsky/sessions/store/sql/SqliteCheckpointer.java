package dev.minsky.sessions.store.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * Checkpoints a SQLite file's WAL (copies the committed pages into the file and syncs it) on a
 * connection and a thread of its own, while the store's one connection goes on writing: SQLite's
 * own advice for bulk loads, with the automatic checkpoint off during the writes. A migration's
 * batches then neither stop for a checkpoint every 1,000 pages nor leave the whole WAL to be copied
 * when the store closes (0.3 s for 100,000 records); the copying and syncing, which wait on the
 * disk, happen beside the work that needs the CPU. A checkpoint that fails or finds the WAL in use
 * is left to the next one, to the next ordinary write or to the close, which all checkpoint as usual.
 * A {@code PASSIVE} checkpoint never blocks readers or the writer.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private final Path file;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Asked for while a checkpoint ran: what was committed after that one began is still to be copied. */
    private final AtomicBoolean again = new AtomicBoolean();
    private ExecutorService thread; // made at the first request: most stores never ask
    private Connection connection; // opened and used on that thread only
    private boolean closed;

    SqliteCheckpointer(Path file) {
        this.file = file;
    }

    /**
     * Starts a checkpoint; if one is running, another follows it. The running one copies only what was committed
     * before it began: the batch that asked meanwhile (a load's last one, say) would otherwise wait in the WAL
     * until the next write or the close.
     */
    synchronized void request() {
        if (closed) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sqlite-checkpoint");
                t.setDaemon(true);
                return t;
            });
        }
        thread.execute(this::checkpoint);
    }

    private void checkpoint() {
        do {
            again.set(false);
            try {
                if (connection == null) {
                    SQLiteConfig config = new SQLiteConfig();
                    config.setBusyTimeout(10_000);
                    connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            } catch (SQLException e) {
                // left to the next checkpoint, the next ordinary write or the close
            }
        } while (again.get());
        running.set(false);
        if (again.get()) {
            request(); // asked for between the loop's last look and the line above
        }
    }

    /** Waits for a running checkpoint and closes the connection: before the store's own connection closes. */
    @Override
    public synchronized void close() {
        closed = true;
        if (thread == null || thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // nothing of ours is pending on it: a checkpoint only copies what is committed
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
