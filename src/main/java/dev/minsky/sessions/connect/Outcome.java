package dev.minsky.sessions.connect;

import java.util.Objects;
import java.util.Optional;

/** What a stage found, before the check adds its timing: lets the probes stay free of clocks and listeners. */
record Outcome(StageStatus status, String detail, Optional<String> fix) {
    Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static Outcome ok(String detail) {
        return new Outcome(StageStatus.OK, detail, Optional.empty());
    }

    static Outcome warning(String detail, String fix) {
        return new Outcome(StageStatus.WARNING, detail, Optional.ofNullable(fix));
    }

    static Outcome failed(String detail, String fix) {
        return new Outcome(StageStatus.FAILED, detail, Optional.ofNullable(fix));
    }
}
