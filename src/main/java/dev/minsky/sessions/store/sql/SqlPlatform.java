package dev.minsky.sessions.store.sql;

/** What differs between the two SQL backends, kept in one place. */
enum SqlPlatform {
    SQLITE("sqlite"), POSTGRES("postgres");

    private final String migrationFolder;

    SqlPlatform(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Classpath folder of this platform's SQL migrations. */
    String migrationPath() {
        return "dbmigration/" + migrationFolder;
    }

    /**
     * An expression giving {@code column}'s instant for range filters and sorting. SQLite keeps
     * Minsky's ISO text, in several formats (with or without milliseconds), so it is compared as
     * epoch milliseconds; text that is not a date gives NULL and matches no range.
     */
    String instantExpression(String quotedColumn, ColumnInfo.Kind kind) {
        if (kind == ColumnInfo.Kind.TIMESTAMP) {
            return quotedColumn;
        }
        return this == SQLITE
                ? "CAST(ROUND((julianday(" + quotedColumn + ") - 2440587.5) * 86400000.0) AS INTEGER)"
                : "NULL";
    }

    /** Text order by code point, the order the other stores and Java use (PostgreSQL's default collation is not). */
    String codePointOrder(String quotedColumn) {
        return this == POSTGRES ? quotedColumn + " COLLATE \"C\"" : quotedColumn;
    }

    String noLimit() {
        return this == SQLITE ? "-1" : "ALL";
    }

    /** Locks the row read for a read-modify-write (SQLite's transactions lock the file when they begin). */
    String forUpdate() {
        return this == POSTGRES ? " FOR UPDATE" : "";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
