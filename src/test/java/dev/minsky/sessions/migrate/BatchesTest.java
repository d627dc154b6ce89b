package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.sql.SqlStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a store in batches, one batch ahead on another thread (the copy's, the plan's and the verification's source). */
class BatchesTest {

    private static List<SessionRecord> records(int n) {
        List<SessionRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 2 == 0 ? TestRecords.rich("s" + i) : TestRecords.withTask("s" + i, "#" + i));
        }
        return out;
    }

    private static List<SessionRecord> streamed(SessionStore store) {
        try (Stream<SessionRecord> s = store.streamAll()) {
            return s.toList();
        }
    }

    @Test
    void readAheadGivesEveryRecordInTheStoresOrderInBatchesOfTheSize(@TempDir Path dir) {
        try (SessionStore store = SqlStores.openSqlite(dir.resolve("s.db"))) {
            store.writeBatch(records(2_345));
            List<Integer> sizes = new ArrayList<>();
            List<SessionRecord> read = new ArrayList<>();
            try (Batches.ReadAhead batches = new Batches.ReadAhead(store, 1_000, r -> true)) {
                for (List<SessionRecord> b = batches.next(); !b.isEmpty(); b = batches.next()) {
                    sizes.add(b.size());
                    read.addAll(b);
                }
                assertTrue(batches.next().isEmpty(), "stays at the end");
            }
            assertEquals(List.of(1_000, 1_000, 345), sizes);
            assertEquals(streamed(store), read);
        }
    }

    @Test
    void recordsTheFilterRefusesAreLeftOutAndTheBatchesStillFilled(@TempDir Path dir) {
        try (SessionStore store = new JsonFileStore(dir.resolve("s.json"))) {
            store.writeBatch(records(25));
            List<SessionRecord> read = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            try (Batches.ReadAhead batches = new Batches.ReadAhead(store, 4, r -> !r.session().endsWith("3"))) {
                for (List<SessionRecord> b = batches.next(); !b.isEmpty(); b = batches.next()) {
                    sizes.add(b.size());
                    read.addAll(b);
                }
            }
            assertEquals(streamed(store).stream().filter(r -> !r.session().endsWith("3")).toList(), read);
            assertEquals(List.of(4, 4, 4, 4, 4, 2), sizes);
        }
    }

    @Test
    void forEachStopsWhenTheHandlerSaysSo(@TempDir Path dir) {
        try (SessionStore store = SqlStores.openSqlite(dir.resolve("s.db"))) {
            store.writeBatch(records(50));
            List<Integer> seen = new ArrayList<>();
            Batches.forEach(store, 10, b -> {
                seen.add(b.size());
                return seen.size() < 2;
            });
            assertEquals(List.of(10, 10), seen);
        }
    }

    /** A store that cannot be read at all fails the reading at once, with its own error. */
    @Test
    void aStoreThatCannotBeReadFailsWithItsOwnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[{\"session\": \"a\", \"repoName\": \"r\", ");
        try (SessionStore store = new JsonFileStore(file)) {
            StoreException e = assertThrows(StoreException.class, () -> Batches.forEach(store, 10, b -> true));
            assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        }
    }

    /** A read that fails on the reading thread is thrown by the next() that would have returned its batch. */
    @Test
    void aReadThatFailsAheadIsThrownByTheNextCall(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.db");
        try (SessionStore store = SqlStores.openSqlite(file)) {
            store.writeBatch(records(3_000));
            try (Batches.ReadAhead batches = new Batches.ReadAhead(store, 500, r -> true)) {
                assertEquals(500, batches.next().size()); // the second is read ahead, from the first page of 1,000
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                    st.execute("DROP TABLE sessions");
                }
                assertEquals(500, batches.next().size()); // read before the table went; a later one needs the next page
                StoreException e = assertThrows(StoreException.class, () -> {
                    while (!batches.next().isEmpty()) {
                        // the batches of the first page, then the failed read of the second
                    }
                });
                assertTrue(e.getMessage().contains("s.db"), e.getMessage());
            }
        }
    }
}
