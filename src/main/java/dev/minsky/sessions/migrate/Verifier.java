package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Verification (SPEC §4): every source record compared with the target's record of the same name,
 * re-read from the target, field by field and by digest; then the records only the target has.
 * The source's next batch is read ahead ({@link Batches.ReadAhead}) and the target's records of it
 * are read on a second thread, while this batch's comparisons and digests run on every core.
 */
final class Verifier {
    /**
     * Records compared per step. Not the migration's batch: nothing is written here, and batches of
     * 5,000 made no difference to the verification's time, only to its memory.
     */
    private static final int BATCH = 1000;

    private final SessionStore source;
    private final SessionStore target;
    private final Set<String> skip;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled;
    private final RecordDigest.SetPair sets = new RecordDigest.SetPair();
    private final List<RecordCheck> problems = new ArrayList<>();
    private PhaseProgress progress;
    private boolean complete = true;

    /**
     * @param skip names not to compare (the records a migration found invalid and did not copy)
     */
    Verifier(SessionStore source, SessionStore target, Set<String> skip, MigrationListener listener,
             AtomicBoolean cancelled) {
        this.source = source;
        this.target = target;
        this.skip = skip;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    Verification run() {
        long total = source.count(SessionQuery.all()) - skip.size();
        listener.phaseStarted(Phase.VERIFY, total);
        progress = new PhaseProgress(Phase.VERIFY, total);
        ExecutorService reader = Futures.daemonThread("verify-reader");
        try (Batches.ReadAhead batches = new Batches.ReadAhead(source, BATCH,
                r -> r.session() != null && !r.session().isEmpty() && !skip.contains(r.session()))) {
            List<SessionRecord> current = batches.next();
            Future<Map<String, SessionRecord>> found = lookUp(reader, current);
            while (!current.isEmpty()) {
                List<SessionRecord> next = batches.next();
                Future<Map<String, SessionRecord>> nextFound = next.isEmpty() ? null : lookUp(reader, next);
                if (!compare(current, Futures.await(found, "reading the target"))) {
                    complete = false;
                    break;
                }
                current = next;
                found = nextFound;
            }
        } finally {
            reader.shutdownNow();
        }
        long identical = progress.count(Outcome.IDENTICAL);
        long different = progress.count(Outcome.DIFFERENT);
        long extra = 0;
        if (complete && target.count(SessionQuery.all()) > identical + different) {
            extra = findExtra();
        }
        byte[][] digests = sets.digests();
        Duration took = progress.elapsed();
        listener.phaseFinished(Phase.VERIFY, took);
        return new Verification(identical + different + progress.count(Outcome.MISSING), identical, different,
                progress.count(Outcome.MISSING), extra, problems, RecordDigest.hex(digests[0]),
                RecordDigest.hex(digests[1]), complete, took);
    }

    private Future<Map<String, SessionRecord>> lookUp(ExecutorService reader, List<SessionRecord> batch) {
        List<String> names = batch.stream().map(SessionRecord::session).toList();
        return reader.submit(() -> target.getAll(names));
    }

    /** Compares one batch; false when cancelled. */
    private boolean compare(List<SessionRecord> batch, Map<String, SessionRecord> found) {
        Check[] checks = new Check[batch.size()];
        IntStream.range(0, checks.length).parallel().forEach(i ->
                checks[i] = Check.of(batch.get(i), found.get(batch.get(i).session())));
        for (Check c : checks) {
            if (cancelled.get()) {
                return false;
            }
            String name = c.source.session();
            sets.add(name, c.sourceDigest, c.target == null ? null : c.targetDigest);
            if (c.target == null) {
                problems.add(new RecordCheck(name, Outcome.MISSING, List.of(), RecordDigest.hex(c.sourceDigest), null));
                listener.record(progress.record(name, Outcome.MISSING, "not in the target"));
                continue;
            }
            if (c.differences.isEmpty() && Arrays.equals(c.sourceDigest, c.targetDigest)) {
                listener.record(progress.record(name, Outcome.IDENTICAL, ""));
            } else {
                problems.add(new RecordCheck(name, Outcome.DIFFERENT, c.differences, RecordDigest.hex(c.sourceDigest),
                        RecordDigest.hex(c.targetDigest)));
                listener.record(progress.record(name, Outcome.DIFFERENT, c.differences.isEmpty()
                        ? "same fields, different digest"
                        : c.differences.stream().map(FieldDifference::field).toList().toString()));
            }
        }
        return true;
    }

    /** The target's records whose names the source does not have at all. */
    private long findExtra() {
        long[] extra = {0};
        Batches.forEach(target, BATCH, batch -> {
            Map<String, SessionRecord> inSource = source.getAll(batch.stream().map(SessionRecord::session).toList());
            for (SessionRecord t : batch) {
                if (cancelled.get()) {
                    complete = false;
                    return false;
                }
                if (!inSource.containsKey(t.session())) {
                    extra[0]++;
                    problems.add(new RecordCheck(t.session(), Outcome.EXTRA, List.of(), null,
                            RecordDigest.hex(RecordDigest.of(t))));
                    listener.record(progress.record(t.session(), Outcome.EXTRA, "only in the target"));
                }
            }
            return true;
        });
        return extra[0];
    }

    /** One record compared with the target's record of its name (null when the target has none). */
    private record Check(SessionRecord source, SessionRecord target, byte[] sourceDigest, byte[] targetDigest,
                         List<FieldDifference> differences) {
        static Check of(SessionRecord source, SessionRecord target) {
            if (target == null) {
                return new Check(source, null, RecordDigest.of(source), null, List.of());
            }
            if (source.fields().equals(target.fields())) {
                // the same JSON values (the usual case): one canonical form, one hash, for both
                byte[] digest = RecordDigest.of(source);
                return new Check(source, target, digest, digest, List.of()); // one array, as RecordDigest.ofPair gives
            }
            byte[][] digests = RecordDigest.ofPair(source, target);
            byte[] sourceDigest = digests[0];
            byte[] targetDigest = digests[1];
            // equal digests mean no field differs (RecordDigest's contract, pinned by its test): the
            // field-by-field comparison is needed only to name what differs
            return new Check(source, target, sourceDigest, targetDigest, Arrays.equals(sourceDigest, targetDigest)
                    ? List.of() : RecordComparison.differences(source, target));
        }
    }
}
