package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.CopyResult;
import dev.minsky.sessions.migrate.Migration;
import dev.minsky.sessions.migrate.MigrationOptions;
import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.Outcome;
import dev.minsky.sessions.migrate.Phase;
import dev.minsky.sessions.migrate.RecordEvent;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run page: the engine's {@link Migration#run()} (backup, copy, verify) in the background,
 * with the overall progress, rate, time left and a bounded live list of records; Cancel stops it
 * within the batch in hand and the page then says how many records were committed.
 */
public final class RunModel {
    public enum State { IDLE, RUNNING, DONE, FAILED }

    static final int KEEP_RECENT = 500;
    static final int KEEP_PROBLEMS = 5_000;

    private final Services services;
    private final Duration refreshInterval;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<MigrationReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper committed = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Path> backup = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RecordRow> rows = FXCollections.observableArrayList();
    private final ArrayDeque<RecordRow> recent = new ArrayDeque<>();
    private final List<RecordRow> problems = new ArrayList<>();
    private final ReadOnlyLongWrapper problemsNotListed = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper notListedText = new ReadOnlyStringWrapper("");
    private final int keepProblems;
    private final AtomicReference<Migration> migration = new AtomicReference<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private Runnable whenFinished = () -> { };

    RunModel(Services services, Duration refreshInterval) {
        this(services, refreshInterval, KEEP_PROBLEMS);
    }

    /** {@code keepProblems}: how many problem records the live list keeps (tests make it small). */
    RunModel(Services services, Duration refreshInterval, int keepProblems) {
        this.services = services;
        this.refreshInterval = refreshInterval;
        this.keepProblems = keepProblems;
        problemsNotListed.addListener((o, was, now) -> notListedText.set(now.longValue() == 0 ? ""
                : services.text().get("migration.run.notListed", services.text().number(now.longValue()))));
    }

    /** Migrates {@code source} (opened read-only) into {@code target} (opened for writing). */
    void start(StoreLocation source, StoreLocation target, MigrationOptions options, Runnable finished) {
        whenFinished = finished;
        Texts t = services.text();
        state.set(State.RUNNING);
        report.set(null);
        stopRequested.set(false);
        problems.clear();
        recent.clear();
        rows.clear();
        problemsNotListed.set(0);
        phaseText.set(t.get("migration.run.opening"));
        progress.set(-1);
        AtomicReference<EventBuffer> buffer = new AtomicReference<>();
        services.tasks().run(t.get("migration.run.task", source.display(), target.display()), p -> {
            long[] signals = {0};
            buffer.set(new EventBuffer(KEEP_RECENT, keepProblems, refreshInterval,
                    () -> p.update(++signals[0], -1, null)));
            try (SessionStore src = services.openReadingAhead(source); SessionStore dst = services.open(target)) {
                Migration m = new Migration(src, dst, options.withDryRun(false), buffer.get());
                migration.set(m);
                if (stopRequested.get()) {
                    m.cancel();
                }
                return m.run();
            }
        }, (done, total, message) -> {
            if (buffer.get() != null) {
                apply(buffer.get().drain());
            }
        }, result -> {
            if (buffer.get() != null) {
                apply(buffer.get().drain());
            }
            finished(result);
        }, error -> {
            state.set(State.FAILED);
            phaseText.set(t.get("migration.run.failed"));
            resultText.set(t.get("migration.run.failedDetail", String.valueOf(error.getMessage()),
                    t.number(committed.get())));
            services.dialogs().error(t.get("migration.run.failed"), String.valueOf(error.getMessage()), error);
            whenFinished.run();
        });
    }

    /** Asks the engine to stop within the batch in hand; what was committed stays and is reported. */
    void cancel() {
        if (state.get() != State.RUNNING || !stopRequested.compareAndSet(false, true)) {
            return;
        }
        Migration m = migration.get();
        if (m != null) {
            m.cancel();
        }
        phaseText.set(services.text().get("migration.run.stopping"));
    }

    private void apply(EventBuffer.Snapshot s) {
        Texts t = services.text();
        for (RecordRow r : s.rows()) {
            if (r.problem()) {
                if (problems.size() < keepProblems) {
                    problems.add(r);
                } else {
                    problemsNotListed.set(problemsNotListed.get() + 1);
                }
            } else {
                recent.addLast(r);
                if (recent.size() > KEEP_RECENT) {
                    recent.removeFirst();
                }
            }
        }
        problemsNotListed.set(problemsNotListed.get() + s.droppedProblems());
        if (!s.rows().isEmpty()) {
            List<RecordRow> shown = new ArrayList<>(problems.size() + recent.size());
            shown.addAll(problems);
            shown.addAll(recent);
            shown.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            rows.setAll(shown);
        }
        committed.set(s.committed());
        if (s.backup() != null) {
            backup.set(s.backup());
        }
        RecordEvent e = s.latest();
        if (s.phase() == null || stopRequested.get() && state.get() == State.RUNNING) {
            return;
        }
        String phase = t.get("migration.phase." + s.phase().name().toLowerCase(java.util.Locale.ROOT));
        if (e == null) {
            progress.set(s.phaseTotal() == 0 ? 1 : -1);
            phaseText.set(phase);
            return;
        }
        progress.set(e.total() > 0 ? (double) e.done() / e.total() : -1);
        phaseText.set(t.get("migration.run.position", phase, t.number(e.done()),
                e.total() < 0 ? "?" : t.number(e.total())));
        rateText.set(t.get("migration.run.rate", t.number(Math.round(e.perSecond())), t.duration(e.remaining())));
        StringBuilder counts = new StringBuilder();
        e.counts().forEach((outcome, n) -> counts.append(counts.length() == 0 ? "" : " · ")
                .append(t.number(n)).append(' ').append(t.outcome(outcome)));
        countsText.set(phase + ": " + counts);
    }

    private void finished(MigrationReport r) {
        Texts t = services.text();
        report.set(r);
        committed.set(r.committed());
        r.backupFile().ifPresent(backup::set);
        progress.set(r.cancelled() || r.failure() != null ? progress.get() : 1);
        rateText.set(t.get("migration.run.took", t.duration(java.time.Duration.between(r.started(), java.time.Instant.now()))));
        state.set(State.DONE);
        if (r.cancelled()) {
            phaseText.set(t.get("migration.run.stopped"));
            resultText.set(t.get("migration.run.stoppedDetail", t.number(r.committed())));
        } else if (r.failure() != null) {
            phaseText.set(t.get("migration.run.failed"));
            resultText.set(r.failure());
        } else {
            CopyResult c = r.copy();
            phaseText.set(t.get("migration.run.done"));
            resultText.set(t.get("migration.run.doneDetail", t.number(c.count(Outcome.COPIED)),
                    t.number(c.count(Outcome.OVERWRITTEN)), t.number(c.count(Outcome.ALREADY_PRESENT)),
                    t.number(c.count(Outcome.CONFLICT_KEPT)), t.number(c.count(Outcome.INVALID)),
                    t.number(r.committed())));
        }
        whenFinished.run();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The engine's report once the run ended (completed, stopped or failed after writing began). */
    public ReadOnlyObjectProperty<MigrationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Progress of the current phase, 0..1; -1 while it cannot be told. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Copying: 400 of 1,003". */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** "2,150 records/s · about 12 s left". */
    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    /** The current phase's outcomes so far. */
    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    /** After the run: what it did, or how far it got. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** Records committed to the target so far. */
    public ReadOnlyLongProperty committedProperty() {
        return committed.getReadOnlyProperty();
    }

    /** The target's backup, once written. */
    public ReadOnlyObjectProperty<Path> backupProperty() {
        return backup.getReadOnlyProperty();
    }

    /** The live list: every problem record (up to {@value #KEEP_PROBLEMS}) and the last {@value #KEEP_RECENT} others. */
    public ObservableList<RecordRow> rows() {
        return rows;
    }

    /** Problem records beyond what the list keeps (the report has them all). */
    public ReadOnlyLongProperty problemsNotListedProperty() {
        return problemsNotListed.getReadOnlyProperty();
    }

    /** "… and 12 more problem records, not listed here: the report has them all"; empty when the list has them all. */
    public ReadOnlyStringProperty notListedTextProperty() {
        return notListedText.getReadOnlyProperty();
    }
}
