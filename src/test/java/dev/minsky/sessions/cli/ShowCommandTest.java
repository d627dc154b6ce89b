package dev.minsky.sessions.cli;

import static dev.minsky.sessions.cli.CliRun.copyFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path home;
    private Path file;

    @BeforeEach
    void copyMinskysFile() {
        file = copyFixture("minsky-written/session-db.json", home);
    }

    private CliRun show(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "show";
        all[1] = "--store";
        all[2] = "json:" + file;
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.run(Map.of(), home, all);
    }

    @Test
    void textShowsOneLinePerFieldInRecordOrderWithNestedObjectsAsCompactJson() {
        CliRun run = show("task7-4");
        assertEquals(0, run.status(), run.err());
        assertEquals("""
                session: task7-4
                repoName: acme/widgets-renamed
                repoUrl: /home/dev/src/minsky
                createdAt: 2025-07-01T11:28:00.000Z
                taskId: gh#7
                branch: task7-4
                pullRequest: {"number":104,"url":"https://github.com/local-minsky/pull/104",\
                "title":"Session 4: \\"quotes\\", commas, and ünïcödé","state":"open",\
                "createdAt":"2025-07-01T11:38:00.000Z","updatedAt":"2025-07-01T11:48:00.000Z",\
                "headBranch":"pr/task7-4","baseBranch":"main","lastSynced":"2025-07-01T11:58:00.000Z",\
                "github":{"id":9004,"nodeId":"PR_kw4","htmlUrl":"https://github.com/local-minsky/pull/104",\
                "author":"octocat","labels":["peer","fixture"]}}
                """, run.out());
    }

    @Test
    void textIncludesFieldsThisVersionDoesNotKnowAndKeepsLinesIntact() throws IOException {
        Files.writeString(file, "[{\"session\": \"s\", \"status\": \"active\", \"repoName\": \"r\", \"repoUrl\": \".\","
                + " \"createdAt\": \"2025-01-01T00:00:00Z\", \"commitCount\": 5, \"agentId\": null,"
                + " \"note\": \"two\\nlines\", \"prApproved\": false}]");
        CliRun run = show("s");
        assertEquals("""
                session: s
                status: active
                repoName: r
                repoUrl: .
                createdAt: 2025-01-01T00:00:00Z
                commitCount: 5
                agentId: null
                note: "two\\nlines"
                prApproved: false
                """, run.out());
    }

    @Test
    void jsonIsTheRecordAsMinskyWroteIt() {
        CliRun run = show("task7-4", "--format", "json");
        assertEquals(0, run.status(), run.err());
        String minskys = ListCommandTest.recordTexts(CliRun.fixtureText("minsky-written/session-db.json")).get("task7-4");
        String expected = minskys.replaceAll("(?m)^  ", "") + "\n"; // one level less indented than inside the array
        assertEquals(expected, run.out());
    }

    @Test
    void missingSessionExitsOneWithOneLineNamingTheStore() {
        CliRun run = show("nope");
        assertEquals(Cli.FAILED, run.status());
        assertEquals("", run.out());
        assertEquals("minsky-sessions: no session named 'nope' in json:" + file + "\n", run.err());
    }

    @Test
    void findsNamesWithHashesExactly() {
        assertEquals(Cli.FAILED, show("task7").status());
        assertTrue(show("adhoc-session-0").out().startsWith("session: adhoc-session-0\n"));
    }

    @Test
    void nameIsRequired() {
        CliRun run = CliRun.run(Map.of(), home, "show");
        assertEquals(Cli.USAGE, run.status());
        assertTrue(run.err().contains("NAME"), run.err());
    }
}
