package dev.minsky.sessions.gui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and choosers, owned by a window (FX thread only). */
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final ResourceBundle text;

    public FxDialogService(Window owner, ResourceBundle text) {
        this.owner = owner;
        this.text = text;
    }

    @Override
    public void error(String title, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, title, message, "error-dialog");
        if (details != null) {
            StringWriter trace = new StringWriter();
            details.printStackTrace(new PrintWriter(trace));
            TextArea area = new TextArea(trace.toString());
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(14);
            area.setAccessibleText(text.getString("dialog.details"));
            alert.getDialogPane().setExpandableContent(area);
        }
        alert.showAndWait();
    }

    @Override
    public void info(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title, message, "info-dialog");
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return confirm(title, message, confirmLabel, text.getString("dialog.cancel"));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        prepare(alert, title, message, "confirm-dialog");
        // the safe choice is the default: Enter does not delete or overwrite
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Path> chooseFile(String title, boolean save, Path initial, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions.length > 0) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("dialog.allFiles"), "*"));
        if (initial != null) {
            Path dir = Files.isDirectory(initial) ? initial : initial.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                chooser.setInitialDirectory(dir.toFile());
            }
            if (!Files.isDirectory(initial) && initial.getFileName() != null) {
                chooser.setInitialFileName(initial.getFileName().toString());
            }
        }
        java.io.File f = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    /** {@code id} names the dialog pane by kind, so screen tests can find the dialog they wait for. */
    private void prepare(Alert alert, String title, String message, String id) {
        alert.getDialogPane().setId(id);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message); // store and connection errors are scrubbed where they are made
        alert.getDialogPane().setMinWidth(480);
        alert.setResizable(true);
    }
}
