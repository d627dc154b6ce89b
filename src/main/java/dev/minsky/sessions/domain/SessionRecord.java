package dev.minsky.sessions.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Minsky session, immutable.
 *
 * <p>The record keeps <em>every</em> field it was given, in the order it was given, as
 * {@link JsonValue}s: the known fields of SPEC §1 are read through typed accessors, everything else
 * through {@link #unknownFields()}. Keeping one ordered map (instead of typed fields plus a side map)
 * is what lets a JSON file be written back byte for byte, and lets a record carry values Minsky
 * wrote that do not fit the expected type (a numeric {@code taskId}, say) so they are reported,
 * not silently converted. Validity is checked by {@link SessionValidator}, not here: a record read
 * from a store may be invalid and must still be carried and reported intact.
 */
public final class SessionRecord {
    private final JsonValue.JsonObject fields;

    private SessionRecord(JsonValue.JsonObject fields) {
        this.fields = fields;
    }

    /**
     * A record from all its fields, in order. The only invariant is a text {@code session} name;
     * everything else may be invalid (and is then reported by validation).
     *
     * @throws IllegalArgumentException if {@code session} is missing or not text
     */
    public static SessionRecord of(JsonValue.JsonObject fields) {
        Objects.requireNonNull(fields, "fields");
        if (!(fields.get(SessionField.SESSION) instanceof JsonValue.JsonString)) {
            throw new IllegalArgumentException("a session record needs a text \"session\" field");
        }
        return new SessionRecord(fields);
    }

    public static Builder builder(String session) {
        return new Builder().set(SessionField.SESSION, session);
    }

    public Builder toBuilder() {
        return new Builder(fields.members());
    }

    /** All fields in their order. */
    public JsonValue.JsonObject fields() {
        return fields;
    }

    /** The value of a field, or {@code null} when the record does not have it. */
    public JsonValue get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.has(field);
    }

    /** The text of a field, or {@code null} when it is missing, JSON null or not text. */
    public String text(String field) {
        return fields.get(field) instanceof JsonValue.JsonString s ? s.value() : null;
    }

    public String session() {
        return text(SessionField.SESSION);
    }

    public String repoName() {
        return text(SessionField.REPO_NAME);
    }

    public String repoUrl() {
        return text(SessionField.REPO_URL);
    }

    /** {@code createdAt} exactly as stored (it may not be a valid instant; see {@link #createdInstant()}). */
    public String createdAt() {
        return text(SessionField.CREATED_AT);
    }

    /** {@code createdAt} as an instant, empty when missing or not a valid ISO-8601 instant. */
    public Optional<Instant> createdInstant() {
        return Instants.parse(createdAt());
    }

    public String taskId() {
        return text(SessionField.TASK_ID);
    }

    public String branch() {
        return text(SessionField.BRANCH);
    }

    public String repoPath() {
        return text(SessionField.REPO_PATH);
    }

    public String backendType() {
        return text(SessionField.BACKEND_TYPE);
    }

    public String prBranch() {
        return text(SessionField.PR_BRANCH);
    }

    /** {@code prApproved}, or {@code null} when missing or not a boolean. */
    public Boolean prApproved() {
        return fields.get(SessionField.PR_APPROVED) instanceof JsonValue.JsonBoolean b ? b.value() : null;
    }

    public JsonValue prState() {
        return fields.get(SessionField.PR_STATE);
    }

    public JsonValue pullRequest() {
        return fields.get(SessionField.PULL_REQUEST);
    }

    /** The fields that are not among SPEC §1's known ones, in their order. */
    public Map<String, JsonValue> unknownFields() {
        LinkedHashMap<String, JsonValue> unknown = new LinkedHashMap<>();
        fields.members().forEach((k, v) -> {
            if (!SessionField.isKnown(k)) {
                unknown.put(k, v);
            }
        });
        return Collections.unmodifiableMap(unknown);
    }

    /**
     * This record with a patch applied: named fields are replaced whole (an existing field keeps
     * its position, a new one is appended), removed fields are dropped, the name never changes.
     */
    public SessionRecord apply(SessionPatch patch) {
        if (!patch.session().equals(session())) {
            throw new IllegalArgumentException("patch for '" + patch.session() + "' applied to '" + session() + "'");
        }
        Builder b = toBuilder();
        patch.sets().forEach(b::set);
        patch.removals().forEach(b::remove);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionRecord other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toJson();
    }

    /** Builds a record field by field; setting an existing field keeps its position. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> fields;

        private Builder() {
            this.fields = new LinkedHashMap<>();
        }

        private Builder(Map<String, JsonValue> initial) {
            this.fields = new LinkedHashMap<>(initial);
        }

        public Builder set(String field, JsonValue value) {
            fields.put(Objects.requireNonNull(field), Objects.requireNonNull(value, field));
            return this;
        }

        /** Sets a text field; {@code null} removes it. */
        public Builder set(String field, String text) {
            return text == null ? remove(field) : set(field, JsonValue.of(text));
        }

        public Builder set(String field, boolean b) {
            return set(field, JsonValue.of(b));
        }

        public Builder remove(String field) {
            fields.remove(field);
            return this;
        }

        public SessionRecord build() {
            return SessionRecord.of(JsonValue.JsonObject.adopt(new LinkedHashMap<>(fields)));
        }
    }
}
