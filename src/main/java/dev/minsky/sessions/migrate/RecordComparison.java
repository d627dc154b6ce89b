package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.Instants;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Field-by-field comparison of a source record with its target record, as SPEC §4 defines
 * "identical": every field of either record present in both with equal values; JSON values
 * compared by value (numbers numerically, object members in any order, arrays in order); a
 * top-level text that both sides write as a timestamp compared as the instant it names (SQL
 * backends may keep {@code 2025-07-01T09:00:00Z} as {@code 2025-07-01T09:00:00.000Z}). A field
 * present with {@code null} on one side and missing on the other is a difference: every store
 * this app writes keeps the distinction.
 */
public final class RecordComparison {
    private RecordComparison() {
    }

    /** Every differing field, source fields first in their order, then fields only the target has. */
    public static List<FieldDifference> differences(SessionRecord source, SessionRecord target) {
        JsonValue.JsonObject a = source.fields();
        JsonValue.JsonObject b = target.fields();
        List<FieldDifference> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String field = a.keyAt(i);
            JsonValue theirs = b.get(field);
            if (theirs == null || !sameValue(a.valueAt(i), theirs)) {
                out.add(new FieldDifference(field, a.valueAt(i), theirs));
            }
        }
        for (int i = 0; i < b.size(); i++) {
            if (!a.has(b.keyAt(i))) {
                out.add(new FieldDifference(b.keyAt(i), null, b.valueAt(i)));
            }
        }
        return out;
    }

    public static boolean identical(SessionRecord source, SessionRecord target) {
        if (source.fields().size() != target.fields().size()) {
            return false;
        }
        return differences(source, target).isEmpty();
    }

    /** Equal JSON values, or two texts naming the same instant. */
    static boolean sameValue(JsonValue x, JsonValue y) {
        if (x.equals(y)) {
            return true;
        }
        if (x instanceof JsonValue.JsonString s && y instanceof JsonValue.JsonString t) {
            Optional<Instant> i = instant(s.value());
            return i.isPresent() && i.equals(instant(t.value()));
        }
        return false;
    }

    /** The instant a top-level text names, when it is a full ISO-8601 timestamp (date, time and zone). */
    static Optional<Instant> instant(String text) {
        // cheap shape check first: most texts are names and paths, not timestamps
        if (text.length() < 20 || text.length() > 40 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return Optional.empty();
        }
        return Instants.parse(text);
    }
}
