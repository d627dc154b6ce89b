package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.DuplicateSessionException;
import dev.minsky.sessions.store.InvalidSessionException;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionNotFoundException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import io.ebean.Database;
import io.ebean.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sessions in a SQL table (SQLite or PostgreSQL) through an Ebean {@link Database} of its own
 * (DESIGN convention 3). Ebean provides the pool, transactions and schema migrations; rows are
 * read and written with JDBC inside Ebean transactions because the columns differ per database
 * ({@link TableLayout}) and Minsky's values must be kept exactly as they are.
 */
final class SqlSessionStore implements SessionStore {
    private static final int STREAM_PAGE = 1000;

    private final Database db;
    private final SqlPlatform platform;
    private final StoreLocation location;
    private final String secret;
    private final TableLayout layout;
    private final SqlQueries queries;

    SqlSessionStore(Database db, SqlPlatform platform, StoreLocation location, String secret, TableLayout layout) {
        this.db = db;
        this.platform = platform;
        this.location = location;
        this.secret = secret;
        this.layout = layout;
        this.queries = new SqlQueries(platform, layout);
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public List<SessionRecord> list(SessionQuery query) {
        return read(c -> {
            List<Object> params = new ArrayList<>();
            String sql = queries.select(query, params);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, params);
                return readAll(ps);
            }
        });
    }

    @Override
    public long count(SessionQuery query) {
        return read(c -> {
            List<Object> params = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(queries.count(query, params))) {
                bindAll(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<SessionRecord> get(String session) {
        return read(c -> find(c, session, false));
    }

    @Override
    public SessionRecord create(SessionRecord record) {
        Object[] row = writableRow(record);
        return write(c -> {
            if (find(c, record.session(), true).isPresent()) {
                throw new DuplicateSessionException(record.session(), location.display());
            }
            try (PreparedStatement ps = c.prepareStatement(queries.insert(false))) {
                bindRow(ps, row);
                ps.executeUpdate();
            }
            return record;
        });
    }

    @Override
    public SessionRecord update(SessionPatch patch, SessionRecord expected) {
        return write(c -> {
            SessionRecord stored = find(c, patch.session(), true)
                    .orElseThrow(() -> new SessionNotFoundException(patch.session(), location.display()));
            checkUnchanged(stored, expected);
            SessionRecord updated = stored.apply(patch);
            Object[] after = writableRow(updated);
            Object[] before = layout.encode(stored);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < before.length; i++) {
                if (layout.columns().get(i).kind() != ColumnInfo.Kind.OTHER && !java.util.Objects.equals(before[i], after[i])) {
                    changed.add(i);
                }
            }
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(queries.update(changed))) {
                    int p = 1;
                    for (int i : changed) {
                        TableLayout.bind(ps, p++, after[i]);
                    }
                    ps.setString(p, patch.session());
                    ps.executeUpdate();
                }
            }
            return updated;
        });
    }

    @Override
    public void delete(String session, SessionRecord expected) {
        write(c -> {
            SessionRecord stored = find(c, session, true)
                    .orElseThrow(() -> new SessionNotFoundException(session, location.display()));
            checkUnchanged(stored, expected);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE "
                    + layout.columnFor(SessionField.SESSION).quoted() + " = ?")) {
                ps.setString(1, session);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** By session name, a page at a time, so memory stays bounded and no connection is held between pages. */
    @Override
    public Stream<SessionRecord> streamAll() {
        Iterator<SessionRecord> it = new Iterator<>() {
            private List<SessionRecord> page = List.of();
            private int index;
            private String after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                String from = after;
                page = read(c -> {
                    try (PreparedStatement ps = c.prepareStatement(queries.page(from != null, STREAM_PAGE))) {
                        if (from != null) {
                            ps.setString(1, from);
                        }
                        return readAll(ps);
                    }
                });
                index = 0;
                exhausted = page.size() < STREAM_PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).session();
                }
                return !page.isEmpty();
            }

            @Override
            public SessionRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void writeBatch(List<SessionRecord> records) {
        List<Object[]> rows = records.stream().map(this::writableRow).toList();
        if (rows.isEmpty()) {
            return;
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(queries.insert(true))) {
                for (Object[] row : rows) {
                    bindRow(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public java.nio.file.Path backup(java.nio.file.Path directory) {
        throw new StoreException("backup: not implemented yet"); // TODO(store-ops)
    }

    @Override
    public void replaceAll(Stream<SessionRecord> records) {
        throw new StoreException("replaceAll: not implemented yet"); // TODO(store-ops)
    }

    @Override
    public void close() {
        db.shutdown(true, false);
    }

    @Override
    public String toString() {
        return "SqlSessionStore[" + location.display() + "]";
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Optional<SessionRecord> find(Connection c, String session, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(queries.byName(forUpdate))) {
            ps.setString(1, session);
            List<SessionRecord> found = readAll(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private List<SessionRecord> readAll(PreparedStatement ps) throws SQLException {
        List<SessionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(layout.decode(rs));
            }
        }
        return out;
    }

    private void bindRow(PreparedStatement ps, Object[] values) throws SQLException {
        int p = 1;
        for (int i = 0; i < values.length; i++) {
            if (layout.columns().get(i).kind() != ColumnInfo.Kind.OTHER) {
                TableLayout.bind(ps, p++, values[i]);
            }
        }
    }

    private static void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            TableLayout.bind(ps, i + 1, params.get(i));
        }
    }

    private void checkUnchanged(SessionRecord stored, SessionRecord expected) {
        if (expected != null && !stored.equals(expected)) {
            throw new SessionConflictException(stored.session(), "session '" + stored.session() + "' was changed in "
                    + location.display() + " since it was read (by Minsky or another program); reload it and apply "
                    + "the change again");
        }
    }

    /**
     * The record as this table's column values, after checking for validation errors and anything
     * the table cannot hold exactly (all of them, before anything is written).
     */
    private Object[] writableRow(SessionRecord record) {
        List<ValidationProblem> problems = new ArrayList<>(SessionValidator.errors(record));
        Object[] row = layout.encode(record);
        if (problems.isEmpty()) {
            problems.addAll(layout.problems(record, row));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSessionException(record.session(), problems);
        }
        return row;
    }

    /**
     * SQLite transactions start deferred: a read-then-write would fail with SQLITE_BUSY_SNAPSHOT if
     * another process wrote in between. A write statement that changes nothing takes the write lock
     * up front (waiting up to the busy timeout), so the read that follows sees the latest data.
     */
    private static void takeSqliteWriteLock(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE sessions SET rowid = rowid WHERE 0");
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return inTransaction(work, false);
    }

    private <T> T write(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean writing) {
        try (Transaction txn = db.beginTransaction()) {
            Connection c = txn.connection();
            if (writing && platform == SqlPlatform.SQLITE) {
                takeSqliteWriteLock(c);
            }
            T result = work.run(c);
            txn.commit();
            return result;
        } catch (StoreException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e, location, secret, writing);
        }
    }
}
