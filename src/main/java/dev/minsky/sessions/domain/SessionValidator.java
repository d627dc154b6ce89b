package dev.minsky.sessions.domain;

import dev.minsky.sessions.domain.ValidationProblem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validation of SPEC §1: every problem of a record, each with its field, not only the first.
 * Errors block a save; warnings (legacy task id forms, backend types Minsky may add) do not.
 */
public final class SessionValidator {
    public static final int MAX_NAME_LENGTH = 255;
    private static final Set<String> KNOWN_BACKENDS = Set.of("local", "remote", "github", "gitlab", "bitbucket");

    /** Optional text fields (a migration validates every record: no list made per record). */
    private static final String[] TEXT_FIELDS = {SessionField.TASK_ID, SessionField.BRANCH, SessionField.REPO_PATH,
            SessionField.BACKEND_TYPE, SessionField.PR_BRANCH};
    private static final String[] OBJECT_FIELDS = {SessionField.PR_STATE, SessionField.PULL_REQUEST};

    private SessionValidator() {
    }

    public static List<ValidationProblem> validate(SessionRecord r) {
        List<ValidationProblem> problems = new ArrayList<>();
        requiredText(r, SessionField.SESSION, MAX_NAME_LENGTH, problems);
        requiredText(r, SessionField.REPO_NAME, MAX_NAME_LENGTH, problems);
        requiredText(r, SessionField.REPO_URL, 0, problems);
        JsonValue created = r.get(SessionField.CREATED_AT);
        if (isAbsent(created)) {
            problems.add(error(SessionField.CREATED_AT, created, "is required"));
        } else if (!(created instanceof JsonValue.JsonString s)) {
            problems.add(error(SessionField.CREATED_AT, created, "must be an ISO-8601 instant text"));
        } else if (Instants.parse(s.value()).isEmpty()) {
            problems.add(error(SessionField.CREATED_AT, created, "is not a valid ISO-8601 instant"));
        }
        for (String field : TEXT_FIELDS) {
            JsonValue v = r.get(field);
            if (!isAbsent(v) && !(v instanceof JsonValue.JsonString)) {
                problems.add(error(field, v, "must be text"));
            } else if (v instanceof JsonValue.JsonString s && hasControl(s.value())) {
                problems.add(error(field, v, "must not contain control characters"));
            }
        }
        String taskId = r.taskId();
        if (taskId != null && !TaskIds.isCurrentForm(taskId)) {
            problems.add(new ValidationProblem(SessionField.TASK_ID, JsonText.compact(JsonValue.of(taskId)),
                    Severity.WARNING, "is a legacy form (expected #042, 136, md#123, gh#45 or mt#2967)"));
        }
        String backend = r.backendType();
        if (backend != null && !KNOWN_BACKENDS.contains(backend)) {
            problems.add(new ValidationProblem(SessionField.BACKEND_TYPE, JsonText.compact(JsonValue.of(backend)),
                    Severity.WARNING, "is not one of " + String.join(", ", List.of("local", "remote", "github",
                    "gitlab", "bitbucket"))));
        }
        JsonValue approved = r.get(SessionField.PR_APPROVED);
        if (!isAbsent(approved) && !(approved instanceof JsonValue.JsonBoolean)) {
            problems.add(error(SessionField.PR_APPROVED, approved, "must be true or false"));
        }
        for (String field : OBJECT_FIELDS) {
            JsonValue v = r.get(field);
            if (!isAbsent(v) && !(v instanceof JsonValue.JsonObject)) {
                problems.add(error(field, v, "must be an object"));
            }
        }
        return problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    /** Whether the record has no error (warnings allowed). */
    public static boolean isValid(SessionRecord r) {
        return validate(r).stream().noneMatch(ValidationProblem::isError);
    }

    public static List<ValidationProblem> errors(SessionRecord r) {
        List<ValidationProblem> all = validate(r);
        return all.isEmpty() ? all : all.stream().filter(ValidationProblem::isError).toList();
    }

    private static void requiredText(SessionRecord r, String field, int maxLength, List<ValidationProblem> out) {
        JsonValue v = r.get(field);
        if (isAbsent(v)) {
            out.add(error(field, v, "is required"));
        } else if (!(v instanceof JsonValue.JsonString s)) {
            out.add(error(field, v, "must be text"));
        } else if (s.value().isBlank()) {
            out.add(error(field, v, "must not be blank"));
        } else {
            if (maxLength > 0 && s.value().length() > maxLength) {
                out.add(error(field, shorten(s.value()), "is longer than " + maxLength + " characters ("
                        + s.value().length() + ")"));
            }
            if (hasControl(s.value())) {
                out.add(error(field, v, "must not contain control characters"));
            }
        }
    }

    private static boolean isAbsent(JsonValue v) {
        return v == null || v instanceof JsonValue.JsonNull;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static ValidationProblem error(String field, JsonValue value, String reason) {
        return new ValidationProblem(field, value == null ? null : shortenJson(value), Severity.ERROR, reason);
    }

    private static ValidationProblem error(String field, String shortened, String reason) {
        return new ValidationProblem(field, shortened, Severity.ERROR, reason);
    }

    private static String shortenJson(JsonValue v) {
        String json = v.toJson();
        return json.length() > 80 ? json.substring(0, 77) + "..." : json;
    }

    private static String shorten(String text) {
        return shortenJson(JsonValue.of(text.length() > 80 ? text.substring(0, 77) : text));
    }
}
