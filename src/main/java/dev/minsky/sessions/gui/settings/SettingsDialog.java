package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.ViewLoader;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Entry point of the settings pane (SPEC §6.2), opened from the sessions window. */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    /** Shows the settings pane over {@code owner}; saving switches {@code ctx} to the chosen store. */
    public static void show(Window owner, AppContext ctx) {
        open(owner, ctx, window -> new FxDialogService(window, ctx.texts()));
    }

    /**
     * Opens the pane (window-modal over {@code owner}, which may be null) and starts reading the
     * configuration; returns at once. Tests pass their own dialogs.
     */
    static Stage open(Window owner, AppContext ctx, Function<Window, DialogService> dialogs) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        SettingsViewModel vm = new SettingsViewModel(ctx, dialogs.apply(stage));
        SettingsView view = new SettingsView(vm);
        Parent root = ViewLoader.load("settings/Settings", view);
        view.setTestPane(ViewLoader.load("settings/ConnectionTest", new ConnectionTestView(vm, ctx.texts())));
        Scene scene = new Scene(root);
        ctx.themeProperty().get().apply(scene);
        stage.setScene(scene);
        stage.setTitle(ctx.text("settings.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        vm.closedProperty().addListener((o, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        // the pane grows to show another backend's fields or the test's rows, instead of squeezing them
        Runnable fit = () -> javafx.application.Platform.runLater(stage::sizeToScene);
        vm.backendProperty().addListener((o, a, b) -> fit.run());
        vm.test().rows().addListener((javafx.collections.ListChangeListener<StageRow>) c -> fit.run());
        vm.test().fixProperty().addListener((o, a, b) -> fit.run());
        // closing the window (title bar, Esc) never leaves a connection test running
        stage.setOnHidden(e -> vm.test().cancel());
        stage.show();
        vm.load();
        return stage;
    }
}
