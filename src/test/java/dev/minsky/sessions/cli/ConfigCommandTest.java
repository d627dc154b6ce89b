package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    private static final String PASSWORD = "hunter2-secret";

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @Test
    void showsEveryValueWithItsSourceAndTheActiveStore() throws IOException {
        Path yaml = home.resolve(".config/minsky/config.yaml");
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, "sessiondb:\n  sqlite:\n    path: /m/sessions.db\n");
        env.put("MINSKY_SESSIONDB_BACKEND", "sqlite");
        CliRun run = CliRun.run(env, home, "config");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("backend:      sqlite  (environment MINSKY_SESSIONDB_BACKEND)", lines.get(0));
        assertEquals("jsonPath:     " + home.resolve(".local/state/minsky/session-db.json") + "  (default)", lines.get(1));
        assertEquals("sqlitePath:   /m/sessions.db  (Minsky config " + yaml + ": sessiondb.sqlite.path)", lines.get(2));
        assertEquals("postgresUrl:  (not set)", lines.get(3));
        assertTrue(lines.get(4).contains("settings.json (not present)"), lines.get(4));
        assertEquals("minskyConfig: " + yaml, lines.get(5));
        assertEquals("activeStore:  sqlite:/m/sessions.db", lines.get(6));
    }

    @Test
    void storeOptionShowsItsEffect() {
        CliRun run = CliRun.run(env, home, "config", "--store", "json:/x/s.json");
        assertTrue(run.out().contains("backend:      json  (command line --store)"), run.out());
        assertTrue(run.out().contains("activeStore:  json:/x/s.json"), run.out());
    }

    @Test
    void jsonGivesValueSourceAndOrigin() {
        env.put("MINSKY_SQLITE_PATH", "/e/s.db");
        CliRun run = CliRun.run(env, home, "config", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("""
                  "sqlitePath": {
                    "value": "/e/s.db",
                    "source": "environment",
                    "origin": "MINSKY_SQLITE_PATH"
                  },
                """), run.out());
        assertTrue(run.out().contains("\"postgresUrl\": null"), run.out());
    }

    @Test
    void neverShowsAPasswordGivenInTheEnvironment() {
        env.put("MINSKY_POSTGRES_URL", "postgresql://bob:" + PASSWORD + "@db.example:5432/minsky?password=" + PASSWORD);
        env.put("MINSKY_SESSION_BACKEND", "postgres");
        for (List<String> args : List.of(List.of("config"), List.of("config", "--format", "json"),
                List.of("list"), List.of("list", "--debug"), List.of("show", "x"), List.of("config", "--store", "postgres"))) {
            CliRun run = CliRun.run(env, home, args.toArray(String[]::new));
            assertFalse(run.out().contains(PASSWORD), args + " stdout: " + run.out());
            assertFalse(run.err().contains(PASSWORD), args + " stderr: " + run.err());
        }
        CliRun config = CliRun.run(env, home, "config");
        assertEquals(0, config.status(), config.err());
        assertTrue(config.out().contains("postgresUrl:  postgresql://bob:****@db.example:5432/minsky?password=****"
                + "  (environment MINSKY_POSTGRES_URL)"), config.out());
    }

    @Test
    void stillShowsTheValuesWhenTheActiveStoreIsUnusable() {
        env.put("MINSKY_SESSION_BACKEND", "postgres");
        CliRun run = CliRun.run(env, home, "config");
        assertEquals(Cli.USAGE, run.status());
        assertTrue(run.out().startsWith("backend:      postgres  (environment MINSKY_SESSION_BACKEND)"), run.out());
        assertTrue(run.err().startsWith("minsky-sessions: backend postgres (from environment MINSKY_SESSION_BACKEND)"
                + " needs a PostgreSQL URL"), run.err());
        assertTrue(run.err().contains("MINSKY_POSTGRES_URL"), run.err());
    }
}
