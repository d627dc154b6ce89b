package dev.minsky.sessions.bench;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * bench/store-latency.sh: latency of one create, get and update in a store of 1,000 and of
 * 100,000 sessions on each backend, and the throughput of 8 threads of mixed reads and updates on
 * PostgreSQL. Prints a Markdown table. Not a test: figures on a shared machine are read, not asserted.
 *
 * <p>Usage: {@code StoreLatencyBench DATA.json [ops]}. The sizes are 1,000 and 100,000 records, each
 * capped at the valid records DATA holds (a smaller file makes a quick trial).
 */
public final class StoreLatencyBench {
    private static final int[] SIZES = {1_000, 100_000};
    private static final int HOT = 2_000;

    private StoreLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<SessionRecord> records;
        try (JsonFileStore source = new JsonFileStore(data); Stream<SessionRecord> s = source.streamAll()) {
            records = s.filter(SessionValidator::isValid).toList();
        }
        Path dir = Files.createTempDirectory("minsky-bench");
        System.out.println("| backend | sessions | load (s) | create median / p95 (ms) | get median / p95 (ms) "
                + "| update median / p95 (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        int largest = Math.min(SIZES[SIZES.length - 1], records.size());
        for (int size : Arrays.stream(SIZES).map(n -> Math.min(n, records.size())).distinct().toArray()) {
            List<SessionRecord> subset = records.subList(0, size);
            run("json", new StoreLocation.Json(dir.resolve("s" + size + ".json")), subset, Math.min(ops, 20));
            run("sqlite", new StoreLocation.Sqlite(dir.resolve("s" + size + ".db")), subset, ops);
            PostgresUrl pg = TestPostgres.newDatabase("bench" + size);
            run("postgres", new StoreLocation.Postgres(pg.toUrl()), subset, ops);
        }
        PostgresUrl pg = TestPostgres.newDatabase("benchload");
        try (SessionStore store = SessionStores.open(new StoreLocation.Postgres(pg.toUrl()), Map.of(), dir)) {
            load(store, records.subList(0, largest));
            concurrent(store, records.subList(0, largest));
        }
    }

    private static void run(String name, StoreLocation location, List<SessionRecord> records, int ops) throws Exception {
        try (SessionStore store = SessionStores.open(location, Map.of(), Path.of(System.getProperty("user.home")))) {
            double load = load(store, records);
            Random rnd = new Random(7);
            double[] create = new double[ops];
            double[] get = new double[ops];
            double[] update = new double[ops];
            for (int i = 0; i < ops; i++) {
                SessionRecord fresh = records.get(rnd.nextInt(records.size())).toBuilder()
                        .set(SessionField.SESSION, "bench-new-" + i).build();
                long t = System.nanoTime();
                store.create(fresh);
                create[i] = (System.nanoTime() - t) / 1e6;
                String target = records.get(rnd.nextInt(records.size())).session();
                t = System.nanoTime();
                SessionRecord current = store.get(target).orElseThrow();
                get[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                store.update(SessionPatch.of(target).set(SessionField.BRANCH, "bench-" + i).build(), current);
                update[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf("| %s | %,d | %.1f | %s | %s | %s |%n", name, records.size(), load, stats(create),
                    stats(get), stats(update));
        }
    }

    private static double load(SessionStore store, List<SessionRecord> records) {
        long t = System.nanoTime();
        int batch = store instanceof JsonFileStore ? records.size() : 1000;
        for (int i = 0; i < records.size(); i += batch) {
            store.writeBatch(records.subList(i, Math.min(records.size(), i + batch)));
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static void concurrent(SessionStore store, List<SessionRecord> records) throws Exception {
        int threads = 8;
        long millis = 10_000;
        AtomicLong reads = new AtomicLong();
        AtomicLong updates = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.currentTimeMillis() + millis;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                while (System.currentTimeMillis() < end) {
                    String name = records.get(rnd.nextInt(Math.min(HOT, records.size()))).session(); // a hot set, so conflicts happen
                    SessionRecord current = store.get(name).orElseThrow();
                    reads.incrementAndGet();
                    if (rnd.nextInt(4) == 0) {
                        try {
                            store.update(SessionPatch.of(name).set("benchHits", JsonValue.of(rnd.nextInt(1000))).build(),
                                    current);
                            updates.incrementAndGet();
                        } catch (SessionConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = millis / 1000.0;
        System.out.printf("%n8 threads on PostgreSQL (%,d sessions, 10 s, 3 reads : 1 update over %,d hot records): "
                + "%,.0f operations/s (%,d reads, %,d updates, %,d reported conflicts, no other error)%n",
                records.size(), Math.min(HOT, records.size()),
                (reads.get() + updates.get()) / seconds, reads.get(), updates.get(), conflicts.get());
    }

    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("%.2f / %.2f", sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
    }
}
