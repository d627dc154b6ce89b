package dev.minsky.sessions.gui;

import dev.minsky.sessions.config.CommandLineOverrides;
import dev.minsky.sessions.config.ConfigException;
import dev.minsky.sessions.config.ConfigResolver;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Placeholder window until the sessions window lands: proves the packaging and launch path, and
 * already tells the user which store the configuration points at.
 */
public final class SessionManagerApp extends Application {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("i18n.messages");

    @Override
    public void start(Stage stage) {
        Label store = new Label(TEXT.getString("app.reading"));
        store.setId("store");
        // Resolving the configuration reads files: never on the FX thread.
        Task<String> resolve = new Task<>() {
            @Override
            protected String call() {
                return storeText(ConfigResolver.fromSystem(CommandLineOverrides.NONE));
            }
        };
        resolve.setOnSucceeded(e -> store.setText(resolve.getValue()));
        resolve.setOnFailed(e -> store.setText(MessageFormat.format(TEXT.getString("app.configProblem"),
                resolve.getException().getMessage())));
        Thread worker = new Thread(resolve, "read-configuration");
        worker.setDaemon(true);
        worker.start();
        store.setWrapText(true);
        Label note = new Label(TEXT.getString("app.placeholder"));
        note.setWrapText(true);
        VBox root = new VBox(12, store, note);
        root.setPadding(new Insets(24));
        stage.setTitle(TEXT.getString("app.title"));
        stage.setScene(new Scene(root, 560, 160));
        stage.show();
    }

    /** The active store's location (password masked), or why the configuration cannot give one. */
    static String storeText(ConfigResolver resolver) {
        try {
            return MessageFormat.format(TEXT.getString("app.store"), resolver.resolve().activeLocation().display());
        } catch (ConfigException e) {
            return MessageFormat.format(TEXT.getString("app.configProblem"), e.getMessage());
        }
    }
}
