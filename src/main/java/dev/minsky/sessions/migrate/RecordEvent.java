package dev.minsky.sessions.migrate;

import java.time.Duration;
import java.util.Map;

/**
 * One record's outcome in one phase, with the phase's progress so far: what a progress bar or the
 * wizard's live list shows.
 *
 * @param session    the record's name ({@code "#12"}, its position in the source, when it has none)
 * @param done       records of this phase handled so far, this one included
 * @param total      records this phase will handle (-1 when not known)
 * @param counts     this phase's outcomes so far
 * @param perSecond  records handled per second since the phase started
 * @param detail     why, for an invalid record or a conflict/difference (which fields); else empty
 */
public record RecordEvent(Phase phase, String session, Outcome outcome, long done, long total,
                          Map<Outcome, Long> counts, double perSecond, String detail) {

    /** Time left at the current rate, when it can be told. */
    public Duration remaining() {
        if (total < 0 || perSecond <= 0 || done >= total) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) ((total - done) / perSecond * 1000));
    }
}
