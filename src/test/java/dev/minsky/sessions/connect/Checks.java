package dev.minsky.sessions.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import java.nio.file.Path;
import java.util.Map;

/** Shared helpers for the connection-check tests: run a check, and assert on the shape of a report. */
final class Checks {
    private Checks() {
    }

    /** A check with a controlled environment: nothing from the real PGPASSWORD, ~/.pgpass or ~/.postgresql. */
    static ConnectionReport run(PostgresUrl url, Map<String, String> env, Path home) {
        return new ConnectionCheck(url, env, home).run();
    }

    /** Every stage before {@code stage} OK (or WARNING), {@code stage} FAILED, every one after SKIPPED. */
    static StageResult assertFailsAt(ConnectionReport report, Stage stage) {
        assertFalse(report.ok(), report::describe);
        for (StageResult r : report.stages()) {
            int cmp = r.stage().compareTo(stage);
            StageStatus expected = cmp < 0 ? StageStatus.OK : cmp == 0 ? StageStatus.FAILED : StageStatus.SKIPPED;
            if (cmp < 0 && r.status() == StageStatus.WARNING) {
                continue;
            }
            assertEquals(expected, r.status(), () -> r.stage() + " in\n" + report.describe());
        }
        return report.stage(stage);
    }

    static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected «" + part + "» in «" + text + "»");
    }
}
