package dev.minsky.sessions.gui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code fxml/<feature>/<Name>.fxml} with the app's texts ({@code i18n/messages}) and a
 * controller made by the caller (views take their view model in their constructor).
 */
public final class ViewLoader {
    public static final String BUNDLE = "i18n.messages";

    private ViewLoader() {
    }

    public static ResourceBundle texts() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    /**
     * @param fxml       e.g. {@code "sessions/SessionList"}
     * @param controller the view object whose {@code @FXML} fields the file fills
     */
    public static Parent load(String fxml, Object controller) {
        URL url = ViewLoader.class.getResource("/fxml/" + fxml + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no FXML /fxml/" + fxml + ".fxml on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(url, texts());
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalStateException(fxml + " asks for controller " + type.getName() + ", not "
                    + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/" + fxml + ".fxml: " + e.getMessage(), e);
        }
    }
}
