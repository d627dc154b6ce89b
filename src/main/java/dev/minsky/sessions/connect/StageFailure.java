package dev.minsky.sessions.connect;

/**
 * Thrown inside a probe when it already knows what went wrong and what to tell the user; never
 * leaves this package (the check turns it into a {@link StageResult}). No stack trace: it is a
 * verdict, not a bug.
 */
final class StageFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Outcome outcome;

    StageFailure(String detail, String fix) {
        super(detail, null, false, false);
        this.outcome = Outcome.failed(detail, fix);
    }

    Outcome outcome() {
        return outcome;
    }
}
