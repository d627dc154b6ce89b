package dev.minsky.sessions.store;

import dev.minsky.sessions.domain.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A record cannot be written because of validation errors (each with its field). Nothing was written. */
public class InvalidSessionException extends StoreException {
    private final String session;
    private final List<ValidationProblem> problems;

    public InvalidSessionException(String session, List<ValidationProblem> problems) {
        super("session '" + session + "' is invalid: "
                + problems.stream().map(ValidationProblem::describe).collect(Collectors.joining("; ")));
        this.session = session;
        this.problems = List.copyOf(problems);
    }

    public String session() {
        return session;
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
