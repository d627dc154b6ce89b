package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List sessions, sorted by name unless --sort says otherwise.")
final class ListCommand implements Callable<Integer> {
    /** Constant names are the values users type. */
    enum Format { table, json, csv }

    /** Constant names are the values users type. */
    enum Sort {
        name(SortField.SESSION), task(SortField.TASK_ID), repo(SortField.REPO_NAME), branch(SortField.BRANCH),
        created(SortField.CREATED_AT), backend(SortField.BACKEND_TYPE);

        final SortField field;

        Sort(SortField field) {
            this.field = field;
        }
    }

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "LOC", description = StoreOption.DESCRIPTION)
    String store;

    @Option(names = "--filter", paramLabel = "TEXT",
            description = "Only sessions with TEXT in a text field (case-insensitive; %% and _ are plain characters).")
    String filter;

    @Option(names = "--task", paramLabel = "ID", description = "Only sessions of this task (#123 and 123 are the same).")
    String task;

    @Option(names = "--repo", paramLabel = "NAME", description = "Only sessions of this repository (exact name).")
    String repo;

    @Option(names = "--branch", paramLabel = "NAME", description = "Only sessions on this branch (exact name).")
    String branch;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only sessions created at or after WHEN: an ISO instant, local date-time or date.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN",
            description = "Only sessions created before WHEN; a date includes that whole day.")
    String until;

    @Option(names = "--sort", paramLabel = "FIELD", defaultValue = "name",
            description = "Sort by ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Sort sort;

    @Option(names = "--desc", description = "Sort in descending order.")
    boolean descending;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Show at most N sessions (0: all).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints the records as Minsky stores them.")
    Format format;

    ListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        SessionQuery query = query();
        try (SessionStore store = ctx.openStore(this.store)) {
            if (format == Format.json) {
                OutputStream out = ctx.outBytes();
                store.writeJson(query, out); // the store may copy its text as it is (the JSON store does)
                out.write('\n');
                return Cli.OK;
            }
            List<SessionRecord> records = store.list(query);
            Writer out = ctx.out();
            if (format == Format.csv) {
                SessionCsv.write(records, out);
            } else {
                SessionTable.write(records, store.count(SessionQuery.all()), ctx.zone(), out);
            }
        }
        return Cli.OK;
    }

    private SessionQuery query() {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must not be negative, was " + limit);
        }
        return SessionQuery.builder()
                .text(filter).taskId(task).repoName(repo).branch(branch)
                .createdFrom(time("--since", since, TimeArgument::since))
                .createdTo(time("--until", until, TimeArgument::until))
                .sort(sort.field, descending)
                .page(0, limit)
                .build();
    }

    private Instant time(String option, String text, BiFunction<String, ZoneId, Optional<Instant>> parse) {
        if (text == null) {
            return null;
        }
        return parse.apply(text, ctx.zone()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': '" + text
                        + "' is not a date (2025-07-01), local date-time (2025-07-01T09:00) or instant (2025-07-01T09:00:00Z)"));
    }
}
