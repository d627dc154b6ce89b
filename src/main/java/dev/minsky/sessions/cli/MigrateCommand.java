package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.AppPaths;
import dev.minsky.sessions.migrate.ConflictPolicy;
import dev.minsky.sessions.migrate.Migration;
import dev.minsky.sessions.migrate.MigrationOptions;
import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.ReportFormat;
import dev.minsky.sessions.store.AtomicFiles;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copy every session from one store to another, then re-read and compare each record.",
            "The source is only read. The target is backed up before its first write; records it already "
                + "holds unchanged are left alone, so running the same migration again completes an "
                + "interrupted one. Progress goes to stderr, the report to stdout."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every record arrived and verified identical (dry run: would)",
            "1:some record was invalid, conflicting, missing or different, or the run was stopped",
            "2:wrong usage",
            "3:a store could not be opened or reached (nothing was written)"})
final class MigrateCommand implements Callable<Integer> {
    enum Format { text, json }

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "LOC", description = "The store to copy from (only read). "
            + StoreOption.LOCATIONS)
    String from;

    @Option(names = "--to", required = true, paramLabel = "LOC", description = "The store to copy into. "
            + StoreOption.LOCATIONS)
    String to;

    @Option(names = "--dry-run", description = "Plan only: count new, identical, conflicting and invalid records; "
            + "write nothing anywhere (no file, table or schema).")
    boolean dryRun;

    @Option(names = "--on-conflict", paramLabel = "POLICY", defaultValue = "skip",
            converter = PolicyConverter.class,
            description = "A record the target holds with other content: skip (keep the target's, report it), "
                    + "overwrite, or fail (write nothing). Default: ${DEFAULT-VALUE}.")
    ConflictPolicy onConflict;

    @ArgGroup(exclusive = true)
    Backup backup = new Backup();

    static final class Backup {
        @Option(names = "--backup", paramLabel = "DIR", description = "Where to write the target's backup "
                + "(default: ~/.local/state/minsky-session-manager/backups).")
        Path directory;

        @Option(names = "--no-backup", description = "Do not back up the target first.")
        boolean none;
    }

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Records per transaction (default: 5000 into SQLite, 1000 into PostgreSQL; a JSON file is "
                    + "written once).")
    Integer batchSize;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "The report on stdout: text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-verify", description = "Skip re-reading and comparing the records after the copy.")
    boolean noVerify;

    MigrateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (batchSize != null && batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, not " + batchSize);
        }
        StoreLocation source = ctx.location("--from", from);
        StoreLocation target = ctx.location("--to", to);
        if (source.sameStoreAs(target)) {
            throw new ParameterException(spec.commandLine(), "--from and --to are the same store: "
                    + source.display());
        }
        Path backupDir = backup.none || dryRun ? null
                : backup.directory != null ? backup.directory.toAbsolutePath() : AppPaths.backupDirectory(ctx.env(), ctx.home());
        // A JSON source is copied too: Minsky may go on editing that file in place after the move.
        MigrationOptions options = new MigrationOptions(onConflict,
                batchSize == null ? MigrationOptions.AUTOMATIC : batchSize, backupDir, !noVerify, dryRun,
                source instanceof StoreLocation.Json);
        MigrationReport report;
        ctx.noteIfMissing(source, "the source ");
        try (SessionStore src = ctx.openReadingAhead(source);
             SessionStore dst = dryRun ? ctx.openReadOnly(target) : ctx.open(target)) {
            Migration migration = new Migration(src, dst, options, ProgressPrinter.forContext(ctx));
            CountDownLatch reported = new CountDownLatch(1);
            // Ctrl+C: stop within the batch in hand and still print what was committed before exiting.
            Thread onInterrupt = new Thread(() -> {
                migration.cancel();
                try {
                    reported.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "migrate-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                report = migration.run();
                writeReport(report);
            } finally {
                reported.countDown();
                removeHook(onInterrupt);
            }
        }
        return report.exitStatus();
    }

    private void writeReport(MigrationReport report) throws IOException {
        if (reportFile != null) {
            AtomicFiles.write(reportFile.toAbsolutePath(), ReportFormat.json(report).getBytes(StandardCharsets.UTF_8),
                    "rw-------");
        }
        ctx.out().write(format == Format.json ? ReportFormat.json(report) : ReportFormat.text(report));
        ctx.flushOut();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: Ctrl+C arrived; the migration has been asked to stop
        }
    }

    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<ConflictPolicy> {
        @Override
        public ConflictPolicy convert(String value) {
            for (ConflictPolicy p : ConflictPolicy.values()) {
                if (p.cliName().equals(value)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a conflict policy: use skip, overwrite or fail");
        }
    }
}
