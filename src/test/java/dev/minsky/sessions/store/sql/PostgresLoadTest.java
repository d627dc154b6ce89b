package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Eight threads reading and updating one PostgreSQL store for a while: no error but reported
 * conflicts, no lost update, and never more connections than the pool's bound. (Throughput is a
 * benchmark's business: bench/.)
 */
class PostgresLoadTest {
    private static final int THREADS = 8;
    private static final int RECORDS = 20;
    private static final long MILLIS = 2_000;

    @Test
    void eightThreadsOfMixedReadsAndUpdatesLoseNothing() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("load");
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger maxConnections = new AtomicInteger();
        try (SessionStore store = PostgresStoreTest.open(url)) {
            for (int i = 0; i < RECORDS; i++) {
                store.create(TestRecords.minimal("r" + i).toBuilder().set("hits", JsonValue.of(0)).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            long end = System.currentTimeMillis() + MILLIS;
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (System.currentTimeMillis() < end) {
                        String name = "r" + rnd.nextInt(RECORDS);
                        SessionRecord current = store.get(name).orElseThrow();
                        reads.incrementAndGet();
                        if (rnd.nextBoolean()) {
                            long hits = ((JsonValue.JsonNumber) current.get("hits")).decimalValue().longValueExact();
                            try {
                                store.update(SessionPatch.of(name).set("hits", JsonValue.of(hits + 1)).build(), current);
                                updates.incrementAndGet();
                            } catch (SessionConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    maxConnections.accumulateAndGet(connectionsOf(url), Math::max);
                    Thread.sleep(50);
                }
                return null;
            }));
            for (Future<?> f : futures) {
                f.get(); // any error other than a reported conflict fails here
            }
            pool.shutdown();
            long total = 0;
            for (int i = 0; i < RECORDS; i++) {
                total += ((JsonValue.JsonNumber) store.get("r" + i).orElseThrow().get("hits")).decimalValue().longValueExact();
            }
            assertEquals(updates.get(), total, "every successful update is there: none lost");
        }
        assertTrue(updates.get() > 0 && reads.get() > updates.get(), "reads " + reads + ", updates " + updates);
        assertTrue(maxConnections.get() <= SqlStores.POSTGRES_MAX_CONNECTIONS,
                "at most " + SqlStores.POSTGRES_MAX_CONNECTIONS + " connections, saw " + maxConnections);
    }

    private static int connectionsOf(PostgresUrl url) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND application_name = 'minsky-sessions' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
