package dev.minsky.sessions.connect;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one stage: what was found (one line, for a table cell or a CLI line), how long it
 * took, and on failure or warning what the user can do about it. Never contains a password: the
 * check masks it in every text before it builds one.
 *
 * @param stage         which stage
 * @param status        how it ended
 * @param elapsedMillis how long it took (0 when skipped)
 * @param detail        what was found, one line ("TLSv1.3 TLS_AES_256_GCM_SHA384")
 * @param fix           a likely fix in plain language, for failures and warnings
 */
public record StageResult(Stage stage, StageStatus status, long elapsedMillis, String detail, Optional<String> fix) {
    public StageResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static StageResult skipped(Stage stage, Stage because) {
        return new StageResult(stage, StageStatus.SKIPPED, 0, "not run: " + because.name() + " did not succeed",
                Optional.empty());
    }

    public boolean isFailed() {
        return status == StageStatus.FAILED;
    }

    /**
     * One aligned line for a terminal or a log, without the fix:
     * {@code TLS        OK          12 ms  on: TLSv1.3 TLS_AES_256_GCM_SHA384}.
     */
    public String describe() {
        String time = status == StageStatus.SKIPPED ? "" : elapsedMillis + " ms";
        return String.format(Locale.ROOT, "%-10s %-8s %8s  %s", stage.name(), status.name(), time, detail);
    }

    @Override
    public String toString() {
        return fix.map(f -> describe() + " (fix: " + f + ")").orElseGet(this::describe);
    }
}
