package dev.minsky.sessions.connect;

/**
 * Hears about each stage as it happens, so a GUI can show the check live and the CLI can print a
 * line per stage instead of waiting for the whole report. Called on the thread that runs the check:
 * a GUI hands the result over to its UI thread itself.
 */
@FunctionalInterface
public interface StageListener {
    /** Does nothing: for callers that only want the final report. */
    StageListener NONE = result -> { };

    /** A stage finished (also called for skipped stages, so every stage is reported exactly once). */
    void finished(StageResult result);

    /** A stage is about to start (for a spinner next to it); skipped stages never start. */
    default void started(Stage stage) {
    }
}
