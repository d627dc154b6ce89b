package dev.minsky.sessions.store;

import static dev.minsky.sessions.testsupport.TestData.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link SessionStore} keeps (DESIGN convention 1, SPEC §2). Each backend's test
 * class implements this interface; a difference between backends is written here explicitly.
 */
public interface SessionStoreContract {

    /** A new, empty store for one test. Tests close what they open. */
    SessionStore newStore();

    /** A second, independent instance on the same storage (another window or process). */
    SessionStore reopen(SessionStore store);

    /** A read-only instance on the same storage ({@code SessionStores.openReadOnly}). */
    SessionStore openReadOnly(SessionStore store);

    /** Makes the storage unreadable or unreachable (corrupt file, dropped table, stopped server…). */
    void breakStorage(SessionStore store) throws Exception;

    /** Whether {@link SessionStore#watch} reports changes (the JSON file's folder is watched; SQL stores are polled). */
    default boolean watchesChanges() {
        return false;
    }

    /** Whether the backend keeps the order of all fields (JSON does; SQL keeps the order of unknown fields only). */
    default boolean keepsFieldOrder() {
        return false;
    }

    // ---- create / get -------------------------------------------------------------------------

    @Test
    default void createdRecordReadsBackEqual() {
        try (SessionStore store = newStore()) {
            SessionRecord r = TestRecords.minimal("task#001");
            store.create(r);
            assertEquals(r, store.get("task#001").orElseThrow());
            assertTrue(store.exists("task#001"));
            assertEquals(1, store.count(SessionQuery.all()));
        }
    }

    @Test
    default void keepsEveryKnownUnknownAndNestedValueExactly() {
        try (SessionStore store = newStore()) {
            SessionRecord r = TestRecords.rich("task-md#42");
            store.create(r);
            SessionRecord back = store.get("task-md#42").orElseThrow();
            assertEquals(r, back);
            assertEquals(List.copyOf(r.unknownFields().keySet()), List.copyOf(back.unknownFields().keySet()),
                    "unknown fields keep their order");
            assertEquals(Boolean.FALSE, back.prApproved(), "prApproved false stays false, never null");
            JsonValue.JsonObject github = (JsonValue.JsonObject) ((JsonValue.JsonObject) back.pullRequest()).get("github");
            assertEquals("123456789012345678901234567890", ((JsonValue.JsonNumber) github.get("id")).literal());
            assertEquals(JsonValue.NULL, github.get("assignee"), "null inside a nested object is kept");
            assertEquals(JsonValue.NULL, ((JsonValue.JsonObject) back.prState()).get("mergedAt"));
            if (keepsFieldOrder()) {
                assertEquals(r.fields().toJson(), back.fields().toJson());
            }
        }
    }

    @Test
    default void getOfMissingSessionIsEmpty() {
        try (SessionStore store = newStore()) {
            assertTrue(store.get("nope").isEmpty());
            assertFalse(store.exists("nope"));
        }
    }

    @Test
    default void createRefusesAnExistingName() {
        try (SessionStore store = newStore()) {
            SessionRecord first = TestRecords.minimal("dup");
            store.create(first);
            SessionRecord second = first.toBuilder().set(SessionField.REPO_NAME, "other/repo").build();
            DuplicateSessionException e = assertThrows(DuplicateSessionException.class, () -> store.create(second));
            assertTrue(e.getMessage().contains("dup"), e.getMessage());
            assertEquals(first, store.get("dup").orElseThrow());
        }
    }

    @Test
    default void createRefusesAnInvalidRecordNamingEveryProblem() {
        try (SessionStore store = newStore()) {
            SessionRecord bad = SessionRecord.builder("bad").set(SessionField.REPO_URL, ".")
                    .set(SessionField.CREATED_AT, "yesterday").build();
            InvalidSessionException e = assertThrows(InvalidSessionException.class, () -> store.create(bad));
            Set<String> fields = e.problems().stream().map(p -> p.field()).collect(Collectors.toSet());
            assertEquals(Set.of(SessionField.REPO_NAME, SessionField.CREATED_AT), fields);
            assertFalse(store.exists("bad"));
        }
    }

    // ---- update -------------------------------------------------------------------------------

    @Test
    default void updateChangesOnlyTheFieldsItNames() {
        try (SessionStore store = newStore()) {
            SessionRecord r = TestRecords.rich("task#7");
            store.create(r);
            SessionRecord updated = store.update(SessionPatch.of("task#7").set(SessionField.BRANCH, "renamed").build());
            SessionRecord expected = r.toBuilder().set(SessionField.BRANCH, "renamed").build();
            assertEquals(expected, updated);
            assertEquals(expected, store.get("task#7").orElseThrow());
        }
    }

    @Test
    default void updateReplacesANestedObjectWhole() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.rich("task#8"));
            JsonValue.JsonObject newState = TestRecords.obj("branchName", JsonValue.of("pr/other"));
            store.update(SessionPatch.of("task#8").set(SessionField.PR_STATE, newState).build());
            assertEquals(newState, store.get("task#8").orElseThrow().prState());
        }
    }

    @Test
    default void updateCanRemoveAFieldExplicitly() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.rich("task#9"));
            store.update(SessionPatch.of("task#9").remove(SessionField.TASK_ID).remove("status")
                    .remove(SessionField.PULL_REQUEST).build());
            SessionRecord back = store.get("task#9").orElseThrow();
            assertFalse(back.has(SessionField.TASK_ID));
            assertFalse(back.has("status"));
            assertFalse(back.has(SessionField.PULL_REQUEST));
            assertTrue(back.has("commitCount"));
        }
    }

    @Test
    default void theSessionNameNeverChangesThroughAnUpdate() {
        assertThrows(IllegalArgumentException.class,
                () -> SessionPatch.of("a").set(SessionField.SESSION, "b"));
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("a"));
            SessionRecord renamed = TestRecords.minimal("b");
            assertThrows(IllegalArgumentException.class,
                    () -> SessionPatch.between(store.get("a").orElseThrow(), renamed));
        }
    }

    @Test
    default void updateOfAMissingSessionSaysSo() {
        try (SessionStore store = newStore()) {
            SessionNotFoundException e = assertThrows(SessionNotFoundException.class,
                    () -> store.update(SessionPatch.of("ghost").set(SessionField.BRANCH, "x").build()));
            assertTrue(e.getMessage().contains("ghost"));
            assertFalse(store.exists("ghost"));
        }
    }

    @Test
    default void updateRefusesToMakeARecordInvalid() {
        try (SessionStore store = newStore()) {
            SessionRecord r = TestRecords.minimal("v");
            store.create(r);
            assertThrows(InvalidSessionException.class,
                    () -> store.update(SessionPatch.of("v").set(SessionField.CREATED_AT, "not a date").build()));
            assertEquals(r, store.get("v").orElseThrow());
        }
    }

    @Test
    default void updateOfARecordChangedElsewhereSinceItWasReadIsAConflict() {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            store.create(TestRecords.minimal("shared"));
            SessionRecord readByUs = store.get("shared").orElseThrow();
            other.update(SessionPatch.of("shared").set(SessionField.BRANCH, "theirs").build());
            SessionConflictException e = assertThrows(SessionConflictException.class, () -> store.update(
                    SessionPatch.of("shared").set(SessionField.BRANCH, "ours").build(), readByUs));
            assertTrue(e.getMessage().contains("shared"), e.getMessage());
            assertEquals("theirs", store.get("shared").orElseThrow().branch(), "their change is not overwritten");
            SessionRecord fresh = store.get("shared").orElseThrow();
            assertEquals("ours", store.update(SessionPatch.of("shared").set(SessionField.BRANCH, "ours").build(), fresh)
                    .branch(), "with the current record the update goes through");
        }
    }

    // ---- delete -------------------------------------------------------------------------------

    @Test
    default void deleteRemovesTheSession() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("gone"));
            store.create(TestRecords.minimal("stays"));
            store.delete("gone");
            assertFalse(store.exists("gone"));
            assertTrue(store.exists("stays"));
        }
    }

    @Test
    default void deleteOfAMissingSessionSaysSo() {
        try (SessionStore store = newStore()) {
            assertThrows(SessionNotFoundException.class, () -> store.delete("ghost"));
        }
    }

    @Test
    default void deleteOfARecordChangedElsewhereIsAConflict() {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            store.create(TestRecords.minimal("d"));
            SessionRecord read = store.get("d").orElseThrow();
            other.update(SessionPatch.of("d").set(SessionField.BRANCH, "changed").build());
            assertThrows(SessionConflictException.class, () -> store.delete("d", read));
            assertTrue(store.exists("d"));
        }
    }

    // ---- queries ------------------------------------------------------------------------------

    @Test
    default void taskIdLookupIgnoresOneLeadingHashBothWays() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.withTask("a", "#123"));
            store.create(TestRecords.withTask("b", "456"));
            store.create(TestRecords.withTask("c", "md#123"));
            assertEquals(List.of("a"), names(store, SessionQuery.builder().taskId("123").build()));
            assertEquals(List.of("a"), names(store, SessionQuery.builder().taskId("#123").build()));
            assertEquals(List.of("b"), names(store, SessionQuery.builder().taskId("#456").build()));
            assertEquals(List.of("c"), names(store, SessionQuery.builder().taskId("md#123").build()));
            assertEquals(List.of(), names(store, SessionQuery.builder().taskId("##123").build()));
            assertEquals(List.of(), names(store, SessionQuery.builder().taskId("12").build()), "exact, not a prefix");
        }
    }

    @Test
    default void textFilterMatchesLiterallyWithoutWildcards() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("a%b"));
            store.create(TestRecords.minimal("a_b"));
            store.create(TestRecords.minimal("axb"));
            store.create(TestRecords.minimal("a\\b"));
            assertEquals(List.of("a%b"), names(store, SessionQuery.builder().text("%").build()));
            assertEquals(List.of("a_b"), names(store, SessionQuery.builder().text("_").build()));
            assertEquals(List.of("a\\b"), names(store, SessionQuery.builder().text("\\").build()));
            assertEquals(List.of("a%b", "a\\b", "a_b", "axb"), names(store, SessionQuery.builder().text("a").build()));
        }
    }

    @Test
    default void textFilterIgnoresCaseAndLooksInEveryTextField() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("one").toBuilder()
                    .set(SessionField.REPO_URL, "https://GitHub.com/edobry/minsky.git").build());
            store.create(TestRecords.minimal("two").toBuilder().set(SessionField.BRANCH, "feature/Parser").build());
            store.create(TestRecords.minimal("three").toBuilder().set(SessionField.TASK_ID, "gh#77").build());
            store.create(TestRecords.minimal("four").toBuilder().set("status", JsonValue.of("github")).build());
            assertEquals(List.of("one"), names(store, SessionQuery.builder().text("github.COM").build()));
            assertEquals(List.of("two"), names(store, SessionQuery.builder().text("PARSER").build()));
            assertEquals(List.of("three"), names(store, SessionQuery.builder().text("gh#7").build()));
            assertEquals(1, store.count(SessionQuery.builder().text("github").build()),
                    "unknown fields are not searched by the quick filter");
        }
    }

    @Test
    default void filtersByRepositoryAndBranchExactly() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("a").toBuilder().set(SessionField.REPO_NAME, "edobry/minsky")
                    .set(SessionField.BRANCH, "main").build());
            store.create(TestRecords.minimal("b").toBuilder().set(SessionField.REPO_NAME, "edobry/minsky-2")
                    .set(SessionField.BRANCH, "main").build());
            store.create(TestRecords.minimal("c").toBuilder().set(SessionField.REPO_NAME, "edobry/minsky").build());
            assertEquals(List.of("a", "c"), names(store, SessionQuery.builder().repoName("edobry/minsky").build()));
            assertEquals(List.of("a", "b"), names(store, SessionQuery.builder().branch("main").build()));
            assertEquals(List.of("a"), names(store, SessionQuery.builder().repoName("edobry/minsky").branch("main").build()));
        }
    }

    @Test
    default void filtersByCreatedRangeComparingInstants() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("early").toBuilder().set(SessionField.CREATED_AT, "2025-01-01T00:00:00Z").build());
            store.create(TestRecords.minimal("mid").toBuilder().set(SessionField.CREATED_AT, "2025-06-15T12:00:00.500Z").build());
            store.create(TestRecords.minimal("late").toBuilder().set(SessionField.CREATED_AT, "2026-01-01T00:00:00.000Z").build());
            SessionQuery q = SessionQuery.builder().createdFrom(Instant.parse("2025-06-15T12:00:00.500Z"))
                    .createdTo(Instant.parse("2026-01-01T00:00:00Z")).build();
            assertEquals(List.of("mid"), names(store, q), "from is inclusive, to exclusive");
            assertEquals(List.of("early"), names(store, SessionQuery.builder()
                    .createdTo(Instant.parse("2025-06-01T00:00:00Z")).build()));
        }
    }

    @Test
    default void sortsAndPagesWhileCountIgnoresThePage() {
        try (SessionStore store = newStore()) {
            for (int i = 0; i < 7; i++) {
                store.create(TestRecords.minimal("s" + i).toBuilder()
                        .set(SessionField.CREATED_AT, "2025-07-0" + (7 - i) + "T10:00:00.000Z").build());
            }
            SessionQuery byCreated = SessionQuery.builder().sort(SortField.CREATED_AT, false).page(2, 3).build();
            assertEquals(List.of("s4", "s3", "s2"), names(store, byCreated));
            assertEquals(7, store.count(byCreated));
            assertEquals(List.of("s6", "s5"), names(store, SessionQuery.builder().sort(SortField.SESSION, true)
                    .page(0, 2).build()));
        }
    }

    // ---- bulk -------------------------------------------------------------------------------

    @Test
    default void streamAllGivesEveryRecordInAStableOrder(@TempDir Path tmp) {
        List<SessionRecord> messy = TestRecords.messyValid(tmp);
        try (SessionStore store = newStore()) {
            store.writeBatch(messy);
            List<SessionRecord> first;
            List<SessionRecord> second;
            try (Stream<SessionRecord> s = store.streamAll()) {
                first = s.toList();
            }
            try (Stream<SessionRecord> s = store.streamAll()) {
                second = s.toList();
            }
            assertEquals(first, second);
            assertEquals(Set.copyOf(messy), Set.copyOf(first), "every field of every record comes back");
            assertEquals(messy.size(), store.count(SessionQuery.all()));
        }
    }

    @Test
    default void readingAheadChangesNothingThatIsReadAndAStoreClosedUnreadIsFine() {
        // more records than a SQL store's stream page (1,000): the page read ahead, then pages read as usual
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            records.add(TestRecords.minimal(String.format("s%05d", i)));
        }
        try (SessionStore store = newStore()) {
            store.writeBatch(records);
            List<SessionRecord> plain;
            try (Stream<SessionRecord> s = store.streamAll()) {
                plain = s.toList();
            }
            assertEquals(2500, plain.size());
            try (SessionStore ahead = openReadOnly(store)) {
                ahead.readAhead();
                ahead.readAhead(); // asked twice: read once
                try (Stream<SessionRecord> s = ahead.streamAll()) {
                    assertEquals(plain, s.toList());
                }
                try (Stream<SessionRecord> s = ahead.streamAll()) {
                    assertEquals(plain, s.toList(), "a second stream reads as usual");
                }
            }
            try (SessionStore unread = openReadOnly(store)) {
                unread.readAhead(); // closed without being streamed: nothing thrown, nothing left reading
            }
        }
    }

    @Test
    default void aFailureWhileReadingAheadIsThrownWhereTheStoreIsReadNeverAnEmptyStream() throws Exception {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("exists"));
            try (SessionStore ahead = reopen(store)) {
                breakStorage(store);
                ahead.readAhead(); // does not throw: the failure is the reading's to report
                assertThrows(StoreUnavailableException.class, () -> {
                    try (Stream<SessionRecord> s = ahead.streamAll()) {
                        s.toList();
                    }
                });
            }
        }
    }

    @Test
    default void writeBatchReplacesWholeRecordsAndAddsNewOnes() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.rich("x"));
            SessionRecord replacement = TestRecords.minimal("x");
            store.writeBatch(List.of(replacement, TestRecords.minimal("y")));
            assertEquals(replacement, store.get("x").orElseThrow(), "fields not in the new record are gone");
            assertTrue(store.exists("y"));
        }
    }

    @Test
    default void writeBatchWithANameTwiceKeepsItsLastRecord() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.rich("stored"));
            SessionRecord last = TestRecords.rich("twice");
            store.writeBatch(List.of(TestRecords.withTask("twice", "#1"), TestRecords.minimal("stored"), last,
                    TestRecords.minimal("other")));
            assertEquals(last, store.get("twice").orElseThrow());
            assertEquals(TestRecords.minimal("stored"), store.get("stored").orElseThrow());
            assertEquals(3, store.count(SessionQuery.all()));
        }
    }

    /** What the bulk paths (PostgreSQL's COPY among them) must escape, written in a batch and read back exactly. */
    @Test
    default void writeBatchKeepsValuesThatNeedEscapingExactly() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = new ArrayList<>();
            List<String> texts = List.of("\\", "\\N", "\\.", "a\tb", "line\nbreak\r\n", "end\\", "\"q\" 'q'", "ü ✓ 代码 😀", "");
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                String plain = t.replaceAll("\\p{Cntrl}", "");
                records.add(TestRecords.rich("esc\\" + i + plain).toBuilder()
                        .set(SessionField.BRANCH, plain + "\\N")
                        .set("lastCommitMessage", JsonValue.of(t))
                        .set(SessionField.PR_STATE, TestRecords.obj("note", JsonValue.of(t + "\u0000")))
                        .build());
            }
            store.writeBatch(records);
            for (SessionRecord r : records) {
                assertEquals(r, store.get(r.session()).orElseThrow());
            }
        }
    }

    @Test
    default void writeBatchWithAnInvalidRecordWritesNothing() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("x"));
            SessionRecord invalid = TestRecords.minimal("bad").toBuilder().set(SessionField.CREATED_AT, "not a date").build();
            List<SessionRecord> batch = List.of(TestRecords.minimal("new"), TestRecords.rich("x"), invalid);
            InvalidSessionException e = assertThrows(InvalidSessionException.class, () -> store.writeBatch(batch));
            assertEquals("bad", e.session());
            assertFalse(store.exists("new"));
            assertEquals(TestRecords.minimal("x"), store.get("x").orElseThrow());
        }
    }

    // ---- what the migration engine needs -----------------------------------------------------

    @Test
    default void getAllFindsTheStoredNamesAndLeavesOutTheOthers() {
        try (SessionStore store = newStore()) {
            SessionRecord a = TestRecords.rich("task#1");
            SessionRecord b = TestRecords.minimal("b");
            store.writeBatch(List.of(a, b));
            Map<String, SessionRecord> found = store.getAll(List.of("absent", "b", "task#1", "1", "B"));
            assertEquals(Map.of("task#1", a, "b", b), found);
            assertEquals(List.of("b", "task#1"), List.copyOf(found.keySet()), "in the order asked");
            assertTrue(store.getAll(List.of()).isEmpty());
        }
    }

    @Test
    default void getAllMadeLaterReadsWhatGetAllReadsAndMakesEachRecordWhenAsked() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 700; i++) { // past SQLite's 500 names a query
                records.add(i % 2 == 0 ? TestRecords.rich("r" + i) : TestRecords.withTask("r" + i, "#" + i));
            }
            store.writeBatch(records);
            List<String> asked = new ArrayList<>(List.of("absent", "r1", "r1"));
            for (int i = 0; i < 700; i += 3) {
                asked.add("r" + i);
            }
            Map<String, java.util.function.Supplier<SessionRecord>> later = store.getAllMadeLater(asked);
            Map<String, SessionRecord> now = store.getAll(asked);
            assertEquals(now.keySet(), later.keySet());
            assertFalse(later.containsKey("absent"));
            now.forEach((name, r) -> assertEquals(r, later.get(name).get(), name));
            assertEquals(later.get("r1").get(), later.get("r1").get(), "asked again, the same record");
            assertTrue(store.getAllMadeLater(List.of()).isEmpty());
        }
    }

    @Test
    default void getAllAnswersMoreThan500NamesAtOnce() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 1234; i++) {
                records.add(TestRecords.withTask("s" + i, "#" + i));
            }
            store.writeBatch(records);
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 1300; i++) {
                asked.add(i % 2 == 0 ? "s" + i : "s" + (1300 - i)); // absent ones (>= 1234) mixed in
            }
            Map<String, SessionRecord> found = store.getAll(asked);
            Set<String> expected = asked.stream().filter(n -> Integer.parseInt(n.substring(1)) < 1234)
                    .collect(Collectors.toSet());
            assertEquals(expected, found.keySet());
            found.forEach((name, r) -> assertEquals(TestRecords.withTask(name, "#" + name.substring(1)), r));
        }
    }

    @Test
    default void writeProblemsIsEmptyForAWritableRecordAndNamesEveryProblemOtherwise() {
        try (SessionStore store = newStore()) {
            assertEquals(List.of(), store.writeProblems(TestRecords.rich("fine")));
            SessionRecord bad = SessionRecord.builder("bad").set(SessionField.REPO_URL, ".")
                    .set(SessionField.CREATED_AT, "yesterday").build();
            Set<String> fields = store.writeProblems(bad).stream().map(p -> p.field()).collect(Collectors.toSet());
            assertEquals(Set.of(SessionField.REPO_NAME, SessionField.CREATED_AT), fields);
            assertEquals(0, store.count(SessionQuery.all()), "asking writes nothing");
        }
    }

    @Test
    default void checkFindsWhatWriteProblemsFindsAndWritesNothing() {
        try (SessionStore store = newStore()) {
            SessionRecord fine = TestRecords.rich("fine");
            SessionRecord bad = SessionRecord.builder("bad").set(SessionField.REPO_URL, ".")
                    .set(SessionField.CREATED_AT, "yesterday").build();
            assertEquals(fine, store.check(fine).record());
            assertEquals(List.of(), store.check(fine).problems());
            assertEquals(store.writeProblems(bad), store.check(bad).problems());
            assertEquals(0, store.count(SessionQuery.all()), "checking writes nothing");
        }
    }

    /** The bulk path the migration takes: records checked first, written later, read back exactly. */
    @Test
    default void writeCheckedWritesTheCheckedRecordsExactlyAsWriteBatchWould() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.rich("x"));
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                records.add(i % 3 == 0 ? TestRecords.rich("r" + i) : i % 3 == 1 ? TestRecords.withTask("t" + i, "#" + i)
                        : TestRecords.minimal("m" + i));
            }
            records.add(TestRecords.minimal("x"));
            List<CheckedRecord> checked = records.stream().map(store::check).toList();
            store.writeChecked(checked);
            for (SessionRecord r : records) {
                assertEquals(r, store.get(r.session()).orElseThrow(), r.session());
            }
            assertEquals(records.size(), store.count(SessionQuery.all()));
        }
    }

    @Test
    default void writeCheckedWithARecordThatHasProblemsWritesNothing() {
        try (SessionStore store = newStore()) {
            SessionRecord invalid = TestRecords.minimal("bad").toBuilder().set(SessionField.CREATED_AT, "not a date").build();
            List<CheckedRecord> batch = List.of(store.check(TestRecords.minimal("new")), store.check(invalid));
            InvalidSessionException e = assertThrows(InvalidSessionException.class, () -> store.writeChecked(batch));
            assertEquals("bad", e.session());
            assertEquals(0, store.count(SessionQuery.all()));
        }
    }

    @Test
    default void writeNewWritesABatchOfNewNamesAndOtherwiseReturnsWhatIsStoredWritingNothing() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> first = List.of(TestRecords.rich("a"), TestRecords.minimal("b"));
            assertEquals(Map.of(), store.writeNew(first.stream().map(store::check).toList()));
            for (SessionRecord r : first) {
                assertEquals(r, store.get(r.session()).orElseThrow(), r.session());
            }
            SessionRecord otherB = TestRecords.withTask("b", "#elsewhere");
            List<SessionRecord> second = List.of(TestRecords.minimal("c"), otherB, TestRecords.minimal("d"));
            Map<String, SessionRecord> stored = store.writeNew(second.stream().map(store::check).toList());
            assertEquals(Map.of("b", first.get(1)), stored, "the stored record of the name it met");
            assertEquals(2, store.count(SessionQuery.all()), "nothing of that batch was written");
            assertEquals(first.get(1), store.get("b").orElseThrow(), "the stored record is untouched");
            SessionRecord invalid = TestRecords.minimal("bad").toBuilder().set(SessionField.CREATED_AT, "x").build();
            assertThrows(InvalidSessionException.class,
                    () -> store.writeNew(List.of(store.check(TestRecords.minimal("e")), store.check(invalid))));
            assertEquals(2, store.count(SessionQuery.all()));
        }
    }

    /** A record checked by another store (another backend's layout) is checked again, not trusted. */
    @Test
    default void writeCheckedRechecksWhatAnotherStoreChecked() {
        try (SessionStore store = newStore()) {
            SessionRecord invalid = TestRecords.minimal("bad").toBuilder().set(SessionField.CREATED_AT, "not a date").build();
            CheckedRecord vouched = new CheckedRecord(invalid, List.of(), new Object[] {"bad"});
            assertThrows(InvalidSessionException.class, () -> store.writeChecked(List.of(vouched)));
            assertEquals(0, store.count(SessionQuery.all()));
        }
    }

    @Test
    default void batchSizeIsAtLeastOne() {
        try (SessionStore store = newStore()) {
            assertTrue(store.batchSize(200) >= 1);
            assertTrue(store.defaultBatchSize() >= 1);
            assertTrue(store.batchSize(store.defaultBatchSize()) >= 1);
        }
    }

    @Test
    default void backupIsAStoreWithTheSameRecordsReadableByItsOwnerOnly(@TempDir Path tmp) throws Exception {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = List.of(TestRecords.rich("task-md#42"), TestRecords.minimal("b"),
                    TestRecords.withTask("c", "#3"));
            store.writeBatch(records);
            Path folder = tmp.resolve("backups/not/there/yet");
            Path first = store.backup(folder);
            assertEquals(folder, first.getParent());
            assertTrue(first.getFileName().toString().matches(".+-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.backup\\.(db|json)"),
                    first.getFileName().toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
            assertEquals(Set.copyOf(records), Set.copyOf(readBackup(first)));
            store.create(TestRecords.minimal("later"));
            Path second = store.backup(folder);
            assertFalse(first.equals(second), "a second backup gets a new name");
            assertEquals(records.size() + 1, readBackup(second).size());
            assertEquals(Set.copyOf(records), Set.copyOf(readBackup(first)), "the first backup is untouched");
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(Set.of(first, second), files.collect(Collectors.toSet()), "no temporary file is left");
            }
        }
    }

    @Test
    default void backupOfAnEmptyStoreIsAnEmptyStore(@TempDir Path tmp) {
        try (SessionStore store = newStore()) {
            assertEquals(List.of(), readBackup(store.backup(tmp)));
        }
    }

    @Test
    default void backupCanBeRestoredWithReplaceAll(@TempDir Path tmp) {
        try (SessionStore store = newStore()) {
            store.writeBatch(List.of(TestRecords.rich("a"), TestRecords.minimal("b")));
            Path backup = store.backup(tmp);
            store.delete("a");
            store.create(TestRecords.minimal("c"));
            try (SessionStore copy = openBackup(backup); Stream<SessionRecord> all = copy.streamAll()) {
                store.replaceAll(all);
            }
            assertEquals(Set.of(TestRecords.rich("a"), TestRecords.minimal("b")), Set.copyOf(all(store)));
        }
    }

    @Test
    default void replaceAllLeavesExactlyTheGivenRecords() {
        try (SessionStore store = newStore()) {
            store.writeBatch(List.of(TestRecords.rich("a"), TestRecords.minimal("b"), TestRecords.minimal("c")));
            SessionRecord newB = TestRecords.rich("b");
            store.replaceAll(Stream.of(newB, TestRecords.minimal("d")));
            assertEquals(Set.of(newB, TestRecords.minimal("d")), Set.copyOf(all(store)));
            assertEquals(2, store.count(SessionQuery.all()));
            assertFalse(store.exists("a"));
            store.replaceAll(Stream.empty());
            assertEquals(0, store.count(SessionQuery.all()));
        }
    }

    @Test
    default void replaceAllWithANameTwiceKeepsItsLastRecord() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                records.add(TestRecords.withTask(String.format("r%04d", i), "#" + i));
            }
            records.set(1_100, TestRecords.rich("r0007")); // far apart: in different chunks of a bulk write
            store.replaceAll(records.stream());
            assertEquals(1_199, store.count(SessionQuery.all()));
            assertEquals(TestRecords.rich("r0007"), store.get("r0007").orElseThrow());
        }
    }

    @Test
    default void replaceAllWithAnInvalidRecordChangesNothing() {
        try (SessionStore store = newStore()) {
            List<SessionRecord> before = List.of(TestRecords.rich("a"), TestRecords.minimal("b"));
            store.writeBatch(before);
            SessionRecord invalid = TestRecords.minimal("bad").toBuilder().set(SessionField.CREATED_AT, "not a date").build();
            InvalidSessionException e = assertThrows(InvalidSessionException.class,
                    () -> store.replaceAll(Stream.of(TestRecords.minimal("x"), invalid, TestRecords.minimal("y"))));
            assertEquals("bad", e.session());
            assertEquals(Set.copyOf(before), Set.copyOf(all(store)));
        }
    }

    @Test
    default void aReadOnlyStoreReadsButEveryWriteIsRefusedAndChangesNothing(@TempDir Path tmp) {
        try (SessionStore store = newStore()) {
            List<SessionRecord> records = List.of(TestRecords.rich("task-md#42"), TestRecords.minimal("b"));
            store.writeBatch(records);
            try (SessionStore ro = openReadOnly(store)) {
                assertFalse(ro.writable());
                assertTrue(store.writable());
                assertEquals(records.get(0), ro.get("task-md#42").orElseThrow());
                assertEquals(2, ro.count(SessionQuery.all()));
                assertEquals(List.of("b", "task-md#42"), names(ro, SessionQuery.all()));
                assertEquals(Set.copyOf(records), Set.copyOf(all(ro)));
                assertEquals(Set.of("b"), ro.getAll(List.of("b", "zz")).keySet());
                assertEquals(List.of(), ro.writeProblems(TestRecords.rich("new")));
                SessionRecord b = ro.get("b").orElseThrow();
                List<Executable> writes = List.of(
                        () -> ro.create(TestRecords.minimal("new")),
                        () -> ro.update(SessionPatch.of("b").set(SessionField.BRANCH, "x").build()),
                        () -> ro.update(SessionPatch.of("b").set(SessionField.BRANCH, "x").build(), b),
                        () -> ro.delete("b"),
                        () -> ro.delete("b", b),
                        () -> ro.writeBatch(List.of(TestRecords.minimal("new"))),
                        () -> ro.writeBatch(List.of()),
                        () -> ro.replaceAll(Stream.of(TestRecords.minimal("new"))),
                        () -> ro.create(SessionRecord.builder("invalid").build()));
                for (Executable write : writes) {
                    ReadOnlyStoreException e = assertThrows(ReadOnlyStoreException.class, write);
                    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                }
                assertEquals(Set.copyOf(records), Set.copyOf(all(store)), "nothing changed");
                assertEquals(Set.copyOf(records), Set.copyOf(readBackup(ro.backup(tmp))), "a read-only store backs up");
                store.create(TestRecords.minimal("later"));
                assertTrue(ro.exists("later"), "it reads the store as it is now");
            }
        }
    }

    /** The records of a backup file, opened as the store it is (read-only, so it stays as made). */
    private static List<SessionRecord> readBackup(Path backup) {
        try (SessionStore copy = openBackup(backup)) {
            return all(copy);
        }
    }

    private static SessionStore openBackup(Path backup) {
        String kind = backup.getFileName().toString().endsWith(".backup.db") ? "sqlite:" : "json:";
        return SessionStores.openReadOnly(StoreLocation.parse(kind + backup, backup.getRoot()));
    }

    // ---- several writers, unreadable storage ------------------------------------------------

    @Test
    default void changesMadeThroughAnotherInstanceAreSeen() {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            store.create(TestRecords.minimal("mine"));
            assertEquals(0, other.count(SessionQuery.builder().text("theirs").build()));
            other.create(TestRecords.minimal("theirs"));
            assertTrue(store.exists("theirs"));
            assertEquals(2, store.count(SessionQuery.all()));
        }
    }

    @Test
    default void concurrentWritersThroughTwoInstancesLoseNoUpdate() throws Exception {
        try (SessionStore a = newStore(); SessionStore b = reopen(a)) {
            a.create(TestRecords.minimal("counter").toBuilder().set("hits", JsonValue.of(0)).build());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (SessionStore s : List.of(a, b)) {
                    String prefix = s == a ? "a" : "b";
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            s.create(TestRecords.minimal(prefix + i));
                            incrementHits(s);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(51, a.count(SessionQuery.all()));
            assertEquals(JsonValue.of(50), a.get("counter").orElseThrow().get("hits"), "no increment lost");
        }
    }

    /** Read, increment, write with the read record as the expectation; retry on conflict. */
    private static void incrementHits(SessionStore s) {
        while (true) {
            SessionRecord current = s.get("counter").orElseThrow();
            long hits = ((JsonValue.JsonNumber) current.get("hits")).decimalValue().longValueExact();
            try {
                s.update(SessionPatch.of("counter").set("hits", JsonValue.of(hits + 1)).build(), current);
                return;
            } catch (SessionConflictException e) {
                Thread.onSpinWait();
            }
        }
    }

    // ---- noticing changes made underneath (SPEC §6.1) ----------------------------------------

    @Test
    default void changeTokenStaysEqualWhileNothingIsWritten() {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            ChangeToken empty = store.changeToken();
            assertEquals(empty, store.changeToken());
            store.writeBatch(List.of(TestRecords.minimal("a"), TestRecords.rich("b")));
            ChangeToken before = store.changeToken();
            store.list(SessionQuery.all());
            store.count(SessionQuery.builder().text("b").build());
            store.get("a");
            all(store);
            other.list(SessionQuery.all());
            other.getAll(List.of("a", "b"));
            other.changeToken();
            assertEquals(before, store.changeToken(), "reads, ours or another instance's, change nothing");
            assertThrows(DuplicateSessionException.class, () -> other.create(TestRecords.minimal("a")));
            assertEquals(before, store.changeToken(), "a refused write changes nothing");
        }
    }

    @Test
    default void changeTokenDiffersAfterEveryWriteByAnotherInstanceOrThisOne() {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            store.create(TestRecords.minimal("a"));
            List<ChangeToken> seen = new ArrayList<>(List.of(store.changeToken()));
            other.create(TestRecords.minimal("theirs"));
            assertNotSeen(seen, store.changeToken(), "after another instance's create");
            other.update(SessionPatch.of("a").set(SessionField.BRANCH, "x").build());
            assertNotSeen(seen, store.changeToken(), "after another instance's update of a value");
            other.update(SessionPatch.of("a").set(SessionField.BRANCH, "y").build());
            assertNotSeen(seen, store.changeToken(), "after an update that keeps the size of the data");
            other.delete("theirs");
            assertNotSeen(seen, store.changeToken(), "after another instance's delete");
            store.update(SessionPatch.of("a").set(SessionField.BRANCH, "ours").build());
            assertNotSeen(seen, store.changeToken(), "after this instance's own update");
            SessionRecord a = store.get("a").orElseThrow();
            other.delete("a");
            other.create(a);
            assertNotSeen(seen, store.changeToken(), "after a record was deleted and created again as it was");
            assertEquals(seen.get(seen.size() - 1), store.changeToken(), "and then stays put");
        }
    }

    @Test
    default void aReadOnlyInstanceSeesTheTokenChangeWithEveryWrite() {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("a"));
            try (SessionStore ro = openReadOnly(store)) {
                ChangeToken before = ro.changeToken();
                assertEquals(before, ro.changeToken());
                store.update(SessionPatch.of("a").set(SessionField.BRANCH, "x").build());
                assertNotEquals(before, ro.changeToken());
            }
        }
    }

    /** Written into the contract: only the JSON file store can be watched; SQL stores are polled. */
    @Test
    default void watchReportsAWriteByAnotherInstanceWhereTheBackendCanBeWatched() throws Exception {
        try (SessionStore store = newStore(); SessionStore other = reopen(store)) {
            store.create(TestRecords.minimal("a"));
            java.util.concurrent.Semaphore reports = new java.util.concurrent.Semaphore(0);
            java.util.Optional<SessionStore.Watch> watch = store.watch(reports::release);
            try {
                assertEquals(watchesChanges(), watch.isPresent());
                if (watch.isPresent()) {
                    other.create(TestRecords.minimal("theirs"));
                    assertTrue(reports.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "reported");
                    watch.get().close();
                    reports.drainPermits();
                    other.create(TestRecords.minimal("after-close"));
                    assertFalse(reports.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS), "nothing after close");
                }
            } finally {
                watch.ifPresent(SessionStore.Watch::close);
            }
        }
    }

    private static void assertNotSeen(List<ChangeToken> seen, ChangeToken now, String when) {
        assertFalse(seen.contains(now), when + ": " + now + " was seen before: " + seen);
        seen.add(now);
    }

    @Test
    default void unreadableStorageIsAnErrorNeverAnEmptyList() throws Exception {
        try (SessionStore store = newStore()) {
            store.create(TestRecords.minimal("exists"));
            breakStorage(store);
            assertThrows(StoreUnavailableException.class, () -> store.list(SessionQuery.all()));
            assertThrows(StoreUnavailableException.class, () -> store.count(SessionQuery.all()));
            assertThrows(StoreUnavailableException.class, () -> store.get("exists"));
            assertThrows(StoreUnavailableException.class, () -> store.create(TestRecords.minimal("new")));
        }
    }

    private static List<String> names(SessionStore store, SessionQuery q) {
        return store.list(q).stream().map(SessionRecord::session).toList();
    }
}
