package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.util.stream.Stream;

/**
 * Rolls a migration's target back to the content of the backup taken before it (SPEC §5
 * {@code restore}): afterwards the target holds exactly the backup's records, in one transaction.
 */
public final class Restore {
    private Restore() {
    }

    /** What a restore will do, for the question asked before it. */
    public record Preview(long backupRecords, long targetRecords) {
    }

    public static Preview preview(SessionStore backup, SessionStore target) {
        return new Preview(backup.count(SessionQuery.all()), target.count(SessionQuery.all()));
    }

    /** Replaces the target's content with the backup's; returns how many records it now holds. */
    public static long run(SessionStore backup, SessionStore target) {
        long[] n = {0};
        try (Stream<SessionRecord> records = backup.streamAll()) {
            target.replaceAll(records.peek(r -> n[0]++));
        }
        return n[0];
    }
}
