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
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    @FXML private VBox stages;
    @FXML private VBox fixBox;
    @FXML private Label fixTitle;
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
        test.verdictProperty().addListener((o, a, verdict) -> {
            style(summary, verdict, false);
            boolean note = verdict != StageStatus.FAILED;
            fixTitle.setText(texts.getString(note ? "settings.test.note" : "settings.test.fix"));
            fixBox.getStyleClass().remove("fix-box-note");
            if (note) {
                fixBox.getStyleClass().add("fix-box-note");
            }
        });
        fix.textProperty().bind(test.fixProperty());
        fix.setMinHeight(Region.USE_PREF_SIZE);
        fixBox.visibleProperty().bind(test.fixProperty().isNotEmpty());
        fixBox.managedProperty().bind(fixBox.visibleProperty());
        stages.visibleProperty().bind(Bindings.isNotEmpty(test.rows()));
        stages.managedProperty().bind(stages.visibleProperty());
        test.rows().addListener((ListChangeListener<StageRow>) change -> rebuild());
    }

    /** One row per stage: fixed-width status, name and time, then the detail, wrapped when long. */
    private void rebuild() {
        stages.getChildren().clear();
        int i = 0;
        for (StageRow row : test.rows()) {
            Label status = fixed(new Label(), 80);
            status.getStyleClass().add("stage-status");
            status.textProperty().bind(statusText(row));
            status.setId("stage-status-" + i);
            row.statusProperty().addListener((o, a, b) -> style(status, b, row.runningProperty().get()));
            row.runningProperty().addListener((o, a, b) -> style(status, row.statusProperty().get(), b));
            style(status, row.statusProperty().get(), row.runningProperty().get());
            status.setAccessibleText(row.title());
            Label title = fixed(new Label(row.title()), 210);
            Label time = fixed(new Label(), 64);
            time.setAlignment(Pos.TOP_RIGHT);
            time.textProperty().bind(row.timeProperty());
            time.getStyleClass().add("muted");
            Label detail = new Label();
            detail.setId("stage-detail-" + i++);
            detail.textProperty().bind(row.detailProperty());
            detail.setWrapText(true);
            detail.setPrefWidth(300); // the pane's width decides; a long detail wraps instead of widening it
            detail.setMaxWidth(Double.MAX_VALUE);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(detail, Priority.ALWAYS);
            HBox line = new HBox(14, status, title, time, detail);
            line.setAlignment(Pos.TOP_LEFT);
            stages.getChildren().add(line);
        }
    }

    private static Label fixed(Label label, double width) {
        label.setMinWidth(width);
        label.setPrefWidth(width);
        return label;
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
