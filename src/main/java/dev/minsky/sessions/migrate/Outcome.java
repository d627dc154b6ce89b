package dev.minsky.sessions.migrate;

/**
 * What happened to one record in one phase. The plan classifies ({@link #NEW}, {@link #IDENTICAL},
 * {@link #CONFLICT}, {@link #INVALID}); the copy acts ({@link #COPIED}, {@link #OVERWRITTEN},
 * {@link #ALREADY_PRESENT}, {@link #CONFLICT_KEPT}, {@link #INVALID}); verification compares
 * ({@link #IDENTICAL}, {@link #DIFFERENT}, {@link #MISSING}, {@link #EXTRA}).
 */
public enum Outcome {
    NEW("new"),
    IDENTICAL("identical"),
    CONFLICT("conflicting"),
    INVALID("invalid"),
    COPIED("copied"),
    OVERWRITTEN("overwritten"),
    ALREADY_PRESENT("already present"),
    CONFLICT_KEPT("conflict kept"),
    DIFFERENT("different"),
    MISSING("missing"),
    EXTRA("extra");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** Lower-case words for reports: "already present". */
    public String label() {
        return label;
    }

    /** The JSON report's key: {@code already_present}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
