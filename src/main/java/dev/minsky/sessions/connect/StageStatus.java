package dev.minsky.sessions.connect;

/** How a stage ended. Only {@link #FAILED} makes the whole check fail; a warning is worth reading but not blocking. */
public enum StageStatus {
    OK,
    WARNING,
    FAILED,
    /** Not run because an earlier stage failed (or the check was cancelled). */
    SKIPPED
}
