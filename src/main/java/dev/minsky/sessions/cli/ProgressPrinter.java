package dev.minsky.sessions.cli;

import dev.minsky.sessions.migrate.MigrationListener;
import dev.minsky.sessions.migrate.Phase;
import dev.minsky.sessions.migrate.RecordEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Migration progress on stderr (SPEC §5): on a terminal, a progress bar per phase (records, rate,
 * time left); otherwise plain lines — one when a phase starts and ends, and one every few
 * seconds in between — that read well in a CI log.
 */
final class ProgressPrinter implements MigrationListener {
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final int width;
    private ProgressBar bar;
    private Phase barPhase;
    private long lastLine;

    static ProgressPrinter forContext(CliContext ctx) {
        int width = 100;
        try {
            width = Math.max(40, Integer.parseInt(ctx.env().getOrDefault("COLUMNS", "100").trim()));
        } catch (NumberFormatException e) {
            // keep the default
        }
        return new ProgressPrinter(ctx.err(), ctx.terminal(), width);
    }

    ProgressPrinter(PrintWriter err, boolean terminal, int width) {
        this.err = err;
        this.terminal = terminal;
        this.width = width;
    }

    @Override
    public void phaseStarted(Phase phase, long total) {
        lastLine = System.nanoTime();
        if (terminal && total > 0) {
            closeBar();
            barPhase = phase;
            bar = new ProgressBarBuilder().setTaskName(phase.title()).setInitialMax(total).setUnit(" records", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(200)
                    .setConsumer(new Consumer()).build();
        } else {
            closeBar();
            err.println(phase.title().toLowerCase(Locale.ROOT) + (total >= 0 ? ": " + total + " record(s)" : "")
                    + "…");
        }
    }

    @Override
    public void record(RecordEvent e) {
        if (bar != null && e.phase() == barPhase) {
            bar.stepTo(e.done());
            return;
        }
        long now = System.nanoTime();
        if (!terminal && now - lastLine >= LINE_EVERY_NANOS) {
            lastLine = now;
            err.println(String.format(Locale.ROOT, "  %s: %d of %d records, %,.0f/s, about %d s left",
                    e.phase().title().toLowerCase(Locale.ROOT), e.done(), e.total(), e.perSecond(),
                    e.remaining().toSeconds()));
        }
    }

    @Override
    public void backupWritten(Path file) {
        err.println("backup written: " + file);
    }

    @Override
    public void phaseFinished(Phase phase, Duration took) {
        if (phase == barPhase) {
            closeBar();
        }
        if (!terminal) {
            err.println(String.format(Locale.ROOT, "  %s done in %.2f s", phase.title().toLowerCase(Locale.ROOT),
                    took.toNanos() / 1e9));
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            barPhase = null;
        }
    }

    /** Draws the bar on our stderr writer (the library's own consumer wants a PrintStream). */
    private final class Consumer implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print('\r');
                err.print(rendered);
                err.flush();
            }
        }

        @Override
        public void close() {
            synchronized (err) {
                err.println();
            }
        }
    }
}
