package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The finish page: result, save the report, the backup and its restore command, use the target. */
public final class FinishPageView {
    private final FinishModel model;
    private final Parent root;

    @FXML
    private Label result;
    @FXML
    private Label saved;
    @FXML
    private Label backup;
    @FXML
    private TextField restore;
    @FXML
    private Label useText;
    @FXML
    private Button useTarget;

    FinishPageView(FinishModel model) {
        this.model = model;
        this.root = ViewLoader.load("migration/FinishPage", this);
    }

    @FXML
    private void initialize() {
        result.textProperty().bind(model.resultProperty());
        saved.textProperty().bind(model.savedTextProperty());
        saved.managedProperty().bind(saved.textProperty().isNotEmpty());
        backup.textProperty().bind(model.backupTextProperty());
        restore.textProperty().bind(model.restoreCommandProperty());
        restore.visibleProperty().bind(model.restoreCommandProperty().isNotEmpty());
        restore.managedProperty().bind(restore.visibleProperty());
        restore.setAccessibleText(ViewLoader.texts().getString("migration.finish.backupTitle"));
        useText.textProperty().bind(model.useTargetTextProperty());
        useTarget.visibleProperty().bind(model.canUseTargetProperty());
        useTarget.managedProperty().bind(useTarget.visibleProperty());
        useTarget.disableProperty().bind(model.switchingProperty());
    }

    @FXML
    private void saveText() {
        model.saveReport(FinishModel.Format.TEXT);
    }

    @FXML
    private void saveJson() {
        model.saveReport(FinishModel.Format.JSON);
    }

    @FXML
    private void useTarget() {
        model.useTarget();
    }

    public Parent root() {
        return root;
    }
}
