package dev.minsky.sessions.cli;

import static dev.minsky.sessions.cli.CliRun.copyFixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    private static final String MINSKY_FILE = "minsky-written/session-db.json";

    @TempDir
    Path home;
    private String store;

    @BeforeEach
    void copyMinskysFile() {
        store = "json:" + copyFixture(MINSKY_FILE, home);
    }

    private CliRun list(String... options) {
        List<String> args = new ArrayList<>(List.of("list", "--store", store));
        args.addAll(Arrays.asList(options));
        return CliRun.run(Map.of(), home, args.toArray(String[]::new));
    }

    /** The session names of a table, in order (first column, header and footer skipped). */
    private static List<String> names(CliRun run) {
        String[] lines = run.outLines();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < lines.length - 2; i++) {
            names.add(lines[i].split(" ", 2)[0]);
        }
        return names;
    }

    private Path writeStore(String json) throws IOException {
        Path file = home.resolve("custom.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        store = "json:" + file;
        return file;
    }

    @Test
    void aPathWithNoFileListsNothingAndSaysSoOnStderr() {
        Path typo = home.resolve("sesion-db.json");
        store = "json:" + typo;
        CliRun run = list();
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().endsWith("0 of 0 sessions\n"), run.out());
        assertEquals("minsky-sessions: note: json:" + typo + " does not exist, so it reads as an empty store (a typo "
                + "in the path? 'minsky-sessions config' shows the configured locations)\n", run.err());
    }

    // --- table ----------------------------------------------------------------------------------

    @Test
    void tableHasAlignedColumnsSortedByNameAndACountLine() {
        CliRun run = list();
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        String[] lines = run.outLines();
        String header = lines[0];
        assertTrue(header.startsWith("SESSION "), header);
        int task = header.indexOf("TASK");
        int repo = header.indexOf("REPO");
        int branch = header.indexOf("BRANCH");
        int created = header.indexOf("CREATED");
        int backend = header.indexOf("BACKEND");
        int pr = header.indexOf("PR");
        assertTrue(0 < task && task < repo && repo < branch && branch < created && created < backend && backend < pr);

        String row = Arrays.stream(lines).filter(l -> l.startsWith("task42-10 ")).findFirst().orElseThrow();
        assertTrue(row.startsWith("md#42", task), row);
        assertTrue(row.startsWith("acme/widgets ", repo), row);
        assertTrue(row.startsWith("task42-10", branch), row);
        assertTrue(row.startsWith("2025-07-01 15:10", created), row);
        assertTrue(row.startsWith("local", backend), row);
        assertEquals("merged #110", row.substring(pr));

        assertEquals(22, lines.length - 1, "header, 20 rows, count line");
        assertEquals("20 of 20 sessions", lines[21]);
        assertEquals("", lines[22], "output ends with a newline");
        List<String> names = names(run);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
    }

    @Test
    void tableSummarisesPullRequestState() {
        CliRun run = list();
        int pr = run.outLines()[0].indexOf("PR");
        Map<String, String> prBySession = new TreeMap<>();
        for (String line : run.outLines()) {
            prBySession.put(line.split(" ", 2)[0], line.length() > pr ? line.substring(pr) : "");
        }
        assertEquals("merged", prBySession.get("adhoc-session-0"), "prState.mergedAt");
        assertEquals("approved", prBySession.get("task001-1"), "prApproved");
        assertEquals("open #104", prBySession.get("task7-4"), "pullRequest state and number");
        assertEquals("merged #110", prBySession.get("task42-10"));
        assertEquals("", prBySession.get("task123-2"), "no PR at all");
    }

    @Test
    void tableShowsNonAsciiTextAlignedByCharacters() {
        CliRun run = list();
        int created = run.outLines()[0].indexOf("CREATED");
        String row = Arrays.stream(run.outLines()).filter(l -> l.startsWith("task42-3 ")).findFirst().orElseThrow();
        assertTrue(row.contains("local-üñí-repo"), row);
        assertTrue(row.startsWith("2025-07-01 10:51", created), row);
    }

    @Test
    void tableShowsRawCreatedAtWhenItIsNotAnInstant() throws IOException {
        writeStore("[{\"session\": \"odd\", \"repoName\": \"r\", \"repoUrl\": \".\", \"createdAt\": \"last tuesday\"}]");
        CliRun run = list();
        assertEquals(0, run.status(), run.err());
        int created = run.outLines()[0].indexOf("CREATED");
        assertTrue(run.outLines()[1].startsWith("last tuesday", created), run.out());
    }

    @Test
    void emptyStoreListsNothing() {
        store = "json:" + copyFixture("json-shapes/empty-file.json", home);
        CliRun run = list();
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().endsWith("\n0 of 0 sessions\n"), run.out());
    }

    // --- json -----------------------------------------------------------------------------------

    /**
     * {@code list} sorts by name and Minsky's file is not in name order, so the expectation is built
     * from Minsky's own text: each record's lines exactly as Minsky wrote them, put in name order and
     * joined the way JSON.stringify(list, null, 2) joins array elements. This compares our output with
     * bytes Minsky produced, not with our own writer's idea of them.
     */
    @Test
    void jsonIsMinskysOwnTextOfEachRecordInNameOrder() {
        CliRun run = list("--format", "json");
        assertEquals(0, run.status(), run.err());
        Map<String, String> records = recordTexts(CliRun.fixtureText(MINSKY_FILE));
        assertEquals(20, records.size());
        String expected = "[\n" + String.join(",\n", records.values()) + "\n]\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), run.outBytes());
    }

    @Test
    void jsonOfEveryFileShapeIsTheSame() {
        String array = null;
        for (String shape : List.of("array", "sessions-object", "keyed-object", "backup-envelope")) {
            store = "json:" + copyFixture("json-shapes/" + shape + ".json", home);
            CliRun run = list("--format", "json");
            assertEquals(0, run.status(), shape + ": " + run.err());
            if (array == null) {
                array = run.out();
            }
            assertEquals(array, run.out(), shape);
        }
    }

    @Test
    void jsonOfAnEmptyStoreIsAnEmptyArray() {
        store = "json:" + copyFixture("json-shapes/empty-array.json", home);
        assertEquals("[]\n", list("--format", "json").out());
    }

    @Test
    void jsonHonoursFilters() {
        CliRun run = list("--format", "json", "--branch", "task7-4");
        assertEquals("[\n" + recordTexts(CliRun.fixtureText(MINSKY_FILE)).get("task7-4") + "\n]\n", run.out());
    }

    /** Each top-level record of a JSON.stringify(list, null, 2) text ("  {" … "  }"), by session name. */
    static Map<String, String> recordTexts(String fileText) {
        Pattern name = Pattern.compile("^ {4}\"session\": \"(.*)\",?$");
        Map<String, String> records = new TreeMap<>();
        StringBuilder current = null;
        String session = null;
        for (String line : fileText.split("\n")) {
            if (line.equals("  {")) {
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line.equals("  },") ? "  }" : line);
                Matcher m = name.matcher(line);
                if (m.matches()) {
                    session = m.group(1);
                }
                if (line.equals("  }") || line.equals("  },")) {
                    records.put(session, current.toString());
                    current = null;
                }
            }
        }
        return records;
    }

    // --- csv ------------------------------------------------------------------------------------

    @Test
    void csvHasTheDocumentedHeaderAndCrlfLines() {
        CliRun run = list("--format", "csv");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\r\n", -1);
        assertEquals("session,taskId,repoName,repoUrl,branch,createdAt,backendType,prBranch,prApproved", lines[0]);
        assertEquals(22, lines.length, "header, 20 records, and a final CRLF");
        assertEquals("", lines[21]);
        assertTrue(Arrays.asList(lines).contains(
                "task42-3,md#42,local-üñí-repo,/tmp/üñí repo/with spaces,task42-3,2025-07-01T10:51:00.000Z,remote,,"));
        assertTrue(Arrays.asList(lines).contains("task9-5,task#9,edobry/minsky,https://github.com/edobry/minsky.git,,"
                + "2025-07-01T12:05:00.000Z,github,pr/task9-5,false"));
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        writeStore("[{\"session\": \"s,1\", \"repoName\": \"say \\\"hi\\\"\", \"repoUrl\": \"a\\nb\","
                + " \"createdAt\": \"2025-01-01T00:00:00Z\", \"prApproved\": true, \"taskId\": 42}]");
        CliRun run = list("--format", "csv");
        assertEquals(0, run.status(), run.err());
        assertEquals("\"s,1\",42,\"say \"\"hi\"\"\",\"a\nb\",,2025-01-01T00:00:00Z,,,true\r\n",
                run.out().substring(run.out().indexOf("\r\n") + 2));
    }

    // --- filters, sort, page --------------------------------------------------------------------

    @Test
    void taskFilterIgnoresOneLeadingHash() {
        List<String> expected = List.of("task123-16", "task123-2", "task123-9");
        assertEquals(expected, names(list("--task", "123")));
        assertEquals(expected, names(list("--task", "#123")));
        assertEquals(List.of("task001-1", "task001-15", "task001-8"), names(list("--task", "#001")));
        assertEquals(List.of("task42-10", "task42-3"), names(list("--task", "md#42")));
    }

    @Test
    void repoAndBranchFiltersAreExact() {
        assertEquals(List.of("adhoc-session-7", "task001-15", "task42-3", "task7-11", "task9-19"),
                names(list("--repo", "local-üñí-repo")));
        assertEquals(List.of("task7-4"), names(list("--repo", "acme/widgets-renamed")));
        assertEquals(List.of(), names(list("--repo", "acme")));
        assertEquals(List.of("task7-4"), names(list("--branch", "task7-4")));
    }

    @Test
    void footerCountsEveryStoredSession() {
        CliRun run = list("--repo", "acme/widgets");
        String[] lines = run.outLines();
        assertEquals("5 of 20 sessions", lines[lines.length - 2]);
    }

    @Test
    void textFilterMatchesLiterallyWithoutWildcards() throws IOException {
        writeStore("[" + rec("100%-done") + "," + rec("50-done") + "," + rec("a_b") + "," + rec("axb") + "]");
        assertEquals(List.of("100%-done"), names(list("--filter", "%")));
        assertEquals(List.of("a_b"), names(list("--filter", "a_b")));
        assertEquals(List.of("a_b"), names(list("--filter", "_")));
        assertEquals(List.of("100%-done", "50-done"), names(list("--filter", "-DONE")));
    }

    private static String rec(String name) {
        return "{\"session\": \"" + name + "\", \"repoName\": \"r\", \"repoUrl\": \".\", \"createdAt\": \"2025-01-01T00:00:00Z\"}";
    }

    @Test
    void textFilterIsCaseInsensitiveOverTextFields() {
        assertEquals(6, names(list("--filter", "WIDGETS")).size());
        assertEquals(5, names(list("--filter", "ÜÑÍ")).size());
    }

    @Test
    void createdRangeTakesInstantsAndDates() {
        assertEquals(List.of("task358-20", "task7-18", "task9-19"), names(list("--since", "2025-07-01T20:00:00Z")));
        assertEquals(List.of("adhoc-session-0"), names(list("--until", "2025-07-01T09:37:00.000Z")));
        assertEquals(20, names(list("--since", "2025-07-01", "--until", "2025-07-01")).size(),
                "a date given to --until includes that day");
        assertEquals(List.of(), names(list("--since", "2025-07-02")));
        assertEquals(List.of("adhoc-session-0", "task001-1"), names(list("--until", "2025-07-01T10:00")));
    }

    @Test
    void sortsDescendingByCreatedAndLimits() {
        CliRun run = list("--sort", "created", "--desc", "--limit", "2");
        assertEquals(List.of("task358-20", "task9-19"), names(run));
        assertTrue(run.out().endsWith("\n2 of 20 sessions\n"), run.out());
    }

    @Test
    void sortsByRepoThenName() {
        List<String> names = names(list("--sort", "repo"));
        assertEquals(List.of("adhoc-session-14", "task123-2", "task358-6", "task42-10", "task7-18"), names.subList(0, 5));
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(Cli.USAGE, list("--limit", "-1").status());
        assertEquals(Cli.USAGE, list("--since", "soon").status());
        assertEquals(Cli.USAGE, list("--sort", "colour").status());
        CliRun run = list("--format", "xml");
        assertEquals(Cli.USAGE, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("minsky-sessions: "), run.err());
    }

    @Test
    void outputIsUtf8WhateverThePlatformDefault() {
        byte[] expected = "local-üñí-repo".getBytes(StandardCharsets.UTF_8);
        String asLatin1 = new String(list().outBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(asLatin1.contains(new String(expected, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void usesTheConfiguredStoreWithoutStoreOption() {
        Path file = copyFixture(MINSKY_FILE, home.resolve("elsewhere"));
        CliRun run = CliRun.run(Map.of("MINSKY_JSON_PATH", file.toString()), home, "list");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().endsWith("20 of 20 sessions\n"));
        run = CliRun.run(Map.of("MINSKY_JSON_PATH", file.toString()), home, "list", "--store", "json");
        assertTrue(run.out().endsWith("20 of 20 sessions\n"));
    }
}
