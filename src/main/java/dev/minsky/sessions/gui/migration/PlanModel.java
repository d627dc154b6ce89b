package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.Conflict;
import dev.minsky.sessions.migrate.ConflictPolicy;
import dev.minsky.sessions.migrate.InvalidRecord;
import dev.minsky.sessions.migrate.Migration;
import dev.minsky.sessions.migrate.MigrationListener;
import dev.minsky.sessions.migrate.MigrationOptions;
import dev.minsky.sessions.migrate.MigrationPlan;
import dev.minsky.sessions.migrate.RecordEvent;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plan page: a dry run of the engine ({@link Migration#plan()}) with both stores opened
 * read-only, so nothing is written anywhere. Shows the counts, the invalid records with their
 * reasons and the conflicts with their differing fields.
 */
public final class PlanModel {
    public enum State { IDLE, RUNNING, DONE, FAILED }

    private final Services services;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<MigrationPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper();
    private final ObservableList<Count> counts = FXCollections.observableArrayList();
    private final ObservableList<InvalidRecord> invalid = FXCollections.observableArrayList();
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<Conflict> selectedConflict = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> conflictFields = FXCollections.observableArrayList();
    private final AtomicReference<Migration> running = new AtomicReference<>();
    private int generation;

    PlanModel(Services services) {
        this.services = services;
        selectedConflict.addListener((o, was, c) -> conflictFields.setAll(c == null ? List.of()
                : c.differences().stream().map(d -> FieldRow.of(d, services.text().get("migration.missing"))).toList()));
    }

    /** Plans migrating {@code source} into {@code target} with {@code options} (its dry-run flag is forced on). */
    void start(StoreLocation source, StoreLocation target, MigrationOptions options) {
        cancel();
        int mine = ++generation;
        plan.set(null);
        counts.clear();
        invalid.clear();
        conflicts.clear();
        blocked.set(false);
        state.set(State.RUNNING);
        progress.set(-1);
        Texts t = services.text();
        status.set(t.get("migration.plan.opening"));
        MigrationOptions dry = options.withDryRun(true).withBackupDirectory(null);
        services.tasks().run(t.get("migration.plan.task"), p -> {
            try (SessionStore src = services.openReadingAhead(source); SessionStore dst = services.openReadOnly(target)) {
                Migration m = new Migration(src, dst, dry, new MigrationListener() {
                    @Override
                    public void record(RecordEvent e) {
                        p.update(e.done(), e.total(), null);
                    }
                });
                running.set(m);
                return m.plan();
            } finally {
                running.set(null);
            }
        }, (done, total, message) -> {
            if (mine == generation && total > 0) {
                progress.set((double) done / total);
                status.set(t.get("migration.plan.reading", t.number(done), t.number(total)));
            }
        }, result -> {
            if (mine == generation) {
                show(result, options.onConflict());
            }
        }, error -> {
            if (mine == generation) {
                state.set(State.FAILED);
                status.set(t.get("migration.plan.failed", error.getMessage()));
                services.dialogs().error(t.get("migration.plan.failedTitle"), String.valueOf(error.getMessage()), error);
            }
        });
    }

    private void show(MigrationPlan p, ConflictPolicy policy) {
        Texts t = services.text();
        plan.set(p);
        List<Count> c = new ArrayList<>();
        c.add(new Count(t.get("migration.plan.source"), t.number(p.sourceRecords()), false));
        c.add(new Count(t.get("migration.plan.new"), t.number(p.newRecords()), false));
        c.add(new Count(t.get("migration.plan.identical"), t.number(p.identical()), false));
        c.add(new Count(t.get("migration.plan.conflicting"), t.number(p.conflicting()), p.conflicting() > 0));
        c.add(new Count(t.get("migration.plan.invalid"), t.number(p.invalid()), p.invalid() > 0));
        c.add(new Count(t.get("migration.plan.target"), t.get("migration.plan.targetValue",
                t.number(p.targetRecords()), t.number(p.targetOnly())), false));
        c.add(new Count(t.get("migration.plan.toWrite"), t.number(p.toWrite(policy)), false));
        counts.setAll(c);
        invalid.setAll(p.invalidRecords());
        conflicts.setAll(p.conflicts());
        boolean failPolicy = policy == ConflictPolicy.FAIL && p.conflicting() > 0;
        blocked.set(failPolicy);
        status.set(failPolicy ? t.get("migration.plan.blockedByFail", t.number(p.conflicting()))
                : p.sourceRecords() == 0 ? t.get("migration.plan.emptySource")
                : t.get("migration.plan.ready", t.number(p.toWrite(policy))));
        progress.set(1);
        state.set(State.DONE);
    }

    /** Stops a plan in progress (its result is dropped); it wrote nothing, so this is always safe. */
    void cancel() {
        generation++;
        Migration m = running.get();
        if (m != null) {
            m.cancel();
        }
        if (state.get() == State.RUNNING) {
            state.set(State.IDLE);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MigrationPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the size of the source is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or what Next will do. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the plan forbids running (conflicts with the "fail" policy). */
    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    public ObservableList<Count> counts() {
        return counts;
    }

    public ObservableList<InvalidRecord> invalidRecords() {
        return invalid;
    }

    public ObservableList<Conflict> conflicts() {
        return conflicts;
    }

    public ObjectProperty<Conflict> selectedConflictProperty() {
        return selectedConflict;
    }

    /** The selected conflict, field by field (source → target). */
    public ObservableList<FieldRow> conflictFields() {
        return conflictFields;
    }
}
