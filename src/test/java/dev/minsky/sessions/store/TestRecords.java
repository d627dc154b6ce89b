package dev.minsky.sessions.store;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Records and fixture files shared by the store tests. */
public final class TestRecords {
    private TestRecords() {
    }

    /** A minimal valid record. */
    public static SessionRecord minimal(String name) {
        return SessionRecord.builder(name)
                .set(SessionField.REPO_NAME, "local/minsky")
                .set(SessionField.REPO_URL, "file:///home/dev/minsky")
                .set(SessionField.CREATED_AT, "2025-07-01T09:00:00.000Z")
                .build();
    }

    public static SessionRecord withTask(String name, String taskId) {
        return minimal(name).toBuilder().set(SessionField.TASK_ID, taskId).build();
    }

    /** A record using every kind of value Minsky has written, known and unknown. */
    public static SessionRecord rich(String name) {
        Map<String, JsonValue> prState = new LinkedHashMap<>();
        prState.put("branchName", JsonValue.of("pr/" + name));
        prState.put("commitHash", JsonValue.of("0123456789abcdef0123456789abcdef01234567"));
        prState.put("lastChecked", JsonValue.of("2025-07-02T10:00:00.000Z"));
        prState.put("mergedAt", JsonValue.NULL);
        Map<String, JsonValue> github = new LinkedHashMap<>();
        github.put("id", new JsonValue.JsonNumber("123456789012345678901234567890"));
        github.put("ratio", new JsonValue.JsonNumber("1.50"));
        github.put("labels", new JsonValue.JsonArray(List.of(JsonValue.of("bug"), JsonValue.of("ünïcode ✓"))));
        github.put("assignee", JsonValue.NULL);
        github.put("nested", obj("deeper", obj("deepest", new JsonValue.JsonArray(List.of(JsonValue.of(1), JsonValue.NULL,
                JsonValue.TRUE)))));
        Map<String, JsonValue> pr = new LinkedHashMap<>();
        pr.put("number", JsonValue.of(42));
        pr.put("url", JsonValue.of("https://github.com/edobry/minsky/pull/42"));
        pr.put("state", JsonValue.of("open"));
        pr.put("github", new JsonObject(github));
        return minimal(name).toBuilder()
                .set(SessionField.TASK_ID, "md#42")
                .set(SessionField.BRANCH, name)
                .set(SessionField.REPO_PATH, "/home/dev/.local/state/minsky/sessions/" + name)
                .set(SessionField.BACKEND_TYPE, "github")
                .set(SessionField.PR_BRANCH, "pr/" + name)
                .set(SessionField.PR_APPROVED, false)
                .set(SessionField.PR_STATE, new JsonObject(prState))
                .set(SessionField.PULL_REQUEST, new JsonObject(pr))
                .set("status", JsonValue.of("PR_OPEN"))
                .set("commitCount", JsonValue.of(17))
                .set("lastCommitMessage", JsonValue.of("fix: \"quoted\"\ttab\nnewline ✓ 代码"))
                .set("remote", obj("authMethod", JsonValue.of("ssh")))
                .build();
    }

    public static JsonObject obj(String key, JsonValue value) {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put(key, value);
        return JsonObject.adopt(m);
    }

    /** Copies a test resource (e.g. {@code fixtures/json-shapes/array.json}) to {@code target}. */
    public static Path copyResource(String resource, Path target) {
        try (InputStream in = TestRecords.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid records of the messy 1,000-record fixture (997 of them), read through the JSON store. */
    public static List<SessionRecord> messyValid(Path tempDir) {
        Path file = copyResource("fixtures/messy-1000-with-3-invalid.json", tempDir.resolve("messy-source.json"));
        try (JsonFileStore store = new JsonFileStore(file); Stream<SessionRecord> all = store.streamAll()) {
            return all.filter(SessionValidator::isValid).toList();
        }
    }
}
