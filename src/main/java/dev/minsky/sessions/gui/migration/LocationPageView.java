package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.migrate.ConflictPolicy;
import dev.minsky.sessions.store.BackendKind;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The source page, and the target page with the options under it: one store to choose. */
public final class LocationPageView {
    private final LocationModel model;
    private final OptionsModel options;
    private final DialogService dialogs;
    private final boolean target;
    private final Parent root;

    @FXML
    private Label intro;
    @FXML
    private ToggleGroup backends;
    @FXML
    private RadioButton json;
    @FXML
    private RadioButton sqlite;
    @FXML
    private RadioButton postgres;
    @FXML
    private GridPane fileRow;
    @FXML
    private TextField path;
    @FXML
    private GridPane postgresRows;
    @FXML
    private TextField url;
    @FXML
    private PasswordField password;
    @FXML
    private Label problem;
    @FXML
    private VBox optionsBox;
    @FXML
    private ComboBox<ConflictPolicy> onConflict;
    @FXML
    private TextField batchSize;
    @FXML
    private CheckBox backup;
    @FXML
    private Label backupTo;
    @FXML
    private Label optionsProblem;

    /** {@code options} is null on the source page. */
    LocationPageView(LocationModel model, OptionsModel options, DialogService dialogs, boolean target) {
        this.model = model;
        this.options = options;
        this.dialogs = dialogs;
        this.target = target;
        this.root = ViewLoader.load("migration/LocationPage", this);
    }

    @FXML
    private void initialize() {
        ResourceBundle text = ViewLoader.texts();
        String side = target ? "target" : "source";
        intro.setText(text.getString("migration." + side + ".intro"));
        json.setUserData(BackendKind.JSON);
        sqlite.setUserData(BackendKind.SQLITE);
        postgres.setUserData(BackendKind.POSTGRES);
        selectBackend(model.backendProperty().get());
        model.backendProperty().addListener((o, was, kind) -> selectBackend(kind));
        backends.selectedToggleProperty().addListener((o, was, t) -> {
            if (t != null) {
                model.backendProperty().set((BackendKind) t.getUserData());
            }
        });
        fileRow.visibleProperty().bind(model.backendProperty().isNotEqualTo(BackendKind.POSTGRES));
        fileRow.managedProperty().bind(fileRow.visibleProperty());
        postgresRows.visibleProperty().bind(fileRow.visibleProperty().not());
        postgresRows.managedProperty().bind(postgresRows.visibleProperty());
        path.textProperty().bindBidirectional(model.pathProperty());
        url.textProperty().bindBidirectional(model.urlProperty());
        // a password typed into the URL moves to the password field once the URL field is left
        url.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                model.tidyUrl();
            }
        });
        password.textProperty().bindBidirectional(model.passwordProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        optionsProblem.managedProperty().bind(optionsProblem.textProperty().isNotEmpty());
        path.setId(side + "-path");
        url.setId(side + "-url");
        optionsBox.setVisible(options != null);
        optionsBox.setManaged(options != null);
        if (options != null) {
            bindOptions(text);
        }
    }

    private void bindOptions(ResourceBundle text) {
        onConflict.getItems().setAll(ConflictPolicy.values());
        onConflict.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConflictPolicy p) {
                return p == null ? "" : text.getString("migration.options." + p.cliName());
            }

            @Override
            public ConflictPolicy fromString(String s) {
                return null;
            }
        });
        onConflict.valueProperty().bindBidirectional(options.onConflictProperty());
        batchSize.textProperty().bindBidirectional(options.batchSizeProperty());
        backup.selectedProperty().bindBidirectional(options.backupProperty());
        backupTo.setText(MessageFormat.format(text.getString("migration.options.backupTo"), options.backupDirectory()));
        backupTo.disableProperty().bind(backup.selectedProperty().not());
        optionsProblem.textProperty().bind(options.problemProperty());
    }

    private void selectBackend(BackendKind kind) {
        for (Toggle t : backends.getToggles()) {
            if (t.getUserData() == kind) {
                backends.selectToggle(t);
            }
        }
    }

    @FXML
    private void browse() {
        model.browse(dialogs, target);
    }

    public Parent root() {
        return root;
    }
}
