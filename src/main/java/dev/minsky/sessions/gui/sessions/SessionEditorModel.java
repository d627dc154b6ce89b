package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.Instants;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details pane: the selected session's fields, editable known ones with validation at each
 * field, the rest read-only; Save sends only what changed, with the record as loaded so a change
 * made by someone else in the meantime is reported ({@link #conflictProperty()}), never overwritten.
 */
public final class SessionEditorModel {
    /** The known fields edited as text, in the order the pane shows them. */
    public static final List<String> EDITABLE = List.of(SessionField.SESSION, SessionField.REPO_NAME,
            SessionField.REPO_URL, SessionField.CREATED_AT, SessionField.TASK_ID, SessionField.BRANCH,
            SessionField.REPO_PATH, SessionField.BACKEND_TYPE, SessionField.PR_BRANCH, SessionField.PR_APPROVED);

    /** What happened to the shown session in the store while it had unsaved edits (SPEC §6.1). */
    public enum Elsewhere {
        /** Nothing we know of. */
        NONE,
        /** Someone else changed it: Save will report a conflict and offer to reload. */
        CHANGED,
        /** Someone else deleted it. */
        DELETED
    }

    /** A field shown read-only: nested objects (as indented JSON) and fields this app does not know. */
    public record ReadOnlyField(String name, String text, boolean nested) {
    }

    private final AppContext ctx;
    private final Clock clock;
    private final ObjectProperty<SessionStore> store = new SimpleObjectProperty<>();
    private final Map<String, EditableField> fields = new LinkedHashMap<>();
    private final ObservableList<ReadOnlyField> others = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionRecord> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Elsewhere> elsewhere = new ReadOnlyObjectWrapper<>(Elsewhere.NONE);
    private final ReadOnlyStringWrapper otherProblems = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;
    private boolean loading;
    private Consumer<SessionRecord> onSaved = r -> {
    };

    public SessionEditorModel(AppContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        for (String name : EDITABLE) {
            EditableField f = new EditableField(name);
            f.textProperty().addListener((o, a, b) -> {
                if (!loading) {
                    check();
                }
            });
            fields.put(name, f);
        }
        canSave = Bindings.createBooleanBinding(() -> active.get() && dirty.get() && !hasErrors.get()
                && !saving.get() && store.get() != null && store.get().writable(), active, dirty, hasErrors, saving, store);
        clear();
    }

    /** Called with the stored record after a successful save or create. */
    public void setOnSaved(Consumer<SessionRecord> onSaved) {
        this.onSaved = onSaved;
    }

    /** Shows {@code r} as stored (discarding edits). */
    public void load(SessionRecord r) {
        loading = true;
        try {
            loaded.set(r);
            creating.set(false);
            active.set(true);
            conflict.set(false);
            elsewhere.set(Elsewhere.NONE);
            fields.forEach((name, f) -> {
                f.load(r.get(name));
                f.editableProperty().set(!name.equals(SessionField.SESSION));
            });
            List<ReadOnlyField> rest = new ArrayList<>();
            r.fields().members().forEach((name, v) -> {
                if (!fields.containsKey(name)) {
                    rest.add(new ReadOnlyField(name, SessionCells.readable(v), SessionCells.isNested(v)));
                }
            });
            others.setAll(rest);
        } finally {
            loading = false;
        }
        check();
    }

    /** Nothing selected. */
    public void clear() {
        loading = true;
        try {
            loaded.set(null);
            creating.set(false);
            active.set(false);
            conflict.set(false);
            elsewhere.set(Elsewhere.NONE);
            fields.values().forEach(f -> {
                f.load(null);
                f.editableProperty().set(false);
            });
            others.clear();
        } finally {
            loading = false;
        }
        check();
    }

    /** A new session: name and required fields to fill in, created now. */
    public void startNew() {
        clear();
        loading = true;
        try {
            creating.set(true);
            active.set(true);
            fields.values().forEach(f -> f.editableProperty().set(true));
            fields.get(SessionField.CREATED_AT).textProperty().set(Instants.format(clock.instant()));
        } finally {
            loading = false;
        }
        check();
    }

    /** The record the fields describe now. */
    public SessionRecord edited() {
        SessionRecord base = loaded.get();
        String name = fields.get(SessionField.SESSION).textProperty().get();
        SessionRecord.Builder b = base != null ? base.toBuilder() : SessionRecord.builder(name == null ? "" : name);
        fields.forEach((field, f) -> {
            if (base != null && field.equals(SessionField.SESSION)) {
                return; // the name never changes through an edit
            }
            JsonValue v = f.value();
            if (v == null) {
                b.remove(field);
            } else {
                b.set(field, v);
            }
        });
        if (base == null && name != null && name.isEmpty()) {
            b.set(SessionField.SESSION, ""); // reported as blank by validation
        }
        return b.build();
    }

    private void check() {
        if (!active.get()) {
            fields.values().forEach(f -> f.showProblem(null, false));
            dirty.set(false);
            hasErrors.set(false);
            otherProblems.set("");
            return;
        }
        SessionRecord now = edited();
        List<ValidationProblem> problems = SessionValidator.validate(now);
        for (EditableField f : fields.values()) {
            ValidationProblem first = problems.stream().filter(p -> p.field().equals(f.name()))
                    .min((a, b) -> Boolean.compare(b.isError(), a.isError())).orElse(null);
            f.showProblem(first == null ? null : first.reason(), first != null && first.isError());
        }
        otherProblems.set(String.join("\n", problems.stream().filter(p -> !fields.containsKey(p.field()))
                .map(ValidationProblem::describe).toList()));
        hasErrors.set(problems.stream().anyMatch(ValidationProblem::isError));
        dirty.set(creating.get() || !now.equals(loaded.get()));
    }

    /** Saves the edits: creates the new session, or updates only the changed fields. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        SessionStore s = store.get();
        SessionRecord edited = edited();
        SessionRecord expected = loaded.get();
        saving.set(true);
        if (creating.get()) {
            ctx.tasks().run(ctx.text("sessions.task.creating", edited.session()), p -> s.create(edited),
                    this::saved, this::saveFailed);
        } else {
            SessionPatch patch = SessionPatch.between(expected, edited);
            ctx.tasks().run(ctx.text("sessions.task.saving", edited.session()), p -> s.update(patch, expected),
                    this::saved, this::saveFailed);
        }
    }

    private void saved(SessionRecord stored) {
        saving.set(false);
        load(stored);
        onSaved.accept(stored);
    }

    private void saveFailed(Throwable e) {
        saving.set(false);
        if (e instanceof SessionConflictException) {
            conflict.set(true);
        } else {
            ctx.dialogs().error(ctx.text("sessions.error.save"), e.getMessage(), e);
        }
    }

    /**
     * The shown session changed in the store (or was deleted) while it has unsaved edits: the edits
     * and the record they are based on stay as they are, so Save still reports the conflict.
     */
    void changedElsewhere(boolean deleted) {
        if (loaded.get() != null) {
            elsewhere.set(deleted ? Elsewhere.DELETED : Elsewhere.CHANGED);
        }
    }

    /** Back to the record as loaded (a new session: cleared); as stored now if it changed elsewhere. */
    public void revert() {
        if (elsewhere.get() != Elsewhere.NONE) {
            reloadStored();
        } else if (loaded.get() != null) {
            load(loaded.get());
        } else if (creating.get()) {
            clear();
        }
    }

    /** After a conflict: drops the edits and shows the record as stored now (cleared if it was deleted). */
    public void reloadStored() {
        SessionRecord mine = loaded.get();
        SessionStore s = store.get();
        if (mine == null || s == null) {
            return;
        }
        ctx.tasks().run(ctx.text("sessions.task.loadingOne", mine.session()), p -> s.get(mine.session()),
                found -> found.ifPresentOrElse(this::load, this::clear),
                e -> ctx.dialogs().error(ctx.text("sessions.error.load"), e.getMessage(), e));
    }

    /** After a conflict: keeps the edits on screen (saving again reports the conflict again). */
    public void keepEditing() {
        conflict.set(false);
    }

    public EditableField field(String name) {
        return fields.get(name);
    }

    public Map<String, EditableField> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public ObservableList<ReadOnlyField> others() {
        return others;
    }

    public ObjectProperty<SessionStore> storeProperty() {
        return store;
    }

    /** The record as loaded from the store (what a save expects to find); null for none or a new one. */
    public ReadOnlyObjectProperty<SessionRecord> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether a record (or a new one) is shown. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Someone else changed the record since it was loaded: the view asks "Reload" or "Keep editing". */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Whether the shown session changed in the store while it had unsaved edits. */
    public ReadOnlyObjectProperty<Elsewhere> elsewhereProperty() {
        return elsewhere.getReadOnlyProperty();
    }

    /** Errors and warnings about fields not edited here (a malformed prState, say). */
    public ReadOnlyStringProperty otherProblemsProperty() {
        return otherProblems.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
