package dev.minsky.sessions.cli;

import dev.minsky.sessions.migrate.Migration;
import dev.minsky.sessions.migrate.ReportFormat;
import dev.minsky.sessions.migrate.Verification;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two stores record by record and field by field (timestamps as instants, JSON "
                + "values by value), with a SHA-256 digest per record and for the whole set.",
            "Both stores are only read. Records only the target holds are listed but do not count as a failure."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every source record is identical in the target",
            "1:some record is missing from the target or differs",
            "2:wrong usage",
            "3:a store could not be opened or reached"})
final class VerifyCommand implements Callable<Integer> {
    enum Format { text, json }

    private final CliContext ctx;

    @Option(names = "--from", required = true, paramLabel = "LOC", description = "The source store. "
            + StoreOption.LOCATIONS)
    String from;

    @Option(names = "--to", required = true, paramLabel = "LOC", description = "The store that should hold every "
            + "source record.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    VerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        StoreLocation source = ctx.location("--from", from);
        StoreLocation target = ctx.location("--to", to);
        Verification v;
        ctx.noteIfMissing(source, "the source ");
        ctx.noteIfMissing(target, "the target ");
        try (SessionStore src = ctx.openReadingAhead(source); SessionStore dst = ctx.openReadOnly(target)) {
            // the target is looked up by name, streamed only for records it alone has: reading ahead helps a
            // store that reads itself whole for a lookup (a JSON file); a SQL store would read a page for nothing
            if (dst.holdsRecordsInMemory()) {
                dst.readAhead();
            }
            v = Migration.verify(src, dst, ProgressPrinter.forContext(ctx), null);
        }
        ctx.out().write(format == Format.json ? ReportFormat.json(v, source, target) : ReportFormat.text(v, source, target));
        return v.clean() ? Cli.OK : Cli.FAILED;
    }
}
