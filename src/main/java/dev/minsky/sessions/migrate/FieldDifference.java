package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.JsonValue;

/**
 * One field that differs between a source record and its target record.
 *
 * @param source the source's value, {@code null} when the source record has no such field
 * @param target the target's value, {@code null} when the target record has no such field
 */
public record FieldDifference(String field, JsonValue source, JsonValue target) {

    /** {@code taskId: "md#1" → "md#2"}, {@code status: missing → "open"}. */
    public String describe() {
        return field + ": " + shown(source) + " → " + shown(target);
    }

    private static String shown(JsonValue v) {
        if (v == null) {
            return "missing";
        }
        String text = v.toJson();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
