package dev.minsky.sessions.migrate;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts and rate of the phase in progress; makes the {@link RecordEvent}s. Single-threaded. */
final class PhaseProgress {
    private final Phase phase;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private long done;

    PhaseProgress(Phase phase, long total) {
        this.phase = phase;
        this.total = total;
    }

    RecordEvent record(String session, Outcome outcome, String detail) {
        done++;
        counts.merge(outcome, 1L, Long::sum);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new RecordEvent(phase, session, outcome, done, total,
                Collections.unmodifiableMap(new EnumMap<>(counts)), seconds > 0 ? done / seconds : 0, detail);
    }

    long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    Map<Outcome, Long> counts() {
        return new EnumMap<>(counts);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
