package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    /** Every record of {@code store}, {@code size} at a time, until {@code handler} says stop. */
    static void forEach(SessionStore store, int size, Handler handler) {
        try (Stream<SessionRecord> all = store.streamAll()) {
            Iterator<SessionRecord> it = all.iterator();
            while (it.hasNext()) {
                if (!handler.handle(next(it, size, r -> true))) {
                    return;
                }
            }
        }
    }

    /** Up to {@code size} of the next records that {@code keep} accepts; empty at the end. */
    static List<SessionRecord> next(Iterator<SessionRecord> it, int size, Predicate<SessionRecord> keep) {
        List<SessionRecord> batch = new ArrayList<>(Math.min(size, 10_000));
        while (it.hasNext() && batch.size() < size) {
            SessionRecord r = it.next();
            if (keep.test(r)) {
                batch.add(r);
            }
        }
        return batch;
    }
}
