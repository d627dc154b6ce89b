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
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Verification (SPEC §4): every source record compared with the target's record of the same name,
 * re-read from the target, field by field and by digest; then the records only the target has.
 *
 * <p>Two ways to know the source's records:
 * <ul>
 *   <li>the {@code verify} command reads them from the source store: its next batch is read ahead
 *   ({@link Batches.ReadAhead}) and the target's records of it are read on a second thread, while this
 *   batch is compared and digested on this thread;</li>
 *   <li>a migration's verification gets the canonical forms its copy kept of the records it read
 *   ({@link Copied}, {@link CanonicalSpill}), so the source is not read a second time: the target's records are
 *   re-read, each kept form is hashed for the source's digest, and a target record whose canonical form is the same
 *   bytes has that digest too (one hash for both); a record whose digests differ is read again from the source, to
 *   name the fields that differ.</li>
 * </ul>
 * A record is identical exactly when the two digests are equal, both ways (RecordDigest's contract).
 */
final class Verifier {
    /**
     * Records compared per step. Not the migration's batch: nothing is written here. Each step costs a lookup in the
     * target and a hand-over between threads, which on these machines cost more than the records: 3,000 made the
     * verification 3–7 % shorter than 1,000 (both directions, docs/benchmarks.md), and 5,000 no shorter than 3,000.
     * Two steps' records are in memory at a time (the one compared, the next one read): a JSON → SQLite migration of
     * 100,000 records peaked at 370–376 MiB instead of 364.
     */
    private static final int BATCH = 3000;

    /** A valid source record as a migration's copy read it: its name and the length of its kept canonical form. */
    record Copied(String name, int length) {
    }

    private final SessionStore source;
    private final SessionStore target;
    private final Set<String> skip;
    private final List<Copied> copied; // null: the source's records are read from the source
    private final CanonicalSpill spill; // the copied records' canonical forms, in their order (with copied)
    private final MigrationListener listener;
    private final AtomicBoolean cancelled;
    private final RecordDigest.SetPair sets = new RecordDigest.SetPair();
    private final List<RecordCheck> problems = new ArrayList<>();
    private PhaseProgress progress;
    private boolean complete = true;
    private String note;
    private byte[] keptBuffer = new byte[0];

    /**
     * @param skip names not to compare (the records a migration found invalid and did not copy)
     */
    Verifier(SessionStore source, SessionStore target, Set<String> skip, MigrationListener listener,
             AtomicBoolean cancelled) {
        this(source, target, skip, null, null, listener, cancelled);
    }

    /**
     * @param copied the source's records that a migration's copy read and found valid, in the order read
     * @param spill  their canonical forms, in the same order, written to the end
     */
    Verifier(SessionStore source, SessionStore target, List<Copied> copied, CanonicalSpill spill,
             MigrationListener listener, AtomicBoolean cancelled) {
        this(source, target, Set.of(), copied, spill, listener, cancelled);
    }

    private Verifier(SessionStore source, SessionStore target, Set<String> skip, List<Copied> copied,
                     CanonicalSpill spill, MigrationListener listener, AtomicBoolean cancelled) {
        this.source = source;
        this.target = target;
        this.skip = skip;
        this.copied = copied;
        this.spill = spill;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** Adds {@code note} to the verification's report ({@link Verification#note}). */
    Verifier noting(String note) {
        this.note = note;
        return this;
    }

    Verification run() {
        long total = copied != null ? copied.size() : source.count(SessionQuery.all()) - skip.size();
        listener.phaseStarted(Phase.VERIFY, total);
        progress = new PhaseProgress(Phase.VERIFY, total);
        ExecutorService reader = Futures.daemonThread("verify-reader");
        try {
            complete = copied != null ? compareCopied(reader) : compareSource(reader);
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
                RecordDigest.hex(digests[1]), complete, took, note);
    }

    /** Each source record read from the source, compared with the target's; false when cancelled. */
    private boolean compareSource(ExecutorService reader) {
        try (Batches.ReadAhead batches = new Batches.ReadAhead(source, BATCH,
                r -> r.session() != null && !r.session().isEmpty() && !skip.contains(r.session()))) {
            List<SessionRecord> current = batches.next();
            Future<Map<String, SessionRecord>> found = lookUp(reader, sessionsOf(current));
            while (!current.isEmpty()) {
                List<SessionRecord> next = batches.next();
                Future<Map<String, SessionRecord>> nextFound = next.isEmpty() ? null : lookUp(reader, sessionsOf(next));
                if (!compare(current, Futures.await(found, "reading the target"))) {
                    return false;
                }
                current = next;
                found = nextFound;
            }
        }
        return true;
    }

    /**
     * Each record the copy read, by its kept canonical form, compared with the target's record of its name (the next
     * step's target records read on the reader thread meanwhile); false when cancelled. The reader thread is the one
     * the verification waits for, so it only reads: the kept forms are read here, and the target's records are made
     * here ({@link SessionStore#getAllMadeLater}), on every core with the digests.
     */
    private boolean compareCopied(ExecutorService reader) {
        int n = copied.size();
        Future<Map<String, Supplier<SessionRecord>>> found = n == 0 ? null : readLater(reader, step(0));
        for (int from = 0; from < n; from += BATCH) {
            Future<Map<String, Supplier<SessionRecord>>> nextFound = from + BATCH < n
                    ? readLater(reader, step(from + BATCH)) : null;
            if (!compareKept(step(from), Futures.await(found, "reading the target"))) {
                return false;
            }
            found = nextFound;
        }
        return true;
    }

    /** The next {@code bytes} of the kept canonical forms, in a buffer reused from step to step. */
    private byte[] kept(int bytes) {
        keptBuffer = spill.read(keptBuffer, bytes);
        return keptBuffer;
    }

    /** The target's records of the step's names, read on the reader thread, to be made by the comparing side. */
    private Future<Map<String, Supplier<SessionRecord>>> readLater(ExecutorService reader, List<Copied> step) {
        List<String> names = namesOf(step);
        return reader.submit(() -> target.getAllMadeLater(names));
    }

    /** The copied records from {@code from}, {@value #BATCH} at most. */
    private List<Copied> step(int from) {
        return copied.subList(from, Math.min(from + BATCH, copied.size()));
    }

    private static List<String> namesOf(List<Copied> step) {
        return step.stream().map(Copied::name).toList();
    }

    private static List<String> sessionsOf(List<SessionRecord> batch) {
        return batch.stream().map(SessionRecord::session).toList();
    }

    /** The target's records of these names, read on the reader thread. */
    private Future<Map<String, SessionRecord>> lookUp(ExecutorService reader, List<String> names) {
        return reader.submit(() -> target.getAll(names));
    }

    /**
     * One step of copied records: their kept canonical forms read, the target's records of them made and digested on
     * every core: each kept canonical form hashed for the source's digest, and the target's record for its own unless
     * its canonical form is the same bytes; a record whose digests differ is read again from the source, to name the
     * fields that differ. False when cancelled.
     */
    private boolean compareKept(List<Copied> step, Map<String, Supplier<SessionRecord>> stored) {
        SessionRecord[] targets = new SessionRecord[step.size()];
        int[] from = new int[step.size() + 1]; // where each record's form starts in kept, then where the last ends
        for (int i = 0; i < step.size(); i++) {
            from[i + 1] = from[i] + step.get(i).length();
        }
        byte[] kept = kept(from[step.size()]);
        // [source's, target's] digest of each record; one array for both where they are equal (identical is then
        // "the same array", and the set digests keep one array for both sides: 48 bytes a record less)
        byte[][][] digests = new byte[step.size()][][];
        IntStream.range(0, digests.length).parallel().forEach(i -> {
            Supplier<SessionRecord> made = stored.get(step.get(i).name());
            targets[i] = made == null ? null : made.get();
            digests[i] = RecordDigest.ofKept(kept, from[i], step.get(i).length(), targets[i]);
        });
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < digests.length; i++) {
            if (digests[i][1] != null && digests[i][1] != digests[i][0]) {
                changed.add(step.get(i).name());
            }
        }
        Map<String, SessionRecord> sourceNow = changed.isEmpty() ? Map.of() : source.getAll(changed);
        for (int i = 0; i < digests.length; i++) {
            if (cancelled.get()) {
                return false;
            }
            Copied c = step.get(i);
            byte[] ours = digests[i][0];
            byte[] theirs = digests[i][1];
            sets.add(c.name(), ours, theirs);
            if (theirs == null) {
                problems.add(new RecordCheck(c.name(), Outcome.MISSING, List.of(), RecordDigest.hex(ours), null));
                listener.record(progress.record(c.name(), Outcome.MISSING, "not in the target"));
            } else if (theirs == ours) {
                listener.record(progress.record(c.name(), Outcome.IDENTICAL, ""));
            } else {
                SessionRecord now = sourceNow.get(c.name());
                List<FieldDifference> differences = now == null ? List.of()
                        : RecordComparison.differences(now, targets[i]);
                problems.add(new RecordCheck(c.name(), Outcome.DIFFERENT, differences, RecordDigest.hex(ours),
                        RecordDigest.hex(theirs)));
                listener.record(progress.record(c.name(), Outcome.DIFFERENT, now == null
                        ? "the source no longer has this record"
                        : differences.isEmpty() ? "same fields, different digest"
                        : differences.stream().map(FieldDifference::field).toList().toString()));
            }
        }
        return true;
    }

    /**
     * Compares one batch, on this thread; false when cancelled. Not on every core: the reader thread is reading the
     * next batch meanwhile, and the two take about as long, so a parallel comparison only waited for the pool's
     * worker at each batch's end (docs/benchmarks.md, "Two threads, no joins").
     */
    private boolean compare(List<SessionRecord> batch, Map<String, SessionRecord> found) {
        for (SessionRecord r : batch) {
            if (cancelled.get()) {
                return false;
            }
            Check c = Check.of(r, found.get(r.session()));
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
