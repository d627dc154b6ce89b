package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.JsonText;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** How a record's values read in the table and the details pane (pure functions, no toolkit). */
public final class SessionCells {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SessionCells() {
    }

    /** createdAt in local time, or the stored text as it is when it is not an instant. */
    public static String created(SessionRecord r, ZoneId zone) {
        return r.createdInstant().map(i -> LOCAL.format(i.atZone(zone)))
                .orElseGet(() -> r.createdAt() == null ? "" : r.createdAt());
    }

    /**
     * The PR state in a few words: from {@code pullRequest} ("#42 open"), else from {@code prState}
     * (merged / branch pushed), with "approved" when {@code prApproved} is true.
     *
     * @param text the app's texts ({@code sessions.pr.*} keys)
     */
    public static String prState(SessionRecord r, Function<String, String> text) {
        String state = "";
        if (r.pullRequest() instanceof JsonValue.JsonObject pr) {
            String number = pr.get("number") instanceof JsonValue.JsonNumber n ? "#" + n.literal() + " " : "";
            String s = pr.get("state") instanceof JsonValue.JsonString st ? st.value() : text.apply("sessions.pr.open");
            state = number + s;
        } else if (r.prState() instanceof JsonValue.JsonObject ps) {
            JsonValue merged = ps.get("mergedAt");
            state = merged != null && !(merged instanceof JsonValue.JsonNull) ? text.apply("sessions.pr.merged")
                    : text.apply("sessions.pr.branch");
        }
        if (Boolean.TRUE.equals(r.prApproved())) {
            state = state.isEmpty() ? text.apply("sessions.pr.approved")
                    : state + ", " + text.apply("sessions.pr.approved");
        }
        return state;
    }

    /** A field's value as a person edits it: text as it is, other values as compact JSON, missing as "". */
    public static String editText(JsonValue v) {
        if (v == null || v instanceof JsonValue.JsonNull) {
            return "";
        }
        return v instanceof JsonValue.JsonString s ? s.value() : JsonText.compact(v);
    }

    /** A read-only value: text as it is, objects and arrays as indented JSON. */
    public static String readable(JsonValue v) {
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        return v instanceof JsonValue.JsonObject || v instanceof JsonValue.JsonArray ? JsonText.pretty(v, 2)
                : JsonText.compact(v);
    }

    public static boolean isNested(JsonValue v) {
        return v instanceof JsonValue.JsonObject || v instanceof JsonValue.JsonArray;
    }
}
