package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.Instants;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic sample sessions for the "Open a demo store" button, shaped like the ones Minsky writes
 * (the same mix as {@code bench/gen-sessions.py}): every name and task-id form, odd repo URLs,
 * dates with and without milliseconds, nested PR objects and newer unknown fields.
 */
public final class DemoSessions {
    private static final String[][] REPOS = {
        {"local/minsky", "file:///Users/alice/Projects/minsky"},
        {"local-minsky", "/Users/alice/Projects/minsky"},
        {"edobry/minsky", "https://github.com/edobry/minsky.git"},
        {"acme/billing-service", "git@github.com:acme/billing-service.git"},
        {"local/dotfiles", "/home/bob/src/dotfiles"},
        {"ünïcode/répo", "/home/zoë/代码/répo"},
    };
    private static final String[] WORDS = {"fix", "session", "bugs", "refactor", "parser", "add", "postgres", "cli",
        "docs", "ui", "perf"};
    private static final Instant BASE = Instant.parse("2025-04-29T00:00:00Z");

    private DemoSessions() {
    }

    /** {@code n} records; the same {@code seed} gives the same records. */
    public static List<SessionRecord> generate(int n, long seed) {
        Random rng = new Random(seed);
        List<SessionRecord> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(record(i, rng));
        }
        return out;
    }

    /** Writes {@code n} demo sessions as a new JSON store at {@code file} (replacing what is there). */
    public static StoreLocation write(Path file, int n) {
        StoreLocation where = new StoreLocation.Json(file);
        try (SessionStore store = SessionStores.open(where)) {
            store.replaceAll(generate(n, 42).stream());
        }
        return where;
    }

    private static SessionRecord record(int n, Random rng) {
        Instant created = BASE.plusSeconds(rng.nextInt(400 * 86400)).plusMillis(rng.nextInt(1000));
        String[] repo = REPOS[rng.nextInt(REPOS.length)];
        double style = rng.nextDouble();
        String name;
        String task;
        if (style < 0.30) {
            name = String.format("task#%03d", n);
            task = rng.nextBoolean() ? String.format("#%03d", n) : null;
        } else if (style < 0.40) {
            name = String.format("%03d", n);
            task = rng.nextBoolean() ? Integer.toString(n) : null;
        } else if (style < 0.60) {
            name = "task-md#" + n;
            task = "md#" + n;
        } else if (style < 0.75) {
            name = "task-gh#" + n;
            task = "gh#" + n;
        } else if (style < 0.88) {
            name = WORDS[rng.nextInt(WORDS.length)] + "-" + WORDS[rng.nextInt(WORDS.length)] + "-" + n;
            task = null;
        } else {
            name = new UUID(rng.nextLong(), rng.nextLong()).toString();
            task = "mt#" + n;
        }
        SessionRecord.Builder b = SessionRecord.builder(name)
                .set(SessionField.REPO_NAME, repo[0])
                .set(SessionField.REPO_URL, repo[1])
                .set(SessionField.CREATED_AT, iso(created, rng))
                .set(SessionField.TASK_ID, task);
        if (rng.nextDouble() < 0.6) {
            b.set(SessionField.BRANCH, name);
        }
        if (rng.nextDouble() < 0.3) {
            b.set(SessionField.REPO_PATH, "/home/alice/.local/state/minsky/sessions/" + name);
        }
        if (rng.nextDouble() < 0.7) {
            b.set(SessionField.BACKEND_TYPE, new String[] {"local", "remote", "github"}[rng.nextInt(3)]);
        }
        if (rng.nextDouble() < 0.35) {
            b.set(SessionField.PR_BRANCH, "pr/" + name).set(SessionField.PR_APPROVED, rng.nextBoolean());
            Map<String, JsonValue> state = new LinkedHashMap<>();
            state.put("branchName", JsonValue.of("pr/" + name));
            state.put("exists", JsonValue.TRUE);
            state.put("lastChecked", JsonValue.of(iso(created.plus(Duration.ofDays(1)), rng)));
            if (rng.nextDouble() < 0.4) {
                state.put("mergedAt", JsonValue.of(iso(created.plus(Duration.ofDays(3)), rng)));
            }
            b.set(SessionField.PR_STATE, new JsonValue.JsonObject(state));
        }
        if (rng.nextDouble() < 0.2) {
            int num = 1 + rng.nextInt(5000);
            Map<String, JsonValue> pr = new LinkedHashMap<>();
            pr.put("number", JsonValue.of(num));
            pr.put("url", JsonValue.of("https://github.com/edobry/minsky/pull/" + num));
            pr.put("state", JsonValue.of(new String[] {"open", "closed", "merged", "draft"}[rng.nextInt(4)]));
            pr.put("createdAt", JsonValue.of(iso(created.plus(Duration.ofHours(2)), rng)));
            pr.put("headBranch", JsonValue.of(name));
            pr.put("baseBranch", JsonValue.of("main"));
            pr.put("lastSynced", JsonValue.of(iso(created.plus(Duration.ofHours(3)), rng)));
            b.set(SessionField.PULL_REQUEST, new JsonValue.JsonObject(pr));
        }
        if (rng.nextDouble() < 0.1) {
            Map<String, JsonValue> gh = new LinkedHashMap<>();
            gh.put("owner", JsonValue.of("edobry"));
            gh.put("repo", JsonValue.of("minsky"));
            b.set("github", new JsonValue.JsonObject(gh));
        }
        if (rng.nextDouble() < 0.15) {
            b.set("status", JsonValue.of(new String[] {"CREATED", "ACTIVE", "PR_OPEN", "MERGED"}[rng.nextInt(4)]));
            b.set("commitCount", JsonValue.of(rng.nextInt(120)));
            b.set("lastCommitMessage", JsonValue.of("fix: handle \"quoted\" names"));
        }
        return b.build();
    }

    private static String iso(Instant t, Random rng) {
        String s = Instants.format(t);
        // hand-made entries have no milliseconds
        return rng.nextDouble() < 0.15 ? t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString() : s;
    }
}
