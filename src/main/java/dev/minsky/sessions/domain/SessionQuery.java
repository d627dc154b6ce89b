package dev.minsky.sessions.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to list: an optional quick text filter, exact filters, a created-date range, a sort and a
 * page. Every store answers it; {@link #matches} and {@link #comparator} are the reference
 * semantics (the in-memory stores use them, the SQL stores translate them).
 *
 * <ul>
 *   <li>{@code text}: case-insensitive literal substring over the {@link SessionField#QUICK_FILTER}
 *       fields ({@code %} and {@code _} are plain characters).</li>
 *   <li>{@code taskId}: exact, ignoring one leading {@code #} on either side.</li>
 *   <li>{@code repoName}, {@code branch}: exact.</li>
 *   <li>{@code createdFrom} inclusive, {@code createdTo} exclusive; records whose createdAt is not
 *       an instant never match a range.</li>
 * </ul>
 */
public final class SessionQuery {
    public enum SortField {
        SESSION(SessionField.SESSION), TASK_ID(SessionField.TASK_ID), REPO_NAME(SessionField.REPO_NAME),
        BRANCH(SessionField.BRANCH), CREATED_AT(SessionField.CREATED_AT), BACKEND_TYPE(SessionField.BACKEND_TYPE),
        PR_BRANCH(SessionField.PR_BRANCH);

        private final String field;

        SortField(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final SessionQuery ALL = builder().build();

    private final String text;
    private final String taskId;
    private final String repoName;
    private final String branch;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final SortField sort;
    private final boolean descending;
    private final int offset;
    private final int limit;

    private SessionQuery(Builder b) {
        this.text = b.text == null || b.text.isEmpty() ? null : b.text;
        this.taskId = b.taskId;
        this.repoName = b.repoName;
        this.branch = b.branch;
        this.createdFrom = b.createdFrom;
        this.createdTo = b.createdTo;
        this.sort = b.sort;
        this.descending = b.descending;
        this.offset = b.offset;
        this.limit = b.limit;
    }

    /** Every session, sorted by name. */
    public static SessionQuery all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.taskId = taskId;
        b.repoName = repoName;
        b.branch = branch;
        b.createdFrom = createdFrom;
        b.createdTo = createdTo;
        b.sort = sort;
        b.descending = descending;
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<String> taskId() {
        return Optional.ofNullable(taskId);
    }

    public Optional<String> repoName() {
        return Optional.ofNullable(repoName);
    }

    public Optional<String> branch() {
        return Optional.ofNullable(branch);
    }

    public Optional<Instant> createdFrom() {
        return Optional.ofNullable(createdFrom);
    }

    public Optional<Instant> createdTo() {
        return Optional.ofNullable(createdTo);
    }

    public SortField sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    public int offset() {
        return offset;
    }

    /** At most this many records; 0 means no limit. */
    public int limit() {
        return limit;
    }

    /** Whether this query has any filter, rather than selecting every session (sort and page aside). */
    public boolean filters() {
        return text != null || taskId != null || repoName != null || branch != null
                || createdFrom != null || createdTo != null;
    }

    /** Whether {@code r} passes every filter of this query (sort and page aside). */
    public boolean matches(SessionRecord r) {
        if (taskId != null && !TaskIds.sameTask(taskId, r.taskId())) {
            return false;
        }
        if (repoName != null && !repoName.equals(r.repoName())) {
            return false;
        }
        if (branch != null && !branch.equals(r.branch())) {
            return false;
        }
        if (createdFrom != null || createdTo != null) {
            Optional<Instant> created = r.createdInstant();
            if (created.isEmpty()
                    || (createdFrom != null && created.get().isBefore(createdFrom))
                    || (createdTo != null && !created.get().isBefore(createdTo))) {
                return false;
            }
        }
        if (text != null) {
            String needle = text.toLowerCase(Locale.ROOT);
            for (String field : SessionField.QUICK_FILTER) {
                String value = r.text(field);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /**
     * The order of this query: by the sort field (missing values first, createdAt by instant,
     * unparseable dates first), then by session name so the order is total and stable.
     */
    public Comparator<SessionRecord> comparator() {
        Comparator<SessionRecord> primary;
        if (sort == SortField.CREATED_AT) {
            primary = Comparator.comparing((SessionRecord r) -> r.createdInstant().orElse(null),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        } else if (sort == SortField.SESSION) {
            primary = Comparator.comparing(SessionRecord::session);
        } else {
            primary = Comparator.comparing((SessionRecord r) -> r.text(sort.field()),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        Comparator<SessionRecord> total = sort == SortField.SESSION ? primary
                : primary.thenComparing(SessionRecord::session);
        return descending ? total.reversed() : total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionQuery q && Objects.equals(text, q.text) && Objects.equals(taskId, q.taskId)
                && Objects.equals(repoName, q.repoName) && Objects.equals(branch, q.branch)
                && Objects.equals(createdFrom, q.createdFrom) && Objects.equals(createdTo, q.createdTo)
                && sort == q.sort && descending == q.descending && offset == q.offset && limit == q.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, taskId, repoName, branch, createdFrom, createdTo, sort, descending, offset, limit);
    }

    public static final class Builder {
        private String text;
        private String taskId;
        private String repoName;
        private String branch;
        private Instant createdFrom;
        private Instant createdTo;
        private SortField sort = SortField.SESSION;
        private boolean descending;
        private int offset;
        private int limit;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder taskId(String taskId) {
            this.taskId = taskId;
            return this;
        }

        public Builder repoName(String repoName) {
            this.repoName = repoName;
            return this;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder createdFrom(Instant from) {
            this.createdFrom = from;
            return this;
        }

        public Builder createdTo(Instant to) {
            this.createdTo = to;
            return this;
        }

        public Builder sort(SortField sort, boolean descending) {
            this.sort = Objects.requireNonNull(sort);
            this.descending = descending;
            return this;
        }

        public Builder page(int offset, int limit) {
            if (offset < 0 || limit < 0) {
                throw new IllegalArgumentException("offset and limit must not be negative");
            }
            this.offset = offset;
            this.limit = limit;
            return this;
        }

        public SessionQuery build() {
            return new SessionQuery(this);
        }
    }
}
