package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.AppContext;
import javafx.stage.Window;

/** Entry point of the settings pane (SPEC §6.2), opened from the sessions window. */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    /** Shows the settings pane over {@code owner}; saving switches {@code ctx} to the chosen store. */
    public static void show(Window owner, AppContext ctx) {
        ctx.dialogs().info(ctx.text("settings.title"), ctx.text("notYet"));
    }
}
