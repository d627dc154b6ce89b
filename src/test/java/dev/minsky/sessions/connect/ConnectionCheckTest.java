package dev.minsky.sessions.connect;

import static dev.minsky.sessions.connect.Checks.assertContains;
import static dev.minsky.sessions.connect.Checks.assertFailsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.testsupport.TestData;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged check against a real PostgreSQL (CI's cluster or the embedded one), one verdict per kind of trouble. */
class ConnectionCheckTest {
    @TempDir
    Path home;

    @Test
    void passesEveryStageOnADatabaseTheAppHasMigrated() {
        PostgresUrl db = TestPostgres.newDatabase("check_ok");
        TestPostgres.execute(db,
                "create table sessions (session varchar(255) primary key, repo_name varchar(255) not null,"
                        + " repo_url varchar(1000) not null, created_at timestamptz not null)",
                "create table db_migration (id integer primary key, mchecksum integer not null, mtype varchar(1) not null,"
                        + " mversion varchar(150) not null, mcomment varchar(150) not null, mstatus varchar(10) not null,"
                        + " run_on timestamp not null, run_by varchar(30) not null, run_time integer not null)",
                "insert into db_migration values (0, 0, 'I', '0', '<init>', 'SUCCESS', now(), 'test', 0),"
                        + " (1, 1, 'V', '1.9', 'a', 'SUCCESS', now(), 'test', 0),"
                        + " (2, 2, 'V', '1.10', 'b', 'SUCCESS', now(), 'test', 0),"
                        + " (3, 3, 'V', '1.2', 'c', 'SUCCESS', now(), 'test', 0)");
        List<StageResult> heard = new ArrayList<>();
        List<Stage> startedStages = new ArrayList<>();
        ConnectionReport report = new ConnectionCheck(db, Map.of(), home).run(new StageListener() {
            @Override
            public void finished(StageResult result) {
                heard.add(result);
            }

            @Override
            public void started(Stage stage) {
                startedStages.add(stage);
            }
        });

        assertTrue(report.ok(), report::describe);
        for (StageResult r : report.stages()) {
            assertEquals(StageStatus.OK, r.status(), report::describe);
            assertTrue(r.fix().isEmpty(), r::toString);
        }
        assertEquals(Arrays.asList(Stage.values()), report.stages().stream().map(StageResult::stage).toList());
        assertEquals(report.stages(), heard, "the listener hears every stage as it ends, in order");
        assertEquals(Arrays.asList(Stage.values()), startedStages);
        assertContains(report.stage(Stage.RESOLVE).detail(), "127.0.0.1");
        assertContains(report.stage(Stage.TCP).detail(), ":" + db.port() + " accepts connections");
        assertContains(report.stage(Stage.AUTH).detail(), "'" + db.user() + "' logged in (password from the URL)");
        assertContains(report.stage(Stage.DATABASE).detail(), "database '" + db.database() + "' exists");
        assertContains(report.stage(Stage.SCHEMA).detail(), "public.sessions (4 columns)");
        assertContains(report.stage(Stage.SCHEMA).detail(), "schema version 1.10 (db_migration)");
        assertContains(report.stage(Stage.ROUND_TRIP).detail(), "PostgreSQL ");
        assertContains(report.stage(Stage.ROUND_TRIP).detail(), "round trip");
        assertFalse(report.cancelled());
        assertContains(report.summary(), "connection OK in");
        assertContains(report.describe(), "ROUND_TRIP OK");
        assertFalse(report.describe().contains(db.password().orElseThrow()), "no password in the report");
        assertTrue(report.totalMillis() < 10_000, report::describe);
    }

    @Test
    void warnsButPassesWhenTheSessionsTableDoesNotExistYet() {
        PostgresUrl db = TestPostgres.newDatabase("check_fresh");

        ConnectionReport report = Checks.run(db, Map.of(), home);

        assertTrue(report.ok(), report::describe);
        StageResult schema = report.stage(Stage.SCHEMA);
        assertEquals(StageStatus.WARNING, schema.status(), report::describe);
        assertContains(schema.detail(), "no sessions table in schema public yet");
        assertContains(schema.detail(), "no migrations table (created by Minsky or empty)");
        assertContains(schema.fix().orElseThrow(), "the app creates the table");
        assertEquals(StageStatus.OK, report.stage(Stage.ROUND_TRIP).status(), "a warning does not stop the check");
    }

    @Test
    void wrongPasswordFailsAtAuthenticationAndNeverShowsThePassword() {
        String wrong = "Wr0ng-p@ss:w/rd%" + System.nanoTime();
        PostgresUrl db = TestPostgres.newDatabase("check_pw").withPassword(wrong);

        ConnectionReport report = Checks.run(db, Map.of(), home);

        StageResult auth = assertFailsAt(report, Stage.AUTH);
        assertContains(auth.detail(), "password authentication failed for user");
        assertContains(auth.fix().orElseThrow(), "check the user name and the password");
        assertContains(auth.fix().orElseThrow(), "the password came from the URL");
        List<String> texts = new ArrayList<>(List.of(report.describe(), report.toString(), report.summary(), report.target()));
        for (StageResult r : report.stages()) {
            texts.addAll(List.of(r.detail(), r.fix().orElse(""), r.describe(), r.toString()));
        }
        for (String text : texts) {
            assertFalse(text.contains(wrong), () -> "the password leaked into: " + text);
            assertFalse(text.contains("Wr0ng"), () -> "part of the password leaked into: " + text);
        }
        assertContains(report.target(), ":****@");
    }

    @Test
    void missingDatabaseFailsAtTheDatabaseStageAfterTheLoginWorked() {
        String name = "no_such_db_" + ProcessHandle.current().pid();
        PostgresUrl db = TestPostgres.server().withDatabase(name);

        ConnectionReport report = Checks.run(db, Map.of(), home);

        StageResult database = assertFailsAt(report, Stage.DATABASE);
        assertEquals(StageStatus.OK, report.stage(Stage.AUTH).status(), "the server checks the password first");
        assertContains(database.detail(), "database '" + name + "' does not exist");
        assertContains(database.fix().orElseThrow(), "createdb");
        assertContains(database.fix().orElseThrow(), name);
    }

    @Test
    void closedPortFailsAtTcpWithTheListeningAdvice() throws Exception {
        int port = TestData.closedPort();
        PostgresUrl url = PostgresUrl.parse("postgresql://someone:secret@127.0.0.1:" + port + "/db");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        StageResult tcp = assertFailsAt(report, Stage.TCP);
        assertContains(tcp.detail(), "connection refused by 127.0.0.1:" + port);
        assertContains(tcp.fix().orElseThrow(), "is PostgreSQL running and listening on 127.0.0.1:" + port);
        assertContains(tcp.fix().orElseThrow(), "listen_addresses");
        assertContains(tcp.fix().orElseThrow(), "firewall");
        assertTrue(tcp.elapsedMillis() < 2_000, tcp::toString);
    }

    @Test
    void unresolvableHostFailsAtResolve() {
        PostgresUrl url = PostgresUrl.parse("postgresql://someone@no-such-host.invalid:5432/db");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        StageResult resolve = assertFailsAt(report, Stage.RESOLVE);
        assertContains(resolve.detail(), "cannot resolve host 'no-such-host.invalid'");
        assertContains(resolve.fix().orElseThrow(), "check the host name");
        assertContains(report.stage(Stage.TCP).detail(), "not run: RESOLVE did not succeed");
        assertContains(report.summary(), "failed at RESOLVE");
    }

    @Test
    void aCheckRunsOnlyOnce() {
        ConnectionCheck check = new ConnectionCheck(PostgresUrl.parse("postgresql://x@no-such-host.invalid/db"), Map.of(), home);
        check.run();
        assertThrows(IllegalStateException.class, check::run);
    }
}
