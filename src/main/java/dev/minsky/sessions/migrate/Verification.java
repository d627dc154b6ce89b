package dev.minsky.sessions.migrate;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of comparing every source record with the target's record of the same name.
 *
 * @param compared      source records compared
 * @param problems      every record that is not identical, in the order found
 * @param sourceDigest  SHA-256 (hex) of the compared source records as a set ({@link RecordDigest})
 * @param targetDigest  the same over the target's records of those names; equal to
 *                      {@code sourceDigest} exactly when every record is identical
 * @param complete      false when verification was cancelled or failed before the end
 * @param note          what the report must add about how the records were compared, or null: a migration
 *                      from a SQL source compares the target with the records as its copy read them, and says
 *                      here when it had to read the source again instead
 */
public record Verification(long compared, long identical, long different, long missing, long extra,
                           List<RecordCheck> problems, String sourceDigest, String targetDigest,
                           boolean complete, Duration took, String note) {
    public Verification {
        problems = List.copyOf(problems);
    }

    /** Nothing missing and nothing different (records only the target has do not count against it). */
    public boolean clean() {
        return complete && different == 0 && missing == 0;
    }
}
