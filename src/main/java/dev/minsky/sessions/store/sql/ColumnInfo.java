package dev.minsky.sessions.store.sql;

import java.util.Locale;

/** One column of the {@code sessions} table as the database describes it. */
record ColumnInfo(String name, String type, Kind kind, boolean notNull, int maxLength) {

    /** How values are bound and read; OTHER columns are read as text and never written. */
    enum Kind { TEXT, TIMESTAMP, INTEGER, BOOLEAN, UUID, OTHER }

    static ColumnInfo sqlite(String name, String declaredType, boolean notNull) {
        String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        // SQLite's type affinity rules: INT anywhere means integer; everything else Minsky uses is text.
        Kind kind = t.contains("INT") ? Kind.INTEGER : Kind.TEXT;
        return new ColumnInfo(name, declaredType, kind, notNull, 0);
    }

    static ColumnInfo postgres(String name, String dataType, boolean notNull, Integer maxLength) {
        String t = dataType.toLowerCase(Locale.ROOT);
        Kind kind = switch (t) {
            case "text", "character varying", "character" -> Kind.TEXT;
            case "timestamp with time zone" -> Kind.TIMESTAMP;
            case "integer", "bigint", "smallint" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            case "uuid" -> Kind.UUID;
            default -> Kind.OTHER;
        };
        return new ColumnInfo(name, dataType, kind, notNull, maxLength == null ? 0 : maxLength);
    }

    /**
     * A PostgreSQL column as declared in DDL ({@code varchar(100)}, {@code text}): {@link #type()}
     * keeps the DDL text, everything else is what {@code information_schema} will say of it.
     */
    static ColumnInfo postgresDdl(String name, String ddlType) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("varchar\\((\\d+)\\)").matcher(ddlType);
        ColumnInfo col = m.matches() ? postgres(name, "character varying", false, Integer.valueOf(m.group(1)))
                : postgres(name, ddlType, false, null);
        return new ColumnInfo(name, ddlType, col.kind(), false, col.maxLength());
    }

    String quoted() {
        return SqlPlatform.quote(name);
    }
}
