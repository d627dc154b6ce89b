package dev.minsky.sessions.cli;

import static dev.minsky.sessions.cli.CliRun.copyFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a whole: version, help, and the exit status and one-line message of each kind of error. */
class CliTest {
    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.run(Map.of(), home, args);
    }

    private static void assertOneLineError(CliRun run) {
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("minsky-sessions: "), run.err());
        assertTrue(run.err().endsWith("\n"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void versionPrintsNameAndMavenVersion() {
        CliRun run = run("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().matches("minsky-sessions \\d+\\.\\d+\\.\\d+\\S*\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        CliRun run = run("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: minsky-sessions"), run.out());
        for (String word : List.of("list", "show", "config", "Exit status")) {
            assertTrue(run.out().contains(word), word);
        }
        assertEquals(0, run("list", "--help").status());
        assertTrue(run("show", "--help").out().contains("NAME"));
    }

    /**
     * A command line that begins with a subcommand's name is built with that subcommand only (a shorter start):
     * every name in {@code Cli.SUBCOMMANDS} is the one its command declares, and the whole command line has
     * exactly those subcommands, so none can be missed or reached under another name.
     */
    @Test
    void theSubcommandsByNameAreTheCommandsTheyMake() {
        CliContext ctx = new CliContext(Map.of(), home, CliRun.ZONE, new BufferedWriter(new StringWriter()),
                OutputStream.nullOutputStream(), new PrintWriter(new StringWriter()), InputStream.nullInputStream(), false);
        assertEquals(List.copyOf(Cli.SUBCOMMANDS.keySet()), List.copyOf(Cli.commandLine(ctx).getSubcommands().keySet()));
        for (String name : Cli.SUBCOMMANDS.keySet()) {
            CommandLine only = Cli.commandLine(ctx, new String[] {name, "--help"});
            assertEquals(List.of(name), List.copyOf(only.getSubcommands().keySet()));
            assertEquals(0, run(name, "--help").status(), name);
        }
        assertTrue(run("--help").out().contains("test-connection"));
        assertEquals("list", Cli.commandLine(ctx, new String[] {"lst"}).getSubcommands().keySet().iterator().next(),
                "an unknown name gets every subcommand, for picocli's suggestion");
    }

    /** picocli quotes a stray argument in its message: a URL typed in the wrong place keeps its password hidden. */
    @Test
    void aStrayConnectionStringIsQuotedWithoutItsPassword() {
        CliRun r = run("list", "--store", "json", "postgresql://bob:Sw0rdfish-9@db.example/sessions?password=Sw0rdfish-9");
        assertEquals(Cli.USAGE, r.status());
        assertTrue(r.err().contains("postgresql://bob:****@db.example/sessions?password=****"),
                r.err().replace("Sw0rdfish-9", "(the password)"));
        assertFalse(r.err().contains("Sw0rdfish-9"), "the password is shown");
    }

    @Test
    void missingOrUnknownCommandIsAUsageError() {
        for (CliRun r : List.of(run(), run("frobnicate"), run("list", "--bogus"))) {
            assertEquals(Cli.USAGE, r.status(), r.err());
            assertOneLineError(r);
        }
    }

    @Test
    void unknownBackendOnCommandLineIsAUsageErrorListingTheValidOnes() {
        CliRun r = run("list", "--store", "mongo");
        assertEquals(Cli.USAGE, r.status());
        assertOneLineError(r);
        assertTrue(r.err().contains("json, sqlite or postgres"), r.err());
        r = run("list", "--store", "mongodb://h/db");
        assertEquals(Cli.USAGE, r.status());
    }

    @Test
    void unknownBackendInEnvironmentIsAUsageErrorNamingTheVariable() {
        CliRun r = CliRun.run(Map.of("MINSKY_SESSIONDB_BACKEND", "mongo"), home, "list");
        assertEquals(Cli.USAGE, r.status());
        assertOneLineError(r);
        assertTrue(r.err().contains("MINSKY_SESSIONDB_BACKEND"), r.err());
        assertTrue(r.err().contains("json, sqlite, postgres"), r.err());
    }

    @Test
    void malformedStoreExitsThreeNamingTheFile() {
        Path bad = copyFixture("bad/syntax-error-line3.json", home);
        CliRun r = run("list", "--store", "json:" + bad);
        assertEquals(Cli.UNAVAILABLE, r.status());
        assertOneLineError(r);
        assertTrue(r.err().contains(bad.toString()), r.err());
        assertTrue(r.err().contains("line 3"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void everyKindOfBrokenStoreExitsThree() {
        for (String name : List.of("wrong-shape-number", "record-without-session", "duplicate-session-names",
                "truncated-mid-write")) {
            Path bad = copyFixture("bad/" + name + ".json", home);
            CliRun r = run("list", "--store", "json:" + bad);
            assertEquals(Cli.UNAVAILABLE, r.status(), name + ": " + r.err());
            assertOneLineError(r);
            assertTrue(r.err().contains(bad.getFileName().toString()), r.err());
            assertEquals(Cli.UNAVAILABLE, run("show", "x", "--store", "json:" + bad).status(), name);
        }
    }

    @Test
    void anUnreachablePostgresExitsThreeWithOneMaskedLine() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = run("list", "--store", "postgresql://u:hunter2@127.0.0.1:" + port + "/db?connect_timeout=2");
        assertEquals(Cli.UNAVAILABLE, r.status(), r.err());
        assertOneLineError(r);
        assertTrue(r.err().contains("127.0.0.1:" + port), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    @Test
    void brokenSettingsFileExitsThreeNamingIt() throws IOException {
        Path settings = home.resolve(".config/minsky-session-manager/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"backend\": ");
        CliRun r = run("list");
        assertEquals(Cli.UNAVAILABLE, r.status());
        assertOneLineError(r);
        assertTrue(r.err().contains(settings.toString()), r.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        Path bad = copyFixture("bad/syntax-error-line3.json", home);
        CliRun r = run("list", "--store", "json:" + bad, "--debug");
        assertEquals(Cli.UNAVAILABLE, r.status());
        assertTrue(r.err().startsWith("minsky-sessions: "), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingJsonFileIsAnEmptyStoreNotAnError() {
        CliRun r = run("list", "--store", "json:" + home.resolve("none.json"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("0 of 0 sessions\n"), r.out());
    }

    @Test
    void folderInsteadOfFileExitsThree() {
        CliRun r = run("list", "--store", "json:" + home);
        assertEquals(Cli.UNAVAILABLE, r.status(), r.err());
        assertOneLineError(r);
    }
}
