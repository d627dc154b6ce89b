package dev.minsky.sessions.store;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.ValidationProblem;
import java.util.List;

/**
 * A record checked for writing by one store ({@link SessionStore#check}): why that store cannot
 * write it (empty when it can), and what the store worked out on the way, so that
 * {@link SessionStore#writeChecked} writes it without checking and encoding it a second time.
 * The work kept is the store's own business (a SQL store keeps the row of column values); any
 * other store, or the same store after its table changed, ignores it and checks again.
 *
 * @param problems {@link SessionStore#writeProblems} of the record: empty when it can be written
 * @param kept     what the checking store kept for its write; null when nothing. Only that store reads it.
 */
public record CheckedRecord(SessionRecord record, List<ValidationProblem> problems, Object kept) {
    public CheckedRecord {
        problems = List.copyOf(problems);
    }
}
