package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionValidatorTest {
    private static SessionRecord valid() {
        return SessionRecord.builder("task#042").set(SessionField.REPO_NAME, "local/minsky")
                .set(SessionField.REPO_URL, "/Users/alice/minsky").set(SessionField.CREATED_AT, "2025-07-01T09:00:00Z")
                .build();
    }

    @Test
    void aCompleteRecordHasNoProblem() {
        assertEquals(List.of(), SessionValidator.validate(valid()));
    }

    @Test
    void reportsEveryProblemWithItsFieldNotJustTheFirst() {
        SessionRecord r = SessionRecord.builder(" ").set(SessionField.REPO_NAME, "x".repeat(256))
                .set(SessionField.REPO_URL, "a\u0001b").set(SessionField.CREATED_AT, "2025-13-45T99:00:00Z")
                .set(SessionField.PR_APPROVED, JsonValue.of("true")).set(SessionField.TASK_ID, JsonValue.of(5))
                .build();
        Set<String> fields = SessionValidator.errors(r).stream().map(ValidationProblem::field).collect(Collectors.toSet());
        assertEquals(Set.of("session", "repoName", "repoUrl", "createdAt", "prApproved", "taskId"), fields);
        ValidationProblem date = SessionValidator.errors(r).stream().filter(p -> p.field().equals("createdAt"))
                .findFirst().orElseThrow();
        assertEquals("createdAt = \"2025-13-45T99:00:00Z\": is not a valid ISO-8601 instant", date.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#042", "136", "md#123", "gh#45", "mt#2967"})
    void acceptsEveryTaskIdFormMinskyUses(String taskId) {
        assertEquals(List.of(), SessionValidator.validate(valid().toBuilder().set(SessionField.TASK_ID, taskId).build()));
    }

    @Test
    void warnsButDoesNotBlockOnLegacyTaskIds() {
        SessionRecord r = valid().toBuilder().set(SessionField.TASK_ID, "TASK-042").build();
        List<ValidationProblem> problems = SessionValidator.validate(r);
        assertEquals(1, problems.size());
        assertEquals(ValidationProblem.Severity.WARNING, problems.get(0).severity());
        assertTrue(SessionValidator.isValid(r));
    }

    @Test
    void taskIdLookupIgnoresOneLeadingHash() {
        assertTrue(TaskIds.sameTask("#123", "123"));
        assertTrue(TaskIds.sameTask("123", "#123"));
        assertTrue(!TaskIds.sameTask("##123", "123"));
        assertTrue(!TaskIds.sameTask("md#123", "123"));
    }

    @Test
    void aNameOf255CharactersIsAcceptedAnd256IsNot() {
        assertTrue(SessionValidator.isValid(valid().toBuilder().set(SessionField.SESSION, "n".repeat(255)).build()));
        assertTrue(!SessionValidator.isValid(valid().toBuilder().set(SessionField.SESSION, "n".repeat(256)).build()));
    }
}
