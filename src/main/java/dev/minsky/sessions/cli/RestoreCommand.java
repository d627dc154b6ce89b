package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.AppPaths;
import dev.minsky.sessions.migrate.Restore;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SqliteFiles;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Roll a migration target back to exactly the content of a backup the migration took "
                + "(the report names it).",
            "Asks first unless --yes. The target's current content is itself backed up before it is replaced, "
                + "and the replacement is one transaction: it happens whole or not at all."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the target now holds exactly the backup's records",
            "1:not confirmed, or the restore failed (the target is unchanged)",
            "2:wrong usage",
            "3:the backup or the target could not be opened or reached"})
final class RestoreCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup file (.db or .json).")
    Path backup;

    @Option(names = "--to", required = true, paramLabel = "LOC", description = "The store to roll back. "
            + StoreOption.LOCATIONS)
    String to;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    RestoreCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        StoreLocation target = ctx.location("--to", to);
        StoreLocation from = backupLocation(backup.toAbsolutePath());
        try (SessionStore saved = ctx.openReadOnly(from)) {
            if (!yes) {
                // asked with the target opened read-only: answering no must leave it exactly as it was
                // (a writable open may create a SQLite file or a table)
                Restore.Preview preview;
                try (SessionStore current = ctx.openReadOnly(target)) {
                    preview = Restore.preview(saved, current);
                }
                if (!confirm(preview, from, target)) {
                    ctx.err().println(Cli.NAME + ": not restored; " + target.display() + " is unchanged");
                    return Cli.FAILED;
                }
            }
            try (SessionStore store = ctx.open(target)) {
                Path safety = store.backup(AppPaths.backupDirectory(ctx.env(), ctx.home()));
                long n = Restore.run(saved, store);
                ctx.out().write("Restored " + target.display() + " from " + backup.toAbsolutePath() + ": it now holds "
                        + n + " session(s).\nIts content before the restore was saved to " + safety + "\n");
            }
        }
        return Cli.OK;
    }

    private boolean confirm(Restore.Preview preview, StoreLocation from, StoreLocation target) throws IOException {
        ctx.err().print("Replace all " + preview.targetRecords() + " session(s) in " + target.display() + " with the "
                + preview.backupRecords() + " of " + from.display() + "? [y/N] ");
        ctx.err().flush();
        String answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            ctx.err().println();
            ctx.err().println(Cli.NAME + ": no answer (input is not a terminal); use --yes to restore without asking");
            return false;
        }
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    /** A SQLite backup opens as {@code sqlite:}, anything else as a JSON file. */
    static StoreLocation backupLocation(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreUnavailableException("backup " + file + " does not exist or is not a file");
        }
        try {
            if (SqliteFiles.isSqlite(file)) {
                return new StoreLocation.Sqlite(file);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read backup " + file + ": " + e.getMessage(), e);
        }
        return new StoreLocation.Json(file);
    }
}
