package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

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

    public Migration(SessionStore source, SessionStore target, MigrationOptions options, MigrationListener listener) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.listener = listener == null ? MigrationListener.NONE : listener;
    }

    /** Stops the run within the batch in hand: that batch is not written; what was committed stays. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
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
        List<InvalidRecord> invalid = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        long targetRecords = target.count(SessionQuery.all());
        long[] position = {0};
        forEachBatch(source, options.batchSize(), batch -> {
            for (Classified c : classify(batch, position[0], targetRecords > 0)) {
                if (c.outcome == Outcome.INVALID) {
                    invalid.add(c.invalid());
                } else if (c.outcome == Outcome.CONFLICT) {
                    conflicts.add(new Conflict(c.name, c.differences));
                }
                listener.record(progress.record(c.name, c.outcome, c.detail()));
            }
            position[0] += batch.size();
            return !cancelled.get();
        });
        plan = new MigrationPlan(progress.count(Outcome.NEW) + progress.count(Outcome.IDENTICAL)
                + progress.count(Outcome.CONFLICT) + progress.count(Outcome.INVALID), progress.count(Outcome.NEW),
                progress.count(Outcome.IDENTICAL), progress.count(Outcome.CONFLICT), progress.count(Outcome.INVALID),
                targetRecords, invalid, conflicts);
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
        MigrationPlan p = plan();
        MigrationReport.Builder report = new MigrationReport.Builder(source.location(), target.location(), options,
                started, p);
        if (cancelled.get()) {
            return report.cancelled().timings(timings).build();
        }
        if (options.dryRun()) {
            return report.timings(timings).build();
        }
        if (options.onConflict() == ConflictPolicy.FAIL && p.conflicting() > 0) {
            return report.failure(p.conflicting() + " record(s) conflict with the target and --on-conflict is fail; "
                    + "nothing was written").timings(timings).build();
        }
        if (options.backupDirectory() != null && p.toWrite(options.onConflict()) > 0) {
            try {
                report.backup(backup(options.backupDirectory()));
            } catch (StoreException e) {
                return report.failure("the target could not be backed up, so nothing was written: " + e.getMessage())
                        .timings(timings).build();
            }
        }
        CopyResult copy = copy(report);
        report.copy(copy);
        if (options.verify() && copy.complete() && !cancelled.get()) {
            try {
                report.verification(verify(source, target, invalidNames(p), listener, cancelled, timings));
            } catch (StoreException e) {
                report.failure("verification could not finish: " + e.getMessage());
            }
        }
        if (cancelled.get()) {
            report.cancelled();
        }
        return report.timings(timings).build();
    }

    private Path backup(Path directory) {
        listener.phaseStarted(Phase.BACKUP, -1);
        long start = System.nanoTime();
        Path file = target.backup(directory);
        listener.backupWritten(file);
        finish(Phase.BACKUP, Duration.ofNanos(System.nanoTime() - start));
        return file;
    }

    private CopyResult copy(MigrationReport.Builder report) {
        listener.phaseStarted(Phase.COPY, plan.sourceRecords());
        PhaseProgress progress = new PhaseProgress(Phase.COPY, plan.sourceRecords());
        long[] committed = {0};
        long[] position = {0};
        boolean[] complete = {true};
        try {
            forEachBatch(source, target.batchSize(options.batchSize()), batch -> {
                List<Classified> classified = classify(batch, position[0], true);
                position[0] += batch.size();
                List<SessionRecord> toWrite = new ArrayList<>();
                List<Classified> written = new ArrayList<>();
                for (Classified c : classified) {
                    if (cancelled.get()) {
                        complete[0] = false;
                        return false; // this batch is dropped whole: nothing of it was written
                    }
                    switch (c.outcome) {
                        case INVALID -> listener.record(progress.record(c.name, Outcome.INVALID, c.detail()));
                        case IDENTICAL -> listener.record(progress.record(c.name, Outcome.ALREADY_PRESENT, ""));
                        case NEW -> {
                            toWrite.add(c.record);
                            written.add(c);
                        }
                        case CONFLICT -> {
                            if (options.onConflict() == ConflictPolicy.OVERWRITE) {
                                toWrite.add(c.record);
                                written.add(c);
                            } else if (options.onConflict() == ConflictPolicy.SKIP) {
                                listener.record(progress.record(c.name, Outcome.CONFLICT_KEPT, c.detail()));
                            } else {
                                // the target changed since the plan: stop before this batch
                                report.failure("session '" + c.name + "' conflicts with the target (" + c.detail()
                                        + ") and --on-conflict is fail; the copy stopped there");
                                complete[0] = false;
                                return false;
                            }
                        }
                        default -> throw new IllegalStateException(c.outcome.name());
                    }
                }
                if (!toWrite.isEmpty()) {
                    target.writeBatch(toWrite);
                    committed[0] += toWrite.size();
                    listener.batchCommitted(toWrite.size(), committed[0]);
                }
                for (Classified c : written) {
                    listener.record(progress.record(c.name,
                            c.outcome == Outcome.NEW ? Outcome.COPIED : Outcome.OVERWRITTEN, c.detail()));
                }
                return true;
            });
        } catch (StoreException e) {
            complete[0] = false;
            report.failure("the copy stopped after " + committed[0] + " committed record(s): " + e.getMessage());
        }
        finish(Phase.COPY, progress.elapsed());
        return new CopyResult(progress.counts(), committed[0], complete[0] && !cancelled.get());
    }

    private static Set<String> invalidNames(MigrationPlan plan) {
        Set<String> names = new HashSet<>();
        plan.invalidRecords().forEach(r -> names.add(r.session()));
        return names;
    }

    /**
     * Compares every source record (except {@code skip}) with the target's record of the same name,
     * field by field and by digest, then looks for records only the target has.
     */
    static Verification verify(SessionStore source, SessionStore target, Set<String> skip, MigrationListener listener,
                               AtomicBoolean cancelled, Map<Phase, Duration> timings) {
        long total = source.count(SessionQuery.all()) - skip.size();
        listener.phaseStarted(Phase.VERIFY, total);
        PhaseProgress progress = new PhaseProgress(Phase.VERIFY, total);
        RecordDigest.SetDigest sourceSet = new RecordDigest.SetDigest();
        RecordDigest.SetDigest targetSet = new RecordDigest.SetDigest();
        List<RecordCheck> problems = new ArrayList<>();
        boolean[] complete = {true};
        forEachBatch(source, MigrationOptions.DEFAULT_BATCH_SIZE, batch -> {
            List<SessionRecord> compared = new ArrayList<>(batch.size());
            for (SessionRecord r : batch) {
                String name = r.session();
                if (name != null && !name.isEmpty() && !skip.contains(name)) {
                    compared.add(r);
                }
            }
            Map<String, SessionRecord> found = target.getAll(compared.stream().map(SessionRecord::session).toList());
            for (SessionRecord r : compared) {
                if (cancelled.get()) {
                    complete[0] = false;
                    return false;
                }
                byte[] digest = RecordDigest.of(r);
                sourceSet.add(r.session(), digest);
                SessionRecord t = found.get(r.session());
                if (t == null) {
                    problems.add(new RecordCheck(r.session(), Outcome.MISSING, List.of(), RecordDigest.hex(digest), null));
                    listener.record(progress.record(r.session(), Outcome.MISSING, "not in the target"));
                    continue;
                }
                byte[] theirs = RecordDigest.of(t);
                targetSet.add(t.session(), theirs);
                List<FieldDifference> diffs = RecordComparison.differences(r, t);
                if (diffs.isEmpty() && java.util.Arrays.equals(digest, theirs)) {
                    listener.record(progress.record(r.session(), Outcome.IDENTICAL, ""));
                } else {
                    problems.add(new RecordCheck(r.session(), Outcome.DIFFERENT, diffs, RecordDigest.hex(digest),
                            RecordDigest.hex(theirs)));
                    listener.record(progress.record(r.session(), Outcome.DIFFERENT, diffs.isEmpty()
                            ? "same fields, different digest"
                            : diffs.stream().map(FieldDifference::field).toList().toString()));
                }
            }
            return true;
        });
        long identical = progress.count(Outcome.IDENTICAL);
        long different = progress.count(Outcome.DIFFERENT);
        long extra = 0;
        if (complete[0] && target.count(SessionQuery.all()) > identical + different) {
            extra = findExtra(source, target, problems, listener, progress, cancelled, complete);
        }
        Duration took = progress.elapsed();
        timings.put(Phase.VERIFY, took);
        listener.phaseFinished(Phase.VERIFY, took);
        return new Verification(identical + different + progress.count(Outcome.MISSING), identical, different,
                progress.count(Outcome.MISSING), extra, problems, RecordDigest.hex(sourceSet.digest()),
                RecordDigest.hex(targetSet.digest()), complete[0], took);
    }

    /** The target's records whose names the source does not have at all. */
    private static long findExtra(SessionStore source, SessionStore target, List<RecordCheck> problems,
                                  MigrationListener listener, PhaseProgress progress, AtomicBoolean cancelled,
                                  boolean[] complete) {
        long[] extra = {0};
        forEachBatch(target, MigrationOptions.DEFAULT_BATCH_SIZE, batch -> {
            Map<String, SessionRecord> inSource = source.getAll(batch.stream().map(SessionRecord::session).toList());
            for (SessionRecord t : batch) {
                if (cancelled.get()) {
                    complete[0] = false;
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

    /**
     * Compares two stores without migrating (the {@code verify} command): every source record,
     * invalid ones included, against the target.
     */
    public static Verification verify(SessionStore source, SessionStore target, MigrationListener listener,
                                      AtomicBoolean cancelled) {
        return verify(source, target, Set.of(), listener == null ? MigrationListener.NONE : listener,
                cancelled == null ? new AtomicBoolean() : cancelled, new EnumMap<>(Phase.class));
    }

    // ---- batches and classification ----------------------------------------------------------

    private record Classified(SessionRecord record, String name, long position, Outcome outcome,
                              List<ValidationProblem> problems, List<FieldDifference> differences) {
        InvalidRecord invalid() {
            return new InvalidRecord(name, position, problems);
        }

        String detail() {
            if (!problems.isEmpty()) {
                return invalid().describe();
            }
            return differences.isEmpty() ? "" : new Conflict(name, differences).describe();
        }
    }

    /** Valid or not, and for valid records how they compare with the target's record of the name. */
    private List<Classified> classify(List<SessionRecord> batch, long firstPosition, boolean lookUp) {
        List<Classified> out = new ArrayList<>(batch.size());
        List<String> names = new ArrayList<>(batch.size());
        List<List<ValidationProblem>> problems = new ArrayList<>(batch.size());
        for (SessionRecord r : batch) {
            List<ValidationProblem> p = target.writeProblems(r);
            problems.add(p);
            if (p.isEmpty()) {
                names.add(r.session());
            }
        }
        Map<String, SessionRecord> held = lookUp && !names.isEmpty() ? target.getAll(names) : Map.of();
        for (int i = 0; i < batch.size(); i++) {
            SessionRecord r = batch.get(i);
            long position = firstPosition + i + 1;
            String name = r.session() == null || r.session().isEmpty() ? "#" + position : r.session();
            if (!problems.get(i).isEmpty()) {
                out.add(new Classified(r, name, position, Outcome.INVALID, problems.get(i), List.of()));
                continue;
            }
            SessionRecord theirs = held.get(r.session());
            if (theirs == null) {
                out.add(new Classified(r, name, position, Outcome.NEW, List.of(), List.of()));
            } else {
                List<FieldDifference> diffs = RecordComparison.differences(r, theirs);
                out.add(new Classified(r, name, position, diffs.isEmpty() ? Outcome.IDENTICAL : Outcome.CONFLICT,
                        List.of(), diffs));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface BatchHandler {
        /** Handles one batch; false stops the iteration. */
        boolean handle(List<SessionRecord> batch);
    }

    private static void forEachBatch(SessionStore store, int size, BatchHandler handler) {
        try (Stream<SessionRecord> all = store.streamAll()) {
            Iterator<SessionRecord> it = all.iterator();
            int capacity = Math.min(size, 10_000);
            while (it.hasNext()) {
                List<SessionRecord> batch = new ArrayList<>(capacity);
                while (it.hasNext() && batch.size() < size) {
                    batch.add(it.next());
                }
                if (!handler.handle(batch)) {
                    return;
                }
            }
        }
    }

    private void finish(Phase phase, Duration took) {
        timings.put(phase, took);
        listener.phaseFinished(phase, took);
    }
}
