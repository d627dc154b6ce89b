package dev.minsky.sessions.migrate;

/** The steps of a migration (SPEC §4), in the order they run. */
public enum Phase {
    PLAN("Planning"),
    BACKUP("Backing up"),
    COPY("Copying"),
    VERIFY("Verifying");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /** For progress displays: "Copying". */
    public String title() {
        return title;
    }
}
