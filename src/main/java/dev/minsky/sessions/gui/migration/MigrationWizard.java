package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.AppContext;
import javafx.stage.Window;

/** Entry point of the migration wizard (SPEC §6.3), opened from the sessions window. */
public final class MigrationWizard {
    private MigrationWizard() {
    }

    /** Shows the wizard over {@code owner}; it may switch {@code ctx} to the target after a clean verification. */
    public static void show(Window owner, AppContext ctx) {
        ctx.dialogs().info(ctx.text("migration.title"), ctx.text("notYet"));
    }
}
