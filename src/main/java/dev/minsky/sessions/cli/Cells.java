package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How one field value reads in a text cell. */
final class Cells {
    static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Cells() {
    }

    /**
     * Text as is, absent or null as empty, anything else as compact JSON: a value of an unexpected
     * type (a numeric {@code taskId}) is shown as it is stored, never converted.
     */
    static String plain(JsonValue value) {
        if (value == null || value instanceof JsonValue.JsonNull) {
            return "";
        }
        return value instanceof JsonValue.JsonString s ? s.value() : value.toJson();
    }

    /**
     * {@link #plain} for one-line output: text holding control characters (a newline would break
     * the line structure) is shown JSON-quoted and escaped instead, and JSON null reads "null" so a
     * field set to null is not mistaken for one that is missing.
     */
    static String oneLine(JsonValue value) {
        if (value instanceof JsonValue.JsonString s && hasControl(s.value())) {
            return s.toJson();
        }
        if (value instanceof JsonValue.JsonNull) {
            return "null";
        }
        return plain(value);
    }

    /** {@code createdAt} in local time to the minute, or the raw text when it is not an instant. */
    static String created(SessionRecord r, ZoneId zone) {
        return r.createdInstant().map(i -> LOCAL_MINUTES.format(i.atZone(zone)))
                .orElseGet(() -> oneLine(r.get(SessionField.CREATED_AT)));
    }

    /**
     * A short PR state: "merged", "approved", the pull request's own state ("open", "closed", …) or
     * "open" for a prepared PR branch; with " #N" when the pull request has a number; empty when
     * the session has no PR at all. Merged outranks approved, which outranks open.
     */
    static String pr(SessionRecord r) {
        JsonValue.JsonObject pull = r.pullRequest() instanceof JsonValue.JsonObject o ? o : null;
        JsonValue.JsonObject prState = r.prState() instanceof JsonValue.JsonObject o ? o : null;
        String number = pull != null && pull.get("number") instanceof JsonValue.JsonNumber n ? " #" + n.literal() : "";
        String pullState = pull == null ? "" : plain(pull.get("state")).toLowerCase(Locale.ROOT);
        boolean merged = pullState.equals("merged") || present(pull, "mergedAt") || present(prState, "mergedAt");
        if (merged) {
            return "merged" + number;
        }
        if (Boolean.TRUE.equals(r.prApproved())) {
            return "approved" + number;
        }
        if (!pullState.isEmpty()) {
            return pullState + number;
        }
        if (pull != null || prState != null || r.prBranch() != null) {
            return "open" + number;
        }
        return "";
    }

    private static boolean present(JsonValue.JsonObject o, String key) {
        return o != null && o.get(key) != null && !(o.get(key) instanceof JsonValue.JsonNull);
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
