package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.sql.SqlStores;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    static List<SessionRecord> all(SessionStore store) {
        try (Stream<SessionRecord> s = store.streamAll()) {
            return s.toList();
        }
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
}
