package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A source record the target cannot take as it is: skipped, left unchanged in the source, and
 * reported with every problem (field, value, reason).
 *
 * @param session  its name, or {@code "#N"} (its position in the source, from 1) when it has none
 * @param position its position in the source's order, from 1
 */
public record InvalidRecord(String session, long position, List<ValidationProblem> problems) {
    public InvalidRecord {
        problems = List.copyOf(problems);
    }

    /** {@code taskId = "x": not a task id; createdAt: is required} */
    public String describe() {
        return problems.stream().map(ValidationProblem::describe).collect(Collectors.joining("; "));
    }
}
