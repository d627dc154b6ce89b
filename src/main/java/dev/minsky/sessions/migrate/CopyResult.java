package dev.minsky.sessions.migrate;

import java.util.Map;

/**
 * What the copy step did.
 *
 * @param counts    records per outcome ({@link Outcome#COPIED}, {@link Outcome#OVERWRITTEN},
 *                  {@link Outcome#ALREADY_PRESENT}, {@link Outcome#CONFLICT_KEPT}, {@link Outcome#INVALID})
 * @param committed records written to the target and committed
 * @param complete  false when the copy was cancelled or failed before the end of the source
 */
public record CopyResult(Map<Outcome, Long> counts, long committed, boolean complete) {
    public CopyResult {
        counts = Map.copyOf(counts);
    }

    public long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }
}
