package dev.minsky.sessions.gui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way the GUI talks to the user outside its windows (DESIGN convention 8): errors with the
 * message first and details on demand, confirmations, file choosers. View models use it through
 * this interface so tests can answer for the user.
 */
public interface DialogService {

    /** An error: {@code message} says what happened and what to do; {@code details} (may be null) is expandable. */
    void error(String title, String message, Throwable details);

    void info(String title, String message);

    /** Asks before something that cannot easily be undone; true when the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * As {@link #confirm(String, String, String)}, when "Cancel" would not say what the other choice does
     * (Reload / Keep editing). The {@code cancelLabel} choice is the safe one and the default: Enter takes it.
     */
    boolean confirm(String title, String message, String confirmLabel, String cancelLabel);

    /**
     * A file to open or save.
     *
     * @param extensions like {@code "*.json"}; empty for any file
     */
    Optional<Path> chooseFile(String title, boolean save, Path initial, String description, String... extensions);
}
