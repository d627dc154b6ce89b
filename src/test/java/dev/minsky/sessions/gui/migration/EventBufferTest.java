package dev.minsky.sessions.gui.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.migrate.Outcome;
import dev.minsky.sessions.migrate.Phase;
import dev.minsky.sessions.migrate.RecordEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventBufferTest {

    @Test
    void aHundredThousandEventsReachTheUiAsAFewBoundedBatches() {
        AtomicInteger signals = new AtomicInteger();
        EventBuffer buffer = new EventBuffer(500, 5_000, Duration.ofMillis(100), signals::incrementAndGet);
        buffer.phaseStarted(Phase.COPY, 100_000);
        long start = System.nanoTime();
        for (int i = 1; i <= 100_000; i++) {
            Outcome o = i % 10_000 == 0 ? Outcome.INVALID : Outcome.COPIED;
            buffer.record(new RecordEvent(Phase.COPY, "s" + i, o, i, 100_000, Map.of(o, 1L), 1000, ""));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(signals.get() <= 2 + seconds * 10 + 1, signals.get() + " UI updates in " + seconds + " s");
        EventBuffer.Snapshot s = buffer.drain();
        assertEquals(510, s.rows().size(), "the last 500 records and all 10 problem ones");
        assertEquals(10, s.rows().stream().filter(RecordRow::problem).count());
        assertEquals(100_000, s.latest().done());
        assertTrue(buffer.drain().rows().isEmpty(), "a drain takes what it returns");
    }

    @Test
    void problemsBeyondTheLimitAreCountedNotKept() {
        EventBuffer buffer = new EventBuffer(5, 3, Duration.ZERO, () -> { });
        for (int i = 1; i <= 10; i++) {
            buffer.record(new RecordEvent(Phase.VERIFY, "s" + i, Outcome.MISSING, i, 10, Map.of(), 1, ""));
        }
        EventBuffer.Snapshot s = buffer.drain();
        assertEquals(3, s.rows().size());
        assertEquals(7, s.droppedProblems());
    }
}
