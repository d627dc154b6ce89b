package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.FxDialogService;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Entry point of the migration wizard (SPEC §6.3), opened from the sessions window. */
public final class MigrationWizard {
    private MigrationWizard() {
    }

    /** Shows the wizard over {@code owner}; it may switch {@code ctx} to the target after a clean verification. */
    public static void show(Window owner, AppContext ctx) {
        open(owner, ctx, stage -> new FxDialogService(stage, ctx.texts()));
    }

    /**
     * Shows the wizard with the dialogs {@code dialogsFor} gives for its window (tests answer for
     * the user there); returns the window.
     */
    static Stage open(Window owner, AppContext ctx, Function<Stage, DialogService> dialogsFor) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        DialogService dialogs = dialogsFor.apply(stage);
        MigrationWizardViewModel vm = new MigrationWizardViewModel(ctx, dialogs);
        MigrationWizardView view = new MigrationWizardView(vm, dialogs);
        Scene scene = new Scene(view.root());
        ctx.themeProperty().get().apply(scene);
        javafx.beans.value.ChangeListener<dev.minsky.sessions.gui.common.Theme> follow = (o, was, theme) -> theme.apply(scene);
        ctx.themeProperty().addListener(follow);
        stage.setOnHidden(e -> ctx.themeProperty().removeListener(follow));
        stage.setScene(scene);
        stage.setTitle(ctx.text("migration.title"));
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        // the close box asks during a run; the window closes once the engine has stopped
        stage.setOnCloseRequest(e -> {
            if (!vm.requestClose()) {
                e.consume();
            }
        });
        vm.closedProperty().addListener((o, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }
}
