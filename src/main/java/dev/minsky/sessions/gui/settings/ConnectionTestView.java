package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.connect.StageStatus;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The "Test connection" part of the settings pane ({@code fxml/settings/ConnectionTest.fxml}): the
 * buttons, one grid row per stage filled in as the stage completes, and the fix for a failure.
 */
public final class ConnectionTestView {
    private static final List<String> STATUS_CLASSES = List.of("stage-ok", "stage-warning", "stage-failed",
            "stage-skipped", "stage-running", "stage-waiting");

    private final ConnectionTestViewModel test;
    private final SettingsViewModel settings;
    private final ResourceBundle texts;

    @FXML private Button testButton;
    @FXML private Button cancelTestButton;
    @FXML private ProgressIndicator spinner;
    @FXML private Label summary;
    @FXML private GridPane stages;
    @FXML private VBox fixBox;
    @FXML private Label fix;

    public ConnectionTestView(SettingsViewModel settings, ResourceBundle texts) {
        this.settings = settings;
        this.test = settings.test();
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        testButton.disableProperty().bind(test.runningProperty().or(settings.validProperty().not()));
        cancelTestButton.disableProperty().bind(test.runningProperty().not());
        spinner.visibleProperty().bind(test.runningProperty());
        spinner.setAccessibleText(texts.getString("settings.test.running"));
        summary.textProperty().bind(Bindings.when(test.summaryProperty().isEmpty())
                .then(texts.getString("settings.test.idle")).otherwise(test.summaryProperty()));
        test.verdictProperty().addListener((o, a, verdict) -> style(summary, verdict, false));
        fix.textProperty().bind(test.fixProperty());
        fixBox.visibleProperty().bind(test.fixProperty().isNotEmpty());
        fixBox.managedProperty().bind(fixBox.visibleProperty());
        stages.visibleProperty().bind(Bindings.isNotEmpty(test.rows()));
        stages.managedProperty().bind(stages.visibleProperty());
        test.rows().addListener((ListChangeListener<StageRow>) change -> rebuild());
    }

    private void rebuild() {
        stages.getChildren().clear();
        int i = 0;
        for (StageRow row : test.rows()) {
            Label status = new Label();
            status.getStyleClass().add("stage-status");
            status.textProperty().bind(statusText(row));
            status.setId("stage-status-" + i);
            row.statusProperty().addListener((o, a, b) -> style(status, b, row.runningProperty().get()));
            row.runningProperty().addListener((o, a, b) -> style(status, row.statusProperty().get(), b));
            style(status, row.statusProperty().get(), row.runningProperty().get());
            Label title = new Label(row.title());
            Label time = new Label();
            time.textProperty().bind(row.timeProperty());
            time.getStyleClass().add("muted");
            Label detail = new Label();
            detail.setId("stage-detail-" + i);
            detail.textProperty().bind(row.detailProperty());
            detail.setWrapText(true);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(row.detailProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            detail.setTooltip(tip);
            status.setAccessibleText(row.title());
            stages.addRow(i++, status, title, time, detail);
        }
    }

    private StringBinding statusText(StageRow row) {
        return Bindings.createStringBinding(() -> {
            StageStatus s = row.statusProperty().get();
            String key = s != null ? s.name() : row.runningProperty().get() ? "RUNNING" : "WAITING";
            return texts.getString("settings.status." + key);
        }, row.statusProperty(), row.runningProperty());
    }

    private static void style(Label label, StageStatus status, boolean running) {
        label.getStyleClass().removeAll(STATUS_CLASSES);
        String cls = status != null ? "stage-" + status.name().toLowerCase(java.util.Locale.ROOT)
                : running ? "stage-running" : "stage-waiting";
        label.getStyleClass().add(cls);
    }

    @FXML
    private void test() {
        settings.testConnection();
    }

    @FXML
    private void cancelTest() {
        test.cancel();
    }
}
