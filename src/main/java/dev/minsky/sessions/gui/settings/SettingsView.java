package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.store.BackendKind;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
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

/** The settings form ({@code fxml/settings/Settings.fxml}): binds to {@link SettingsViewModel} and forwards events. */
public final class SettingsView {
    private final SettingsViewModel vm;

    @FXML private Label settingsFile;
    @FXML private VBox body;
    @FXML private ToggleGroup backends;
    @FXML private RadioButton jsonChoice;
    @FXML private RadioButton sqliteChoice;
    @FXML private RadioButton postgresChoice;
    @FXML private Label backendSource;
    @FXML private GridPane jsonPane;
    @FXML private TextField jsonPath;
    @FXML private Button jsonBrowse;
    @FXML private Label jsonSource;
    @FXML private GridPane sqlitePane;
    @FXML private TextField sqlitePath;
    @FXML private Button sqliteBrowse;
    @FXML private Label sqliteSource;
    @FXML private GridPane postgresPane;
    @FXML private TextField url;
    @FXML private TextField host;
    @FXML private TextField port;
    @FXML private TextField database;
    @FXML private TextField user;
    @FXML private PasswordField password;
    @FXML private ComboBox<String> sslMode;
    @FXML private CheckBox storePassword;
    @FXML private Label postgresSource;
    @FXML private VBox testHolder;
    @FXML private Label problem;
    @FXML private Button save;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        settingsFile.textProperty().bind(vm.settingsFileTextProperty());
        body.disableProperty().bind(vm.busyProperty());
        bindBackend();
        bindSource(backendSource, vm.backendSource());
        jsonPath.textProperty().bindBidirectional(vm.jsonPathProperty());
        sqlitePath.textProperty().bindBidirectional(vm.sqlitePathProperty());
        lock(vm.jsonSource(), jsonPath, jsonBrowse);
        lock(vm.sqliteSource(), sqlitePath, sqliteBrowse);
        bindSource(jsonSource, vm.jsonSource());
        bindSource(sqliteSource, vm.sqliteSource());
        bindPostgres();
        showOnlyFor(jsonPane, BackendKind.JSON);
        showOnlyFor(sqlitePane, BackendKind.SQLITE);
        showOnlyFor(postgresPane, BackendKind.POSTGRES);
        problem.textProperty().bind(vm.problemProperty());
        save.disableProperty().bind(vm.validProperty().not());
    }

    /** Where the connection test's view goes (loaded separately: it has its own controller). */
    void setTestPane(Parent pane) {
        testHolder.getChildren().setAll(pane);
    }

    private void bindBackend() {
        Map<BackendKind, RadioButton> choices = Map.of(BackendKind.JSON, jsonChoice, BackendKind.SQLITE, sqliteChoice,
                BackendKind.POSTGRES, postgresChoice);
        choices.forEach((kind, button) -> {
            button.setUserData(kind);
            // a mnemonic (Alt+P) sends the radio button an action without selecting it: select it
            button.setOnAction(e -> button.setSelected(true));
        });
        backends.selectToggle(choices.get(vm.backendProperty().get()));
        vm.backendProperty().addListener((o, a, kind) -> backends.selectToggle(choices.get(kind)));
        backends.selectedToggleProperty().addListener((o, a, chosen) -> select(a, chosen));
        for (RadioButton b : choices.values()) {
            b.disableProperty().bind(vm.backendSource().lockedProperty());
        }
    }

    private void select(Toggle previous, Toggle chosen) {
        if (chosen == null) {
            backends.selectToggle(previous); // a radio group always has one backend
        } else {
            vm.backendProperty().set((BackendKind) chosen.getUserData());
        }
    }

    private void bindPostgres() {
        PostgresFields pg = vm.postgres();
        url.textProperty().bindBidirectional(pg.urlProperty());
        host.textProperty().bindBidirectional(pg.hostProperty());
        port.textProperty().bindBidirectional(pg.portProperty());
        database.textProperty().bindBidirectional(pg.databaseProperty());
        user.textProperty().bindBidirectional(pg.userProperty());
        password.textProperty().bindBidirectional(pg.passwordProperty());
        sslMode.getItems().setAll(PostgresFields.sslModes());
        sslMode.valueProperty().bindBidirectional(pg.sslModeProperty());
        storePassword.selectedProperty().bindBidirectional(vm.storePasswordProperty());
        // a password typed into the URL moves to the password field once the URL field is left
        url.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                pg.tidyUrl();
            }
        });
        lock(vm.postgresSource(), url, host, port, database, user, password, sslMode, storePassword);
        bindSource(postgresSource, vm.postgresSource());
        url.setAccessibleText(url.getPromptText());
    }

    private void showOnlyFor(GridPane pane, BackendKind kind) {
        pane.visibleProperty().bind(vm.backendProperty().isEqualTo(kind));
        pane.managedProperty().bind(pane.visibleProperty());
    }

    private static void lock(ValueSource source, javafx.scene.Node... controls) {
        for (javafx.scene.Node c : controls) {
            c.disableProperty().bind(source.lockedProperty());
        }
    }

    private static void bindSource(Label label, ValueSource source) {
        label.textProperty().bind(source.textProperty());
        source.lockedProperty().addListener((o, a, locked) -> {
            label.getStyleClass().remove("value-source-locked");
            if (locked) {
                label.getStyleClass().add("value-source-locked");
            }
        });
        label.visibleProperty().bind(Bindings.isNotEmpty(source.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void chooseJson() {
        vm.chooseJsonFile();
    }

    @FXML
    private void chooseSqlite() {
        vm.chooseSqliteFile();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }
}
