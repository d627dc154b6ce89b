package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.domain.SessionField;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schema migration 1.1: completes whatever {@code sessions} table there is, only by adding (DESIGN convention 5):
 * the columns Minsky has for its known fields but this table lacks (named in the table's own
 * style, typed as Minsky types them), our JSON column for fields without a column, and indexes on
 * the task id and repository columns. A Java migration because the SQLite column names differ per
 * file and SQLite has no {@code ADD COLUMN IF NOT EXISTS}. ebean-migration finds Java migrations by
 * scanning the migration path's package, so the entry points are {@code dbmigration.sqlite.V1_1__…}
 * and {@code dbmigration.postgres.V1_1__…}, which call this.
 */
public final class SchemaCompletion {
    /** PostgreSQL types Minsky uses for each known field's column. */
    private static final Map<String, String> POSTGRES_TYPES = Map.ofEntries(
            Map.entry(SessionField.TASK_ID, "varchar(100)"), Map.entry(SessionField.BRANCH, "varchar(255)"),
            Map.entry(SessionField.REPO_PATH, "varchar(1000)"), Map.entry(SessionField.PR_BRANCH, "varchar(255)"),
            Map.entry(SessionField.PR_APPROVED, "varchar(10)"), Map.entry(SessionField.PR_STATE, "text"),
            Map.entry(SessionField.BACKEND_TYPE, "varchar(50)"), Map.entry(SessionField.PULL_REQUEST, "text"));

    private SchemaCompletion() {
    }

    public static void completeSessionsTable(Connection c) {
        try {
            SqlPlatform platform = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                    ? SqlPlatform.POSTGRES : SqlPlatform.SQLITE;
            TableLayout layout = TableLayout.inspect(c, platform)
                    .orElseThrow(() -> new SQLException("the sessions table is missing after migration 1.0"));
            List<String> ddl = new ArrayList<>();
            for (ColumnInfo col : missingColumns(layout, platform)) {
                ddl.add("ALTER TABLE sessions ADD COLUMN " + col.quoted() + " " + col.type());
            }
            String taskColumn = layout.columnFor(SessionField.TASK_ID) != null
                    ? layout.columnFor(SessionField.TASK_ID).name() : columnName(layout, platform, SessionField.TASK_ID);
            ddl.add("CREATE INDEX IF NOT EXISTS ix_sessions_task_id ON sessions (" + SqlPlatform.quote(taskColumn) + ")");
            ddl.add("CREATE INDEX IF NOT EXISTS ix_sessions_repo_name ON sessions ("
                    + layout.columnFor(SessionField.REPO_NAME).quoted() + ")");
            try (Statement st = c.createStatement()) {
                for (String sql : ddl) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration 1.1 failed: " + e.getMessage(), e);
        }
    }

    /**
     * The columns this migration adds to {@code layout} (each with the DDL type it is added with):
     * those Minsky has for its known fields but the table lacks, named in the table's own style,
     * and our JSON column. Also how a read-only store foresees the table a write would meet.
     */
    static List<ColumnInfo> missingColumns(TableLayout layout, SqlPlatform platform) {
        List<ColumnInfo> add = new ArrayList<>();
        for (String field : new java.util.TreeSet<>(POSTGRES_TYPES.keySet())) {
            if (layout.columnFor(field) == null) {
                String name = columnName(layout, platform, field);
                add.add(platform == SqlPlatform.POSTGRES ? ColumnInfo.postgresDdl(name, POSTGRES_TYPES.get(field))
                        : ColumnInfo.sqlite(name, "TEXT", false));
            }
        }
        if (!layout.hasExtraColumn()) {
            add.add(platform == SqlPlatform.POSTGRES ? ColumnInfo.postgresDdl(TableLayout.EXTRA_COLUMN, "text")
                    : ColumnInfo.sqlite(TableLayout.EXTRA_COLUMN, "TEXT", false));
        }
        return add;
    }

    private static String columnName(TableLayout layout, SqlPlatform platform, String field) {
        boolean snake = platform == SqlPlatform.POSTGRES || layout.columnFor(SessionField.REPO_NAME).name().contains("_");
        return snake ? TableLayout.snakeCase(field) : field;
    }
}
