package dev.minsky.sessions.migrate;

import java.util.List;
import java.util.stream.Collectors;

/** A record the target already holds under the same name with other content, and how they differ. */
public record Conflict(String session, List<FieldDifference> differences) {
    public Conflict {
        differences = List.copyOf(differences);
    }

    public String describe() {
        return differences.stream().map(FieldDifference::describe).collect(Collectors.joining("; "));
    }
}
