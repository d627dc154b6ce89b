package dev.minsky.sessions.migrate;

import java.util.List;

/**
 * What a migration will do, computed without writing anything: how the source's records compare
 * with what the target holds (SPEC §4 "plan").
 *
 * @param sourceRecords every record the source holds
 * @param newRecords    valid records the target does not hold
 * @param identical     records the target already holds with the same content
 * @param conflicting   records the target holds under the same name with other content
 * @param invalid       records the target cannot take (validation errors, values it cannot hold)
 * @param targetRecords records the target held when planned
 */
public record MigrationPlan(long sourceRecords, long newRecords, long identical, long conflicting, long invalid,
                            long targetRecords, List<InvalidRecord> invalidRecords, List<Conflict> conflicts) {
    public MigrationPlan {
        invalidRecords = List.copyOf(invalidRecords);
        conflicts = List.copyOf(conflicts);
    }

    /** Records the target holds that the source does not have (left as they are). */
    public long targetOnly() {
        return Math.max(0, targetRecords - identical - conflicting);
    }

    /** Records a run with {@code policy} would write. */
    public long toWrite(ConflictPolicy policy) {
        return newRecords + (policy == ConflictPolicy.OVERWRITE ? conflicting : 0);
    }
}
