package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.Outcome;
import dev.minsky.sessions.migrate.RecordCheck;
import dev.minsky.sessions.migrate.Verification;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The verification page: the engine's {@link Verification} of the run (every record re-read from
 * the target and compared field by field, plus the set digests), and for a selected record that is
 * not identical, its fields side by side.
 */
public final class VerificationModel {
    private final Texts text;
    private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<Count> counts = FXCollections.observableArrayList();
    private final ObservableList<RecordCheck> problems = FXCollections.observableArrayList();
    private final ObjectProperty<RecordCheck> selected = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedDetail = new ReadOnlyStringWrapper("");

    VerificationModel(Texts text) {
        this.text = text;
        selected.addListener((o, was, check) -> select(check));
    }

    void show(MigrationReport report) {
        Verification v = report == null ? null : report.verification();
        selected.set(null);
        clean.set(v != null && v.clean());
        note.set(v == null || v.note() == null ? "" : text.get("migration.verify.note", v.note()));
        if (v == null) {
            counts.clear();
            problems.clear();
            headline.set(text.get(report != null && report.cancelled() ? "migration.verify.notRunStopped"
                    : "migration.verify.notRun"));
            return;
        }
        boolean match = v.sourceDigest() != null && v.sourceDigest().equals(v.targetDigest());
        List<Count> c = new ArrayList<>();
        c.add(new Count(text.get("migration.verify.compared"), text.number(v.compared()), false));
        c.add(new Count(text.get("migration.verify.identical"), text.number(v.identical()), false));
        c.add(new Count(text.get("migration.verify.different"), text.number(v.different()), v.different() > 0));
        c.add(new Count(text.get("migration.verify.missing"), text.number(v.missing()), v.missing() > 0));
        c.add(new Count(text.get("migration.verify.extra"), text.number(v.extra()), false));
        c.add(new Count(text.get("migration.verify.sourceDigest"), String.valueOf(v.sourceDigest()), false));
        c.add(new Count(text.get("migration.verify.targetDigest"), String.valueOf(v.targetDigest()), !match));
        c.add(new Count(text.get("migration.verify.digests"),
                text.get(match ? "migration.verify.digestsMatch" : "migration.verify.digestsDiffer"), !match));
        counts.setAll(c);
        problems.setAll(v.problems());
        headline.set(v.clean() ? text.get("migration.verify.clean", text.number(v.identical()))
                : !v.complete() ? text.get("migration.verify.incomplete")
                : text.get("migration.verify.problems", text.number(v.different()), text.number(v.missing())));
    }

    private void select(RecordCheck check) {
        if (check == null) {
            fields.clear();
            selectedDetail.set("");
            return;
        }
        String missing = text.get("migration.missing");
        fields.setAll(check.differences().stream().map(d -> FieldRow.of(d, missing)).toList());
        String what = check.outcome() == Outcome.MISSING ? text.get("migration.verify.recordMissing")
                : check.outcome() == Outcome.EXTRA ? text.get("migration.verify.recordExtra")
                : text.get("migration.verify.recordDifferent", check.differences().size());
        selectedDetail.set(text.get("migration.verify.selected", check.session(), what,
                check.sourceDigest() == null ? missing : check.sourceDigest(),
                check.targetDigest() == null ? missing : check.targetDigest()));
    }

    /** True when nothing is missing or different and verification finished. */
    public ReadOnlyBooleanProperty cleanProperty() {
        return clean.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /**
     * How the records were compared, when the report must say it (a migration whose copy could not keep what it
     * read, so the verification read the source again: {@link Verification#note}); empty otherwise.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Identical / different / missing / extra, the two digests and whether they match. */
    public ObservableList<Count> counts() {
        return counts;
    }

    /** The records that are not identical. */
    public ObservableList<RecordCheck> problems() {
        return problems;
    }

    public ObjectProperty<RecordCheck> selectedProperty() {
        return selected;
    }

    /** The selected record's differing fields: field, source value, target value. */
    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public ReadOnlyStringProperty selectedDetailProperty() {
        return selectedDetail.getReadOnlyProperty();
    }
}
