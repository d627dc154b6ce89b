package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.config.ConfigSource;
import dev.minsky.sessions.config.ConfigValue;
import dev.minsky.sessions.gui.common.AppContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import java.util.function.Function;

/**
 * Where one setting's current value came from (SPEC §3), as the pane shows it under the field. A
 * value the environment sets cannot be changed here (the environment would win anyway), so it is
 * {@linkplain #lockedProperty() locked} and the text names the variable.
 */
public final class ValueSource {
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private ConfigSource source = ConfigSource.DEFAULT;
    private String loaded = "";
    private String loadedText = "";
    private String changedText = "";

    /** True when the environment (or command line) sets the value: the field is read-only. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** "Set by MINSKY_SQLITE_PATH …", "From Minsky's config …", "Default". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Records where {@code value} came from; {@code shown} is its text in the field as loaded. */
    void set(ConfigValue<?> value, String shown, AppContext ctx) {
        source = value.source();
        loaded = shown == null ? "" : shown;
        locked.set(source == ConfigSource.ENVIRONMENT || source == ConfigSource.COMMAND_LINE);
        show(ctx.text("settings.source." + source.name(), value.origin()), ctx);
    }

    /** Follows the field: once it differs from what was loaded, the text says Save will write it. */
    <T> void track(ObservableValue<T> current, Function<T, String> shown) {
        current.addListener((o, a, now) -> text.set(isChanged(now == null ? "" : shown.apply(now))
                ? changedText : loadedText));
    }

    private boolean isChanged(String now) {
        return !locked.get() && !(now == null ? "" : now.trim()).equals(loaded.trim());
    }

    private void show(String fromLoad, AppContext ctx) {
        loadedText = fromLoad;
        changedText = ctx.text("settings.source.CHANGED");
        text.set(fromLoad);
    }

    /** No value anywhere (PostgreSQL without a URL). */
    void unset(AppContext ctx) {
        source = ConfigSource.DEFAULT;
        loaded = "";
        locked.set(false);
        show(ctx.text("settings.source.NONE"), ctx);
    }

    /**
     * What to write for this key: for a locked value, what the file already had; otherwise the
     * field's value when it came from the settings file or the user changed it, else nothing
     * (null), so the value keeps following Minsky's config or the default.
     */
    String toWrite(String current, String inFile) {
        if (locked.get()) {
            return inFile;
        }
        String now = current == null ? "" : current.trim();
        if (source == ConfigSource.SETTINGS_FILE || isChanged(now)) {
            return now.isEmpty() ? null : now;
        }
        return null;
    }
}
