package dev.minsky.sessions.migrate;

import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a migration did, for the user and for the record: the plan, the backup, the copy,
 * the verification, the problems and the timings. {@link ReportFormat} renders it as text or JSON.
 *
 * @param failure why the run stopped early or could not be trusted, or null
 */
public record MigrationReport(StoreLocation source, StoreLocation target, MigrationOptions options, Instant started,
                              MigrationPlan plan, Path backup, Path sourceBackup, CopyResult copy,
                              Verification verification,
                              String failure, boolean cancelled, Map<Phase, Duration> timings) {
    /** SPEC §5: everything done and verified. */
    public static final int OK = 0;
    /** SPEC §5: the work ran, but something failed, differed, conflicted or was invalid. */
    public static final int PROBLEMS = 1;

    public MigrationReport {
        timings = Map.copyOf(timings);
    }

    public Optional<Path> backupFile() {
        return Optional.ofNullable(backup);
    }

    /** The copy of the source taken before the first write (a JSON source), if any. */
    public Optional<Path> sourceBackupFile() {
        return Optional.ofNullable(sourceBackup);
    }

    public Optional<CopyResult> copyResult() {
        return Optional.ofNullable(copy);
    }

    public Optional<Verification> verificationResult() {
        return Optional.ofNullable(verification);
    }

    /** Records committed to the target by this run. */
    public long committed() {
        return copy == null ? 0 : copy.committed();
    }

    /** 0 when everything arrived and verified (or, for a dry run, would); 1 otherwise (SPEC §5). */
    public int exitStatus() {
        return problems().isEmpty() ? OK : PROBLEMS;
    }

    /** Why the exit status is not 0, one phrase each, in the order a user should read them. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (failure != null) {
            out.add(failure);
        }
        if (cancelled) {
            out.add("cancelled after " + committed() + " record(s) were committed");
        }
        if (plan.invalid() > 0) {
            out.add(plan.invalid() + " invalid record(s) " + (options.dryRun() ? "would be" : "were") + " skipped");
        }
        long kept = options.dryRun()
                ? (options.onConflict() == ConflictPolicy.OVERWRITE ? 0 : plan.conflicting())
                : copy == null ? 0 : copy.count(Outcome.CONFLICT_KEPT);
        if (kept > 0 && failure == null) {
            out.add(kept + " conflicting record(s) " + (options.dryRun() ? "would be" : "were")
                    + " left as the target has them (--on-conflict " + options.onConflict().cliName() + ")");
        }
        if (verification != null) {
            if (verification.missing() > 0) {
                out.add(verification.missing() + " record(s) missing from the target");
            }
            if (verification.different() > 0) {
                out.add(verification.different() + " record(s) differ in the target");
            }
            if (!verification.complete()) {
                out.add("verification did not finish");
            }
        }
        return out;
    }

    /** Collects the parts as the run produces them. */
    static final class Builder {
        private final StoreLocation source;
        private final StoreLocation target;
        private final MigrationOptions options;
        private final Instant started;
        private MigrationPlan plan;
        private Path backup;
        private Path sourceBackup;
        private CopyResult copy;
        private Verification verification;
        private String failure;
        private boolean cancelled;
        private Map<Phase, Duration> timings = new EnumMap<>(Phase.class);

        Builder(StoreLocation source, StoreLocation target, MigrationOptions options, Instant started) {
            this.source = source;
            this.target = target;
            this.options = options;
            this.started = started;
        }

        Builder plan(MigrationPlan p) {
            this.plan = p;
            return this;
        }

        Builder backup(Path file) {
            this.backup = file;
            return this;
        }

        Builder sourceBackup(Path file) {
            this.sourceBackup = file;
            return this;
        }

        Builder copy(CopyResult result) {
            this.copy = result;
            return this;
        }

        Builder verification(Verification result) {
            this.verification = result;
            return this;
        }

        Builder failure(String message) {
            if (failure == null) {
                failure = message;
            }
            return this;
        }

        Builder cancelled() {
            this.cancelled = true;
            return this;
        }

        Builder timings(Map<Phase, Duration> t) {
            this.timings = t;
            return this;
        }

        MigrationReport build() {
            return new MigrationReport(source, target, options, started, plan, backup, sourceBackup, copy, verification, failure,
                    cancelled, timings);
        }
    }
}
