package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A store's records in batches, streamed in its stable order: memory bounded by the batch, not the store. */
final class Batches {
    private Batches() {
    }

    /** Takes one batch; false stops the reading. */
    @FunctionalInterface
    interface Handler {
        boolean handle(List<SessionRecord> batch);
    }

    /**
     * Every record of {@code store}, {@code size} at a time, until {@code handler} says stop. The
     * next batch is read while the handler works on this one ({@link ReadAhead}).
     */
    static void forEach(SessionStore store, int size, Handler handler) {
        try (ReadAhead batches = new ReadAhead(store, size, r -> true)) {
            for (List<SessionRecord> batch = batches.next(); !batch.isEmpty(); batch = batches.next()) {
                if (!handler.handle(batch)) {
                    return;
                }
            }
        }
    }

    /** Up to {@code size} of the next records that {@code keep} accepts; empty at the end. */
    static List<SessionRecord> next(Iterator<SessionRecord> it, int size, Predicate<SessionRecord> keep) {
        List<SessionRecord> batch = new ArrayList<>(Math.min(size, 10_000));
        while (batch.size() < size && it.hasNext()) { // a full batch asks for nothing more (a SQL stream's next page)
            SessionRecord r = it.next();
            if (keep.test(r)) {
                batch.add(r);
            }
        }
        return batch;
    }

    /**
     * A store's batches read one ahead on a thread of their own: while the caller works on one
     * batch, the next is read (for a SQL store, its rows fetched and made into records), so reading
     * the source no longer waits for the work on each batch nor the other way round. At most two
     * batches are held. A store error is rethrown by the {@link #next()} that would have returned
     * the batch. Used by one thread; close it.
     */
    static final class ReadAhead implements AutoCloseable {
        private final ExecutorService thread;
        private final SessionStore store;
        private final Stream<SessionRecord> all;
        private final Iterator<SessionRecord> it;
        private final int size;
        private final Predicate<SessionRecord> keep;
        private Future<List<SessionRecord>> ahead;

        ReadAhead(SessionStore store, int size, Predicate<SessionRecord> keep) {
            this.store = store;
            this.size = size;
            this.keep = keep;
            this.all = store.streamAll();
            this.it = all.iterator();
            this.thread = Futures.daemonThread("read-ahead");
            this.ahead = thread.submit(this::read);
        }

        private List<SessionRecord> read() {
            return Batches.next(it, size, keep);
        }

        /** The next batch; empty at the end. */
        List<SessionRecord> next() {
            if (ahead == null) {
                return List.of();
            }
            List<SessionRecord> batch = Futures.await(ahead, "reading " + store.location().display());
            ahead = batch.isEmpty() ? null : thread.submit(this::read);
            return batch;
        }

        /** Stops reading: the stream is closed on the reading thread, after the read in hand. */
        @Override
        public void close() {
            Future<?> closed = thread.submit(all::close);
            thread.shutdown();
            try {
                Futures.await(closed, "closing " + store.location().display());
            } catch (RuntimeException alreadyFailing) {
                // closing a stream fails only if reading it did, and that is what gets reported
            }
        }
    }
}
