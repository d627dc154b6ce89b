package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.gui.migration.MigrationWizard;
import dev.minsky.sessions.gui.settings.SettingsDialog;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/** The sessions window: menus, the table beside the details pane, the undo bar and the status bar. */
public final class SessionsWindow {
    static final Duration UNDO_TIME = Duration.seconds(10);

    private final SessionsViewModel vm;
    private final AppContext ctx;
    private final SessionTableView tableView;
    private final SessionDetailsView detailsView;
    private final Parent root;
    private final PauseTransition undoTimer = new PauseTransition(UNDO_TIME);

    @FXML private SplitPane split;
    @FXML private VBox noStore;
    @FXML private Label noStoreMessage;
    @FXML private Menu columnsMenu;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem revertItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem newItem;
    @FXML private MenuItem refreshItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private HBox undoBar;
    @FXML private Label undoMessage;
    @FXML private Button undoClose;
    @FXML private Label storeLabel;
    @FXML private Label countLabel;
    @FXML private Label refreshLabel;
    @FXML private Label statusLabel;
    @FXML private ProgressIndicator busy;
    @FXML private Label busyLabel;

    public SessionsWindow(SessionsViewModel vm) {
        this.vm = vm;
        this.ctx = vm.context();
        this.tableView = new SessionTableView(vm);
        this.detailsView = new SessionDetailsView(vm);
        this.root = ViewLoader.load("sessions/SessionsWindow", this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        split.getItems().setAll(tableView.root(), detailsView.root());
        noStore.visibleProperty().bind(vm.missingDefaultProperty().isNotNull());
        split.visibleProperty().bind(noStore.visibleProperty().not());
        vm.missingDefaultProperty().addListener((o, a, p) -> {
            if (p != null) {
                noStoreMessage.setText(ctx.text("sessions.nostore.message", p));
            }
        });
        var noStoreOpen = vm.missingDefaultProperty().isNotNull().or(ctx.storeProperty().isNull());
        newItem.disableProperty().bind(noStoreOpen);
        refreshItem.disableProperty().bind(noStoreOpen);
        saveItem.disableProperty().bind(vm.editor().canSaveProperty().not());
        revertItem.disableProperty().bind(vm.editor().dirtyProperty().not());
        deleteItem.disableProperty().bind(vm.editor().loadedProperty().isNull());
        tableView.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                vm.delete();
            }
        });
        for (TableColumn<?, ?> col : tableView.table().getColumns()) {
            CheckMenuItem item = new CheckMenuItem(col.getText());
            item.selectedProperty().bindBidirectional(col.visibleProperty());
            columnsMenu.getItems().add(item);
        }
        lightItem.setSelected(ctx.themeProperty().get() == Theme.LIGHT);
        darkItem.setSelected(ctx.themeProperty().get() == Theme.DARK);
        undoBar.visibleProperty().bind(vm.undoableProperty().isNotNull());
        undoBar.managedProperty().bind(undoBar.visibleProperty());
        undoClose.setAccessibleText(ctx.text("sessions.undo.close"));
        undoTimer.setOnFinished(e -> vm.dismissUndo());
        vm.undoableProperty().addListener((o, a, r) -> {
            if (r != null) {
                undoMessage.setText(ctx.text("sessions.undo.message", r.session()));
                undoTimer.playFromStart();
            } else {
                undoTimer.stop();
            }
        });
        storeLabel.textProperty().bind(vm.storeTextProperty());
        storeLabel.managedProperty().bind(storeLabel.textProperty().isNotEmpty());
        countLabel.visibleProperty().bind(ctx.storeProperty().isNotNull());
        countLabel.managedProperty().bind(countLabel.visibleProperty());
        countLabel.textProperty().bind(vm.list().countTextProperty());
        refreshLabel.textProperty().bind(vm.refreshTextProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        if (ctx.tasks() instanceof FxTaskRunner fx) {
            busy.visibleProperty().bind(fx.runningProperty().greaterThan(0));
            busyLabel.textProperty().bind(fx.currentTitleProperty());
        } else {
            busy.setVisible(false);
        }
        busy.setAccessibleText(ctx.text("sessions.status.busy"));
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    @FXML
    private void openFile() {
        vm.openFile();
    }

    @FXML
    private void openDemo() {
        vm.openDemo();
    }

    @FXML
    private void settings() {
        SettingsDialog.show(window(), ctx);
    }

    @FXML
    private void migrate() {
        MigrationWizard.show(window(), ctx);
    }

    @FXML
    private void quit() {
        if (vm.mayDiscardEdits()) {
            Platform.exit();
        }
    }

    @FXML
    private void newSession() {
        vm.newSession();
        if (vm.editor().creatingProperty().get()) {
            tableView.table().getSelectionModel().clearSelection();
            Platform.runLater(detailsView::focusFirstField);
        }
    }

    @FXML
    private void save() {
        vm.editor().save();
    }

    @FXML
    private void revert() {
        vm.editor().revert();
    }

    @FXML
    private void delete() {
        vm.delete();
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void find() {
        tableView.focusFilter();
    }

    @FXML
    private void undoDelete() {
        vm.undoDelete();
    }

    @FXML
    private void dismissUndo() {
        vm.dismissUndo();
    }

    @FXML
    private void lightTheme() {
        setTheme(Theme.LIGHT);
    }

    @FXML
    private void darkTheme() {
        setTheme(Theme.DARK);
    }

    private void setTheme(Theme theme) {
        ctx.themeProperty().set(theme);
        theme.apply(root.getScene());
    }

    @FXML
    private void about() {
        ctx.dialogs().info(ctx.text("sessions.about.title"), ctx.text("sessions.about.message"));
    }
}
