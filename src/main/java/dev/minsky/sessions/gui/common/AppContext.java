package dev.minsky.sessions.gui.common;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every screen shares: the environment and home folder (injected, so tests pin them), the
 * {@link TaskRunner}, the {@link DialogService}, the texts, the theme, and the store in use.
 * Switching stores opens the new one off the FX thread and closes the old one only once the new
 * one is in place.
 */
public final class AppContext {
    private final Map<String, String> env;
    private final Path home;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResourceBundle texts = ViewLoader.texts();
    private final ReadOnlyObjectWrapper<SessionStore> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StoreLocation> location = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public AppContext(Map<String, String> env, Path home, TaskRunner tasks, DialogService dialogs) {
        this.env = env;
        this.home = home;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    public Map<String, String> env() {
        return env;
    }

    public Path home() {
        return home;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ResourceBundle texts() {
        return texts;
    }

    public String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : java.text.MessageFormat.format(pattern, args);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The open store the windows show (null until one is open). FX thread. */
    public ReadOnlyObjectProperty<SessionStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    /** Where {@link #storeProperty()} lives (null until one is open). FX thread. */
    public ReadOnlyObjectProperty<StoreLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /**
     * Opens {@code where} in the background and, when it opened, makes it the store in use and
     * closes the previous one. {@code done} runs on the FX thread with null, or the reason it could
     * not be opened (the previous store then stays in use).
     */
    public void open(StoreLocation where, Consumer<Throwable> done) {
        tasks.run(text("task.opening", where.display()), p -> SessionStores.open(where, env, home), opened -> {
            use(where, opened);
            done.accept(null);
        }, done);
    }

    /** Makes {@code opened} (at {@code where}), opened in the background, the store in use; closes the one before. */
    public void use(StoreLocation where, SessionStore opened) {
        SessionStore previous = store.get();
        location.set(where);
        store.set(opened);
        if (previous != null) {
            tasks.run(text("task.closing"), p -> {
                previous.close();
                return null;
            }, ignored -> {
            }, ignored -> {
            });
        }
    }

    /** Opens {@code where} on the calling thread (a background one): for work that opens and then uses it at once. */
    public SessionStore openNow(StoreLocation where) {
        return SessionStores.open(where, env, home);
    }

    /** Closes the store in use (on exit). */
    public void closeStore() {
        SessionStore s = store.get();
        store.set(null);
        if (s != null) {
            s.close();
        }
    }
}
