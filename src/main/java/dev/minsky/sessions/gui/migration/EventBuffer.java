package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.MigrationListener;
import dev.minsky.sessions.migrate.Phase;
import dev.minsky.sessions.migrate.RecordEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a migration's events on the thread that runs it and hands them to the UI in batches:
 * {@code signal} runs (on the migration's thread) at most once per {@code interval}, plus at each
 * phase change, and the UI then {@link #drain()}s. Between two drains it keeps only the last
 * {@code keepRecent} ordinary records and up to {@code keepProblems} problem ones, so 100,000
 * records cost the FX thread ten small updates a second, not 100,000 tasks.
 */
final class EventBuffer implements MigrationListener {
    /** What arrived since the last drain, and where the run stands. */
    record Snapshot(List<RecordRow> rows, long droppedProblems, Phase phase, long phaseTotal, RecordEvent latest,
                    long committed, Path backup) {
    }

    private final int keepRecent;
    private final int keepProblems;
    private final long intervalNanos;
    private final Runnable signal;
    private final ArrayDeque<RecordRow> recent = new ArrayDeque<>();
    private final List<RecordRow> problems = new ArrayList<>();
    private long seq;
    private long droppedProblems;
    private Phase phase;
    private long phaseTotal = -1;
    private RecordEvent latest;
    private long committed;
    private Path backup;
    private long lastSignal = Long.MIN_VALUE / 2;

    EventBuffer(int keepRecent, int keepProblems, Duration interval, Runnable signal) {
        this.keepRecent = keepRecent;
        this.keepProblems = keepProblems;
        this.intervalNanos = interval.toNanos();
        this.signal = signal;
    }

    @Override
    public void phaseStarted(Phase p, long total) {
        synchronized (this) {
            phase = p;
            phaseTotal = total;
            latest = null;
        }
        signal(true);
    }

    @Override
    public void record(RecordEvent e) {
        synchronized (this) {
            RecordRow row = new RecordRow(++seq, e.phase(), e.session(), e.outcome(), e.detail());
            if (row.problem()) {
                if (problems.size() < keepProblems) {
                    problems.add(row);
                } else {
                    droppedProblems++;
                }
            } else {
                recent.addLast(row);
                if (recent.size() > keepRecent) {
                    recent.removeFirst();
                }
            }
            latest = e;
        }
        signal(false);
    }

    @Override
    public void backupWritten(Path file) {
        synchronized (this) {
            backup = file;
        }
        signal(true);
    }

    @Override
    public void batchCommitted(int records, long total) {
        synchronized (this) {
            committed = total;
        }
        signal(false);
    }

    @Override
    public void phaseFinished(Phase p, Duration took) {
        signal(true);
    }

    private void signal(boolean now) {
        long t = System.nanoTime();
        synchronized (this) {
            if (!now && t - lastSignal < intervalNanos) {
                return;
            }
            lastSignal = t;
        }
        signal.run();
    }

    /** Everything since the last drain, in order of arrival, and the run's position. Any thread. */
    synchronized Snapshot drain() {
        List<RecordRow> rows = new ArrayList<>(problems.size() + recent.size());
        rows.addAll(problems);
        rows.addAll(recent);
        rows.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        problems.clear();
        recent.clear();
        long dropped = droppedProblems;
        droppedProblems = 0;
        return new Snapshot(rows, dropped, phase, phaseTotal, latest, committed, backup);
    }
}
