package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, show and config on sqlite: and postgresql:// locations (the real servers and files). */
class SqlLocationsCliTest {
    @TempDir
    Path home;

    @Test
    void listsAndShowsMinskysSqliteFile() {
        Path db = CliRun.copyFixture("minsky-written/sessions.db", home);
        CliRun list = CliRun.run(Map.of(), home, "list", "--store", "sqlite:" + db);
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().trim().endsWith("20 of 20 sessions"), list.out());
        CliRun byTask = CliRun.run(Map.of(), home, "list", "--store", "sqlite:" + db, "--task", "123", "--format", "csv");
        assertEquals(0, byTask.status(), byTask.err());
        assertTrue(byTask.out().contains("task123-2,#123,acme/widgets"), byTask.out());
        CliRun show = CliRun.run(Map.of(), home, "show", "adhoc-session-0", "--store", "sqlite:" + db);
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("prApproved: true"), show.out());
    }

    @Test
    void listingAMissingSqliteFileCreatesNothing() {
        Path db = home.resolve("no/such/dir/sessions.db");
        CliRun list = CliRun.run(Map.of(), home, "list", "--store", "sqlite:" + db);
        assertEquals(Cli.OK, list.status(), list.err());
        assertTrue(list.out().contains("0 of 0 sessions"), "a missing file is an empty store: " + list.out());
        assertFalse(java.nio.file.Files.exists(home.resolve("no")), "no folder or file was created");
    }

    @Test
    void configuredSqlitePathIsUsedForTheBareName() {
        Path db = CliRun.copyFixture("minsky-written/sessions-migrated-from-json.db", home);
        CliRun list = CliRun.run(Map.of("MINSKY_SQLITE_PATH", db.toString()), home, "list", "--store", "sqlite",
                "--format", "json");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().startsWith("[\n  {\n    \"session\": "), list.out());
    }

    @Test
    void listsAndShowsAPostgresDatabaseWithoutEverPrintingThePassword() {
        PostgresUrl url = TestPostgres.newDatabase("cli");
        try (SessionStore store = SessionStores.open(new StoreLocation.Postgres(url.toUrl()), Map.of(), home)) {
            store.create(TestRecords.rich("task-md#42"));
        }
        String password = url.password().orElseThrow();
        Map<String, String> env = Map.of("MINSKY_POSTGRES_URL", url.toUrl());
        CliRun list = CliRun.run(env, home, "list", "--store", "postgres");
        CliRun show = CliRun.run(env, home, "show", "task-md#42", "--store", url.toUrl(), "--format", "json");
        CliRun config = CliRun.run(env, home, "config");
        CliRun wrong = CliRun.run(Map.of(), home, "list", "--store", url.withPassword("wrong-" + password).toUrl());
        // the password check first, so that no failure message below can print it
        for (CliRun r : new CliRun[] {list, show, config, wrong}) {
            assertFalse(r.out().contains(password) || r.err().contains(password), "password printed");
        }
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("task-md#42"), list.out());
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("\"commitCount\": 17"), show.out());
        assertEquals(Cli.UNAVAILABLE, wrong.status());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
    }
}
