package dev.minsky.sessions.migrate;

import java.nio.file.Path;

/**
 * How to migrate.
 *
 * @param onConflict      what to do with a record the target holds with other content
 * @param batchSize       records written per transaction (the target may ask for more: a JSON file
 *                        is written once)
 * @param backupDirectory where the target's backup goes before the first write; null for none
 * @param verify          re-read and compare every record after the copy
 * @param dryRun          plan only: write nothing anywhere
 * @param backupSource    also copy the source into {@code backupDirectory} before the first write
 *                        (for a JSON file, which Minsky may go on editing in place afterwards)
 */
public record MigrationOptions(ConflictPolicy onConflict, int batchSize, Path backupDirectory, boolean verify,
                               boolean dryRun, boolean backupSource) {
    /**
     * 5,000 rather than 1,000: SQLite writes every page a transaction changed into its log at each commit,
     * and a batch's random names touch most of the name index's pages, so fewer, larger transactions
     * write far less (a 100,000-record copy into SQLite 1.52 -> 1.27 s; docs/benchmarks.md). A batch is
     * still a few megabytes and well under a second of writing, so cancelling stays prompt.
     */
    public static final int DEFAULT_BATCH_SIZE = 5000;

    public MigrationOptions {
        if (onConflict == null) {
            throw new IllegalArgumentException("a conflict policy is required");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
    }

    /** Skip conflicts, batches of {@value #DEFAULT_BATCH_SIZE}, verify; no backup unless given one. */
    public static MigrationOptions defaults() {
        return new MigrationOptions(ConflictPolicy.SKIP, DEFAULT_BATCH_SIZE, null, true, false, false);
    }

    public MigrationOptions withOnConflict(ConflictPolicy policy) {
        return new MigrationOptions(policy, batchSize, backupDirectory, verify, dryRun, backupSource);
    }

    public MigrationOptions withBatchSize(int size) {
        return new MigrationOptions(onConflict, size, backupDirectory, verify, dryRun, backupSource);
    }

    public MigrationOptions withBackupDirectory(Path dir) {
        return new MigrationOptions(onConflict, batchSize, dir, verify, dryRun, backupSource);
    }

    public MigrationOptions withVerify(boolean v) {
        return new MigrationOptions(onConflict, batchSize, backupDirectory, v, dryRun, backupSource);
    }

    public MigrationOptions withDryRun(boolean d) {
        return new MigrationOptions(onConflict, batchSize, backupDirectory, verify, d, backupSource);
    }

    public MigrationOptions withBackupSource(boolean b) {
        return new MigrationOptions(onConflict, batchSize, backupDirectory, verify, dryRun, b);
    }
}
