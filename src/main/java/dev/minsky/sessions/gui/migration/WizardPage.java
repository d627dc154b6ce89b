package dev.minsky.sessions.gui.migration;

/** The wizard's pages, in order (SPEC §6.3). */
public enum WizardPage {
    SOURCE, TARGET, PLAN, RUN, VERIFY, FINISH;

    /** The {@code migration.page.*} text key of its title. */
    String titleKey() {
        return "migration.page." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
