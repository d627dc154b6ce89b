package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.Outcome;
import dev.minsky.sessions.migrate.Phase;
import java.util.EnumSet;
import java.util.Set;

/**
 * One line of the run page's live list: a record's outcome in one phase.
 *
 * @param seq order of arrival, from 1
 */
public record RecordRow(long seq, Phase phase, String session, Outcome outcome, String detail) {
    private static final Set<Outcome> PROBLEMS = EnumSet.of(Outcome.INVALID, Outcome.CONFLICT, Outcome.CONFLICT_KEPT,
            Outcome.DIFFERENT, Outcome.MISSING);

    /** Needs the user's eye: kept in the list however many records pass. */
    public boolean problem() {
        return PROBLEMS.contains(outcome);
    }
}
