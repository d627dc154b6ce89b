package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestConnectionCommandTest {
    @TempDir
    Path home;

    @Test
    void aReachableServerPassesEveryStageOneLineEach() {
        PostgresUrl url = TestPostgres.newDatabase("cliconn");
        CliRun r = CliRun.run(Map.of(), home, "test-connection", "--store", url.toUrl());
        assertEquals(Cli.OK, r.status(), r.out() + r.err());
        for (String stage : new String[] {"RESOLVE", "TCP", "TLS", "AUTH", "DATABASE", "SCHEMA", "ROUND_TRIP"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(stage.replace('_', ' ')) || l.startsWith(stage)),
                    stage + " missing in\n" + r.out());
        }
        assertFalse(r.out().contains(url.password().orElseThrow()));
    }

    @Test
    void aWrongPasswordFailsAtAuthenticationWithExitThreeAndNoPassword() {
        PostgresUrl url = TestPostgres.newDatabase("cliconn").withPassword("not-the-password-77");
        CliRun r = CliRun.run(Map.of(), home, "test-connection", "--store", url.toUrl());
        assertEquals(Cli.UNAVAILABLE, r.status(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("AUTH") && l.contains("FAILED")), r.out());
        assertTrue(r.out().contains("fix: "), r.out());
        assertFalse(r.out().contains("not-the-password-77") || r.err().contains("not-the-password-77"), r.out());
    }

    @Test
    void aSqliteFileReportsThatItOpensAndItsSessions() {
        Path db = CliRun.copyFixture("minsky-written/sessions.db", home);
        CliRun r = CliRun.run(Map.of(), home, "test-connection", "--store", "sqlite:" + db);
        assertEquals(Cli.OK, r.status(), r.err());
        assertTrue(r.out().startsWith("OPEN") && r.out().contains("20 sessions"), r.out());
    }
}
