package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRecordTest {
    private final SessionRecord record = SessionRecord.builder("task#1")
            .set(SessionField.REPO_NAME, "local/minsky").set("zeta", JsonValue.of(1))
            .set(SessionField.REPO_URL, ".").set("alpha", JsonValue.NULL)
            .set(SessionField.CREATED_AT, "2025-07-01T09:00:00Z").build();

    @Test
    void patchKeepsPositionsOfReplacedFieldsAndAppendsNewOnes() {
        SessionRecord patched = record.apply(SessionPatch.of("task#1").set(SessionField.REPO_NAME, "x")
                .set(SessionField.TASK_ID, "#1").remove("zeta").build());
        assertEquals(List.of("session", "repoName", "repoUrl", "alpha", "createdAt", "taskId"),
                List.copyOf(patched.fields().members().keySet()));
        assertEquals("x", patched.repoName());
    }

    @Test
    void unknownFieldsAreTheOthersInOrder() {
        assertEquals(List.of("zeta", "alpha"), List.copyOf(record.unknownFields().keySet()));
        assertEquals(JsonValue.NULL, record.unknownFields().get("alpha"));
    }

    @Test
    void anInvalidDateIsCarriedAsWrittenAndNeverReplaced() {
        SessionRecord bad = record.toBuilder().set(SessionField.CREATED_AT, "yesterday").build();
        assertEquals("yesterday", bad.createdAt());
        assertTrue(bad.createdInstant().isEmpty());
        assertEquals(Instant.parse("2025-07-01T09:00:00Z"), record.createdInstant().orElseThrow());
    }

    @Test
    void aRecordNeedsATextName() {
        assertThrows(IllegalArgumentException.class, () -> SessionRecord.of(JsonValue.JsonObject.empty()));
    }

    @Test
    void patchBetweenTwoVersionsNamesOnlyTheDifferences() {
        SessionRecord after = record.toBuilder().set(SessionField.BRANCH, "b").remove("zeta").build();
        SessionPatch patch = SessionPatch.between(record, after);
        assertEquals(List.of(SessionField.BRANCH), List.copyOf(patch.sets().keySet()));
        assertEquals(List.of("zeta"), List.copyOf(patch.removals()));
        assertEquals(after, record.apply(patch));
        assertFalse(SessionPatch.between(record, record).sets().size() > 0);
    }

    @Test
    void formatsNewInstantsAsMinskyDoes() {
        assertEquals("2025-07-01T09:00:00.000Z", Instants.format(Instant.parse("2025-07-01T09:00:00Z")));
        assertEquals(Instant.parse("2025-07-01T07:00:00Z"), Instants.parse("2025-07-01T09:00:00+02:00").orElseThrow());
    }
}
