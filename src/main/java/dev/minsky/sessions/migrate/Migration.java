package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.CheckedRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The migration engine (SPEC §4): plan → backup → copy → verify → report, from one
 * {@link SessionStore} to another, whatever their backends. The CLI and the wizard both drive it
 * and only listen; neither holds migration logic (DESIGN convention 9).
 *
 * <p>Memory is bounded by the batch: the source is streamed, and the target is asked only for the
 * names of the batch in hand. Each batch is one transaction, so a run that is cancelled, fails or
 * is killed leaves the target with whole batches only, and running the same migration again
 * completes it (what arrived counts as already present).
 *
 * <p>One instance runs once, on one thread; {@link #cancel()} may be called from any thread.
 */
public final class Migration {
    private final SessionStore source;
    private final SessionStore target;
    private final MigrationOptions options;
    private final MigrationListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<Phase, Duration> timings = new EnumMap<>(Phase.class);
    private MigrationPlan plan;
    /** Where the copy keeps the canonical forms for its verification ({@link CanonicalSpill}); null: the system's. */
    private Path spillDirectory;

    public Migration(SessionStore source, SessionStore target, MigrationOptions options, MigrationListener listener) {
        this.source = source;
        this.target = target;
        // the report states the size the run used
        this.options = options.batchSize() == MigrationOptions.AUTOMATIC
                ? options.withBatchSize(target.defaultBatchSize()) : options;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    /** The copy keeps its canonical forms in {@code directory} instead of the system's temporary folder (tests). */
    Migration spillIn(Path directory) {
        this.spillDirectory = directory;
        return this;
    }

    /** Stops the run within the batch in hand: that batch is not written; what was committed stays. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Reads the source, checks every record against the target and compares it with the target's
     * record of the same name. Writes nothing.
     *
     * @throws StoreException if either store cannot be read
     */
    public MigrationPlan plan() {
        if (plan != null) {
            return plan;
        }
        long total = source.count(SessionQuery.all());
        listener.phaseStarted(Phase.PLAN, total);
        PhaseProgress progress = new PhaseProgress(Phase.PLAN, total);
        PlanTally tally = new PlanTally();
        long targetRecords = target.count(SessionQuery.all());
        long[] position = {0};
        ExecutorService lookups = Futures.daemonThread("migrate-lookup");
        try {
            Batches.forEach(source, options.batchSize(), batch -> {
                for (Classified c : classify(batch, position[0], targetRecords > 0 ? lookups : null, null)) {
                    tally.add(c);
                    listener.record(progress.record(c.name, c.outcome, c.detail()));
                }
                position[0] += batch.size();
                return !cancelled.get();
            });
        } finally {
            lookups.shutdown();
        }
        plan = tally.plan(targetRecords);
        finish(Phase.PLAN, progress.elapsed());
        return plan;
    }

    /**
     * The whole migration. Problems reading either store before anything is written are thrown;
     * once writing has begun, a failure is recorded in the report (with what was committed) instead,
     * so the caller can always tell the user where the target stands.
     *
     * @throws StoreException if the plan cannot be made (nothing was written)
     */
    public MigrationReport run() {
        Instant started = Instant.now();
        // A dry run is the plan; "fail" must know every conflict before the first write. Otherwise
        // the plan is made batch by batch as the copy goes, reading the source once.
        boolean planFirst = plan != null || options.dryRun() || options.onConflict() == ConflictPolicy.FAIL;
        MigrationPlan p = planFirst ? plan() : null;
        MigrationReport.Builder report = new MigrationReport.Builder(source.location(), target.location(), options,
                started);
        if (p != null) {
            report.plan(p);
            if (cancelled.get() || options.dryRun()) {
                return finish(report);
            }
            if (options.onConflict() == ConflictPolicy.FAIL && p.conflicting() > 0) {
                return finish(report.failure(p.conflicting() + " record(s) conflict with the target and "
                        + "--on-conflict is fail; nothing was written"));
            }
        }
        // The backups come before the first write: before the copy, unless the plan says it writes nothing.
        if (options.backupDirectory() != null && (p == null || p.toWrite(options.onConflict()) > 0)) {
            try {
                report.backup(backup(target, options.backupDirectory()));
                if (options.backupSource()) {
                    report.sourceBackup(backup(source, options.backupDirectory()));
                }
            } catch (StoreException e) {
                return finish(report.failure("the target could not be backed up, so nothing was written: "
                        + e.getMessage()));
            }
        }
        Copy copy = new Copy(report);
        try {
            copy.run();
            report.copy(copy.result());
            if (p == null) {
                report.plan(copy.plan());
            }
            if (options.verify() && copy.result().complete() && !cancelled.get()) {
                try {
                    Verification v = copy.verifier().run();
                    timings.put(Phase.VERIFY, v.took());
                    report.verification(v);
                } catch (StoreException e) {
                    report.failure("verification could not finish: " + e.getMessage());
                }
            }
        } finally {
            copy.close();
        }
        return finish(report);
    }

    private MigrationReport finish(MigrationReport.Builder report) {
        if (cancelled.get()) {
            report.cancelled();
        }
        return report.timings(timings).build();
    }

    private Path backup(SessionStore store, Path directory) {
        listener.phaseStarted(Phase.BACKUP, -1);
        long start = System.nanoTime();
        Path file = store.backup(directory);
        listener.backupWritten(file);
        finish(Phase.BACKUP, Duration.ofNanos(System.nanoTime() - start));
        return file;
    }

    /**
     * The copy step: classifies each batch against the target, backs the target up just before the
     * first write, writes what the policy says in one transaction per batch, and reports each
     * record once its outcome is final (written records after their batch committed).
     */
    private final class Copy {
        private final MigrationReport.Builder report;
        private final PhaseProgress progress;
        private final long targetRecords;
        private final PlanTally planned = new PlanTally();
        private long committed;
        private long position;
        private boolean complete = true;
        private ExecutorService writer;
        private ExecutorService lookups;
        private Future<Map<String, SessionRecord>> pending;
        private List<Classified> pendingRecords = List.of();
        /**
         * Where the copy keeps each valid record's canonical form as it reads it, for the verification: it then
         * re-reads the target only, not the source a second time, and hashes each record once for both sides when the
         * target's is the same bytes. Made when the copy starts; null when not kept: without verification, and for a
         * source that holds its records in memory (a JSON file), since reading it again costs nothing and the
         * verification then hashes a record and the target's once when their values are the same.
         */
        private CanonicalSpill spill;
        /**
         * Every valid record read, in order, with the length of its canonical form (when kept in {@link #spill}):
         * about 90 bytes each (its name), and the verification's set digests add about 80 (ADR 5, addenda of
         * 2026-12-02 and 2026-12-03).
         */
        private final List<Verifier.Copied> copied = new ArrayList<>();
        /**
         * The target was empty when the copy began: its batches are not looked up first but written as
         * new ({@link SessionStore#writeNew}); a batch that meets a name another writer stored meanwhile
         * is classified against what it met and written again ({@link #reclassify}). Not for
         * {@code --on-conflict fail}, whose plan must stop before such a batch.
         */
        private final boolean asNew;

        Copy(MigrationReport.Builder report) {
            this.report = report;
            long total = plan != null ? plan.sourceRecords() : source.count(SessionQuery.all());
            this.targetRecords = plan != null ? plan.targetRecords() : target.count(SessionQuery.all());
            listener.phaseStarted(Phase.COPY, total);
            this.progress = new PhaseProgress(Phase.COPY, total);
            this.asNew = targetRecords == 0 && options.onConflict() != ConflictPolicy.FAIL;
        }

        void run() {
            ExecutorService writer = Futures.daemonThread("migrate-writer");
            this.writer = writer;
            this.lookups = Futures.daemonThread("migrate-lookup");
            boolean keep = options.verify() && !source.holdsRecordsInMemory();
            this.spill = keep ? CanonicalSpill.open(spillDirectory) : null;
            try {
                Batches.forEach(source, target.batchSize(options.batchSize()), this::batch);
                awaitWrite();
            } catch (StoreException e) {
                complete = false;
                awaitWriteQuietly();
                report.failure("the copy stopped after " + committed + " committed record(s): " + e.getMessage());
            } finally {
                writer.shutdown();
                lookups.shutdown();
            }
            makeDurable();
            finish(Phase.COPY, progress.elapsed());
        }

        /**
         * Waits until the batches committed are durable ({@link SessionStore#makeDurable}: PostgreSQL committed
         * them without waiting for its log), whether the copy finished, was cancelled or stopped.
         */
        private void makeDurable() {
            if (committed == 0) {
                return;
            }
            try {
                target.makeDurable();
            } catch (StoreException e) {
                complete = false;
                report.failure("the " + committed + " committed record(s) could not be confirmed durable: "
                        + e.getMessage() + "; if the target's server stopped meanwhile, the last of them may be"
                        + " lost: run the same migration again to complete it");
            }
        }

        /**
         * Waits for the batch being written, then reports its records. One batch is written while
         * the next is read and checked: the target's transaction and our validation overlap.
         */
        private void awaitWrite() {
            if (pending == null) {
                return;
            }
            Future<Map<String, SessionRecord>> f = pending;
            pending = null;
            Map<String, SessionRecord> met = Futures.await(f, "writing a batch");
            List<Classified> written = met.isEmpty() ? pendingRecords : reclassify(pendingRecords, met);
            pendingRecords = List.of();
            committed += written.size();
            listener.batchCommitted(written.size(), committed);
            for (Classified c : written) {
                listener.record(progress.record(c.name,
                        c.outcome == Outcome.NEW ? Outcome.COPIED : Outcome.OVERWRITTEN, c.detail()));
            }
        }

        /**
         * A batch written as new that met names stored meanwhile (nothing of it was written): its records
         * classified again against what the target holds, reported as the policy says, and those to write
         * written (as a batch is when the target is looked up first). Returns the records written.
         */
        private List<Classified> reclassify(List<Classified> batch, Map<String, SessionRecord> met) {
            List<CheckedRecord> toWrite = new ArrayList<>();
            List<Classified> written = new ArrayList<>();
            for (Classified was : batch) {
                Classified c = classify(was.checked, was.position, met.get(was.checked.record().session()), null);
                planned.replace(was, c);
                if (!decide(c, toWrite, written)) {
                    throw new IllegalStateException("--on-conflict fail never writes a batch as new");
                }
            }
            if (!toWrite.isEmpty()) {
                target.writeChecked(toWrite);
            }
            return written;
        }

        /**
         * What the policy does with one classified record: reported at once (invalid, already present, a
         * conflict kept), or added to the batch's writes, reported once they are committed. False when the
         * copy must stop: a conflict under {@code fail} means the target changed since the plan.
         */
        private boolean decide(Classified c, List<CheckedRecord> toWrite, List<Classified> written) {
            switch (c.outcome) {
                case INVALID -> listener.record(progress.record(c.name, Outcome.INVALID, c.detail()));
                case IDENTICAL -> listener.record(progress.record(c.name, Outcome.ALREADY_PRESENT, ""));
                case NEW -> {
                    toWrite.add(c.checked);
                    written.add(c);
                }
                case CONFLICT -> {
                    if (options.onConflict() == ConflictPolicy.OVERWRITE) {
                        toWrite.add(c.checked);
                        written.add(c);
                    } else if (options.onConflict() == ConflictPolicy.SKIP) {
                        listener.record(progress.record(c.name, Outcome.CONFLICT_KEPT, c.detail()));
                    } else {
                        report.failure("session '" + c.name + "' conflicts with the target (" + c.detail()
                                + ") and --on-conflict is fail; the copy stopped there");
                        complete = false;
                        return false;
                    }
                }
                default -> throw new IllegalStateException(c.outcome.name());
            }
            return true;
        }

        private void awaitWriteQuietly() {
            try {
                awaitWrite();
            } catch (StoreException alreadyFailing) {
                // the first failure is the one reported
            }
        }

        private boolean batch(List<SessionRecord> batch) {
            List<Classified> classified = classify(batch, position, asNew ? null : lookups, spill);
            position += batch.size();
            List<CheckedRecord> toWrite = new ArrayList<>();
            List<Classified> written = new ArrayList<>();
            for (Classified c : classified) {
                if (cancelled.get()) {
                    complete = false;
                    return false; // this batch is dropped whole: nothing of it was written
                }
                planned.add(c);
                if (c.kept >= 0) {
                    copied.add(new Verifier.Copied(c.name, c.kept));
                }
                if (!decide(c, toWrite, written)) {
                    return false;
                }
            }
            awaitWrite();
            if (cancelled.get()) {
                complete = false;
                return false; // cancelled while the previous batch was written: this one is dropped
            }
            if (!toWrite.isEmpty()) {
                pendingRecords = written;
                pending = writer.submit(() -> {
                    if (asNew) {
                        return target.writeNew(toWrite);
                    }
                    target.writeChecked(toWrite);
                    return Map.of();
                });
            }
            return true;
        }

        CopyResult result() {
            return new CopyResult(progress.counts(), committed, complete && !cancelled.get());
        }

        /** The plan as the copy found it, batch by batch. */
        MigrationPlan plan() {
            return planned.plan(targetRecords);
        }

        /** Records found invalid (by the plan, or by this copy): verification does not expect them. */
        Set<String> invalidNames() {
            Set<String> names = new HashSet<>();
            if (plan != null) {
                plan.invalidRecords().forEach(r -> names.add(r.session()));
            }
            planned.invalid.forEach(r -> names.add(r.session()));
            return names;
        }

        /**
         * The verification of what this copy did: from the canonical forms it kept, or by reading the source again
         * (also when they could not be kept: the temporary file could not be made or written).
         */
        Verifier verifier() {
            if (spill != null) {
                spill.finishWriting();
            }
            if (spill != null && !spill.failed()) {
                return new Verifier(source, target, copied, spill, listener, cancelled);
            }
            Verifier again = new Verifier(source, target, invalidNames(), listener, cancelled);
            return spill == null ? again : again.noting("the copy could not keep what it read in a temporary file ("
                    + spill.why() + "), so the source was read again: a record changed in the "
                    + "source since the copy counts as different");
        }

        /** Deletes the kept canonical forms. */
        void close() {
            if (spill != null) {
                spill.close();
            }
        }
    }

    /**
     * Compares two stores without migrating (the {@code verify} command): every source record,
     * invalid ones included, against the target.
     */
    public static Verification verify(SessionStore source, SessionStore target, MigrationListener listener,
                                      AtomicBoolean cancelled) {
        return new Verifier(source, target, Set.of(), listener == null ? MigrationListener.NONE : listener,
                cancelled == null ? new AtomicBoolean() : cancelled).run();
    }

    // ---- batches and classification ----------------------------------------------------------

    /** The plan's counts and problem records, added up one classified record at a time (by the plan or the copy). */
    private static final class PlanTally {
        private final EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        private final List<InvalidRecord> invalid = new ArrayList<>();
        private final List<Conflict> conflicts = new ArrayList<>();

        /** {@code was} (counted as new) is {@code now} after all: the target had its name when written. */
        void replace(Classified was, Classified now) {
            counts.merge(was.outcome, -1L, Long::sum);
            add(now);
        }

        void add(Classified c) {
            counts.merge(c.outcome, 1L, Long::sum);
            if (c.outcome == Outcome.INVALID) {
                invalid.add(c.invalid());
            } else if (c.outcome == Outcome.CONFLICT) {
                conflicts.add(new Conflict(c.name, c.differences));
            }
        }

        MigrationPlan plan(long targetRecords) {
            long n = counts.values().stream().mapToLong(Long::longValue).sum();
            return new MigrationPlan(n, counts.getOrDefault(Outcome.NEW, 0L), counts.getOrDefault(Outcome.IDENTICAL, 0L),
                    counts.getOrDefault(Outcome.CONFLICT, 0L), counts.getOrDefault(Outcome.INVALID, 0L),
                    targetRecords, invalid, conflicts);
        }
    }

    /** @param kept the length of the record's canonical form, when kept and the record is valid; else -1 */
    private record Classified(CheckedRecord checked, String name, long position, Outcome outcome,
                              List<FieldDifference> differences, int kept) {
        InvalidRecord invalid() {
            return new InvalidRecord(name, position, checked.problems());
        }

        String detail() {
            if (outcome == Outcome.INVALID) {
                return invalid().describe();
            }
            return differences.isEmpty() ? "" : new Conflict(name, differences).describe();
        }
    }

    /**
     * Valid or not, and for valid records how they compare with the target's record of the name.
     * One lookup for the batch; the per-record work (validation, encoding checks, comparison, canonical forms) runs on
     * this thread. The target's check keeps what the write will need (its encoded rows).
     *
     * <p>Not on every core: the source's next batch is read on the read-ahead thread and the previous one written on
     * the writer's meanwhile (with the database's own process beside them), so both cores are busy already, and a
     * parallel check only waited at each batch's end for the pool's worker. On this thread, a 100,000-record migration
     * from SQLite to PostgreSQL took 3 % less time (its copy 3.6 %), and JSON to SQLite 1.5 % (its copy 2.5 %;
     * docs/benchmarks.md).
     *
     * @param lookups where the target is asked for the batch's names, while the checks run; null
     *                when it need not be asked (it was empty when the plan began)
     * @param spill where to keep each valid record's canonical form, in order (for the verification after a copy);
     *              null when not kept
     */
    private List<Classified> classify(List<SessionRecord> batch, long firstPosition, ExecutorService lookups,
                                      CanonicalSpill spill) {
        int n = batch.size();
        Future<Map<String, SessionRecord>> held = null;
        if (lookups != null) {
            List<String> names = batch.stream().map(SessionRecord::session).filter(s -> s != null && !s.isEmpty())
                    .toList(); // an invalid record's name too: the answer for it is not used
            held = names.isEmpty() ? null : lookups.submit(() -> target.getAll(names));
        }
        // Validation needs no database: it runs while the previous batch is written and this one looked up.
        CheckedRecord[] checked = new CheckedRecord[n];
        for (int i = 0; i < n; i++) {
            checked[i] = target.check(batch.get(i));
        }
        Map<String, SessionRecord> stored = held == null ? Map.of() : Futures.await(held, "reading the target");
        Classified[] out = new Classified[n];
        for (int i = 0; i < n; i++) {
            out[i] = classify(checked[i], firstPosition + i + 1,
                    checked[i].problems().isEmpty() ? stored.get(batch.get(i).session()) : null, spill);
        }
        return Arrays.asList(out);
    }

    private static Classified classify(CheckedRecord c, long position, SessionRecord theirs, CanonicalSpill spill) {
        SessionRecord r = c.record();
        String name = r.session() == null || r.session().isEmpty() ? "#" + position : r.session();
        if (!c.problems().isEmpty()) {
            return new Classified(c, name, position, Outcome.INVALID, List.of(), -1);
        }
        int kept = spill != null ? RecordDigest.writeCanonical(r, spill) : -1;
        if (theirs == null) {
            return new Classified(c, name, position, Outcome.NEW, List.of(), kept);
        }
        List<FieldDifference> diffs = RecordComparison.differences(r, theirs);
        return new Classified(c, name, position, diffs.isEmpty() ? Outcome.IDENTICAL : Outcome.CONFLICT, diffs, kept);
    }

    private void finish(Phase phase, Duration took) {
        timings.merge(phase, took, Duration::plus); // two backups (target and JSON source) add up
        listener.phaseFinished(phase, took);
    }
}
