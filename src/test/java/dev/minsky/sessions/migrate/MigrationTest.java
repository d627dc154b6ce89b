package dev.minsky.sessions.migrate;

import static dev.minsky.sessions.testsupport.TestData.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.CheckedRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.sql.SqlStores;
import dev.minsky.sessions.testsupport.DelegatingStore;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against real stores: JSON files, SQLite files and the test PostgreSQL server. */
class MigrationTest {
    @TempDir
    Path dir;

    static SessionStore postgres(String purpose) {
        return SqlStores.openPostgres(TestPostgres.newDatabase(purpose), Map.of(), Path.of("/nonexistent"));
    }

    static MigrationReport migrate(SessionStore from, SessionStore to, MigrationOptions options) {
        return new Migration(from, to, options, MigrationListener.NONE).run();
    }

    @Test
    void messyRecordsRoundTripJsonToSqliteToPostgresToJsonUnchanged() {
        List<SessionRecord> valid = TestRecords.messyValid(dir);
        Path sourceFile = dir.resolve("messy-source.json");
        try (SessionStore json = new JsonFileStore(sourceFile);
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("mid.db"));
             SessionStore pg = postgres("roundtrip");
             SessionStore back = new JsonFileStore(dir.resolve("back.json"))) {
            MigrationReport first = migrate(json, sqlite, MigrationOptions.defaults().withBatchSize(100));
            assertEquals(1, first.exitStatus(), "three invalid records make the run exit 1");
            assertEquals(1003, first.plan().sourceRecords(), "the fixture: 1,000 generated records and 3 invalid ones");
            assertEquals(3, first.plan().invalid());
            assertEquals(3, first.plan().invalidRecords().size());
            first.plan().invalidRecords().forEach(inv -> assertFalse(inv.problems().isEmpty(), inv.toString()));
            assertEquals(valid.size(), first.committed());
            assertTrue(first.verificationResult().orElseThrow().clean(), ReportFormat.text(first));
            String text = ReportFormat.text(first);
            for (InvalidRecord inv : first.plan().invalidRecords()) {
                assertTrue(text.contains(inv.session()), "the text report names invalid record " + inv.session());
            }

            MigrationReport second = migrate(sqlite, pg, MigrationOptions.defaults());
            assertEquals(0, second.exitStatus(), ReportFormat.text(second));
            assertEquals(1000, second.options().batchSize(), "PostgreSQL's own batch size");
            MigrationReport third = migrate(pg, back, MigrationOptions.defaults());
            assertEquals(0, third.exitStatus(), ReportFormat.text(third));
            assertEquals(third.verificationResult().orElseThrow().sourceDigest(),
                    first.verificationResult().orElseThrow().sourceDigest(), "the same set of records all the way");

            Map<String, SessionRecord> arrived = all(back).stream()
                    .collect(Collectors.toMap(SessionRecord::session, r -> r));
            assertEquals(valid.size(), arrived.size());
            for (SessionRecord r : valid) {
                SessionRecord a = arrived.get(r.session());
                assertNotNull(a, r.session());
                assertEquals(List.of(), RecordComparison.differences(r, a), r.session());
                assertEquals(r.fields(), a.fields(), "exactly equal, not just equivalent: " + r.session());
            }
            assertTrue(valid.stream().anyMatch(r -> Boolean.FALSE.equals(r.prApproved())), "fixture has prApproved false");
            valid.stream().filter(r -> Boolean.FALSE.equals(r.prApproved())).forEach(r ->
                    assertEquals(JsonValue.FALSE, arrived.get(r.session()).get(SessionField.PR_APPROVED)));
        }
    }

    static SessionStore jsonOf(Path file, List<SessionRecord> records) {
        JsonFileStore store = new JsonFileStore(file);
        store.writeBatch(records);
        return store;
    }

    static List<SessionRecord> numbered(int n) {
        List<SessionRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestRecords.withTask(String.format("s%05d", i), "md#" + i));
        }
        return out;
    }

    /** Unless told otherwise a run writes as many records per transaction as the target asks for, and says so. */
    @Test
    void theDefaultBatchSizeIsTheTargetsOwnAndAGivenOneIsKept() {
        try (SessionStore json = jsonOf(dir.resolve("b.json"), numbered(30));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("b.db"));
             SessionStore back = new JsonFileStore(dir.resolve("back.json"))) {
            MigrationReport intoSqlite = migrate(json, sqlite, MigrationOptions.defaults());
            assertEquals(5000, intoSqlite.options().batchSize());
            assertTrue(ReportFormat.json(intoSqlite).contains("\"batchSize\": 5000"), ReportFormat.json(intoSqlite));
            assertEquals(1000, migrate(sqlite, back, MigrationOptions.defaults()).options().batchSize());
            assertEquals(7, migrate(json, sqlite, MigrationOptions.defaults().withBatchSize(7)).options().batchSize());
        }
    }

    @Test
    void identicalRecordsCountAsAlreadyPresentAndASecondRunWritesNothing() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(250));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            MigrationReport first = migrate(json, sqlite, MigrationOptions.defaults().withBatchSize(100));
            assertEquals(0, first.exitStatus(), ReportFormat.text(first));
            assertEquals(250, first.committed());
            MigrationReport again = migrate(json, sqlite, MigrationOptions.defaults().withBatchSize(100));
            assertEquals(0, again.exitStatus());
            assertEquals(250, again.plan().identical());
            assertEquals(0, again.committed());
            assertEquals(250, again.copyResult().orElseThrow().count(Outcome.ALREADY_PRESENT));
            assertEquals(250, sqlite.count(SessionQuery.all()));
        }
    }

    @Test
    void timestampsThatNameTheSameInstantAreIdentical() {
        SessionRecord millis = TestRecords.minimal("t").toBuilder().set(SessionField.CREATED_AT, "2025-07-01T09:00:00.000Z").build();
        SessionRecord plain = millis.toBuilder().set(SessionField.CREATED_AT, "2025-07-01T11:00:00+02:00").build();
        SessionRecord other = millis.toBuilder().set(SessionField.CREATED_AT, "2025-07-01T09:00:01.000Z").build();
        assertTrue(RecordComparison.identical(millis, plain));
        assertEquals(List.of(SessionField.CREATED_AT),
                RecordComparison.differences(millis, other).stream().map(FieldDifference::field).toList());
        assertEquals(RecordDigest.hex(RecordDigest.of(millis)), RecordDigest.hex(RecordDigest.of(plain)));
        assertFalse(RecordDigest.hex(RecordDigest.of(millis)).equals(RecordDigest.hex(RecordDigest.of(other))));
        SessionRecord withNull = millis.toBuilder().set("note", JsonValue.NULL).build();
        assertEquals(List.of("note"), RecordComparison.differences(withNull, millis).stream().map(FieldDifference::field).toList(),
                "null and missing are different where the store can tell");
    }

    /** The target holds s00001 with another task id, and a record of its own. */
    private static void conflictSetUp(SessionStore target) {
        target.writeBatch(List.of(TestRecords.withTask("s00001", "md#999"), TestRecords.withTask("only-target", "md#7")));
    }

    @Test
    void skipKeepsTheTargetsVersionOfAConflictAndSaysSo() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(5));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            conflictSetUp(sqlite);
            MigrationReport r = migrate(json, sqlite, MigrationOptions.defaults());
            assertEquals(1, r.plan().conflicting());
            assertEquals(1, r.plan().targetOnly());
            assertEquals("s00001", r.plan().conflicts().get(0).session());
            assertEquals(List.of(SessionField.TASK_ID), r.plan().conflicts().get(0).differences().stream()
                    .map(FieldDifference::field).toList());
            assertEquals(1, r.copyResult().orElseThrow().count(Outcome.CONFLICT_KEPT));
            assertEquals("md#999", sqlite.get("s00001").orElseThrow().taskId(), "the target's record is kept");
            assertEquals(4, r.committed());
            Verification v = r.verificationResult().orElseThrow();
            assertEquals(1, v.different());
            assertEquals(1, v.extra(), "only-target");
            assertEquals(1, r.exitStatus(), "a kept conflict means the target does not hold the source's record");
            assertTrue(ReportFormat.text(r).contains("s00001: taskId: \"md#1\" → \"md#999\""), ReportFormat.text(r));
        }
    }

    @Test
    void overwriteReplacesTheConflictingRecord() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(5));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            conflictSetUp(sqlite);
            MigrationReport r = migrate(json, sqlite, MigrationOptions.defaults().withOnConflict(ConflictPolicy.OVERWRITE));
            assertEquals(0, r.exitStatus(), ReportFormat.text(r));
            assertEquals(1, r.copyResult().orElseThrow().count(Outcome.OVERWRITTEN));
            assertEquals("md#1", sqlite.get("s00001").orElseThrow().taskId());
            assertEquals(6, sqlite.count(SessionQuery.all()), "the target's own record stays");
        }
    }

    /**
     * A migration into an empty target writes its batches as new without looking their names up first.
     * Here another writer (Minsky, say) stores two of the second batch's names after the first batch
     * has committed: one the same as the source's record, one different. That batch must still come out
     * as if it had been looked up: the same record already present, the different one kept or
     * overwritten as the policy says, everything else copied, and the plan's counts saying so.
     */
    private void aWriterAddingNamesMidCopy(SessionStore target, SessionStore otherWriter, ConflictPolicy policy) {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(250))) {
            SessionRecord same = numbered(250).get(140);
            SessionRecord theirs = TestRecords.withTask("s00150", "md#theirs");
            MigrationListener minskyWritesMeanwhile = new MigrationListener() {
                @Override
                public void batchCommitted(int records, long committed) {
                    if (committed == 100) { // the first batch; the second has been checked, not written
                        otherWriter.writeBatch(List.of(same, theirs));
                    }
                }
            };
            MigrationReport r = new Migration(json, target, MigrationOptions.defaults().withBatchSize(100)
                    .withOnConflict(policy), minskyWritesMeanwhile).run();
            CopyResult copy = r.copyResult().orElseThrow();
            boolean overwrite = policy == ConflictPolicy.OVERWRITE;
            assertEquals(1, copy.count(Outcome.ALREADY_PRESENT), ReportFormat.text(r));
            assertEquals(overwrite ? 1 : 0, copy.count(Outcome.OVERWRITTEN), ReportFormat.text(r));
            assertEquals(overwrite ? 0 : 1, copy.count(Outcome.CONFLICT_KEPT), ReportFormat.text(r));
            assertEquals(248, copy.count(Outcome.COPIED), ReportFormat.text(r));
            assertEquals(overwrite ? 249 : 248, r.committed());
            assertEquals(248, r.plan().newRecords(), "the plan as the copy found it");
            assertEquals(1, r.plan().identical());
            assertEquals(1, r.plan().conflicting());
            assertEquals("s00150", r.plan().conflicts().get(0).session());
            assertEquals(250, target.count(SessionQuery.all()));
            assertEquals(overwrite ? "md#150" : "md#theirs", target.get("s00150").orElseThrow().taskId());
            Verification v = r.verificationResult().orElseThrow();
            assertEquals(overwrite ? 0 : 1, v.different(), ReportFormat.text(r));
            assertEquals(overwrite ? 0 : 1, r.exitStatus(), ReportFormat.text(r));
        }
    }

    @Test
    void aBatchMeetingNamesStoredMeanwhileIsClassifiedAgainSqlite() {
        Path db = dir.resolve("t.db");
        try (SessionStore sqlite = SqlStores.openSqlite(db); SessionStore minsky = SqlStores.openSqlite(db)) {
            aWriterAddingNamesMidCopy(sqlite, minsky, ConflictPolicy.SKIP);
        }
        Path db2 = dir.resolve("t2.db");
        try (SessionStore sqlite = SqlStores.openSqlite(db2); SessionStore minsky = SqlStores.openSqlite(db2)) {
            aWriterAddingNamesMidCopy(sqlite, minsky, ConflictPolicy.OVERWRITE);
        }
    }

    @Test
    void aBatchMeetingNamesStoredMeanwhileIsClassifiedAgainPostgres() {
        for (ConflictPolicy policy : List.of(ConflictPolicy.SKIP, ConflictPolicy.OVERWRITE)) {
            try (SessionStore pg = postgres("stored-meanwhile")) {
                aWriterAddingNamesMidCopy(pg, pg, policy);
            }
        }
    }

    @Test
    void failWritesNothingWhenThePlanFindsAConflict() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(5));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            conflictSetUp(sqlite);
            MigrationReport r = migrate(json, sqlite, MigrationOptions.defaults().withOnConflict(ConflictPolicy.FAIL));
            assertEquals(1, r.exitStatus());
            assertTrue(r.failure().contains("nothing was written"), r.failure());
            assertEquals(2, sqlite.count(SessionQuery.all()));
            assertTrue(r.copyResult().isEmpty());
        }
    }

    @Test
    void cancelStopsWithinABatchAndARerunCompletesTheMigration() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(1000));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            Migration[] m = new Migration[1];
            List<Long> committedAtEachBatch = new ArrayList<>();
            MigrationListener cancelMidBatch = new MigrationListener() {
                @Override
                public void record(RecordEvent e) {
                    if (e.phase() == Phase.COPY && e.done() == 350) {
                        m[0].cancel(); // inside the fourth batch of 100
                    }
                }

                @Override
                public void batchCommitted(int records, long committed) {
                    committedAtEachBatch.add(committed);
                }
            };
            m[0] = new Migration(json, sqlite, MigrationOptions.defaults().withBatchSize(100), cancelMidBatch);
            MigrationReport r = m[0].run();
            assertTrue(r.cancelled());
            assertEquals(1, r.exitStatus());
            assertEquals(400, r.committed(), "the batch in which cancel came was already committed: 4 whole batches");
            assertEquals(List.of(100L, 200L, 300L, 400L), committedAtEachBatch);
            assertEquals(400, sqlite.count(SessionQuery.all()), "whole batches only");
            assertTrue(ReportFormat.text(r).contains("cancelled after 400 record(s) were committed"), ReportFormat.text(r));
            assertTrue(r.verificationResult().isEmpty());

            MigrationReport rerun = migrate(json, sqlite, MigrationOptions.defaults().withBatchSize(100));
            assertEquals(0, rerun.exitStatus(), ReportFormat.text(rerun));
            assertEquals(400, rerun.plan().identical());
            assertEquals(600, rerun.committed());
            assertEquals(1000, sqlite.count(SessionQuery.all()));
        }
    }

    /** The target's batch writes and its makeDurable calls, in order, with the phases' starts. */
    private static final class Watched extends DelegatingStore {
        final List<String> calls = new ArrayList<>();
        private final StoreException durableFails;

        Watched(SessionStore store, StoreException durableFails) {
            super(store);
            this.durableFails = durableFails;
        }

        @Override
        public void writeChecked(List<CheckedRecord> records) {
            super.writeChecked(records);
            calls.add("write " + records.size());
        }

        @Override
        public Map<String, SessionRecord> writeNew(List<CheckedRecord> records) {
            Map<String, SessionRecord> met = super.writeNew(records);
            calls.add("write " + records.size());
            return met;
        }

        @Override
        public void makeDurable() {
            calls.add("durable");
            if (durableFails != null) {
                throw durableFails;
            }
            super.makeDurable();
        }

        MigrationListener phases() {
            return new MigrationListener() {
                @Override
                public void phaseStarted(Phase phase, long total) {
                    calls.add(phase.name());
                }
            };
        }
    }

    @Test
    void theCopyMakesItsBatchesDurableOnceWhenItEndsBeforeTheVerification() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(250));
             Watched target = new Watched(SqlStores.openSqlite(dir.resolve("t.db")), null)) {
            MigrationReport r = new Migration(json, target, MigrationOptions.defaults().withBatchSize(100),
                    target.phases()).run();
            assertEquals(0, r.exitStatus(), ReportFormat.text(r));
            List<String> fromCopy = target.calls.subList(target.calls.indexOf("COPY"), target.calls.size());
            assertEquals(List.of("COPY", "write 100", "write 100", "write 50", "durable", "VERIFY"), fromCopy);
        }
    }

    @Test
    void aCancelledCopyStillMakesWhatItCommittedDurable() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(1000));
             Watched target = new Watched(SqlStores.openSqlite(dir.resolve("t.db")), null)) {
            Migration[] m = new Migration[1];
            MigrationListener cancelInThirdBatch = new MigrationListener() {
                @Override
                public void record(RecordEvent e) {
                    if (e.phase() == Phase.COPY && e.done() == 250) {
                        m[0].cancel();
                    }
                }
            };
            m[0] = new Migration(json, target, MigrationOptions.defaults().withBatchSize(100), cancelInThirdBatch);
            MigrationReport r = m[0].run();
            assertTrue(r.cancelled());
            assertEquals(List.of("write 100", "write 100", "write 100", "durable"), target.calls);
        }
    }

    @Test
    void batchesThatCannotBeConfirmedDurableFailTheRunWithoutAVerification() {
        StoreException gone = new StoreUnavailableException("the server closed the connection", null);
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(250));
             Watched target = new Watched(SqlStores.openSqlite(dir.resolve("t.db")), gone)) {
            MigrationReport r = migrate(json, target, MigrationOptions.defaults().withBatchSize(100));
            assertEquals(1, r.exitStatus());
            String text = ReportFormat.text(r);
            assertTrue(text.contains("the 250 committed record(s) could not be confirmed durable: the server closed the"
                    + " connection; if the target's server stopped meanwhile, the last of them may be lost: run the same"
                    + " migration again to complete it"), text);
            assertTrue(r.verificationResult().isEmpty(), "a copy that may have lost records is not verified");
        }
    }

    @Test
    void cancelDuringPlanningWritesNothing() {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), numbered(300));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            Migration[] m = new Migration[1];
            m[0] = new Migration(json, sqlite, MigrationOptions.defaults().withBatchSize(100), new MigrationListener() {
                @Override
                public void record(RecordEvent e) {
                    if (e.phase() == Phase.PLAN && e.done() == 10) {
                        m[0].cancel();
                    }
                }
            });
            m[0].plan(); // as the wizard does: the plan first, shown, then the run
            MigrationReport r = m[0].run();
            assertTrue(r.cancelled());
            assertEquals(0, r.committed());
            assertEquals(0, sqlite.count(SessionQuery.all()));
        }
    }

    @Test
    void verifyNamesTheRecordAndFieldChangedBehindItsBack() throws Exception {
        try (SessionStore json = jsonOf(dir.resolve("a.json"), List.of(TestRecords.rich("r1"), TestRecords.rich("r2")));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            assertEquals(0, migrate(json, sqlite, MigrationOptions.defaults()).exitStatus());
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
             Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE sessions SET branch = 'tampered' WHERE session = 'r2'"));
            assertEquals(1, st.executeUpdate("DELETE FROM sessions WHERE session = 'r1'"));
        }
        try (SessionStore json = new JsonFileStore(dir.resolve("a.json"));
             SessionStore sqlite = SqlStores.openSqlite(dir.resolve("t.db"))) {
            Verification v = Migration.verify(json, sqlite, null, null);
            assertFalse(v.clean());
            assertEquals(1, v.missing());
            assertEquals(1, v.different());
            RecordCheck changed = v.problems().stream().filter(p -> p.outcome() == Outcome.DIFFERENT).findFirst().orElseThrow();
            assertEquals("r2", changed.session());
            assertEquals(List.of(SessionField.BRANCH), changed.differences().stream().map(FieldDifference::field).toList());
            assertFalse(changed.sourceDigest().equals(changed.targetDigest()));
            assertFalse(v.sourceDigest().equals(v.targetDigest()));
            String text = ReportFormat.text(v, json.location(), sqlite.location());
            assertTrue(text.contains("r2: different") && text.contains("branch: \"r2\" → \"tampered\""), text);
            assertTrue(text.contains("r1: missing"), text);
            assertTrue(ReportFormat.json(v, json.location(), sqlite.location()).contains("\"outcome\": \"different\""));
        }
    }

    /**
     * From a SQL source the copy keeps each record's digest and the verification re-reads the target only: it
     * finds what changed in the target after the copy, reads the source's record again to name the field, and
     * judges the target against what the copy read (a source record edited after the copy is not a difference
     * of the target's).
     */
    @Test
    void aMigrationsVerificationComparesTheTargetWithWhatTheCopyRead() throws Exception {
        Path sourceDb = dir.resolve("source.db");
        Path targetDb = dir.resolve("target.db");
        try (SessionStore sqlite = SqlStores.openSqlite(sourceDb)) {
            sqlite.writeBatch(List.of(TestRecords.rich("r1"), TestRecords.rich("r2"), TestRecords.rich("r3"),
                    TestRecords.rich("r4")));
        }
        Path spillDir = java.nio.file.Files.createDirectories(dir.resolve("spill"));
        List<Phase> finished = new ArrayList<>();
        MigrationListener tamper = new MigrationListener() {
            @Override
            public void phaseFinished(Phase phase, java.time.Duration took) {
                finished.add(phase);
                if (phase != Phase.COPY) {
                    return;
                }
                if (!System.getProperty("os.name").startsWith("Windows")) {
                    assertEquals(List.of(), filesIn(spillDir), "the kept forms' file is unlinked as it is opened");
                }
                changeOneRowEach(targetDb, "UPDATE sessions SET branch = 'tampered' WHERE session = 'r2'",
                        "DELETE FROM sessions WHERE session = 'r1'");
                changeOneRowEach(sourceDb, "UPDATE sessions SET branch = 'edited later' WHERE session = 'r3'");
            }
        };
        try (SessionStore source = SqlStores.openSqliteReadOnly(sourceDb);
             SessionStore target = SqlStores.openSqlite(targetDb)) {
            assertFalse(source.holdsRecordsInMemory());
            MigrationReport report = new Migration(source, target, MigrationOptions.defaults(), tamper)
                    .spillIn(spillDir).run();
            assertEquals(List.of(Phase.COPY, Phase.VERIFY), finished);
            assertEquals(List.of(), filesIn(spillDir), "nothing is left in the temporary folder");
            assertNull(report.verificationResult().orElseThrow().note());
            Verification v = report.verificationResult().orElseThrow();
            assertEquals(4, v.compared());
            assertEquals(2, v.identical(), "r3 (as the copy read it) and r4");
            assertEquals(1, v.missing());
            assertEquals(1, v.different());
            RecordCheck changed = v.problems().stream().filter(p -> p.outcome() == Outcome.DIFFERENT).findFirst().orElseThrow();
            assertEquals("r2", changed.session());
            assertEquals(List.of(SessionField.BRANCH), changed.differences().stream().map(FieldDifference::field).toList());
            assertEquals(RecordDigest.hex(RecordDigest.of(TestRecords.rich("r2"))), changed.sourceDigest());
            assertEquals(RecordDigest.hex(RecordDigest.of(target.get("r2").orElseThrow())), changed.targetDigest());
            assertEquals("r1", v.problems().stream().filter(p -> p.outcome() == Outcome.MISSING).findFirst()
                    .orElseThrow().session());
            assertEquals(1, report.exitStatus());
            // the set digest of the source is the one of the records as the copy read them
            RecordDigest.SetPair expected = new RecordDigest.SetPair();
            for (String name : List.of("r1", "r2", "r3", "r4")) {
                byte[] d = RecordDigest.of(TestRecords.rich(name));
                expected.add(name, d, d);
            }
            assertEquals(RecordDigest.hex(expected.digests()[0]), v.sourceDigest());
            assertFalse(v.sourceDigest().equals(v.targetDigest()));
        }
    }

    /**
     * Where the copy cannot keep its canonical forms (its temporary file cannot be made), the migration still
     * verifies: by reading the source again, as the {@code verify} command does, so a source record edited after
     * the copy now shows as a difference too.
     */
    @Test
    void aCopyThatCannotKeepItsFormsIsVerifiedByReadingTheSourceAgain() throws Exception {
        Path sourceDb = dir.resolve("source.db");
        Path targetDb = dir.resolve("target.db");
        try (SessionStore sqlite = SqlStores.openSqlite(sourceDb)) {
            sqlite.writeBatch(List.of(TestRecords.rich("r1"), TestRecords.rich("r2"), TestRecords.rich("r3")));
        }
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("not-a-folder"), "x");
        MigrationListener tamper = new MigrationListener() {
            @Override
            public void phaseFinished(Phase phase, java.time.Duration took) {
                if (phase == Phase.COPY) {
                    changeOneRowEach(targetDb, "UPDATE sessions SET branch = 'tampered' WHERE session = 'r2'");
                    changeOneRowEach(sourceDb, "UPDATE sessions SET branch = 'edited later' WHERE session = 'r3'");
                }
            }
        };
        try (SessionStore source = SqlStores.openSqliteReadOnly(sourceDb);
             SessionStore target = SqlStores.openSqlite(targetDb)) {
            MigrationReport report = new Migration(source, target, MigrationOptions.defaults(), tamper)
                    .spillIn(notAFolder).run();
            assertEquals(3, report.copyResult().orElseThrow().committed());
            Verification v = report.verificationResult().orElseThrow();
            assertEquals(3, v.compared());
            assertEquals(1, v.identical());
            assertEquals(List.of("r2", "r3"), v.problems().stream().map(RecordCheck::session).sorted().toList());
            for (RecordCheck c : v.problems()) {
                assertEquals(Outcome.DIFFERENT, c.outcome());
                assertEquals(List.of(SessionField.BRANCH), c.differences().stream().map(FieldDifference::field).toList());
            }
            assertEquals(1, report.exitStatus());
            assertTrue(v.note().contains("the source was read again"), v.note());
            assertTrue(ReportFormat.text(report).contains(v.note()), "the report says so");
        }
    }

    /** Runs each statement on the SQLite file {@code db} behind the stores' backs; each must change one row. */
    private static void changeOneRowEach(Path db, String... statements) {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                assertEquals(1, st.executeUpdate(sql), sql);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void minskysOwnFilesMigrateToPostgresAndBackExactly() {
        Path sessionDb = TestRecords.copyResource("fixtures/minsky-written/session-db.json", dir.resolve("session-db.json"));
        Path sqliteDb = TestRecords.copyResource("fixtures/minsky-written/sessions.db", dir.resolve("sessions.db"));
        try (SessionStore json = new JsonFileStore(sessionDb);
             SessionStore minskySqlite = SqlStores.openSqlite(sqliteDb);
             SessionStore pg = postgres("minskyfiles");
             SessionStore pg2 = postgres("minskyfiles2")) {
            MigrationReport fromJson = migrate(json, pg, MigrationOptions.defaults());
            assertEquals(0, fromJson.exitStatus(), ReportFormat.text(fromJson));
            assertEquals(20, fromJson.committed());
            MigrationReport fromSqlite = migrate(minskySqlite, pg2, MigrationOptions.defaults());
            assertEquals(0, fromSqlite.exitStatus(), ReportFormat.text(fromSqlite));
            assertEquals(20, fromSqlite.committed());
        }
    }

    @Test
    void aPostgresTableMinskyCreatedKeepsItsExtraColumns() throws Exception {
        var url = TestPostgres.newDatabase("minsky2026target");
        TestPostgres.execute(url, "CREATE SCHEMA drizzle");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-schema.sql");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2026-08-sessions.data.sql");
        List<SessionRecord> mine = List.of(TestRecords.rich("task-md#901"), TestRecords.withTask("task-md#902", "md#902"));
        try (SessionStore json = jsonOf(dir.resolve("mine.json"), mine);
             SessionStore pg = SqlStores.openPostgres(url, Map.of(), Path.of("/nonexistent"))) {
            SessionRecord before = pg.get("task7-11").orElseThrow();
            MigrationReport r = migrate(json, pg, MigrationOptions.defaults());
            assertEquals(0, r.exitStatus(), ReportFormat.text(r));
            assertEquals(20, r.plan().targetOnly());
            assertEquals(22, pg.count(SessionQuery.all()));
            assertEquals(before, pg.get("task7-11").orElseThrow(), "Minsky's own records untouched");
        }
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT status, commit_count, short_id FROM sessions WHERE session = 'task-md#901'")) {
            assertTrue(rs.next());
            assertEquals("PR_OPEN", rs.getString(1), "a field Minsky has a column for lands in its column");
            assertEquals(17, rs.getInt(2));
        }
    }

    @Test
    void recordsTheTargetCannotHoldAreReportedByFieldAndSkippedUnaltered() throws Exception {
        var url = TestPostgres.newDatabase("minsky2025target");
        TestPostgres.loadDump(url, "fixtures/minsky-written/postgres-2025-08-schema.sql"); // task_id, branch NOT NULL
        SessionRecord noTask = TestRecords.minimal("no-task").toBuilder().set(SessionField.BRANCH, "no-task").build();
        SessionRecord complete = TestRecords.withTask("has-task", "md#1").toBuilder()
                .set(SessionField.BRANCH, "has-task").build();
        List<SessionRecord> source = List.of(complete, noTask);
        try (SessionStore json = jsonOf(dir.resolve("s.json"), source);
             SessionStore pg = SqlStores.openPostgres(url, Map.of(), Path.of("/nonexistent"))) {
            MigrationReport r = migrate(json, pg, MigrationOptions.defaults());
            assertEquals(1, r.exitStatus(), ReportFormat.text(r));
            assertEquals(1, r.committed());
            InvalidRecord inv = r.plan().invalidRecords().get(0);
            assertEquals("no-task", inv.session());
            assertEquals(List.of(SessionField.TASK_ID), inv.problems().stream().map(p -> p.field()).toList());
            assertTrue(inv.problems().get(0).reason().contains("NOT NULL"), inv.describe());
            assertTrue(ReportFormat.text(r).contains("no-task (record 2)"), ReportFormat.text(r));
            assertTrue(r.verificationResult().orElseThrow().clean(), "the copied record verifies");
            assertEquals(noTask, new JsonFileStore(dir.resolve("s.json")).get("no-task").orElseThrow(),
                    "the source record is left as it was");
        }
    }

    @Test
    void minskysMigratedSqliteFileIsASource() {
        Path db = TestRecords.copyResource("fixtures/minsky-written/sessions-migrated-from-json.db",
                dir.resolve("migrated.db"));
        try (SessionStore sqlite = dev.minsky.sessions.config.SessionStores.openReadOnly(
                new StoreLocation.Sqlite(db), Map.of(), dir);
             SessionStore json = new JsonFileStore(dir.resolve("out.json"))) {
            MigrationReport r = migrate(sqlite, json, MigrationOptions.defaults());
            assertEquals(0, r.exitStatus(), ReportFormat.text(r));
            assertTrue(r.committed() > 0);
        }
    }
}
