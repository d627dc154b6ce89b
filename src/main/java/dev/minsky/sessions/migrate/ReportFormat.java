package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.JsonText;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;


/**
 * A {@link MigrationReport} or a {@link Verification} as text for people and as JSON for tools.
 * Store locations appear as {@link StoreLocation#display()}, so no password is ever rendered.
 */
public final class ReportFormat {
    private ReportFormat() {
    }

    // ---- text -----------------------------------------------------------------------------------

    public static String text(MigrationReport r) {
        StringBuilder sb = new StringBuilder();
        MigrationPlan p = r.plan();
        sb.append(r.options().dryRun() ? "Dry run (nothing was written): " : "Migration: ")
                .append(r.source().display()).append(" → ").append(r.target().display()).append('\n');
        sb.append(String.format(Locale.ROOT, "Plan:    %d record(s) in the source: %d new, %d already present, "
                        + "%d conflicting, %d invalid; the target held %d (%d not in the source)%s%n",
                p.sourceRecords(), p.newRecords(), p.identical(), p.conflicting(), p.invalid(), p.targetRecords(),
                p.targetOnly(), took(r, Phase.PLAN)));
        if (r.options().dryRun()) {
            sb.append(String.format(Locale.ROOT, "Would write %d record(s) (--on-conflict %s).%n",
                    p.toWrite(r.options().onConflict()), r.options().onConflict().cliName()));
        }
        r.backupFile().ifPresent(b -> sb.append("Backup:  ").append(b).append('\n')
                .append("         to undo this migration: ").append(restoreCommand(b, r.target())).append('\n'));
        r.sourceBackupFile().ifPresent(b -> sb.append("Source:  copied to ").append(b)
                .append(" before the first write\n"));
        if (!r.options().dryRun() && r.backupFile().isEmpty() && r.copyResult().isPresent()) {
            sb.append("Backup:  none").append(r.options().backupDirectory() == null ? " (--no-backup)" : " (nothing to write)")
                    .append('\n');
        }
        r.copyResult().ifPresent(c -> sb.append(String.format(Locale.ROOT, "Copy:    %d copied, %d overwritten, "
                        + "%d already present, %d conflicting kept as they were, %d invalid skipped; %d committed%s%s%n",
                c.count(Outcome.COPIED), c.count(Outcome.OVERWRITTEN), c.count(Outcome.ALREADY_PRESENT),
                c.count(Outcome.CONFLICT_KEPT), c.count(Outcome.INVALID), c.committed(), took(r, Phase.COPY),
                c.complete() ? "" : " — INCOMPLETE")));
        r.verificationResult().ifPresent(v -> verificationLines(v, sb));
        if (!r.options().dryRun() && r.copyResult().isPresent() && r.verificationResult().isEmpty()
                && !r.options().verify()) {
            sb.append("Verify:  skipped (--no-verify)\n");
        }
        if (!p.invalidRecords().isEmpty()) {
            sb.append("\nInvalid records (skipped; the source is unchanged):\n");
            for (InvalidRecord inv : p.invalidRecords()) {
                sb.append("  ").append(inv.session()).append(" (record ").append(inv.position()).append(")\n");
                for (ValidationProblem problem : inv.problems()) {
                    sb.append("      ").append(problem.describe()).append('\n');
                }
            }
        }
        if (!p.conflicts().isEmpty()) {
            sb.append(r.options().onConflict() == ConflictPolicy.OVERWRITE && !r.options().dryRun()
                    ? "\nConflicts (overwritten with the source's record):\n"
                    : "\nConflicts (source → target):\n");
            for (Conflict c : p.conflicts()) {
                sb.append("  ").append(c.session()).append(": ").append(c.describe()).append('\n');
            }
        }
        r.verificationResult().ifPresent(v -> problemLines(v, sb));
        sb.append('\n');
        List<String> problems = r.problems();
        if (problems.isEmpty()) {
            sb.append(r.options().dryRun() ? "Result:  the migration would succeed.\n"
                    : "Result:  OK — " + (r.verificationResult().isPresent() ? "every record verified identical.\n"
                    : "copied (not verified).\n"));
        } else {
            sb.append("Result:  ").append(String.join("; ", problems)).append(".\n");
        }
        return sb.toString();
    }

    /**
     * The command that puts {@code target} back as {@code backup} holds it, ready to paste. A
     * PostgreSQL URL is given without its password (a masked {@code ****} pasted back would be sent
     * as the password); a comment then says where the password comes from.
     */
    public static String restoreCommand(Path backup, StoreLocation target) {
        String to = target.display();
        String note = "";
        if (target instanceof StoreLocation.Postgres pg) {
            try {
                PostgresUrl url = PostgresUrl.parse(pg.url());
                to = url.withPassword(null).toUrl();
                if (url.password().isPresent()) {
                    note = "   # password: PGPASSWORD or ~/.pgpass, or add it to the URL";
                }
            } catch (IllegalArgumentException e) {
                // not parseable: keep the masked form
            }
        }
        return "minsky-sessions restore '" + backup + "' --to '" + to + "'" + note;
    }

    public static String text(Verification v, StoreLocation source, StoreLocation target) {
        StringBuilder sb = new StringBuilder();
        sb.append("Verify:  ").append(source.display()).append(" → ").append(target.display()).append('\n');
        verificationLines(v, sb);
        problemLines(v, sb);
        sb.append('\n').append(v.clean() ? "Result:  OK — every source record is identical in the target.\n"
                : "Result:  the stores differ.\n");
        return sb.toString();
    }

    private static void verificationLines(Verification v, StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, "Verify:  %d compared: %d identical, %d different, %d missing; "
                        + "%d only in the target (%s)%s%n", v.compared(), v.identical(), v.different(), v.missing(),
                v.extra(), seconds(v.took()), v.complete() ? "" : " — INCOMPLETE"));
        if (v.note() != null) {
            sb.append("         (").append(v.note()).append(")\n");
        }
        sb.append("SHA-256: source ").append(v.sourceDigest()).append('\n')
                .append("         target ").append(v.targetDigest())
                .append(v.sourceDigest().equals(v.targetDigest()) ? "  (equal)" : "  (DIFFERENT)").append('\n');
    }

    private static void problemLines(Verification v, StringBuilder sb) {
        if (v.problems().isEmpty()) {
            return;
        }
        sb.append("\nVerification findings:\n");
        for (RecordCheck c : v.problems()) {
            sb.append("  ").append(c.session()).append(": ").append(c.outcome().label());
            if (!c.differences().isEmpty()) {
                sb.append('\n');
                for (FieldDifference d : c.differences()) {
                    sb.append("      ").append(d.describe()).append('\n');
                }
            } else {
                sb.append('\n');
            }
        }
    }

    private static String took(MigrationReport r, Phase phase) {
        Duration d = r.timings().get(phase);
        return d == null ? "" : " (" + seconds(d) + ")";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    // ---- JSON -----------------------------------------------------------------------------------

    public static String json(MigrationReport r) {
        Obj o = new Obj();
        o.put("kind", r.options().dryRun() ? "dry-run" : "migration");
        o.put("source", r.source().display());
        o.put("target", r.target().display());
        o.put("started", r.started().toString());
        Obj opts = new Obj();
        opts.put("onConflict", r.options().onConflict().cliName());
        opts.put("batchSize", r.options().batchSize());
        opts.put("verify", r.options().verify());
        opts.put("dryRun", r.options().dryRun());
        o.put("options", opts.value());
        MigrationPlan p = r.plan();
        Obj plan = new Obj();
        plan.put("source", p.sourceRecords());
        plan.put("new", p.newRecords());
        plan.put("identical", p.identical());
        plan.put("conflicting", p.conflicting());
        plan.put("invalid", p.invalid());
        plan.put("targetHeld", p.targetRecords());
        plan.put("targetOnly", p.targetOnly());
        plan.put("toWrite", p.toWrite(r.options().onConflict()));
        o.put("plan", plan.value());
        o.put("backup", r.backupFile().map(b -> (JsonValue) JsonValue.of(b.toString())).orElse(JsonValue.NULL));
        o.put("sourceBackup", r.sourceBackupFile().map(b -> (JsonValue) JsonValue.of(b.toString()))
                .orElse(JsonValue.NULL));
        o.put("copy", r.copyResult().map(c -> {
            Obj copy = new Obj();
            for (Outcome out : List.of(Outcome.COPIED, Outcome.OVERWRITTEN, Outcome.ALREADY_PRESENT,
                    Outcome.CONFLICT_KEPT, Outcome.INVALID)) {
                copy.put(camel(out), c.count(out));
            }
            copy.put("committed", c.committed());
            copy.put("complete", c.complete());
            return copy.value();
        }).orElse(JsonValue.NULL));
        o.put("verification", r.verificationResult().map(ReportFormat::verificationJson).orElse(JsonValue.NULL));
        List<JsonValue> invalid = new ArrayList<>();
        for (InvalidRecord inv : p.invalidRecords()) {
            Obj i = new Obj();
            i.put("session", inv.session());
            i.put("position", inv.position());
            List<JsonValue> problems = new ArrayList<>();
            for (ValidationProblem pr : inv.problems()) {
                Obj x = new Obj();
                x.put("field", pr.field());
                x.put("value", pr.value() == null ? JsonValue.NULL : JsonValue.of(pr.value()));
                x.put("reason", pr.reason());
                problems.add(x.value());
            }
            i.put("problems", new JsonValue.JsonArray(problems));
            invalid.add(i.value());
        }
        o.put("invalid", new JsonValue.JsonArray(invalid));
        List<JsonValue> conflicts = new ArrayList<>();
        for (Conflict c : p.conflicts()) {
            Obj x = new Obj();
            x.put("session", c.session());
            x.put("fields", differencesJson(c.differences()));
            conflicts.add(x.value());
        }
        o.put("conflicts", new JsonValue.JsonArray(conflicts));
        Obj timings = new Obj();
        for (Phase phase : Phase.values()) {
            Duration d = r.timings().get(phase);
            if (d != null) {
                timings.put(phase.name().toLowerCase(Locale.ROOT) + "Seconds", new JsonValue.JsonNumber(
                        String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9)));
            }
        }
        o.put("timings", timings.value());
        o.put("failure", r.failure() == null ? JsonValue.NULL : JsonValue.of(r.failure()));
        o.put("cancelled", r.cancelled());
        o.put("problems", new JsonValue.JsonArray(r.problems().stream().map(s -> (JsonValue) JsonValue.of(s)).toList()));
        o.put("exitStatus", r.exitStatus());
        return JsonText.pretty(o.value(), 2) + "\n";
    }

    public static String json(Verification v, StoreLocation source, StoreLocation target) {
        Obj o = new Obj();
        o.put("kind", "verification");
        o.put("source", source.display());
        o.put("target", target.display());
        o.put("verification", verificationJson(v));
        o.put("exitStatus", v.clean() ? 0 : 1);
        return JsonText.pretty(o.value(), 2) + "\n";
    }

    private static JsonValue verificationJson(Verification v) {
        Obj o = new Obj();
        o.put("compared", v.compared());
        o.put("identical", v.identical());
        o.put("different", v.different());
        o.put("missing", v.missing());
        o.put("extra", v.extra());
        o.put("complete", v.complete());
        o.put("sourceSha256", v.sourceDigest());
        o.put("targetSha256", v.targetDigest());
        o.put("note", v.note() == null ? JsonValue.NULL : JsonValue.of(v.note()));
        o.put("seconds", new JsonValue.JsonNumber(String.format(Locale.ROOT, "%.3f", v.took().toNanos() / 1e9)));
        List<JsonValue> records = new ArrayList<>();
        for (RecordCheck c : v.problems()) {
            Obj x = new Obj();
            x.put("session", c.session());
            x.put("outcome", c.outcome().key());
            x.put("fields", differencesJson(c.differences()));
            x.put("sourceSha256", c.sourceDigest() == null ? JsonValue.NULL : JsonValue.of(c.sourceDigest()));
            x.put("targetSha256", c.targetDigest() == null ? JsonValue.NULL : JsonValue.of(c.targetDigest()));
            records.add(x.value());
        }
        o.put("records", new JsonValue.JsonArray(records));
        return o.value();
    }

    private static JsonValue differencesJson(List<FieldDifference> diffs) {
        List<JsonValue> out = new ArrayList<>();
        for (FieldDifference d : diffs) {
            Obj x = new Obj();
            x.put("field", d.field());
            x.put("source", d.source() == null ? JsonValue.NULL : JsonValue.of(d.source().toJson()));
            x.put("target", d.target() == null ? JsonValue.NULL : JsonValue.of(d.target().toJson()));
            out.add(x.value());
        }
        return new JsonValue.JsonArray(out);
    }

    private static String camel(Outcome o) {
        String[] words = o.key().split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }

    /** An ordered JSON object under construction. */
    private static final class Obj {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        void put(String key, JsonValue value) {
            members.put(key, value);
        }

        void put(String key, String value) {
            members.put(key, value == null ? JsonValue.NULL : JsonValue.of(value));
        }

        void put(String key, long value) {
            members.put(key, JsonValue.of(value));
        }

        void put(String key, boolean value) {
            members.put(key, JsonValue.of(value));
        }

        JsonValue value() {
            return JsonValue.JsonObject.adopt(members);
        }
    }
}
