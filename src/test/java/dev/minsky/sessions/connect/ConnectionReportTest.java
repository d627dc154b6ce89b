package dev.minsky.sessions.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text a CLI prints and a log keeps: aligned, one line per stage, the fix under the failure. */
class ConnectionReportTest {
    @Test
    void describesEachStageOnOneAlignedLine() {
        StageResult tls = new StageResult(Stage.TLS, StageStatus.OK, 12, "on: TLSv1.3 TLS_AES_256_GCM_SHA384", Optional.empty());
        StageResult skipped = StageResult.skipped(Stage.SCHEMA, Stage.AUTH);

        assertEquals("TLS        OK          12 ms  on: TLSv1.3 TLS_AES_256_GCM_SHA384", tls.describe());
        assertEquals("SCHEMA     SKIPPED            not run: AUTH did not succeed", skipped.describe());
    }

    @Test
    void putsTheFixUnderTheFailedStageAndEndsWithTheVerdict() {
        ConnectionReport report = new ConnectionReport("postgresql://bob:****@db:5432/x", List.of(
                new StageResult(Stage.RESOLVE, StageStatus.OK, 1, "db → 10.0.0.5", Optional.empty()),
                new StageResult(Stage.TCP, StageStatus.FAILED, 3, "connection refused by db:5432", Optional.of("is PostgreSQL running?")),
                StageResult.skipped(Stage.TLS, Stage.TCP)), 4, false);

        List<String> lines = report.describe().lines().toList();

        assertEquals("checking postgresql://bob:****@db:5432/x", lines.get(0));
        assertTrue(lines.get(2).startsWith("TCP        FAILED       3 ms  connection refused"), lines.get(2));
        assertEquals("           fix: is PostgreSQL running?", lines.get(3));
        assertEquals("failed at TCP after 4 ms", lines.get(lines.size() - 1));
        assertFalse(report.ok());
        assertEquals(Stage.TCP, report.failure().orElseThrow().stage());
    }
}
