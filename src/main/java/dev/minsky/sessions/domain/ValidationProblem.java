package dev.minsky.sessions.domain;

/**
 * One problem found in a session record: which field, the offending value (as JSON text, or
 * {@code null} when the field is missing), whether it blocks saving, and why.
 */
public record ValidationProblem(String field, String value, Severity severity, String reason) {
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code createdAt = "yesterday": not a valid ISO-8601 instant} */
    public String describe() {
        return field + (value == null ? "" : " = " + value) + ": " + reason;
    }

    @Override
    public String toString() {
        return describe();
    }
}
