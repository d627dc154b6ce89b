package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.ViewLoader;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The run page: phase, progress, rate and time left, the live list of records, Stop. */
public final class RunPageView {
    private final RunModel model;
    private final Runnable stopAction;
    private final Parent root;

    @FXML
    private Label phase;
    @FXML
    private Label rate;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label counts;
    @FXML
    private Label backup;
    @FXML
    private TableView<RecordRow> rows;
    @FXML
    private Label notListed;
    @FXML
    private Label result;
    @FXML
    private Button stop;

    RunPageView(RunModel model, Runnable stopAction) {
        this.model = model;
        this.stopAction = stopAction;
        this.root = ViewLoader.load("migration/RunPage", this);
    }

    @FXML
    private void initialize() {
        ResourceBundle text = ViewLoader.texts();
        phase.textProperty().bind(model.phaseTextProperty());
        rate.textProperty().bind(model.rateTextProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.setAccessibleText(text.getString("migration.page.run"));
        counts.textProperty().bind(model.countsTextProperty());
        backup.textProperty().bind(Bindings.createStringBinding(() -> model.backupProperty().get() == null ? ""
                : MessageFormat.format(text.getString("migration.run.backup"), model.backupProperty().get()),
                model.backupProperty()));
        backup.setWrapText(false);
        backup.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(backup.textProperty());
        backup.setTooltip(whole);
        notListed.textProperty().bind(model.notListedTextProperty());
        notListed.visibleProperty().bind(model.notListedTextProperty().isNotEmpty());
        notListed.managedProperty().bind(notListed.visibleProperty());
        result.textProperty().bind(model.resultTextProperty());
        stop.visibleProperty().bind(model.stateProperty().isEqualTo(RunModel.State.RUNNING));
        stop.managedProperty().bind(stop.visibleProperty());

        Views.column(rows, text.getString("migration.column.seq"), 60, r -> String.valueOf(r.seq()));
        Views.column(rows, text.getString("migration.column.phase"), 90,
                r -> text.getString("migration.phase." + r.phase().name().toLowerCase(java.util.Locale.ROOT)));
        Views.column(rows, text.getString("migration.column.session"), 250, RecordRow::session);
        Views.column(rows, text.getString("migration.column.outcome"), 110,
                r -> text.getString("migration.outcome." + r.outcome().key()));
        Views.column(rows, text.getString("migration.column.detail"), 320, RecordRow::detail);
        rows.setItems(model.rows());
        rows.setPlaceholder(Views.placeholder(text.getString("migration.run.noRecords")));
        rows.setAccessibleText(text.getString("migration.page.run"));
        rows.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecordRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("record-problem");
                if (!empty && item != null && item.problem()) {
                    getStyleClass().add("record-problem");
                }
            }
        });
        // follow the newest record while the run goes on
        model.rows().addListener((ListChangeListener<RecordRow>) c -> {
            if (model.stateProperty().get() == RunModel.State.RUNNING && !model.rows().isEmpty()) {
                rows.scrollTo(model.rows().size() - 1);
            }
        });
    }

    @FXML
    private void stop() {
        stopAction.run();
    }

    public Parent root() {
        return root;
    }
}
