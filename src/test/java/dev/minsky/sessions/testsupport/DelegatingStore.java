package dev.minsky.sessions.testsupport;

import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.CheckedRecord;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real store seen through a subclass that overrides what a test wants to watch or break: every method,
 * the interface's defaults included, goes to {@code store} unless overridden, so the store behaves exactly
 * as it does on its own. Not a stand-in for a database: the writes and reads reach the real one.
 */
public class DelegatingStore implements SessionStore {
    protected final SessionStore store;

    public DelegatingStore(SessionStore store) {
        this.store = store;
    }

    @Override
    public StoreLocation location() {
        return store.location();
    }

    @Override
    public List<SessionRecord> list(SessionQuery query) {
        return store.list(query);
    }

    @Override
    public void writeJson(SessionQuery query, OutputStream out) throws IOException {
        store.writeJson(query, out);
    }

    @Override
    public long count(SessionQuery query) {
        return store.count(query);
    }

    @Override
    public Optional<SessionRecord> get(String session) {
        return store.get(session);
    }

    @Override
    public boolean exists(String session) {
        return store.exists(session);
    }

    @Override
    public SessionRecord create(SessionRecord record) {
        return store.create(record);
    }

    @Override
    public SessionRecord update(SessionPatch patch, SessionRecord expected) {
        return store.update(patch, expected);
    }

    @Override
    public void delete(String session, SessionRecord expected) {
        store.delete(session, expected);
    }

    @Override
    public Stream<SessionRecord> streamAll() {
        return store.streamAll();
    }

    @Override
    public void writeBatch(List<SessionRecord> records) {
        store.writeBatch(records);
    }

    @Override
    public Map<String, SessionRecord> getAll(Collection<String> sessions) {
        return store.getAll(sessions);
    }

    @Override
    public Map<String, Supplier<SessionRecord>> getAllMadeLater(Collection<String> sessions) {
        return store.getAllMadeLater(sessions);
    }

    @Override
    public List<ValidationProblem> writeProblems(SessionRecord record) {
        return store.writeProblems(record);
    }

    @Override
    public CheckedRecord check(SessionRecord record) {
        return store.check(record);
    }

    @Override
    public void writeChecked(List<CheckedRecord> records) {
        store.writeChecked(records);
    }

    @Override
    public Map<String, SessionRecord> writeNew(List<CheckedRecord> records) {
        return store.writeNew(records);
    }

    @Override
    public void makeDurable() {
        store.makeDurable();
    }

    @Override
    public void readAhead() {
        store.readAhead();
    }

    @Override
    public boolean holdsRecordsInMemory() {
        return store.holdsRecordsInMemory();
    }

    @Override
    public int batchSize(int requested) {
        return store.batchSize(requested);
    }

    @Override
    public int defaultBatchSize() {
        return store.defaultBatchSize();
    }

    @Override
    public Path backup(Path directory) {
        return store.backup(directory);
    }

    @Override
    public void replaceAll(Stream<SessionRecord> records) {
        store.replaceAll(records);
    }

    @Override
    public ChangeToken changeToken() {
        return store.changeToken();
    }

    @Override
    public Optional<Watch> watch(Runnable mayHaveChanged) {
        return store.watch(mayHaveChanged);
    }

    @Override
    public boolean writable() {
        return store.writable();
    }

    @Override
    public void close() {
        store.close();
    }
}
