package dev.minsky.sessions.connect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything a connection check found, one result per {@link Stage} in order, for the settings
 * pane and {@code minsky-sessions test-connection}. The target is the URL with its password masked.
 *
 * @param target      the checked URL, password masked
 * @param stages      one result per stage, in {@link Stage} order
 * @param totalMillis how long the whole check took
 * @param cancelled   whether {@link ConnectionCheck#cancel()} stopped it
 */
public record ConnectionReport(String target, List<StageResult> stages, long totalMillis, boolean cancelled) {
    public ConnectionReport {
        Objects.requireNonNull(target, "target");
        stages = List.copyOf(stages);
    }

    /** True when no stage failed (warnings allowed): the app can use this server. */
    public boolean ok() {
        return failure().isEmpty();
    }

    /** The stage that failed, if any (there is at most one: the rest are skipped). */
    public Optional<StageResult> failure() {
        return stages.stream().filter(StageResult::isFailed).findFirst();
    }

    /** The result of one stage. */
    public StageResult stage(Stage stage) {
        return stages.stream().filter(r -> r.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + stage));
    }

    /** A one-line verdict: "connection OK in 83 ms" or "failed at AUTH after 40 ms". */
    public String summary() {
        if (cancelled) {
            return "cancelled after " + totalMillis + " ms";
        }
        return failure().map(f -> "failed at " + f.stage().name() + " after " + totalMillis + " ms")
                .orElse("connection OK in " + totalMillis + " ms");
    }

    /** The whole report as text: the target, a line per stage, the fix under a failed or warned stage, the verdict. */
    public String describe() {
        String body = stages.stream()
                .map(r -> r.describe() + r.fix().map(f -> System.lineSeparator() + " ".repeat(11) + "fix: " + f).orElse(""))
                .collect(Collectors.joining(System.lineSeparator()));
        return "checking " + target + System.lineSeparator() + body + System.lineSeparator() + summary();
    }

    @Override
    public String toString() {
        return describe();
    }
}
