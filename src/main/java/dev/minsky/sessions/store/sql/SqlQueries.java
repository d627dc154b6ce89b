package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.TaskIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL for one table layout: {@link SessionQuery} translated so that it answers exactly what the
 * in-memory reference ({@link SessionQuery#matches}, {@link SessionQuery#comparator}) answers.
 */
final class SqlQueries {
    private final SqlPlatform platform;
    private final TableLayout layout;
    private final String sessionColumn;

    SqlQueries(SqlPlatform platform, TableLayout layout) {
        this.platform = platform;
        this.layout = layout;
        this.sessionColumn = layout.columnFor(SessionField.SESSION).quoted();
    }

    String byName(boolean forUpdate) {
        return "SELECT " + layout.selectList() + " FROM sessions WHERE " + sessionColumn + " = ?"
                + (forUpdate ? platform.forUpdate() : "");
    }

    /** The rows of {@code count} names at once (bound in order), for a batch lookup. */
    String byNames(int count) {
        return "SELECT " + layout.selectList() + " FROM sessions WHERE " + sessionColumn + " IN ("
                + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /** PostgreSQL: the rows of the names in one bound array, however many (one statement, one plan). */
    String byNameArray() {
        return "SELECT " + layout.selectList() + " FROM sessions WHERE " + sessionColumn + " = ANY (?)";
    }

    /** Statistics of the name column only: what the lookups by name need (PostgreSQL). */
    String analyzeNames() {
        return "ANALYZE sessions (" + sessionColumn + ")";
    }

    /** Keyset paging in the primary key's own order (index-backed on both platforms). */
    String page(boolean hasAfter, int size) {
        return "SELECT " + layout.selectList() + " FROM sessions" + (hasAfter ? " WHERE " + sessionColumn + " > ?" : "")
                + " ORDER BY " + sessionColumn + " LIMIT " + size;
    }

    String select(SessionQuery q, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(layout.selectList()).append(" FROM sessions");
        sql.append(where(q, params));
        String dir = q.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST";
        String key = switch (q.sort()) {
            case CREATED_AT -> instant();
            default -> {
                ColumnInfo col = layout.columnFor(q.sort().field());
                yield col == null ? "NULL" : platform.codePointOrder(col.quoted());
            }
        };
        sql.append(" ORDER BY ").append(key).append(dir);
        if (q.sort() != SessionQuery.SortField.SESSION) {
            sql.append(", ").append(platform.codePointOrder(sessionColumn)).append(q.descending() ? " DESC" : " ASC");
        }
        if (q.limit() > 0 || q.offset() > 0) {
            sql.append(" LIMIT ").append(q.limit() > 0 ? Integer.toString(q.limit()) : platform.noLimit());
            sql.append(" OFFSET ").append(q.offset());
        }
        return sql.toString();
    }

    String count(SessionQuery q, List<Object> params) {
        return "SELECT count(*) FROM sessions" + where(q, params);
    }

    /** INSERT of every writable column; with {@code upsert}, an existing row is replaced whole. */
    String insert(boolean upsert) {
        List<ColumnInfo> cols = writable();
        String names = cols.stream().map(ColumnInfo::quoted).collect(Collectors.joining(", "));
        String marks = cols.stream().map(c -> "?").collect(Collectors.joining(", "));
        String sql = "INSERT INTO sessions (" + names + ") VALUES (" + marks + ")";
        return upsert ? sql + onConflictUpdate() : sql;
    }

    /** What makes an INSERT of every writable column replace a stored row of the name whole. */
    String onConflictUpdate() {
        return " ON CONFLICT (" + sessionColumn + ") DO UPDATE SET " + writable().stream()
                .filter(c -> !c.quoted().equals(sessionColumn))
                .map(c -> c.quoted() + " = excluded." + c.quoted()).collect(Collectors.joining(", "));
    }

    String update(List<Integer> columnIndexes) {
        return "UPDATE sessions SET " + columnIndexes.stream().map(i -> layout.columns().get(i).quoted() + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + sessionColumn + " = ?";
    }

    private List<ColumnInfo> writable() {
        return layout.columns().stream().filter(c -> c.kind() != ColumnInfo.Kind.OTHER).toList();
    }

    private String instant() {
        ColumnInfo col = layout.columnFor(SessionField.CREATED_AT);
        return platform.instantExpression(col.quoted(), col.kind());
    }

    private Object instantParam(Instant i) {
        ColumnInfo col = layout.columnFor(SessionField.CREATED_AT);
        return col.kind() == ColumnInfo.Kind.TIMESTAMP ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : i.toEpochMilli();
    }

    private String where(SessionQuery q, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        q.taskId().ifPresent(t -> {
            // Stored ids s with normalize(s) = normalize(t): the id itself and '#' + id; an id that still
            // starts with '#' after normalizing ('##1') can only be matched by '#' + id.
            String id = TaskIds.normalize(t);
            conditions.add(column(SessionField.TASK_ID) + " IN (?, ?)");
            params.add(id.startsWith("#") ? "#" + id : id);
            params.add("#" + id);
        });
        q.repoName().ifPresent(r -> {
            conditions.add(column(SessionField.REPO_NAME) + " = ?");
            params.add(r);
        });
        q.branch().ifPresent(b -> {
            conditions.add(column(SessionField.BRANCH) + " = ?");
            params.add(b);
        });
        q.createdFrom().ifPresent(f -> {
            conditions.add(instant() + " >= ?");
            params.add(instantParam(f));
        });
        q.createdTo().ifPresent(t -> {
            conditions.add(instant() + " < ?");
            params.add(instantParam(t));
        });
        q.text().ifPresent(text -> {
            String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            List<String> any = new ArrayList<>();
            for (String field : SessionField.QUICK_FILTER) {
                ColumnInfo col = layout.columnFor(field);
                if (col != null && col.kind() == ColumnInfo.Kind.TEXT) {
                    any.add("lower(" + col.quoted() + ") LIKE ? ESCAPE '\\'");
                    params.add(pattern);
                }
            }
            conditions.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")");
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private String column(String field) {
        ColumnInfo col = layout.columnFor(field);
        return col == null ? "NULL" : col.quoted();
    }

    /** {@code %}, {@code _} and the escape character itself match literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
