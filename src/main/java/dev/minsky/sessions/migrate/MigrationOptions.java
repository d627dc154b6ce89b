package dev.minsky.sessions.migrate;

import dev.minsky.sessions.store.SessionStore;
import java.nio.file.Path;

/**
 * How to migrate.
 *
 * @param onConflict      what to do with a record the target holds with other content
 * @param batchSize       records written per transaction, or {@link #AUTOMATIC} for the target's own
 *                        choice ({@link SessionStore#defaultBatchSize}); a JSON file is written once
 * @param backupDirectory where the target's backup goes before the first write; null for none
 * @param verify          re-read and compare every record after the copy
 * @param dryRun          plan only: write nothing anywhere
 * @param backupSource    also copy the source into {@code backupDirectory} before the first write
 *                        (for a JSON file, which Minsky may go on editing in place afterwards)
 */
public record MigrationOptions(ConflictPolicy onConflict, int batchSize, Path backupDirectory, boolean verify,
                               boolean dryRun, boolean backupSource) {
    /** The batch size that leaves it to the target ({@link SessionStore#defaultBatchSize}): the default. */
    public static final int AUTOMATIC = 0;

    public MigrationOptions {
        if (onConflict == null) {
            throw new IllegalArgumentException("a conflict policy is required");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("the batch size must be at least 1 (or automatic), not " + batchSize);
        }
    }

    /** Skip conflicts, the target's batch size, verify; no backup unless given one. */
    public static MigrationOptions defaults() {
        return new MigrationOptions(ConflictPolicy.SKIP, AUTOMATIC, null, true, false, false);
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
