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
import dev.minsky.sessions.store.BackupFiles;
import dev.minsky.sessions.store.CheckedRecord;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.ReadOnlyStoreException;
import dev.minsky.sessions.store.json.JsonArrayWriter;
import io.ebean.Database;
import io.ebean.Transaction;
import io.ebean.annotation.TxIsolation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sqlite.SQLiteConfig;

/**
 * Sessions in a SQL table (SQLite or PostgreSQL) through an Ebean {@link Database} of its own
 * (DESIGN convention 3). Ebean provides the pool, transactions and schema migrations; rows are
 * read and written with JDBC inside Ebean transactions because the columns differ per database
 * ({@link TableLayout}) and Minsky's values must be kept exactly as they are.
 *
 * <p>A store opened read-only ({@link SqlStores#openSqliteReadOnly}, {@link SqlStores#openPostgresReadOnly})
 * may have no table (or, for SQLite, no file) yet: it then reads as empty, and answers
 * {@link #writeProblems} for the table our migrations would create. Its writes throw
 * {@link ReadOnlyStoreException} before touching anything.
 */
final class SqlSessionStore implements SessionStore {
    private static final int STREAM_PAGE = 1000;
    /** Fewer rows than this are made into records on the reading thread alone (a window's page of 100). */
    private static final int PARALLEL_DECODE = 256;
    /** Names per IN list: well under SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int LOOKUP_CHUNK = 500;
    private static final int INSERT_BATCH = 500;
    /** Rows written in bulk before the first statistics refresh (PostgreSQL). */
    private static final int ANALYZE_AFTER = 10_000;
    /** The statistics target of those refreshes: samples of 300 times this many rows. */
    private static final int ANALYZE_TARGET = 10;

    private final Database db; // null only for a read-only SQLite store whose file does not exist
    private final SqlPlatform platform;
    private final StoreLocation location;
    private final String secret;
    private final TableLayout layout; // null when there is no sessions table (read-only stores only)
    private final TableLayout writeLayout;
    private final SqlQueries queries;
    private final PostgresBulkWrite bulk; // PostgreSQL with a table only
    private final boolean writable;
    private final String backupName;
    private final Runnable afterClose;
    private final SqliteCheckpointer checkpointer; // writable SQLite stores only
    /** PostgreSQL: a batch was committed without waiting for it to be durable, since the last {@link #makeDurable}. */
    private volatile boolean notDurable;
    /** The first page of {@link #streamAll}, read since {@link #readAhead} (null: never asked; once per store). */
    private final AtomicReference<FutureTask<List<SessionRecord>>> prefetch = new AtomicReference<>();
    /** Whether a {@code streamAll} took that page (the next ones read their first page themselves). */
    private final AtomicBoolean prefetchTaken = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong writtenSinceAnalyze = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rowsAtAnalyze = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param layout      the table as it is; null when there is none (read-only only)
     * @param writeLayout the table a write meets: {@code layout} itself for a writable (migrated) store
     * @param backupName  the file or database name that backups are named after
     * @param afterClose  run once the connections are closed (may be null)
     */
    SqlSessionStore(Database db, SqlPlatform platform, StoreLocation location, String secret, TableLayout layout,
                    TableLayout writeLayout, boolean writable, String backupName, Runnable afterClose) {
        this.db = db;
        this.platform = platform;
        this.location = location;
        this.secret = secret;
        this.layout = layout;
        this.writeLayout = writeLayout;
        this.queries = layout == null ? null : new SqlQueries(platform, layout);
        this.bulk = layout == null || platform != SqlPlatform.POSTGRES ? null
                : new PostgresBulkWrite(layout, queries, location, secret);
        this.writable = writable;
        this.backupName = backupName;
        this.afterClose = afterClose;
        this.checkpointer = location instanceof StoreLocation.Sqlite sqlite && writable
                ? new SqliteCheckpointer(sqlite.path()) : null;
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public List<SessionRecord> list(SessionQuery query) {
        if (layout == null) {
            return List.of();
        }
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
        if (layout == null) {
            return 0;
        }
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
        if (layout == null) {
            return Optional.empty();
        }
        return read(c -> find(c, session, false));
    }

    /**
     * One read transaction. SQLite: one {@code IN} query per {@value #LOOKUP_CHUNK} names. PostgreSQL:
     * one query with the names as an array ({@code = ANY (?)}): a migration's batch lookups and the
     * verification's re-reading take one round trip per batch, and the server plans one statement
     * shape instead of parsing a 500-parameter list.
     */
    @Override
    public Map<String, SessionRecord> getAll(Collection<String> sessions) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(sessions));
        TableLayout l = layout;
        if (names.isEmpty() || l == null) {
            return new LinkedHashMap<>();
        }
        // PostgreSQL's records made on every core; SQLite's on this thread (see readAll's parallel argument)
        Map<String, SessionRecord> stored = new HashMap<>();
        for (SessionRecord r : make(l, rowsNamed(l, names), platform == SqlPlatform.POSTGRES)) {
            stored.put(r.session(), r);
        }
        Map<String, SessionRecord> found = new LinkedHashMap<>();
        for (String name : names) {
            SessionRecord r = stored.get(name);
            if (r != null) {
                found.put(name, r);
            }
        }
        return found;
    }

    /** {@link #getAll}'s rows, each made into its record by its supplier. */
    @Override
    public Map<String, Supplier<SessionRecord>> getAllMadeLater(Collection<String> sessions) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(sessions));
        TableLayout l = layout;
        Map<String, Supplier<SessionRecord>> found = new HashMap<>();
        if (names.isEmpty() || l == null) {
            return found;
        }
        for (Object[] row : rowsNamed(l, names)) {
            found.put(l.name(row), () -> l.decode(row));
        }
        return found;
    }

    /** The rows of these names (without repeats), as {@link TableLayout#read} gives them, in one read transaction. */
    private List<Object[]> rowsNamed(TableLayout l, List<String> names) {
        return read(c -> {
            List<Object[]> rows = new ArrayList<>();
            if (platform == SqlPlatform.POSTGRES) {
                try (PreparedStatement ps = c.prepareStatement(queries.byNameArray())) {
                    ps.setArray(1, c.createArrayOf("text", names.toArray()));
                    readRows(l, ps, rows);
                }
                return rows;
            }
            for (int from = 0; from < names.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = names.subList(from, Math.min(names.size(), from + LOOKUP_CHUNK));
                try (PreparedStatement ps = c.prepareStatement(queries.byNames(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    readRows(l, ps, rows);
                }
            }
            return rows;
        });
    }

    /** What {@link #create} and the batch writes would refuse, found without writing. */
    @Override
    public List<ValidationProblem> writeProblems(SessionRecord record) {
        return problems(record, writeLayout, writeLayout.encode(record));
    }

    /** {@link #writeProblems}, keeping the row it encoded for {@link #writeChecked}. */
    @Override
    public CheckedRecord check(SessionRecord record) {
        Object[] row = writeLayout.encode(record);
        List<ValidationProblem> problems = problems(record, writeLayout, row);
        if (!problems.isEmpty()) {
            return new CheckedRecord(record, problems, null);
        }
        // PostgreSQL: the row's COPY line too, so the writer only joins lines (checks run on every core)
        byte[] copyLine = bulk != null && writeLayout == layout ? bulk.line(row) : null;
        return new CheckedRecord(record, problems, new EncodedRow(writeLayout, row, copyLine));
    }

    /** A row {@link #check} encoded, with the layout it was encoded for (and its COPY line, or null). */
    private record EncodedRow(TableLayout layout, Object[] values, byte[] copyLine) {
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public SessionRecord create(SessionRecord record) {
        requireWritable();
        Object[] row = writableRow(record);
        return write(c -> {
            if (find(c, record.session(), true).isPresent()) {
                throw new DuplicateSessionException(record.session(), location.display());
            }
            try (PreparedStatement ps = c.prepareStatement(queries.insert(false))) {
                layout.bindWritable(ps, row);
                ps.executeUpdate();
            }
            return record;
        });
    }

    @Override
    public SessionRecord update(SessionPatch patch, SessionRecord expected) {
        requireWritable();
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
        requireWritable();
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

    /**
     * 5,000 into SQLite: at each commit SQLite writes every page the transaction changed into its log, and a batch's
     * random names touch most of the name index, so fewer, larger transactions write far less (a 100,000-record copy
     * 1.52 -> 1.27 s; docs/benchmarks.md). PostgreSQL keeps 1,000: larger batches there gained nothing and, held
     * longer in memory, made a migration's collections three times as long and its peak memory 100 MB larger.
     */
    @Override
    public int defaultBatchSize() {
        return platform == SqlPlatform.POSTGRES ? SessionStore.super.defaultBatchSize() : 5000;
    }

    /** By session name, a page at a time, so memory stays bounded and no connection is held between pages. */
    @Override
    public Stream<SessionRecord> streamAll() {
        if (layout == null) {
            return Stream.empty();
        }
        FutureTask<List<SessionRecord>> ahead = prefetch.get();
        FutureTask<List<SessionRecord>> readAlready =
                ahead != null && prefetchTaken.compareAndSet(false, true) ? ahead : null;
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
                page = from == null && readAlready != null ? taken(readAlready) : read(c -> pageAfter(c, from));
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

    /**
     * Reads the first page of {@link #streamAll} on a thread of its own, for the caller about to stream the store
     * after other slow work: a migration opens its target meanwhile (PostgreSQL: the TLS handshake, the login, the
     * schema's round trips), when one core is mostly idle, and its copy then starts with a batch in hand instead of
     * waiting 30-50 ms for the first one. The next {@code streamAll} takes that page (a failure to read it is
     * thrown there); later ones read as usual. Once per store: asked again, it does nothing.
     */
    @Override
    public void readAhead() {
        if (layout == null || db == null) {
            return;
        }
        FutureTask<List<SessionRecord>> read = new FutureTask<>(() -> read(c -> pageAfter(c, null)));
        if (prefetch.compareAndSet(null, read)) {
            Thread t = new Thread(read, "sql-read-ahead");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The page {@link #readAhead} read, or what reading it threw. */
    private static List<SessionRecord> taken(FutureTask<List<SessionRecord>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Every record is checked first ({@link InvalidSessionException} for the first that cannot be
     * written exactly, before anything is written). Then, in one transaction: SQLite runs a JDBC
     * batch of {@code INSERT ... ON CONFLICT DO UPDATE}; PostgreSQL gets the rows through {@code COPY}
     * with the same meaning ({@link PostgresBulkWrite}), and a record the server refuses is named
     * with its field. A name given twice keeps its last record.
     */
    @Override
    public void writeBatch(List<SessionRecord> records) {
        requireWritable();
        writeRows(records, records.stream().map(this::writableRow).toList(), null, true, true);
    }

    /**
     * {@link #writeBatch}, taking the rows {@link #check} encoded when they were encoded for this
     * table's layout (a writable store's check uses it); any other record is checked here again.
     */
    @Override
    public void writeChecked(List<CheckedRecord> checked) {
        requireWritable();
        Encoded e = encoded(checked);
        writeRows(e.records, e.rows, e.lines, true, false);
    }

    /**
     * {@link #writeChecked} with plain inserts (SQLite) or a plain {@code COPY} (PostgreSQL), which the
     * table's unique key refuses for a stored name; then, in a second transaction, the batch's names are
     * looked up. A refusal with none of them stored (another unique column, a constraint) is the
     * ordinary write's to report: the batch is written as {@link #writeChecked} would.
     */
    @Override
    public Map<String, SessionRecord> writeNew(List<CheckedRecord> checked) {
        requireWritable();
        Encoded e = encoded(checked);
        try {
            writeRows(e.records, e.rows, e.lines, false, false);
            return Map.of();
        } catch (NameTaken refused) {
            Map<String, SessionRecord> stored = getAll(e.records.stream().map(SessionRecord::session).toList());
            if (stored.isEmpty()) {
                writeRows(e.records, e.rows, e.lines, true, false);
            }
            return stored;
        }
    }

    /** Records with their rows and COPY lines, as {@link #writeRows} takes them. */
    private record Encoded(List<SessionRecord> records, List<Object[]> rows, List<byte[]> lines) {
    }

    /** The rows {@link #check} encoded for this table's layout, and any other record checked again. */
    private Encoded encoded(List<CheckedRecord> checked) {
        List<SessionRecord> records = new ArrayList<>(checked.size());
        List<Object[]> rows = new ArrayList<>(checked.size());
        List<byte[]> lines = new ArrayList<>(checked.size());
        for (CheckedRecord c : checked) {
            if (!c.problems().isEmpty()) {
                throw new InvalidSessionException(c.record().session(), c.problems());
            }
            records.add(c.record());
            if (c.kept() instanceof EncodedRow e && e.layout() == layout) {
                rows.add(e.values());
                lines.add(e.copyLine());
            } else {
                rows.add(writableRow(c.record()));
                lines.add(null);
            }
        }
        return new Encoded(records, rows, lines);
    }

    /** A unique key refused a batch that {@link #writeNew} wrote without replacing: nothing of it was kept. */
    private static final class NameTaken extends StoreException {
        NameTaken() {
            super("a name of the batch is stored already");
        }
    }

    /** True for a refusal by a unique or primary key (SQLite: any constraint; the lookup then tells). */
    private boolean uniqueViolation(SQLException e) {
        return platform == SqlPlatform.POSTGRES ? "23505".equals(e.getSQLState()) : e.getErrorCode() == 19;
    }

    /**
     * Writes {@code rows}, the encoded {@code records}, in one transaction; {@code copyLines} are
     * their COPY lines where made beforehand (null: none, or made by PostgreSQL's bulk write). With
     * {@code replace} a stored record of a name is replaced; without, a stored name fails the whole
     * batch with {@link NameTaken}, nothing of it kept. Without {@code durable}, PostgreSQL commits the
     * batch without waiting for its write-ahead log to reach the disk ({@link PostgresBulkWrite#writeAlone}): a
     * migration's copy commits a batch every few milliseconds, each waited about 1.5 ms on these machines for the
     * log while the next batch could not be handed over; {@link #makeDurable} then waits once for all of them
     * (ADR 5, addendum of 2026-12-03).
     */
    private void writeRows(List<SessionRecord> records, List<Object[]> rows, List<byte[]> copyLines, boolean replace,
                           boolean durable) {
        if (rows.isEmpty()) {
            return;
        }
        Work<Void> insert;
        if (platform == SqlPlatform.POSTGRES) {
            List<PostgresBulkWrite.Row> copy = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                copy.add(new PostgresBulkWrite.Row(records.get(i), rows.get(i), copyLines == null ? null : copyLines.get(i)));
            }
            insert = c -> {
                if (!durable) {
                    notDurable = true; // before the commit: a commit the server made may fail to be acknowledged
                }
                bulk.writeAlone(c, copy, replace, durable);
                return null;
            };
        } else {
            insert = c -> {
                try (PreparedStatement ps = c.prepareStatement(queries.insert(replace))) {
                    for (Object[] row : rows) {
                        layout.bindWritable(ps, row);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            };
        }
        Work<Void> work = replace ? insert : c -> {
            try {
                return insert.run(c);
            } catch (SQLException e) {
                if (uniqueViolation(e)) {
                    throw new NameTaken();
                }
                throw e;
            }
        };
        if (platform == SqlPlatform.POSTGRES) {
            write(work);
        } else {
            int usual = walAutoCheckpoint(0);
            try {
                write(work);
            } finally {
                walAutoCheckpoint(usual);
            }
            checkpointer.request();
        }
        afterBulkWrite(rows.size());
    }

    /**
     * Sets SQLite's automatic checkpoint (in WAL pages) of this store's connection; returns the
     * setting it had. A migration's batches commit with it off, and {@link SqliteCheckpointer}
     * checkpoints beside them instead: at SQLite's usual 1,000 pages, a 100,000-record load stopped
     * to copy its WAL into the file and sync both a dozen times, 0.3-0.4 s of the copy (ADR 5
     * addendum). A run killed meanwhile leaves a WAL that SQLite replays on the next open.
     */
    private int walAutoCheckpoint(int pages) {
        return inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                int before;
                try (ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                    before = rs.next() ? rs.getInt(1) : pages;
                }
                if (before != pages) {
                    st.execute("PRAGMA wal_autocheckpoint = " + pages);
                }
                return before;
            }
        }, false);
    }

    /**
     * PostgreSQL, after batches committed without waiting: commits a transaction that has a transaction id (so
     * it writes a commit record, and waits for the log up to it as the server's {@code synchronous_commit}
     * says, the log before it included). {@code txid_current()} gives it one without writing anything else.
     */
    @Override
    public void makeDurable() {
        if (!notDurable) {
            return;
        }
        notDurable = false; // before: a batch committed meanwhile sets it again
        try {
            write(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT txid_current()")) {
                    rs.next();
                }
                return null;
            });
        } catch (RuntimeException e) {
            notDurable = true;
            throw e;
        }
    }

    /**
     * PostgreSQL plans a prepared lookup once for all its executions after a few runs; on a table
     * that a bulk load has just filled, before autovacuum's next pass has counted its rows, that
     * generic plan scans the whole table for each batch lookup (a verification of 100,000 records
     * took 40-50 s instead of 4 s, depending on whether autovacuum had come by). So the table's
     * statistics are refreshed here each time the rows written since the last refresh reach the count
     * it had then (at least {@value #ANALYZE_AFTER}): a handful of quick ANALYZEs over a whole load.
     *
     * <p>Only the name column is analyzed, from a small sample ({@value #ANALYZE_TARGET} as the
     * statistics target: 3,000 rows), in the writer's transaction: the lookups need the table's row
     * count and the name's statistics, nothing else. A whole-table ANALYZE at the default target took
     * 0.1-0.35 s each on 100,000 rows, four times per load, while the writer waited; this one takes
     * about 25 ms. An ANALYZE of some columns leaves the table's count of changes since its last
     * analysis as it is, so autovacuum still analyzes every column after the load, at the table's own
     * statistics target.
     */
    private void afterBulkWrite(int written) {
        if (platform != SqlPlatform.POSTGRES) {
            return;
        }
        long since = writtenSinceAnalyze.addAndGet(written);
        long threshold = Math.max(ANALYZE_AFTER, rowsAtAnalyze.get());
        if (since < threshold || !writtenSinceAnalyze.compareAndSet(since, 0)) {
            return;
        }
        try {
            write(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL default_statistics_target = " + ANALYZE_TARGET);
                    st.execute(queries.analyzeNames());
                }
                rowsAtAnalyze.set(rowsAtAnalyze.get() + since);
                return null;
            });
        } catch (StoreException e) {
            // only statistics: a role that may not analyze a table it does not own gets a notice, not an error
        }
    }

    /**
     * SQLite: {@code VACUUM INTO} a new file, a consistent copy of the database taken with a read
     * lock only, so it works while others read and write (and on a read-only store). PostgreSQL:
     * every row as a record in a JSON array, read in pages inside one repeatable-read transaction
     * (one consistent snapshot, one page in memory at a time). No table yet: an empty JSON array.
     */
    @Override
    public Path backup(Path directory) {
        if (layout == null) {
            return BackupFiles.writeEmpty(directory, backupName, location.display());
        }
        if (platform == SqlPlatform.SQLITE) {
            return BackupFiles.write(directory, backupName, "db", location.display(), this::vacuumInto);
        }
        return BackupFiles.write(directory, backupName, "json", location.display(), this::writeJsonArray);
    }

    /**
     * On a connection of its own, opened read-only: VACUUM cannot run inside a transaction nor
     * beside statements the pool keeps prepared on its connection, and a reader never waits for
     * the store's own writer.
     */
    private void vacuumInto(Path tmp) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        Path file = ((StoreLocation.Sqlite) location).path();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, tmp.toString()); // bound, so no path can break out of the statement
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e, location, secret, false);
        }
    }

    private void writeJsonArray(Path tmp) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
            JsonArrayWriter writer = new JsonArrayWriter(out);
            try {
                inTransaction(c -> {
                    String after = null;
                    while (true) {
                        List<SessionRecord> page = pageAfter(c, after);
                        try {
                            for (SessionRecord r : page) {
                                writer.write(r);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e); // out of the JDBC work, rethrown below
                        }
                        if (page.size() < STREAM_PAGE) {
                            return null;
                        }
                        after = page.get(page.size() - 1).session();
                    }
                }, false, TxIsolation.REPEATABLE_READ);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.finish();
        }
    }

    /**
     * Deletes every row and inserts {@code records} in JDBC batches (PostgreSQL: {@code COPY}, as
     * {@link #writeBatch}), in one transaction; the first record that cannot be written exactly
     * rolls it all back ({@link InvalidSessionException}). A name given twice keeps its last record,
     * as in {@link #writeBatch}.
     */
    @Override
    public void replaceAll(Stream<SessionRecord> records) {
        requireWritable();
        int written = write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM sessions");
            }
            if (platform == SqlPlatform.POSTGRES) {
                return copyAll(c, records.iterator());
            }
            try (PreparedStatement ps = c.prepareStatement(queries.insert(true))) {
                int pending = 0;
                int rows = 0;
                Iterator<SessionRecord> it = records.iterator();
                while (it.hasNext()) {
                    layout.bindWritable(ps, writableRow(it.next()));
                    ps.addBatch();
                    rows++;
                    if (++pending == INSERT_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
                return rows;
            }
        });
        afterBulkWrite(written);
    }

    /** {@code records} through {@link PostgresBulkWrite}, {@value #INSERT_BATCH} at a time; the count written. */
    private int copyAll(Connection c, Iterator<SessionRecord> records) throws SQLException {
        List<PostgresBulkWrite.Row> chunk = new ArrayList<>(INSERT_BATCH);
        int rows = 0;
        while (records.hasNext()) {
            SessionRecord r = records.next();
            chunk.add(new PostgresBulkWrite.Row(r, writableRow(r)));
            rows++;
            if (chunk.size() == INSERT_BATCH || !records.hasNext()) {
                bulk.write(c, chunk);
                chunk.clear();
            }
        }
        return rows;
    }

    /**
     * SQLite: {@code PRAGMA data_version}, which moves when another connection commits, with this
     * connection's own {@code total_changes()} (data_version ignores our own commits) and which
     * connection answered (the values mean something only per connection; the pool has one).
     * PostgreSQL: one aggregate over the table without reading its rows' values: the row count and
     * the sum of the rows' {@code xmin} (the transaction that wrote each row version: every insert
     * or update gives its row a new one), derived from {@code age(xmin)} because converting an xid to
     * a number through text costs ten times more. About 8–25 ms for 100,000 rows.
     * No table (read-only stores): the store reads as empty whatever happens, so the token never moves.
     */
    @Override
    public ChangeToken changeToken() {
        if (layout == null) {
            return new ChangeToken("none");
        }
        return read(c -> platform == SqlPlatform.SQLITE ? sqliteToken(c) : postgresToken(c));
    }

    private static ChangeToken sqliteToken(Connection c) throws SQLException {
        Object connection = c.isWrapperFor(org.sqlite.SQLiteConnection.class)
                ? c.unwrap(org.sqlite.SQLiteConnection.class) : c;
        try (Statement st = c.createStatement()) {
            long version;
            try (ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                rs.next();
                version = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT total_changes()")) {
                rs.next();
                return new ChangeToken("sqlite:" + System.identityHashCode(connection) + ":" + version + ":"
                        + rs.getLong(1));
            }
        }
    }

    /**
     * {@code age(x)} is {@code (int32) (ref - x)} for one reference xid per transaction, and
     * {@code age('3')} gives that reference; so the sum of the xids (mod 2^32) follows from the sum
     * of the ages, and stays the same while the reference moves with other work on the server. Rows
     * with a special xid (age reported as INT_MAX) are counted apart.
     */
    private static ChangeToken postgresToken(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*), "
                + "count(*) FILTER (WHERE age(xmin) = 2147483647), coalesce(sum(age(xmin)::int8), 0), "
                + "age('3'::xid) FROM sessions")) {
            rs.next();
            long rows = rs.getLong(1);
            long special = rs.getLong(2);
            long ages = rs.getLong(3) - special * Integer.MAX_VALUE;
            long reference = rs.getLong(4) + 3;
            long xidSum = ((rows - special) * reference - ages) & 0xFFFF_FFFFL;
            return new ChangeToken("postgres:" + rows + ":" + special + ":" + xidSum);
        }
    }

    @Override
    public void close() {
        FutureTask<List<SessionRecord>> ahead = prefetch.get();
        if (ahead != null) {
            try {
                taken(ahead); // not left reading a database being closed (taken by a stream or not)
            } catch (RuntimeException notAskedFor) {
                // reported to the stream that took it, if any
            }
        }
        if (notDurable) {
            try {
                makeDurable();
            } catch (StoreException e) {
                // the writer that deferred them calls makeDurable itself and reports its failure
            }
        }
        if (checkpointer != null) {
            checkpointer.close(); // before the store's connection, whose closing checkpoints what is left
        }
        if (db != null) {
            db.shutdown(true, false);
        }
        if (afterClose != null) {
            afterClose.run();
        }
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

    /** The next {@value #STREAM_PAGE} records by name after {@code after} (from the first when null). */
    private List<SessionRecord> pageAfter(Connection c, String after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(queries.page(after != null, STREAM_PAGE))) {
            if (after != null) {
                ps.setString(1, after);
            }
            return readAll(ps);
        }
    }

    /**
     * The records {@code ps} selects. The rows are read on this thread (the connection's); making
     * records of them (parsing Minsky's JSON text columns) runs on every core when there are many:
     * it is most of the work of a migration's batch lookups and of streaming a whole table.
     */
    private List<SessionRecord> readAll(PreparedStatement ps) throws SQLException {
        return readAll(ps, true);
    }

    /**
     * @param parallel whether many rows are made into records on every core. Not for SQLite's lookups by name
     *                 ({@link #getAll}): a verification reads them on its reader thread while its own thread compares
     *                 the batch before, so both cores are busy already, and each lookup's two chunks of
     *                 {@value #LOOKUP_CHUNK} then waited twice for the pool's worker; made on the reading thread, the
     *                 verification of a JSON file migrated to SQLite took 5–8 % less time (docs/benchmarks.md, "Two
     *                 threads, no joins"). PostgreSQL's lookups keep it: its verification took 8 % longer without.
     */
    private List<SessionRecord> readAll(PreparedStatement ps, boolean parallel) throws SQLException {
        TableLayout l = layout;
        List<Object[]> rows = new ArrayList<>();
        readRows(l, ps, rows);
        return make(l, rows, parallel);
    }

    /** The rows {@code ps} selects, added to {@code rows} as {@link TableLayout#read} gives them. */
    private static void readRows(TableLayout l, PreparedStatement ps, List<Object[]> rows) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(l.read(rs));
            }
        }
    }

    /** The records of {@code rows}, in their order; on every core when asked and there are many. */
    private static List<SessionRecord> make(TableLayout l, List<Object[]> rows, boolean parallel) {
        SessionRecord[] out = new SessionRecord[rows.size()];
        IntStream range = IntStream.range(0, out.length);
        (parallel && out.length >= PARALLEL_DECODE ? range.parallel() : range).forEach(i -> out[i] = l.decode(rows.get(i)));
        return new ArrayList<>(Arrays.asList(out));
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
        Object[] row = layout.encode(record);
        List<ValidationProblem> problems = problems(record, layout, row);
        if (!problems.isEmpty()) {
            throw new InvalidSessionException(record.session(), problems);
        }
        return row;
    }

    /** Validation errors, or when there are none, what the table cannot hold of {@code row}. */
    private static List<ValidationProblem> problems(SessionRecord record, TableLayout table, Object[] row) {
        List<ValidationProblem> problems = new ArrayList<>(SessionValidator.errors(record));
        if (problems.isEmpty()) {
            problems.addAll(table.problems(record, row));
        }
        return problems;
    }

    private void requireWritable() {
        if (!writable) {
            throw new ReadOnlyStoreException(location.display());
        }
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
        return inTransaction(work, writing, null);
    }

    private <T> T inTransaction(Work<T> work, boolean writing, TxIsolation isolation) {
        try (Transaction txn = isolation == null ? db.beginTransaction() : db.beginTransaction(isolation)) {
            Connection c = txn.connection();
            if (writing && platform == SqlPlatform.SQLITE) {
                takeSqliteWriteLock(c);
            }
            T result = work.run(c);
            txn.commit();
            return result;
        } catch (StoreException | UncheckedIOException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e, location, secret, writing);
        }
    }
}
