package dev.minsky.sessions.store;

import dev.minsky.sessions.domain.JsonUtf8;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.domain.ValidationProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one interface every backend implements (JSON file, SQLite, PostgreSQL). Its contract is
 * {@code SessionStoreContract} in the tests; in short:
 * <ul>
 *   <li>A store that cannot be read or reached throws {@link StoreUnavailableException}; it never
 *       answers "no sessions" instead.</li>
 *   <li>Writes validate the record ({@link InvalidSessionException} lists every error) and never
 *       alter it: what is written is what is read back, unknown fields included.</li>
 *   <li>{@link #update} changes only the fields its patch names and refuses with
 *       {@link SessionConflictException} when the record is no longer what the caller read.</li>
 * </ul>
 * Implementations are safe for use from several threads.
 */
public interface SessionStore extends AutoCloseable {

    /** Where this store lives (shown to users; passwords masked by {@link StoreLocation#display()}). */
    StoreLocation location();

    /** The sessions the query selects, in its order and page. */
    List<SessionRecord> list(SessionQuery query);

    /**
     * Writes the sessions the query selects, in its order and page, exactly as Minsky's
     * {@code JSON.stringify(sessions, null, 2)} writes them (UTF-8, no newline after the closing bracket).
     * A store may answer from its stored text without building the records, when that text is already
     * in this form (the JSON store does, for the whole list by name).
     */
    default void writeJson(SessionQuery query, OutputStream out) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        for (SessionRecord r : list(query)) {
            elements.add(r.fields());
        }
        JsonUtf8.writeArray(elements, out, 2);
    }

    /** How many sessions the query's filters select (its page ignored). */
    long count(SessionQuery query);

    Optional<SessionRecord> get(String session);

    default boolean exists(String session) {
        return get(session).isPresent();
    }

    /**
     * Adds a new session.
     *
     * @throws DuplicateSessionException if a session of that name exists
     * @throws InvalidSessionException if the record has validation errors
     */
    SessionRecord create(SessionRecord record);

    /**
     * Applies {@code patch} to the stored session and returns the result.
     *
     * @param expected the record as the caller last read it; when not {@code null} and the stored
     *                 record differs from it (changed by someone else since), nothing is written
     * @throws SessionNotFoundException if there is no such session
     * @throws SessionConflictException if the stored record differs from {@code expected}
     * @throws InvalidSessionException if the patched record would have validation errors
     */
    SessionRecord update(SessionPatch patch, SessionRecord expected);

    /** {@link #update(SessionPatch, SessionRecord)} without a conflict check. */
    default SessionRecord update(SessionPatch patch) {
        return update(patch, null);
    }

    /**
     * Removes a session.
     *
     * @param expected as in {@link #update}; {@code null} deletes whatever is stored
     * @throws SessionNotFoundException if there is no such session
     */
    void delete(String session, SessionRecord expected);

    default void delete(String session) {
        delete(session, null);
    }

    /**
     * Every record in a stable order (the same order on every call while the store is unchanged),
     * read lazily where the backend can. Close the stream.
     */
    Stream<SessionRecord> streamAll();

    /**
     * Writes whole records, each replacing any stored record of the same name, all in one
     * transaction: either every record of the batch is stored or none is.
     *
     * @throws InvalidSessionException naming the first record with validation errors (nothing written)
     */
    void writeBatch(List<SessionRecord> records);

    // ---- what the migration engine needs (same contract on every backend) ----------------------

    /**
     * The stored records of these names, keyed by name; names not stored are absent from the map.
     * One round trip per call where the backend can (the engine asks a batch at a time).
     */
    default Map<String, SessionRecord> getAll(Collection<String> sessions) {
        Map<String, SessionRecord> found = new LinkedHashMap<>();
        for (String name : sessions) {
            get(name).ifPresent(r -> found.put(name, r));
        }
        return found;
    }

    /**
     * {@link #getAll} in two steps: the stored records of these names are read now, on this thread, and each is made
     * into its {@link SessionRecord} when its supplier is asked (each time it is asked), on the thread that asks. The
     * map is keyed by name and has no order. A migration's verification reads the next step's records on its reader
     * thread while its own thread compares: for a SQL store, making records (parsing Minsky's JSON text columns) was a
     * third of what the reader waited for, and the comparing side had time for it. By default the records are made
     * at once.
     */
    default Map<String, Supplier<SessionRecord>> getAllMadeLater(Collection<String> sessions) {
        Map<String, Supplier<SessionRecord>> found = new HashMap<>();
        getAll(sessions).forEach((name, r) -> found.put(name, () -> r));
        return found;
    }

    /**
     * Why {@code record} cannot be written here exactly as it is: its validation errors (SPEC §1)
     * and values this store cannot hold (a text longer than a column allows, a required column the
     * record leaves empty, a NUL character PostgreSQL refuses). Empty when it can be written.
     */
    default List<ValidationProblem> writeProblems(SessionRecord record) {
        return SessionValidator.errors(record);
    }

    /**
     * {@link #writeProblems} of one record, with what finding them computed kept for
     * {@link #writeChecked} (a SQL store keeps the row of column values it encoded): a bulk writer
     * checks every record, on as many threads as it likes, then writes those without problems.
     */
    default CheckedRecord check(SessionRecord record) {
        return new CheckedRecord(record, writeProblems(record), null);
    }

    /**
     * {@link #writeBatch} of records checked by {@link #check}, with the same transaction and
     * meaning, reusing the work the check kept where it was this store's, for its table as it is now.
     * It may return before the batch is durable: a bulk writer calls {@link #makeDurable} when it ends.
     *
     * @throws InvalidSessionException naming the first record with problems (nothing written)
     */
    default void writeChecked(List<CheckedRecord> records) {
        writeBatch(records.stream().map(CheckedRecord::record).toList());
    }

    /**
     * {@link #writeChecked} of records expected to be new here: if none of their names is stored, writes
     * them in one transaction and returns an empty map; if one is (another writer stored it meanwhile),
     * writes nothing and returns the stored records of the batch's names, for the caller to decide
     * about them. A migration into a store that was empty writes this way instead of asking for every
     * batch's names first; a SQL store finds out from its unique key, without a lookup. Like
     * {@link #writeChecked}, it may return before the batch is durable.
     *
     * @throws InvalidSessionException naming the first record with problems (nothing written)
     */
    default Map<String, SessionRecord> writeNew(List<CheckedRecord> records) {
        Map<String, SessionRecord> stored = getAll(records.stream().map(c -> c.record().session()).toList());
        if (stored.isEmpty()) {
            writeChecked(records);
        }
        return stored;
    }

    /**
     * Returns once every batch {@link #writeChecked} and {@link #writeNew} committed here is as durable as the
     * store makes any write. Those two may return when their batch is committed and visible to every reader
     * but not yet durable: PostgreSQL commits them without waiting for its write-ahead log to reach the disk
     * ({@code synchronous_commit} off for their transactions), so a crash of the server itself (not of this
     * process) within about half a second could lose the last of them whole, never part of one. This
     * commits one more transaction the server's usual way, which waits for everything before it. A bulk
     * writer calls it when it ends, however it ends, before it reports its batches written; closing the store
     * calls it too. Stores whose batch writes return durable do nothing.
     *
     * @throws StoreException if the store cannot be reached (the batches since the last call may be lost)
     */
    default void makeDurable() {
    }

    /**
     * Starts reading what this store holds on a thread of its own, and returns at once: a JSON file is read and
     * parsed whole (it is on its first use anyway), a SQL store reads the first page of {@link #streamAll}. For a
     * caller about to read the whole store after other slow work, such as opening a second store: the two then
     * overlap. A failure is left for the reading that follows, which meets and reports it.
     */
    default void readAhead() {
    }

    /**
     * Whether {@link #streamAll} hands out records this store already holds in memory (a JSON file is read
     * whole), rather than reading them from a database. A migration's verification reads such a source
     * again; from any other, the copy keeps each record's digest as it reads it instead (ADR 5).
     */
    default boolean holdsRecordsInMemory() {
        return false;
    }

    /**
     * How many records to give {@link #writeBatch} at a time when {@code requested} were asked
     * for: a store that rewrites everything on each write (a JSON file) asks for all of them.
     */
    default int batchSize(int requested) {
        return requested;
    }

    /**
     * How many records a migration writes per transaction here unless told otherwise. 1,000 keeps a batch's records
     * in memory short-lived; SQLite asks for more (its commits cost more than its batches' memory).
     */
    default int defaultBatchSize() {
        return 1000;
    }

    /**
     * Writes a consistent copy of everything this store holds to a new file in {@code directory}
     * (created if needed; the file readable by its owner only) and returns it. A SQLite store
     * copies its database; PostgreSQL writes its sessions as a JSON array; a JSON store copies its
     * file. A store that does not exist yet backs up as an empty JSON array. The copy can be
     * opened as a store ({@code json:} or {@code sqlite:}) and given to {@link #replaceAll}.
     *
     * @throws StoreException if the copy cannot be made (nothing is left half-written)
     */
    Path backup(Path directory);

    /**
     * Replaces everything this store holds with {@code records}, in one transaction: afterwards
     * it holds exactly these records, or, on failure, exactly what it held before.
     */
    void replaceAll(Stream<SessionRecord> records);

    // ---- noticing changes made underneath (SPEC §6.1) -------------------------------------------

    /**
     * A cheap fingerprint of what the store holds now, so a window can notice that the store changed
     * underneath it by comparing it with the last one (every few seconds). Two equal tokens from this
     * instance mean nothing was written in between, by this instance, another one or another program
     * (Minsky); after any committed write the token differs. It may also differ when nothing did (a
     * reconnect, a rewrite with the same content): a spurious difference costs a refresh, a missed
     * one would not be seen. Costs a file's metadata or one light query, never a read of the records.
     *
     * @throws StoreUnavailableException if the storage cannot be read or reached
     */
    ChangeToken changeToken();

    /**
     * Asks to be told soon after the storage may have changed, where the backend can know without
     * being asked: the JSON file's folder is watched by the operating system. {@code mayHaveChanged}
     * runs on a thread of the watch's own, once per burst of changes; it is a hint to compare
     * {@link #changeToken()} sooner, not a promise (a network drive may never report). Empty when the
     * backend has no such signal (SQL databases): poll {@link #changeToken()} instead.
     */
    default Optional<Watch> watch(Runnable mayHaveChanged) {
        return Optional.empty();
    }

    /** A running {@link #watch}: close it to stop (its thread ends; nothing is called afterwards). */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** False for a store opened read-only (every write throws {@link ReadOnlyStoreException}). */
    default boolean writable() {
        return true;
    }

    @Override
    void close();
}
