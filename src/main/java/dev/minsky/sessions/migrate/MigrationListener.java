package dev.minsky.sessions.migrate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Receives a migration's progress: the CLI draws a progress bar from it, the wizard a live list.
 * Called on the thread that runs the migration; implementations hand work to their own thread
 * (the FX thread, a throttled printer) and return quickly.
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /** A phase begins; {@code total} records will pass through it (-1 when not known). */
    default void phaseStarted(Phase phase, long total) {
    }

    /** One record's outcome in the current phase. */
    default void record(RecordEvent event) {
    }

    /** The target's backup was written. */
    default void backupWritten(Path file) {
    }

    /** A batch of records was committed to the target; {@code committed} is the run's total so far. */
    default void batchCommitted(int records, long committed) {
    }

    default void phaseFinished(Phase phase, Duration took) {
    }
}
