package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.migrate.Conflict;
import dev.minsky.sessions.migrate.InvalidRecord;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

/** The plan page: counts, then the invalid records and the conflicts, each in a tab. */
public final class PlanPageView {
    private final PlanModel model;
    private final Runnable retryAction;
    private final Parent root;

    @FXML
    private Label status;
    @FXML
    private Button retry;
    @FXML
    private ProgressBar progress;
    @FXML
    private GridPane counts;
    @FXML
    private Tab invalidTab;
    @FXML
    private Tab conflictsTab;
    @FXML
    private TableView<InvalidRecord> invalid;
    @FXML
    private TableView<Conflict> conflicts;
    @FXML
    private TableView<FieldRow> conflictFields;

    PlanPageView(PlanModel model, Runnable retryAction) {
        this.model = model;
        this.retryAction = retryAction;
        this.root = ViewLoader.load("migration/PlanPage", this);
    }

    @FXML
    private void initialize() {
        ResourceBundle text = ViewLoader.texts();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("plan-status");
        retry.visibleProperty().bind(model.stateProperty().isEqualTo(PlanModel.State.FAILED));
        retry.managedProperty().bind(retry.visibleProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.stateProperty().isEqualTo(PlanModel.State.RUNNING));
        progress.managedProperty().bind(progress.visibleProperty());
        Views.countGrid(counts, model.counts());

        invalidTab.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                text.getString("migration.plan.invalidTab"), model.invalidRecords().size()), model.invalidRecords()));
        conflictsTab.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                text.getString("migration.plan.conflictsTab"), model.conflicts().size()), model.conflicts()));

        Views.column(invalid, text.getString("migration.column.session"), 260, InvalidRecord::session);
        Views.column(invalid, text.getString("migration.column.position"), 80, r -> String.valueOf(r.position()));
        Views.column(invalid, text.getString("migration.column.problems"), 480, InvalidRecord::describe);
        invalid.setItems(model.invalidRecords());
        invalid.setPlaceholder(Views.placeholder(text.getString("migration.plan.noInvalid")));
        invalid.setAccessibleText(invalidTab.getText());

        Views.column(conflicts, text.getString("migration.column.session"), 200, Conflict::session);
        Views.column(conflicts, text.getString("migration.column.fields"), 120,
                c -> c.differences().stream().map(d -> d.field()).reduce((a, b) -> a + ", " + b).orElse(""));
        conflicts.setItems(model.conflicts());
        conflicts.setPlaceholder(Views.placeholder(text.getString("migration.plan.noConflicts")));
        conflicts.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> model.selectedConflictProperty().set(c));

        Views.column(conflictFields, text.getString("migration.column.field"), 110, FieldRow::field);
        Views.column(conflictFields, text.getString("migration.column.source"), 170, FieldRow::source);
        Views.column(conflictFields, text.getString("migration.column.target"), 170, FieldRow::target);
        conflictFields.setItems(model.conflictFields());
        conflictFields.setPlaceholder(Views.placeholder(text.getString("migration.plan.selectConflict")));
    }

    @FXML
    private void retry() {
        retryAction.run();
    }

    public Parent root() {
        return root;
    }
}
