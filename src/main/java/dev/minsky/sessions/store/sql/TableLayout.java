package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.domain.Instants;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.json.JsonValueParser;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code sessions} table as it really is (DESIGN convention 4): its columns, read from the
 * database, and which record field each one holds. Minsky named columns camelCase in SQLite,
 * snake_case in PostgreSQL, and a 2026 SQLite file mixes both, so the mapping is per column.
 * Columns we do not model (Minsky's newer {@code status}, {@code short_id}, …) become fields named
 * after them and are kept intact. Fields without a column, and values a column cannot hold exactly,
 * go to our JSON column {@value #EXTRA_COLUMN}, so that a record always reads back as it was written.
 */
final class TableLayout {
    static final String TABLE = "sessions";
    static final String EXTRA_COLUMN = "extra_fields";
    private static final Set<String> JSON_TEXT_FIELDS = Set.of(SessionField.PR_STATE, SessionField.PULL_REQUEST);
    private static final Pattern INTEGER_LITERAL = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Object NOT_FIT = new Object();

    private final SqlPlatform platform;
    private final List<ColumnInfo> columns;
    private final List<String> fieldOfColumn; // null for the extra column
    private final Map<String, Integer> columnOfField;
    private final int extraIndex;
    /** The column of the record's name (session), or -1. */
    private final int nameIndex;
    // A record's fields in their order: SessionField.KNOWN, then the other columns' fields in table order;
    // with each field's column, or -1 for a known field without one (the JSON column may have it)
    private final String[] placedFields;
    private final int[] placedColumns;
    /**
     * SQLite with UTF-8 text (the default encoding, and Minsky's): text read as the stored bytes and decoded
     * here. The driver's own text read goes through a native buffer and copies each value twice; 1.3 million
     * values a 100,000-record verification reads cost 0.1 s more that way (docs/benchmarks.md, "The parsed
     * form"). The bytes are the text SQLite returns, decoded by the same UTF-8 decoder, so the values are the
     * same. A UTF-16 database returns UTF-16 bytes, so it keeps the driver's text read.
     */
    private final boolean utf8Bytes;
    /**
     * SQLite with UTF-8 text and text columns only (the tables Minsky and we make): each row is selected as one
     * value, its columns' bytes each prefixed with their length and ':', or ':' alone for NULL
     * ({@link #selectList()}), and cut apart here ({@link #unpack}). One read of the row instead of one per
     * column: the driver's reads are a native call each behind a lock, and 13 of them per row were most of
     * reading 100,000 rows (0.40-0.50 s against 0.24-0.31 s in one piece). The bytes are the ones each
     * column's own read returns: SQLite renders a number stored in a text column, or a blob's bytes, the same
     * way for both; lengths count bytes. The row is made by one {@code concat()} with an {@code octet_length}
     * per column: a chain of {@code ||} with a {@code CASE} and a {@code CAST} per column cost SQLite
     * 280-300 ms per 100,000 rows against 170 ms, the scan itself 70 ms.
     */
    private final boolean packed;

    private TableLayout(SqlPlatform platform, List<ColumnInfo> columns) {
        this(platform, columns, false);
    }

    private TableLayout(SqlPlatform platform, List<ColumnInfo> columns, boolean utf8Bytes) {
        this.platform = platform;
        this.utf8Bytes = utf8Bytes;
        this.columns = List.copyOf(columns);
        this.packed = utf8Bytes && columns.stream().allMatch(c -> c.kind() == ColumnInfo.Kind.TEXT);
        List<String> fields = new ArrayList<>();
        Map<String, Integer> byField = new HashMap<>();
        int extra = -1;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (name.equals(EXTRA_COLUMN)) {
                extra = i;
                fields.add(null);
                continue;
            }
            String field = fieldForColumn(name);
            if (byField.containsKey(field)) {
                field = name; // both repoName and repo_name: the second keeps its own name
            }
            byField.put(field, i);
            fields.add(field);
        }
        this.fieldOfColumn = Collections.unmodifiableList(fields);
        this.columnOfField = Map.copyOf(byField);
        this.extraIndex = extra;
        this.nameIndex = byField.getOrDefault(SessionField.SESSION, -1);
        List<String> placed = new ArrayList<>(SessionField.KNOWN);
        fields.stream().filter(f -> f != null && !SessionField.isKnown(f)).forEach(placed::add);
        this.placedFields = placed.toArray(String[]::new);
        this.placedColumns = placed.stream().mapToInt(f -> byField.getOrDefault(f, -1)).toArray();
    }

    /** Reads the table's columns; empty when there is no {@code sessions} table. */
    static java.util.Optional<TableLayout> inspect(Connection c, SqlPlatform platform) throws SQLException {
        List<ColumnInfo> cols = new ArrayList<>();
        boolean utf8 = false;
        if (platform == SqlPlatform.SQLITE) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + TABLE + ")")) {
                while (rs.next()) {
                    cols.add(ColumnInfo.sqlite(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0));
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA encoding")) {
                utf8 = rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, is_nullable, "
                    + "character_maximum_length FROM information_schema.columns WHERE table_schema = current_schema() "
                    + "AND table_name = ? ORDER BY ordinal_position")) {
                ps.setString(1, TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cols.add(ColumnInfo.postgres(rs.getString(1), rs.getString(2), "NO".equals(rs.getString(3)),
                                (Integer) rs.getObject(4)));
                    }
                }
            }
        }
        return cols.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new TableLayout(platform, cols, utf8));
    }

    /**
     * The table a write would meet once our schema migrations have run: {@code existing} completed
     * by migration 1.1, or, without a table, the one migration 1.0 creates completed likewise
     * ({@code dbmigration/<platform>/1.0__sessions_table.sql}; a test keeps the two in step). A
     * read-only store answers {@link dev.minsky.sessions.store.SessionStore#writeProblems} with it.
     */
    static TableLayout asMigrated(SqlPlatform platform, java.util.Optional<TableLayout> existing) {
        TableLayout base = existing.orElseGet(() -> new TableLayout(platform, createdByMigration1_0(platform)));
        List<ColumnInfo> cols = new ArrayList<>(base.columns);
        cols.addAll(SchemaCompletion.missingColumns(base, platform));
        return new TableLayout(platform, cols);
    }

    private static List<ColumnInfo> createdByMigration1_0(SqlPlatform platform) {
        if (platform == SqlPlatform.SQLITE) {
            List<ColumnInfo> cols = new ArrayList<>();
            for (String name : List.of("session", "repoName", "repoUrl", "createdAt", "taskId", "branch", "repoPath",
                    "prBranch", "prApproved", "prState", "backendType", "pullRequest")) {
                cols.add(ColumnInfo.sqlite(name, "TEXT", name.equals("repoName") || name.equals("createdAt")));
            }
            return cols;
        }
        return List.of(ColumnInfo.postgres("session", "character varying", true, 255),
                ColumnInfo.postgres("repo_name", "character varying", true, 255),
                ColumnInfo.postgres("repo_url", "character varying", true, 1000),
                ColumnInfo.postgres("created_at", "timestamp with time zone", true, null),
                ColumnInfo.postgres("task_id", "character varying", false, 100),
                ColumnInfo.postgres("pr_branch", "character varying", false, 255),
                ColumnInfo.postgres("pr_approved", "character varying", false, 10),
                ColumnInfo.postgres("pr_state", "text", false, null),
                ColumnInfo.postgres("backend_type", "character varying", false, 50),
                ColumnInfo.postgres("pull_request", "text", false, null));
    }

    /** {@code repo_name} → {@code repoName}; camelCase names are already field names. */
    static String fieldForColumn(String column) {
        if (!column.contains("_")) {
            return column;
        }
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    List<ColumnInfo> columns() {
        return columns;
    }

    /** The column holding {@code field}, or null when the field lives in the JSON column. */
    ColumnInfo columnFor(String field) {
        Integer i = columnOfField.get(field);
        return i == null ? null : columns.get(i);
    }

    /** The field held by the column named {@code column} ({@value #EXTRA_COLUMN} for the JSON column); null if there is none. */
    String fieldOfColumnNamed(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i == extraIndex ? EXTRA_COLUMN : fieldOfColumn.get(i);
            }
        }
        return null;
    }

    boolean hasExtraColumn() {
        return extraIndex >= 0;
    }

    /** What a read selects: the columns, or for a {@link #packed} layout the row as one value. */
    String selectList() {
        if (packed) {
            // concat() skips NULLs: a NULL column leaves its ':' alone, an empty text "0:"
            return columns.stream().map(ColumnInfo::quoted).map(q -> "octet_length(" + q + "), ':', " + q)
                    .collect(Collectors.joining(", ", "concat(", ")"));
        }
        return columns.stream().map(ColumnInfo::quoted).collect(Collectors.joining(", "));
    }

    // ---- record -> row ------------------------------------------------------------------------

    /** A record as column values (in column order) ready to bind. */
    Object[] encode(SessionRecord record) {
        Object[] values = new Object[columns.size()];
        JsonValue.JsonObject fields = record.fields();
        LinkedHashMap<String, JsonValue> extra = null;
        for (int k = 0; k < fields.size(); k++) {
            String field = fields.keyAt(k);
            JsonValue value = fields.valueAt(k);
            Integer i = columnOfField.get(field);
            Object encoded = i == null || value instanceof JsonValue.JsonNull ? NOT_FIT
                    : encodeValue(field, columns.get(i), value);
            boolean toExtra = encoded == NOT_FIT;
            if (!toExtra) {
                values[i] = encoded;
                // the text as written; timestamptz keeps only the instant
                toExtra = encoded instanceof OffsetDateTime t
                        && !formatInstant(t.toInstant()).equals(((JsonValue.JsonString) value).value());
            }
            if (toExtra) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(field, value);
            }
        }
        if (extraIndex >= 0) {
            values[extraIndex] = extra == null ? null : JsonValue.JsonObject.adopt(extra).toJson();
        }
        return values;
    }

    /** Fields this table cannot hold for {@code record}, given its {@link #encode encoded} values; empty when it can be written. */
    List<ValidationProblem> problems(SessionRecord record, Object[] values) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo col = columns.get(i);
            String field = fieldOfColumn.get(i);
            Object v = values[i];
            if (v == null && col.notNull() && field != null) {
                problems.add(problem(field, record, "is required by column " + col.name() + " of this table (NOT NULL)"));
            } else if (v instanceof String s) {
                if (col.maxLength() > 0 && s.codePointCount(0, s.length()) > col.maxLength()) {
                    problems.add(problem(field == null ? EXTRA_COLUMN : field, record, "is longer than the "
                            + col.maxLength() + " characters column " + col.name() + " can hold"));
                }
                if (platform == SqlPlatform.POSTGRES && s.indexOf('\0') >= 0) {
                    problems.add(problem(field, record, "contains a NUL character, which PostgreSQL cannot store"));
                }
            }
        }
        if (extraIndex < 0) {
            for (String field : record.fields().members().keySet()) {
                Integer i = columnOfField.get(field);
                if (i == null || values[i] == null) {
                    problems.add(problem(field, record, "has no column in this table"));
                }
            }
        }
        return problems;
    }

    static ValidationProblem problem(String field, SessionRecord r, String reason) {
        JsonValue v = r.get(field);
        String shown = v == null ? null : v.toJson();
        if (shown != null && shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new ValidationProblem(field, shown, ValidationProblem.Severity.ERROR, reason);
    }

    private static Object encodeValue(String field, ColumnInfo col, JsonValue value) {
        switch (col.kind()) {
            case TEXT:
                if (JSON_TEXT_FIELDS.contains(field)) {
                    return value.toJson(); // Minsky keeps nested objects as JSON text
                }
                if (field.equals(SessionField.PR_APPROVED)) {
                    return value instanceof JsonValue.JsonBoolean b ? (b.value() ? "true" : "false") : NOT_FIT;
                }
                return value instanceof JsonValue.JsonString s ? s.value() : NOT_FIT;
            case TIMESTAMP:
                if (value instanceof JsonValue.JsonString s) {
                    return Instants.parse(s.value()).map(i -> (Object) OffsetDateTime.ofInstant(i, ZoneOffset.UTC))
                            .orElse(NOT_FIT);
                }
                return NOT_FIT;
            case INTEGER:
                return value instanceof JsonValue.JsonNumber n && INTEGER_LITERAL.matcher(n.literal()).matches()
                        ? (Object) Long.parseLong(n.literal()) : NOT_FIT;
            case BOOLEAN:
                return value instanceof JsonValue.JsonBoolean b ? (Object) b.value() : NOT_FIT;
            case UUID:
                if (value instanceof JsonValue.JsonString s) {
                    try {
                        UUID u = UUID.fromString(s.value());
                        return u.toString().equals(s.value()) ? u : NOT_FIT;
                    } catch (IllegalArgumentException e) {
                        return NOT_FIT;
                    }
                }
                return NOT_FIT;
            default:
                return NOT_FIT;
        }
    }

    /**
     * Binds an {@link #encode encoded} row's values of the columns this app writes (all but {@code OTHER} ones), in
     * column order, as the parameters of an insert of those columns ({@link SqlQueries#insert}).
     */
    void bindWritable(PreparedStatement ps, Object[] values) throws SQLException {
        int p = 1;
        for (int i = 0; i < values.length; i++) {
            if (columns.get(i).kind() != ColumnInfo.Kind.OTHER) {
                bind(ps, p++, values[i]);
            }
        }
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setObject(index, value);
        }
    }

    // ---- row -> record ------------------------------------------------------------------------

    /**
     * The current row of {@code rs} (selected with {@link #selectList()}) as the driver's values, one
     * per column, for {@link #decode(Object[])}: reading a row and making a record of it are apart,
     * so a batch of rows can be read on the connection's thread and made into records on every core.
     */
    Object[] read(ResultSet rs) throws SQLException {
        if (packed) {
            return unpack(rs.getBytes(1));
        }
        Object[] raw = new Object[columns.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = i == extraIndex ? text(rs, i + 1) : readValue(columns.get(i), rs, i + 1);
        }
        return raw;
    }

    /** A {@link #packed} row's column values: each column's text, or null. */
    private Object[] unpack(byte[] row) throws SQLException {
        Object[] raw = new Object[columns.size()];
        int p = 0;
        try {
            for (int i = 0; i < raw.length; i++) {
                if (row[p] == ':') { // no length: NULL
                    p++;
                    continue;
                }
                int length = 0;
                for (byte b = row[p++]; b != ':'; b = row[p++]) {
                    if (b < '0' || b > '9') {
                        throw new SQLException("unexpected byte " + b + " in a packed row of " + TABLE);
                    }
                    length = length * 10 + (b - '0');
                }
                raw[i] = new String(row, p, length, StandardCharsets.UTF_8);
                p += length;
            }
        } catch (RuntimeException e) { // null, or cut short: never the case for what SQLite computed
            throw new SQLException("a packed row of " + TABLE + " could not be read", e);
        }
        if (p != row.length) {
            throw new SQLException("a packed row of " + TABLE + " has " + (row.length - p) + " bytes too many");
        }
        return raw;
    }

    /** The name (session) in a row {@link #read} returned, or null. */
    String name(Object[] raw) {
        return nameIndex < 0 || !(raw[nameIndex] instanceof String s) ? null : s;
    }

    /**
     * The record of a row {@link #read} returned: known fields in Minsky's order, then other columns
     * in table order, then the JSON column's fields. A field's column wins over the JSON column when
     * both have it (Minsky may have set the column).
     */
    SessionRecord decode(Object[] raw) {
        JsonValue[] fromColumns = new JsonValue[columns.size()];
        JsonValue.JsonObject extra = null;
        for (int i = 0; i < fromColumns.length; i++) {
            if (i == extraIndex) {
                if (raw[i] instanceof String text && JsonValueParser.tryParse(text).orElse(null) instanceof JsonValue.JsonObject o) {
                    extra = o;
                }
            } else {
                fromColumns[i] = decodeValue(fieldOfColumn.get(i), columns.get(i), raw[i]);
            }
        }
        int capacity = placedFields.length + (extra == null ? 0 : extra.size());
        String[] keys = new String[capacity];
        JsonValue[] values = new JsonValue[capacity];
        int n = 0;
        for (int k = 0; k < placedFields.length; k++) {
            JsonValue v = value(placedFields[k], placedColumns[k], fromColumns, extra);
            if (v != null) {
                keys[n] = placedFields[k];
                values[n++] = v;
            }
        }
        if (extra != null) {
            // the JSON column's other fields, in its order (a field with a column, or known, is placed above)
            for (int j = 0; j < extra.size(); j++) {
                String field = extra.keyAt(j);
                if (!SessionField.isKnown(field) && !columnOfField.containsKey(field)) {
                    keys[n] = field;
                    values[n++] = extra.valueAt(j);
                }
            }
        }
        return SessionRecord.of(JsonValue.JsonObject.ofTrusted(keys, values, n));
    }

    /** A field's value: its column's, else the JSON column's (which also keeps a timestamp's original text). */
    private JsonValue value(String field, int column, JsonValue[] fromColumns, JsonValue.JsonObject extra) {
        JsonValue v = column < 0 ? null : fromColumns[column];
        JsonValue hint = extra == null ? null : extra.get(field);
        if (v == null) {
            return hint;
        }
        if (columns.get(column).kind() == ColumnInfo.Kind.TIMESTAMP && hint instanceof JsonValue.JsonString h
                && v instanceof JsonValue.JsonString c && Instants.parse(h.value()).equals(Instants.parse(c.value()))) {
            return hint; // the original text of the same instant (a different instant means Minsky changed it)
        }
        return v;
    }

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** How a timestamptz reads back: Minsky's millisecond form, or microseconds when it has them. */
    private static String formatInstant(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? Instants.format(instant) : MICROS.format(instant);
    }

    private String text(ResultSet rs, int index) throws SQLException {
        if (!utf8Bytes) {
            return rs.getString(index);
        }
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** One column's value as the driver gives it for its kind (null for SQL NULL). */
    private Object readValue(ColumnInfo col, ResultSet rs, int index) throws SQLException {
        switch (col.kind()) {
            case TIMESTAMP:
                return rs.getObject(index, OffsetDateTime.class);
            case INTEGER:
                return rs.getObject(index);
            case BOOLEAN: {
                boolean b = rs.getBoolean(index);
                return rs.wasNull() ? null : (Object) b;
            }
            default:
                return text(rs, index);
        }
    }

    private static JsonValue decodeValue(String field, ColumnInfo col, Object value) {
        if (value == null) {
            return null;
        }
        switch (col.kind()) {
            case TEXT: {
                String s = (String) value;
                if (JSON_TEXT_FIELDS.contains(field)) {
                    return JsonValueParser.tryParse(s).orElse(JsonValue.of(s));
                }
                if (field.equals(SessionField.PR_APPROVED) && (s.equals("true") || s.equals("false"))) {
                    return JsonValue.of(s.equals("true"));
                }
                return JsonValue.of(s);
            }
            case TIMESTAMP:
                return JsonValue.of(formatInstant(((OffsetDateTime) value).toInstant()));
            case INTEGER:
                return value instanceof Number n ? new JsonValue.JsonNumber(Long.toString(n.longValue()))
                        : JsonValue.of(value.toString());
            case BOOLEAN:
                return JsonValue.of((Boolean) value);
            default:
                return JsonValue.of((String) value);
        }
    }
}
