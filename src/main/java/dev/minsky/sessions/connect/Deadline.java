package dev.minsky.sessions.connect;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * One time budget for the whole check. Every blocking call (lookup, connect, read, JDBC login,
 * query) gets only what is left, so the check as a whole ends within the budget instead of each
 * stage waiting its own full timeout.
 */
final class Deadline {
    private final long startNanos = System.nanoTime();
    private final long budgetNanos;
    private final Duration budget;

    Deadline(Duration budget) {
        if (budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("the time budget must be positive, not " + budget);
        }
        this.budget = budget;
        this.budgetNanos = budget.toNanos();
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long remainingMillis() {
        return Math.max(0, (budgetNanos - (System.nanoTime() - startNanos)) / 1_000_000);
    }

    boolean passed() {
        return System.nanoTime() - startNanos >= budgetNanos;
    }

    /**
     * What is left as a socket timeout. Never 0, which sockets read as "wait forever": when
     * nothing is left, this throws the same exception a socket would.
     */
    int socketTimeoutMillis() throws SocketTimeoutException {
        long left = remainingMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("no time left");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** What is left in whole seconds, rounded up and at least 1 (pgjdbc's connect/socket timeouts; 0 = forever there). */
    int remainingSecondsRoundedUp() {
        return (int) Math.max(1, (remainingMillis() + 999) / 1000);
    }

    /** The budget for people: "10 s", "1.5 s". */
    String budgetText() {
        long millis = budget.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
