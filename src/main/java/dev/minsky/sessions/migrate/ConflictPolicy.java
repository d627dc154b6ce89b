package dev.minsky.sessions.migrate;

import java.util.Locale;

/** What a migration does with a record whose name the target already holds with other content. */
public enum ConflictPolicy {
    /** Keep the target's record; the conflict is reported (the default). */
    SKIP,
    /** Replace the target's record with the source's. */
    OVERWRITE,
    /** Write nothing when the plan finds a conflict; stop at one found later. */
    FAIL;

    /** {@code skip}, {@code overwrite}, {@code fail} as typed on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
