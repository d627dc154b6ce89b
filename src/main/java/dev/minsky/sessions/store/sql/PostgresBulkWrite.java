package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.InvalidSessionException;
import dev.minsky.sessions.store.Secrets;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Writes whole records into PostgreSQL's {@code sessions} with {@code COPY ... FROM STDIN} inside
 * the caller's transaction, with the meaning of {@code INSERT ... ON CONFLICT (session) DO UPDATE}
 * of every writable column, row by row: a name given twice keeps its last record, a stored record
 * of the name is replaced (its columns we never write, such as Minsky's {@code OTHER} ones, stay).
 *
 * <p>A batch is first copied straight into {@code sessions} under a savepoint: in a migration the
 * names are new, and that is the fastest way in. If a name is already there (a unique violation),
 * the savepoint is rolled back and the batch is copied into a temporary staging table (one per
 * connection, emptied at commit) and moved with one {@code INSERT ... SELECT ... ON CONFLICT DO
 * UPDATE}. A table that refuses {@code COPY} (row-level security) gets the batched {@code INSERT}s.
 *
 * <p>When the server refuses the batch, the error names the record and field: from the COPY
 * error's line and column when it has them, otherwise by writing the rows one at a time (in the
 * same, failed transaction: nothing is kept either way) until the refused one is found.
 */
final class PostgresBulkWrite {
    private static final String STAGING = "minsky_sessions_copy";
    /** The savepoint a batch is written under: rolled back to when the direct {@code COPY} is refused. */
    private static final String SAVEPOINT = "minsky_batch";
    /** {@code COPY minsky_sessions_copy, line 3, column repo_name: "…"} */
    private static final Pattern COPY_WHERE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");
    /** {@code Key (short_id)=(abc) already exists.} */
    private static final Pattern KEY_DETAIL = Pattern.compile("^Key \\(([^)]*)\\)=");

    private final TableLayout layout;
    private final SqlQueries queries;
    private final StoreLocation location;
    private final String secret;
    private final List<Integer> writable = new ArrayList<>();
    private final String columnList;

    PostgresBulkWrite(TableLayout layout, SqlQueries queries, StoreLocation location, String secret) {
        this.layout = layout;
        this.queries = queries;
        this.location = location;
        this.secret = secret;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layout.columns().size(); i++) {
            if (layout.columns().get(i).kind() != ColumnInfo.Kind.OTHER) {
                writable.add(i);
                names.add(layout.columns().get(i).quoted());
            }
        }
        this.columnList = String.join(", ", names);
    }

    /**
     * One row to write: the record (for error messages), its {@link TableLayout#encode encoded}
     * values, and its COPY {@link #line} when it was made beforehand (null: made when written).
     */
    record Row(SessionRecord record, Object[] values, byte[] line) {
        Row(SessionRecord record, Object[] values) {
            this(record, values, null);
        }
    }

    /** The COPY text line of a row {@link TableLayout#encode} made: its writable columns, in UTF-8. */
    byte[] line(Object[] values) {
        Object[] written = new Object[writable.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = values[writable.get(i)];
        }
        return CopyText.line(written);
    }

    /**
     * Writes {@code rows} in the transaction open on {@code c}; on a refusal throws (the caller's
     * transaction must then be rolled back, as it is when the exception leaves it).
     *
     * @throws InvalidSessionException naming the refused record and field, when the server says which
     * @throws SQLException            for anything else (connection lost, permissions)
     */
    void write(Connection c, List<Row> rows) throws SQLException {
        write(c, rows, true, true, true);
    }

    /**
     * {@link #write(Connection, List)} as the only write of the transaction open on {@code c}, which is
     * committed next: the batch's savepoint is left for the commit to release (a round trip less a batch), and
     * without {@code waitForLog} the commit does not wait for the server's write-ahead log to reach the disk
     * ({@code SET LOCAL synchronous_commit TO off}, sent with the savepoint in one round trip). Without
     * {@code replaceStored}, a name already stored is not replaced: the unique violation (SQLState 23505) is
     * thrown, with nothing of the batch kept.
     */
    void writeAlone(Connection c, List<Row> rows, boolean replaceStored, boolean waitForLog) throws SQLException {
        write(c, rows, replaceStored, waitForLog, false);
    }

    private void write(Connection c, List<Row> rows, boolean replaceStored, boolean waitForLog, boolean release)
            throws SQLException {
        List<Row> last = lastOfEachName(rows);
        if (last.isEmpty()) {
            return;
        }
        byte[] data = encode(last);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement st = c.createStatement()) {
            st.execute((waitForLog ? "" : "SET LOCAL synchronous_commit TO off; ") + "SAVEPOINT " + SAVEPOINT);
        }
        SQLException refused;
        try {
            copyIn(copy, "COPY sessions (" + columnList + ") FROM STDIN", data);
            release(c, release);
            return;
        } catch (SQLException e) {
            rollbackToSavepoint(c);
            refused = e;
        }
        String state = String.valueOf(refused.getSQLState());
        if (state.equals("23505")) { // a name already stored (or another unique column)
            if (!replaceStored) {
                throw refused; // the caller finds out which names are stored
            }
            try { // upsert through staging
                upsertThroughStaging(c, copy, data);
                release(c, release);
                return;
            } catch (SQLException e) {
                rollbackToSavepoint(c);
                refused = e;
            }
        } else if (state.equals("0A000")) { // COPY FROM is not supported here (row-level security)
            insertBatch(c, last, replaceStored);
            release(c, release);
            return;
        }
        throw refusal(c, last, refused);
    }

    /** Releases the batch's savepoint when more may follow in the transaction (its nested levels would pile up). */
    private static void release(Connection c, boolean release) throws SQLException {
        if (release) {
            try (Statement st = c.createStatement()) {
                st.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            }
        }
    }

    private static void rollbackToSavepoint(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        }
    }

    /**
     * The rows with each name's last record only, in the order of those last records: {@code rows} itself when
     * no name is given twice (a migration's batches), found with one hash lookup a row.
     */
    static List<Row> lastOfEachName(List<Row> rows) {
        Map<String, Integer> last = new HashMap<>(rows.size() * 2);
        boolean repeated = false;
        for (int i = 0; i < rows.size(); i++) {
            repeated |= last.put(rows.get(i).record().session(), i) != null;
        }
        if (!repeated) {
            return rows;
        }
        List<Row> kept = new ArrayList<>(last.size());
        for (int i = 0; i < rows.size(); i++) {
            if (last.get(rows.get(i).record().session()) == i) {
                kept.add(rows.get(i));
            }
        }
        return kept;
    }

    /** The rows' COPY lines, joined (those not made beforehand are made here). */
    private byte[] encode(List<Row> rows) {
        byte[][] lines = new byte[rows.size()][];
        int size = 0;
        for (int i = 0; i < lines.length; i++) {
            Row r = rows.get(i);
            lines[i] = r.line() != null ? r.line() : line(r.values());
            size += lines[i].length;
        }
        byte[] data = new byte[size];
        int at = 0;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, data, at, l.length);
            at += l.length;
        }
        return data;
    }

    private static void copyIn(CopyManager copy, String sql, byte[] data) throws SQLException {
        try {
            copy.copyIn(sql, new ByteArrayInputStream(data), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("could not send the rows: " + e.getMessage(), "08006", e);
        }
    }

    /**
     * The staging table has the writable columns with their types (so COPY converts and checks each
     * value and names the line and column it refuses) and no constraints; {@code sessions}' own
     * constraints are checked when the rows move. Emptied by that move, and at every commit.
     */
    private void upsertThroughStaging(Connection c, CopyManager copy, byte[] data) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " ON COMMIT DELETE ROWS AS SELECT " + columnList
                    + " FROM sessions WITH NO DATA");
            copyIn(copy, "COPY " + STAGING + " (" + columnList + ") FROM STDIN", data);
            st.executeUpdate("WITH moved AS (DELETE FROM " + STAGING + " RETURNING " + columnList + ") INSERT INTO sessions ("
                    + columnList + ") SELECT " + columnList + " FROM moved" + queries.onConflictUpdate());
        }
    }

    private void insertBatch(Connection c, List<Row> rows, boolean replaceStored) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(queries.insert(replaceStored))) {
            for (Row r : rows) {
                layout.bindWritable(ps, r.values());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- naming what was refused -------------------------------------------------------------

    private StoreException refusal(Connection c, List<Row> rows, SQLException e) throws SQLException {
        ServerErrorMessage server = serverMessage(e);
        if (server == null) {
            throw e; // not the server refusing a value: the connection, the protocol
        }
        Matcher where = server.getWhere() == null ? null : COPY_WHERE.matcher(server.getWhere());
        if (where != null && where.find()) {
            int line = Integer.parseInt(where.group(1));
            if (line >= 1 && line <= rows.size()) {
                String column = where.group(2) != null ? where.group(2).trim() : columnOf(server);
                return refused(rows.get(line - 1).record(), column, server);
            }
        }
        return findRefusedRow(c, rows, e);
    }

    /**
     * Writes the rows one at a time until the server refuses one; that record, and the column the
     * server names, are reported. Runs in the caller's transaction, which is rolled back afterwards
     * whatever happens here, so nothing written here stays.
     */
    private StoreException findRefusedRow(Connection c, List<Row> rows, SQLException original) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(queries.insert(true))) {
            for (Row r : rows) {
                layout.bindWritable(ps, r.values());
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    ServerErrorMessage server = serverMessage(e);
                    if (server == null) {
                        throw e;
                    }
                    return refused(r.record(), columnOf(server), server);
                }
            }
        }
        ServerErrorMessage server = serverMessage(original);
        return new StoreException("cannot write to " + location.display() + ": the batch was refused as a whole: "
                + describe(server));
    }

    private StoreException refused(SessionRecord record, String column, ServerErrorMessage server) {
        String field = column == null ? null : layout.fieldOfColumnNamed(column);
        String reason = "refused by " + location.display() + (column == null ? "" : " (column " + column + ")") + ": "
                + describe(server);
        if (field == null) {
            return new StoreException("cannot write session '" + record.session() + "' to " + location.display() + ": "
                    + describe(server));
        }
        return new InvalidSessionException(record.session(), List.of(TableLayout.problem(field, record, reason)));
    }

    /** The one column a constraint error is about: the NOT NULL column, or the single column of a key. */
    private static String columnOf(ServerErrorMessage server) {
        if (server.getColumn() != null) {
            return server.getColumn();
        }
        if (server.getDetail() != null) {
            Matcher key = KEY_DETAIL.matcher(server.getDetail());
            if (key.find() && !key.group(1).contains(",")) {
                return key.group(1).trim().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    private String describe(ServerErrorMessage server) {
        String text = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        return Secrets.scrub(Secrets.maskUrl(text.replaceAll("\\s+", " ").trim()), secret);
    }

    private static ServerErrorMessage serverMessage(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
        }
        return null;
    }
}
